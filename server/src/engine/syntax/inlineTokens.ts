import { createToken, IToken, TokenType } from "chevrotain";

/**
 * Tokens of the inline language: the text of a key result, an attribute value, a check-in or a
 * table cell. inlineLexer.ts makes them with character tests (a Chevrotain regex lexer took twice
 * as long as the parse itself); the types have no patterns because no Chevrotain lexer runs.
 */

/** Every token belongs to this category, so a rule can consume "any token" in prose. */
export const AnyToken = createToken({ name: "AnyToken" });
/**
 * The tokens a phrase can start with (`from`, a number, `≥`, `by`, `—`…). The parser tries the
 * phrases only at these; every other token is prose, chosen by a one-token table without gates.
 */
export const Cue = createToken({ name: "Cue" });

const tokens: TokenType[] = [AnyToken, Cue];
function token(name: string, cue?: "cue"): TokenType {
  const t = createToken({ name, categories: cue ? [AnyToken, Cue] : [AnyToken] });
  tokens.push(t);
  return t;
}

export const Word = token("Word");
export const IsoDate = token("IsoDate");
export const YearQuarter = token("YearQuarter");
export const NumberLiteral = token("NumberLiteral", "cue");
export const Quarter = token("Quarter");
export const Month = token("Month");
export const From = token("From", "cue");
export const To = token("To", "cue");
export const By = token("By", "cue");
export const Reach = token("Reach", "cue");
export const At = token("At", "cue");
export const Least = token("Least");
export const Most = token("Most");
export const Above = token("Above", "cue");
export const Under = token("Under", "cue");
export const Less = token("Less", "cue");
export const More = token("More", "cue");
export const Than = token("Than");
export const Now = token("Now", "cue");
export const Current = token("Current", "cue");
export const End = token("End");
export const Of = token("Of");
export const IncreaseVerb = token("IncreaseVerb");
export const DecreaseVerb = token("DecreaseVerb");
export const Arrow = token("Arrow");
export const GreaterEqual = token("GreaterEqual", "cue");
export const LessEqual = token("LessEqual", "cue");
export const Dash = token("Dash", "cue");
export const Owner = token("Owner");
export const LParen = token("LParen", "cue");
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

/** `payload` is the number's value on NumberLiteral tokens, undefined on all others. */
export interface InlineToken extends IToken {
  payload: NumberValue | undefined;
}
