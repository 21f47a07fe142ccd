import { createTokenInstance, EOF, IToken, tokenMatcher, TokenType } from "chevrotain";
import * as T from "./inlineTokens";
import * as G from "./inlineLookahead";
import * as N from "./inlineNodes";
import { DateNode, Direction, InlineError, MetricPhrase, NumberNode } from "./inlineTree";

/**
 * The inline grammar's fast path: the three entry rules of the Chevrotain parser (inlineParser.ts)
 * read by hand, for texts without an error, which are nearly all. It takes the parser's tokens and
 * gives its results, and gives up (undefined) exactly where the parser without recovery would
 * record an error; the Chevrotain parser, the grammar of record, then reads the text with recovery
 * and reports the errors. Chevrotain's machinery (rule calls, lookahead functions, its state per
 * rule and repetition) cost about 260 ns a token: on the 1 MB benchmark's key results 17.5 ms,
 * against 6.6 ms for lexing them; this reads them in about 4.
 *
 * The gates (inlineLookahead.ts) and the nodes (inlineNodes.ts) are shared with the parser; only
 * the sequencing of the rules is written twice, here and there, each method below as its rule.
 * `test/engine/inline-recogniser.property.test.ts` keeps the two in step: on generated texts and
 * the benchmark's it compares every result and every verdict with the parser's without recovery.
 */

/** What LA reads past the end of the text, as Chevrotain's LA does. */
const END_OF_TEXT = createTokenInstance(EOF, "", NaN, NaN, NaN, NaN, NaN, NaN);

/** The rules a token can start in `keyResult`, whose OR picks one by the next token alone. */
const enum Start {
  Prose,
  FromTo,
  Range,
  Bound,
  ByPhrase,
  CurrentShorthand,
  Owner,
  Verb,
}

/** keyResult's alternatives in their order, by the tokens (or categories) they start with. */
const ALTERNATIVES: [TokenType[], Start][] = [
  [[T.From], Start.FromTo],
  [[T.NumberLiteral], Start.Range],
  [[T.BoundStart], Start.Bound],
  [[T.By], Start.ByPhrase],
  [[T.CurrentStart], Start.CurrentShorthand],
  [[T.Owner], Start.Owner],
  [[T.IncreaseVerb, T.DecreaseVerb], Start.Verb],
];

/** The rule each token type starts, by its tokenTypeIdx: the first alternative that takes it, as the OR picks. */
const STARTS: Start[] = [];
for (const type of T.inlineTokenTypes) {
  const token = createTokenInstance(type, "", 0, 0, 0, 0, 0, 0);
  STARTS[type.tokenTypeIdx!] = ALTERNATIVES.find(([firsts]) => firsts.some((first) => tokenMatcher(token, first)))?.[1] ?? Start.Prose;
}

/**
 * A cursor over one text's tokens with a method per rule. A phrase rule tests its gate first; where
 * the gate fails, the rule's other alternative takes the first token as prose, as here `next++`.
 */
class Recogniser implements G.Lookahead {
  private tokens: readonly T.InlineToken[] = [];
  /** The index of the next token: Chevrotain's `currIdx + 1`. */
  private next = 0;
  /** Set where the parser without recovery would record an error; the rules then return at once. */
  private failed = false;
  private phrase: MetricPhrase = N.emptyPhrase();

  LA(offset: number): IToken {
    const index = this.next + offset - 1;
    return index >= 0 && index < this.tokens.length ? this.tokens[index] : END_OF_TEXT;
  }

  private start(tokens: readonly T.InlineToken[]): void {
    this.tokens = tokens;
    this.next = 0;
    this.failed = false;
  }

  /** CONSUME: the next token if it is of this type or category, else a failure. */
  private consume(type: TokenType): IToken | undefined {
    const token = this.LA(1);
    if (tokenMatcher(token, type)) {
      this.next++;
      return token;
    }
    this.failed = true;
    return undefined;
  }

  /** OPTION(CONSUME): the next token if it is of this type or category. */
  private optional(type: TokenType): IToken | undefined {
    return tokenMatcher(this.LA(1), type) ? this.tokens[this.next++] : undefined;
  }

  keyResult(tokens: readonly T.InlineToken[]): MetricPhrase | undefined {
    this.start(tokens);
    const phrase = (this.phrase = N.emptyPhrase());
    while (this.next < tokens.length && !this.failed) {
      switch (STARTS[tokens[this.next].tokenTypeIdx]) {
        case Start.FromTo:
          this.fromTo();
          break;
        case Start.Range:
          this.range();
          break;
        case Start.Bound:
          this.bound();
          break;
        case Start.ByPhrase:
          this.byPhrase();
          break;
        case Start.CurrentShorthand:
          this.currentShorthand();
          break;
        case Start.Owner:
          phrase.owners.push(N.owner(tokens[this.next++]));
          break;
        case Start.Verb:
          this.verb();
          break;
        default:
          this.next++;
      }
    }
    return this.failed ? undefined : phrase;
  }

  private fromTo(): void {
    if (!G.startsFromTo(this)) {
      this.next++;
      return;
    }
    this.consume(T.From);
    const baseline = this.value(false);
    if (this.failed) return;
    this.phrase.baseline ??= baseline;
    let target: NumberNode | undefined;
    if (this.optional(T.RangeSign)) {
      target = this.value(false);
      if (this.failed) return;
    }
    N.setRange(this.phrase, baseline, target);
  }

