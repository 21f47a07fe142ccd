import { createToken, IToken, TokenType } from "chevrotain";

/**
 * Tokens of the inline language: the text of a key result, an attribute value, a check-in or a
 * table cell. inlineLexer.ts makes them with character tests, so the types have no patterns.
 */

/** Every token belongs to this category, so a rule can consume "any token" in prose. */
export const AnyToken = createToken({ name: "AnyToken" });
/**
 * What a bound (`≥ 99%`, `under 2%`, `at least 40`) and a current-value shorthand (`— current
 * 65%`, `(now 340 ms)`) start with: their rules read such a token as prose when no phrase follows.
 */
export const BoundStart = createToken({ name: "BoundStart" });
export const CurrentStart = createToken({ name: "CurrentStart" });
/** `current` or `now`, and what may open them: `—`, `(`. */
export const CurrentWord = createToken({ name: "CurrentWord", categories: [CurrentStart] });
export const CurrentOpening = createToken({ name: "CurrentOpening", categories: [CurrentStart] });
/** Between the numbers of a range: `to`, `→`, `->`. */
export const RangeSign = createToken({ name: "RangeSign" });

const tokens: TokenType[] = [AnyToken, BoundStart, CurrentStart, CurrentWord, CurrentOpening, RangeSign];
function token(name: string, ...categories: TokenType[]): TokenType {
  const t = createToken({ name, categories: [AnyToken, ...categories] });
  tokens.push(t);
  return t;
}

export const Word = token("Word");
export const IsoDate = token("IsoDate");
export const YearQuarter = token("YearQuarter");
export const NumberLiteral = token("NumberLiteral");
export const Quarter = token("Quarter");
export const Month = token("Month");
export const From = token("From");
export const To = token("To", BoundStart, RangeSign);
export const By = token("By");
export const Reach = token("Reach", BoundStart);
export const At = token("At", BoundStart);
export const Least = token("Least");
export const Most = token("Most");
export const Above = token("Above", BoundStart);
export const Under = token("Under", BoundStart);
export const Less = token("Less", BoundStart);
export const More = token("More", BoundStart);
export const Than = token("Than");
export const Now = token("Now", CurrentWord);
export const Current = token("Current", CurrentWord);
export const End = token("End");
export const Of = token("Of");
export const IncreaseVerb = token("IncreaseVerb");
export const DecreaseVerb = token("DecreaseVerb");
export const Arrow = token("Arrow", RangeSign);
export const GreaterEqual = token("GreaterEqual", BoundStart);
export const LessEqual = token("LessEqual", BoundStart);
export const Dash = token("Dash", CurrentOpening);
export const Owner = token("Owner");
export const LParen = token("LParen", CurrentOpening);
export const RParen = token("RParen");
export const Comma = token("Comma");
export const Other = token("Other");

export const inlineTokenTypes: TokenType[] = tokens;

/** What the lexer read from a number as written (`$41.2M` → 41200000, "$", not percent). */
export interface NumberValue {
  amount: number;
  currency?: string;
  percent: boolean;
}

/**
 * A token of one text. Its image is cut from the text only when something reads it (most words are
 * never read), and the parser's lexer reuses its tokens, and their number values, from text to text.
 */
export class InlineToken implements IToken {
  tokenType: TokenType = Other;
  tokenTypeIdx = Other.tokenTypeIdx!;
  startOffset = 0;
  /** Where the token ends in its text (exclusive). */
  end = 0;
  /** The number's value on NumberLiteral tokens, undefined on all others. */
  payload: NumberValue | undefined = undefined;
  /** Where the lexer writes the value of a number this token is (then its payload). */
  readonly number: NumberValue = { amount: 0, currency: undefined, percent: false };
  private text = "";
  private cut: string | undefined = undefined;

  get image(): string {
    return (this.cut ??= this.text.slice(this.startOffset, this.end));
  }

  set(type: TokenType, text: string, start: number, end: number, payload: NumberValue | undefined): void {
    this.tokenType = type;
    this.tokenTypeIdx = type.tokenTypeIdx!;
    this.text = text;
    this.startOffset = start;
    this.end = end;
    this.payload = payload;
    this.cut = undefined;
  }
}