  private range(): void {
    if (!G.startsRange(this)) {
      const n = this.value(false);
      if (n) this.phrase.bare.push(n);
      return;
    }
    const baseline = this.value(false);
    this.consume(T.RangeSign);
    if (this.failed) return;
    const target = this.value(false);
    if (!this.failed) N.setRange(this.phrase, baseline, target);
  }

  private bound(): void {
    if (!G.startsBound(this)) {
      this.next++;
      return;
    }
    const direction = this.direction();
    if (this.failed) return;
    const target = this.value(false);
    if (!this.failed) N.setBound(this.phrase, target, direction);
  }

  /** The bound's sign or words, and the direction they state. */
  private direction(): Direction {
    const sign = this.tokens[this.next++];
    switch (sign.tokenType) {
      case T.GreaterEqual:
      case T.Reach:
      case T.Above:
        return "up";
      case T.LessEqual:
      case T.Under:
        return "down";
      case T.To:
        return this.phrase.verb ?? "up";
      case T.At:
        if (this.optional(T.Least)) return "up";
        this.consume(T.Most);
        return "down";
      case T.More:
        this.consume(T.Than);
        return "up";
      case T.Less:
        this.consume(T.Than);
        return "down";
    }
    // No alternative takes this BoundStart token (the parser's OR would find none either).
    this.failed = true;
    return "up";
  }

  private byPhrase(): void {
    if (!G.startsByPhrase(this)) {
      this.next++;
      return;
    }
    this.consume(T.By);
    if (G.startsDate(this, 1)) {
      const deadline = this.date();
      if (!this.failed) this.phrase.deadline ??= deadline;
    } else {
      const change = this.value(false);
      if (!this.failed) this.phrase.relative ??= change;
    }
  }

  private currentShorthand(): void {
    if (!G.startsCurrent(this)) {
      this.next++;
      return;
    }
    const opening = this.optional(T.CurrentOpening);
    this.consume(T.CurrentWord);
    this.optional(T.At);
    const current = this.value(false);
    if (this.failed) return;
    if (opening?.tokenType === T.LParen) this.optional(T.RParen);
    this.phrase.current = current;
  }

  private verb(): void {
    const direction: Direction = this.tokens[this.next++].tokenType === T.IncreaseVerb ? "up" : "down";
    this.phrase.verb ??= direction;
  }

  /** A number with an optional unit word (see unitFollows). */
  private value(attachedUnitOnly: boolean): NumberNode | undefined {
    const token = this.consume(T.NumberLiteral) as T.InlineToken | undefined;
    if (!token) return undefined;
    const unit = G.unitFollows(this, attachedUnitOnly) ? this.tokens[this.next++] : undefined;
    return N.toNumber(token, unit);
  }

  private date(): DateNode | undefined {
    const first = this.LA(1);
    switch (first.tokenType) {
      case T.IsoDate:
        this.next++;
        return N.isoDate(first);
      case T.YearQuarter:
        this.next++;
        return N.yearQuarter(first);
      case T.Quarter:
        this.next++;
        return N.quarter(first, this.optional(T.NumberLiteral));
      case T.End: {
        this.next++;
        this.consume(T.Of);
        const inner = this.failed ? undefined : this.date();
        return N.endOf(first, inner);
      }
      case T.Month: {
        this.next++;
        const day = this.optional(T.NumberLiteral);
        let year: IToken | undefined;
        if (G.yearFollows(this)) {
          this.optional(T.Comma);
          year = this.consume(T.NumberLiteral);
        }
        return N.month(first, day, year);
      }
    }
    if (G.isYear(first)) {
      this.next++;
      return N.yearDate(first);
    }
    this.failed = true;
    return undefined;
  }

  /** An attribute value or check-in: a number first, anything after it is a note (the rule's MANY reads it as prose). */
  valueWithNote(tokens: readonly T.InlineToken[]): { value?: NumberNode; errors: InlineError[] } | undefined {
    this.start(tokens);
    const value = this.value(true);
    return this.failed ? undefined : { value, errors: [] };
  }

  /** A date, and after it a note as above. */
  dateOnly(tokens: readonly T.InlineToken[]): { date?: DateNode; errors: InlineError[] } | undefined {
    this.start(tokens);
    const date = this.date();
    return this.failed ? undefined : { date, errors: [] };
  }
}

const recogniser = new Recogniser();

/** parseMetric's reading of these tokens, or undefined where the text has an error. */
export function recogniseMetric(tokens: readonly T.InlineToken[]): MetricPhrase | undefined {
  return recogniser.keyResult(tokens);
}

/** parseValue's reading of these tokens, or undefined where the text has an error. */
export function recogniseValue(tokens: readonly T.InlineToken[]): { value?: NumberNode; errors: InlineError[] } | undefined {
  return recogniser.valueWithNote(tokens);
}

/** parseDate's reading of these tokens, or undefined where the text has an error. */
export function recogniseDate(tokens: readonly T.InlineToken[]): { date?: DateNode; errors: InlineError[] } | undefined {
  return recogniser.dateOnly(tokens);
}
