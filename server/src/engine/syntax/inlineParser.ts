import {
  BaseParser,
  DSLMethodOpts,
  EmbeddedActionsParser,
  EOF,
  getLookaheadPaths,
  ILookaheadStrategy,
  IOrAlt,
  LLkLookaheadStrategy,
  IParserErrorMessageProvider,
  IRecognitionException,
  IToken,
  OrMethodOpts,
  SubruleMethodOpts,
  tokenMatcher,
  TokenType,
} from "chevrotain";
import * as T from "./inlineTokens";
import { isDigit } from "./chars";
import { lexInline, TokenBuffer } from "./inlineLexer";
import { DateNode, Direction, InlineError, MetricPhrase, NumberNode } from "./inlineTree";
import { monthFromName } from "../model/dates";

/** Words that follow a number without being its unit ("80% of reviewers"). */
const NOT_UNITS = new Set(
  ("and or for per the a an with on in across via into within as if so each every after before since until during " +
    "about around between vs versus then when while because including excluding new more less all our")
    .split(" "),
);

const DESCRIPTIONS: Record<string, string> = {
  NumberLiteral: "a number (like 44, $44M or 80%)",
  RParen: "')'",
  Of: "'of'",
  To: "'to'",
};

function describe(tokenType: TokenType): string {
  return DESCRIPTIONS[tokenType.name] ?? `'${tokenType.name.toLowerCase()}'`;
}

function after(previous: IToken): string {
  return previous && previous.tokenType !== EOF ? ` after '${previous.image}'` : "";
}

function found(actual: IToken): string {
  return actual.tokenType === EOF ? ", but the text ends" : `, found '${actual.image}'`;
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, actual, previous }) => `Expected ${describe(expected)}${after(previous)}${found(actual)}.`,
  buildNotAllInputParsedMessage: ({ firstRedundant }) => `Unexpected '${firstRedundant.image}'.`,
  buildNoViableAltMessage: ({ actual, previous, ruleName }) =>
    `Expected ${ruleName === "date" ? "a date (2027-03-31, Q1, end of Q2, Mar 1)" : "a value"}${after(previous)}${found(actual[0])}.`,
  buildEarlyExitMessage: ({ actual, previous }) => `Expected more${after(previous)}${found(actual[0])}.`,
};

/**
 * Chevrotain's LL(k) lookahead, except that an OR with gates reads each alternative's GATE where it
 * is: Chevrotain's copies the gates into an array at every call (2.6 MB per 1 MB analysed).
 */
class GateReadingLookahead extends LLkLookaheadStrategy {
  buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy["buildLookaheadForAlternation"]>[0]) {
    if (!options.hasPredicates) return super.buildLookaheadForAlternation(options);
    const { prodOccurrence: occurrence, rule, maxLookahead } = options;
    const paths = getLookaheadPaths({ occurrence, rule, maxLookahead, prodType: "Alternation" });
    return function (this: BaseParser, alternatives?: IOrAlt<unknown>[]): number | undefined {
      for (let alternative = 0; alternative < paths.length; alternative++) {
        const gate = alternatives![alternative].GATE;
        if (gate !== undefined && gate.call(this) === false) continue;
        for (const path of paths[alternative]) if (InlineParser.startsWith(this, path)) return alternative;
      }
      return undefined;
    };
  }
}

/** The `value` rule's argument where only a unit written against the number counts. */
const ATTACHED_UNIT_ONLY: SubruleMethodOpts<[boolean]> = { ARGS: [true] };

/**
 * The grammar of the text inside a key result, an attribute value or a check-in (spec §1.5, §1.6).
 * Phrases are recognised anywhere in free text; a phrase that starts unambiguously (`from 40 to`,
 * `≥`, `— current`) and is not finished yields an error at the spot, and parsing goes on.
 */
class InlineParser extends EmbeddedActionsParser {
  private phrase: MetricPhrase = emptyPhrase();

  constructor(recoveryEnabled: boolean) {
    super(T.inlineTokenTypes, { recoveryEnabled, maxLookahead: 2, errorMessageProvider: messages, lookaheadStrategy: new GateReadingLookahead({ maxLookahead: 2 }) });
    this.performSelfAnalysis();
  }

  setPhrase(phrase: MetricPhrase): void {
    this.phrase = phrase;
  }

  /** The errors of the parse under way, in one array from parse to parse: reading `errors` copies them. */
  private readonly parseErrors: IRecognitionException[] = [];

  reset(): void {
    super.reset();
    this.parseErrors.length = 0;
    this.errors = this.parseErrors;
  }

  /** Whether the last parse recorded an error. */
  failed(): boolean {
    return this.parseErrors.length > 0;
  }

  /** Whether the next tokens are of these types (or of their categories). */
  static startsWith(parser: BaseParser, types: TokenType[]): boolean {
    for (let i = 0; i < types.length; i++) if (!tokenMatcher((parser as InlineParser).LA(i + 1), types[i])) return false;
    return true;
  }

  /** Whether the token `offset` ahead is of this type (never a category: those need tokenMatcher). */
  private is(offset: number, type: TokenType): boolean {
    return this.LA(offset).tokenType === type;
  }

  /** How many tokens the number `offset` ahead takes with its unit word ("800ms" lexes as 800 + "ms"); 0 if none. */
  private numberAt(offset: number): number {
    if (!this.is(offset, T.NumberLiteral)) return 0;
    return this.is(offset + 1, T.Word) && isUnit(this.LA(offset + 1).image) ? 2 : 1;
  }

  private startsDate(offset: number): boolean {
    return (
      this.is(offset, T.IsoDate) ||
      this.is(offset, T.YearQuarter) ||
      this.is(offset, T.Quarter) ||
      this.is(offset, T.Month) ||
      (this.is(offset, T.End) && this.is(offset + 1, T.Of)) ||
      isYear(this.LA(offset))
    );
  }

  // The alternatives of an OR, and what MANY and OPTION run, are made on first use and kept: they
  // refer to nothing but `this` (what a rule reads later is kept in a field, like `opening`). Made
  // on every call they took a tenth of the parse time. For the same reason actions run under
  // `RECORDING_PHASE` rather than in an `ACTION` closure.
  private keyResultToken?: () => void;
  private keyResultAlternatives?: OrMethodOpts<void>;
  private fromToAlternatives?: OrMethodOpts<void>;
  private rangeTarget?: () => NumberNode | undefined;
  private rangeAlternatives?: OrMethodOpts<void>;
  private boundAlternatives?: OrMethodOpts<void>;
  private directions?: IOrAlt<Direction>[];
  private leastOrMost?: IOrAlt<Direction>[];
  private byAlternatives?: OrMethodOpts<void>;
  private deadlineOrChange?: IOrAlt<void>[];
  private currentAlternatives?: OrMethodOpts<void>;
  private currentOpening?: () => IToken;
  private currentAt?: () => IToken;
  /** What the current-value shorthand opened with: only `(` is closed. */
  private opening?: IToken;
  private closingParen?: DSLMethodOpts<IToken>;
  private verbs?: IOrAlt<Direction>[];
  private dates?: IOrAlt<DateNode | undefined>[];
  private quarterYear?: () => IToken;
  private monthDay?: () => IToken;
  private monthYear?: DSLMethodOpts<IToken>;
  private yearComma?: () => IToken;
  private unit?: () => IToken;
  private anyToken?: () => IToken;

  keyResult = this.RULE("keyResult", () => {
    // The next token picks the alternative from a table (no gates); a phrase rule then looks further
    // ahead to tell whether its phrase starts here or the token is prose.
    this.MANY((this.keyResultToken ??= () => {
      this.OR((this.keyResultAlternatives ??= {
        IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
        DEF: [
          { ALT: () => this.SUBRULE(this.fromTo) },
          { ALT: () => this.SUBRULE(this.range) },
          { ALT: () => this.SUBRULE(this.bound) },
          { ALT: () => this.SUBRULE(this.byPhrase) },
          { ALT: () => this.SUBRULE(this.currentShorthand) },
          { ALT: () => this.SUBRULE(this.owner) },
          { ALT: () => this.SUBRULE(this.verb) },
          { ALT: () => this.CONSUME(T.AnyToken) },
        ],
      }));
    }));
  });

  /** At a number: `40 →`, `40 to 50`, `800ms -> 300ms`. */
  private startsRange(): boolean {
    const n = this.numberAt(1);
    if (this.is(n + 1, T.Arrow)) return true;
    return this.is(n + 1, T.To) && this.is(n + 2, T.NumberLiteral);
  }

  private startsBound(): boolean {
    if (this.is(1, T.GreaterEqual) || this.is(1, T.LessEqual)) return true;
    if (this.is(1, T.At) && (this.is(2, T.Least) || this.is(2, T.Most))) return this.numberAt(3) > 0;
    if ((this.is(1, T.More) || this.is(1, T.Less)) && this.is(2, T.Than)) return this.numberAt(3) > 0;
    return (this.is(1, T.To) || this.is(1, T.Reach) || this.is(1, T.Above) || this.is(1, T.Under)) && this.numberAt(2) > 0;
  }

  private unitFollows(attachedOnly: boolean | undefined): boolean {
    if (!isUnit(this.LA(1).image)) return false;
    // LA(0) is the number; where recovery invented it, the start of the text (no offset: no unit).
    return !attachedOnly || this.LA(1).startOffset === end(this.LA(0));
  }

  // Each phrase rule starts with a gate that looks ahead: once it passes, the phrase commits and
  // reports what is missing; otherwise the first token is prose ("Hear from customers").

  private fromTo = this.RULE("fromTo", () => {
    this.OR((this.fromToAlternatives ??= {
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.numberAt(2) > 0,
          ALT: () => {
            this.CONSUME(T.From);
            const baseline = this.SUBRULE(this.value);
            if (!this.RECORDING_PHASE) this.phrase.baseline ??= baseline;
            const target = this.OPTION(
              (this.rangeTarget ??= () => {
                this.CONSUME(T.RangeSign);
                return this.SUBRULE2(this.value);
              }),
            );
            if (!this.RECORDING_PHASE) this.setRange(baseline, target);
          },
        },
        { ALT: () => this.CONSUME2(T.From) },
      ],
    }));
  });

  /** A range (`40 → 44`, `40 to 44`), else a number that belongs to no phrase. */
  private range = this.RULE("range", () => {
    this.OR((this.rangeAlternatives ??= {
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.startsRange(),
          ALT: () => {
            const baseline = this.SUBRULE(this.value);
            this.CONSUME(T.RangeSign);
            const target = this.SUBRULE2(this.value);
            if (!this.RECORDING_PHASE) this.setRange(baseline, target);
          },
        },
        {
          ALT: () => {
            const n = this.SUBRULE3(this.value);
            if (!this.RECORDING_PHASE && n) this.phrase.bare.push(n);
          },
        },
      ],
    }));
  });

  private setRange(baseline: NumberNode | undefined, target: NumberNode | undefined): void {
    if (!baseline || !target || this.phrase.target) return;
    this.phrase.baseline = baseline;
    this.phrase.target = target;
  }

  private bound = this.RULE("bound", () => {
    this.OR((this.boundAlternatives ??= {
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.startsBound(),
          ALT: () => {
            const direction = this.OR2((this.directions ??= [
              { ALT: () => (this.CONSUME(T.GreaterEqual), "up") },
              { ALT: () => (this.CONSUME(T.LessEqual), "down") },
              { ALT: () => (this.CONSUME(T.Reach), "up") },
              { ALT: () => (this.CONSUME(T.Above), "up") },
              { ALT: () => (this.CONSUME(T.Under), "down") },
              { ALT: () => (this.CONSUME(T.To), this.phrase.verb ?? "up") },
              {
                ALT: () => (
                  this.CONSUME(T.At),
                  this.OR3((this.leastOrMost ??= [{ ALT: () => (this.CONSUME(T.Least), "up") }, { ALT: () => (this.CONSUME(T.Most), "down") }]))
                ),
              },
              { ALT: () => (this.CONSUME(T.More), this.CONSUME(T.Than), "up") },
              { ALT: () => (this.CONSUME(T.Less), this.CONSUME2(T.Than), "down") },
            ]));
            const target = this.SUBRULE(this.value);
            if (this.RECORDING_PHASE || !target || this.phrase.target) return;
            this.phrase.target = target;
            this.phrase.stated = direction;
          },
        },
        { ALT: () => this.CONSUME(T.BoundStart) },
      ],
    }));
  });

  private byPhrase = this.RULE("byPhrase", () => {
    this.OR((this.byAlternatives ??= {
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => this.numberAt(2) > 0 || this.startsDate(2),
          ALT: () => {
            this.CONSUME(T.By);
            this.OR2((this.deadlineOrChange ??= [
              {
                GATE: () => this.startsDate(1),
                ALT: () => {
                  const deadline = this.SUBRULE(this.date);
                  if (!this.RECORDING_PHASE) this.phrase.deadline ??= deadline;
                },
              },
              {
                ALT: () => {
                  const change = this.SUBRULE(this.value);
                  if (!this.RECORDING_PHASE) this.phrase.relative ??= change;
                },
              },
            ]));
          },
        },
        { ALT: () => this.CONSUME2(T.By) },
      ],
    }));
  });

  private currentShorthand = this.RULE("currentShorthand", () => {
    this.OR((this.currentAlternatives ??= {
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () =>
            ((this.is(1, T.Dash) || this.is(1, T.LParen)) && (this.is(2, T.Current) || this.is(2, T.Now))) ||
            (this.is(1, T.Current) && this.numberAt(2) > 0),
          ALT: () => {
            this.opening = this.OPTION((this.currentOpening ??= () => this.CONSUME(T.CurrentOpening)));
            this.CONSUME(T.CurrentWord);
            this.OPTION2((this.currentAt ??= () => this.CONSUME(T.At)));
            const current = this.SUBRULE(this.value);
            this.OPTION3((this.closingParen ??= { GATE: () => this.opening?.tokenType === T.LParen, DEF: () => this.CONSUME(T.RParen) }));
            if (!this.RECORDING_PHASE) this.phrase.current = current ?? this.phrase.current;
          },
        },
        { ALT: () => this.CONSUME(T.CurrentStart) },
      ],
    }));
  });

  private owner = this.RULE("owner", () => {
    const token = this.CONSUME(T.Owner);
    if (!this.RECORDING_PHASE) this.phrase.owners.push({ name: token.image.slice(1), start: token.startOffset, end: token.startOffset + token.image.length });
  });

  private verb = this.RULE("verb", () => {
    const direction = this.OR((this.verbs ??= [
      { ALT: () => (this.CONSUME(T.IncreaseVerb), "up") },
      { ALT: () => (this.CONSUME(T.DecreaseVerb), "down") },
    ]));
    if (!this.RECORDING_PHASE) this.phrase.verb ??= direction;
  });

  /**
   * A number with an optional unit word; undefined when recovery had to invent the number. Before a
   * free note (check-ins, attribute values) only a unit written against the number counts (`300ms`):
   * in `16 two hospitals signed` the words are the note.
   */
  value = this.RULE("value", (attachedUnitOnly?: boolean): NumberNode | undefined => {
    const token = this.CONSUME(T.NumberLiteral) as T.InlineToken;
    // The OPTION's gate is tested here: Chevrotain makes a closure at every call of a gated OPTION
    // (4.6 MB per 1 MB analysed). The recording phase records the OPTION all the same.
    const unit = this.RECORDING_PHASE || this.unitFollows(attachedUnitOnly) ? this.OPTION((this.unit ??= () => this.CONSUME(T.Word))) : undefined;
    return this.RECORDING_PHASE ? undefined : toNumber(token, unit);
  });

  date = this.RULE("date", (): DateNode | undefined => {
    return this.OR((this.dates ??= [
      {
        ALT: () => {
          const iso = this.CONSUME(T.IsoDate);
          return this.RECORDING_PHASE ? undefined : isoDate(iso);
        },
      },
      {
        ALT: () => {
          const yq = this.CONSUME(T.YearQuarter);
          return this.RECORDING_PHASE ? undefined : yearQuarter(yq);
        },
      },
      {
        ALT: () => {
          const q = this.CONSUME(T.Quarter);
          const year = this.OPTION((this.quarterYear ??= () => this.CONSUME(T.NumberLiteral)));
          return this.RECORDING_PHASE ? undefined : quarter(q, year);
        },
      },
      {
        ALT: () => {
          const end = this.CONSUME(T.End);
          this.CONSUME(T.Of);
          const inner: DateNode | undefined = this.SUBRULE(this.date);
          return this.RECORDING_PHASE ? undefined : inner && { ...inner, start: end.startOffset };
        },
      },
      {
        ALT: () => {
          const m = this.CONSUME(T.Month);
          const day = this.OPTION2((this.monthDay ??= () => this.CONSUME2(T.NumberLiteral)));
          const year = this.OPTION3(
            (this.monthYear ??= {
              GATE: () => (this.is(1, T.Comma) && isYear(this.LA(2))) || isYear(this.LA(1)),
              DEF: () => {
                this.OPTION4((this.yearComma ??= () => this.CONSUME(T.Comma)));
                return this.CONSUME3(T.NumberLiteral);
              },
            }),
          );
          return this.RECORDING_PHASE ? undefined : month(m, day, year);
        },
      },
      {
        GATE: () => isYear(this.LA(1)),
        ALT: () => {
          const year = this.CONSUME4(T.NumberLiteral);
          return this.RECORDING_PHASE ? undefined : yearDate(year);
        },
      },
    ]));
  });

  /** An attribute value or check-in: a number first, anything after it is a note. */
  valueWithNote = this.RULE("valueWithNote", (): NumberNode | undefined => {
    const value = this.SUBRULE(this.value, ATTACHED_UNIT_ONLY);
    this.MANY((this.anyToken ??= () => this.CONSUME(T.AnyToken)));
    return value;
  });

  dateOnly = this.RULE("dateOnly", (): DateNode | undefined => {
    const d = this.SUBRULE(this.date);
    this.MANY((this.anyToken ??= () => this.CONSUME(T.AnyToken)));
    return d;
  });
}

/** A word in Latin script that is not a common English word (`ms`, `users`, `hours`; not `of`). */
function isUnit(image: string): boolean {
  const c = image.charCodeAt(0);
  const latin = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
  return latin && !NOT_UNITS.has(image.toLowerCase());
}

/** 1900–2199 written as four digits. */
function isYear(token: IToken): boolean {
  const image = token.image;
  if (token.tokenType !== T.NumberLiteral || image.length !== 4 || !isDigit(image.charCodeAt(2)) || !isDigit(image.charCodeAt(3))) return false;
  return image[0] === "1" ? image[1] === "9" : image[0] === "2" && (image[1] === "0" || image[1] === "1");
}

function end(token: IToken): number {
  return token.startOffset + token.image.length;
}

function real(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && token.image !== undefined;
}

function toNumber(token: T.InlineToken, unit: IToken | undefined): NumberNode | undefined {
  if (!real(token)) return undefined;
  const { amount, currency, percent } = token.payload!;
  const hasUnit = real(unit);
  return {
    amount,
    currency,
    percent,
    raw: hasUnit ? `${token.image} ${unit.image}` : token.image,
    unit: hasUnit ? unit.image : undefined,
    start: token.startOffset,
    end: hasUnit ? end(unit) : end(token),
  };
}

function isoDate(token: IToken): DateNode | undefined {
  return real(token) ? { kind: "iso", text: token.image, start: token.startOffset, end: end(token) } : undefined;
}

function yearQuarter(token: IToken): DateNode | undefined {
  if (!real(token)) return undefined;
  const half = /h/i.test(token.image[5]);
  const quarter = Number(token.image.slice(6));
  if (quarter < 1 || quarter > (half ? 2 : 4)) return undefined;
  return { kind: "quarter", quarter, half, year: Number(token.image.slice(0, 4)), start: token.startOffset, end: end(token) };
}

function quarter(q: IToken, year: IToken | undefined): DateNode | undefined {
  if (!real(q)) return undefined;
  const withYear = real(year) && isYear(year);
  return {
    kind: "quarter",
    quarter: Number(q.image.slice(1)),
    half: /h/i.test(q.image[0]),
    year: withYear ? Number(year.image) : undefined,
    start: q.startOffset,
    end: withYear ? end(year) : end(q),
  };
}

function month(m: IToken, day: IToken | undefined, year: IToken | undefined): DateNode | undefined {
  if (!real(m)) return undefined;
  const last = real(year) ? year : real(day) ? day : m;
  return {
    kind: "month",
    month: monthFromName(m.image)!,
    day: real(day) ? Number(day.image) : undefined,
    year: real(year) ? Number(year.image) : undefined,
    start: m.startOffset,
    end: end(last),
  };
}

function yearDate(token: IToken): DateNode | undefined {
  return real(token) ? { kind: "year", year: Number(token.image), start: token.startOffset, end: end(token) } : undefined;
}

export function emptyPhrase(): MetricPhrase {
  return { owners: [], bare: [], errors: [] };
}

// Recovery costs on every rule and repetition, and nearly all texts parse without an error; so a
// text is parsed without it first, and only a text with an error again, by the recovering parser,
// which reports every error and reads the phrases around them.
const fastParser = new InlineParser(false);
const recoveringParser = new InlineParser(true);
/** The tokens of the text being parsed: nothing read out of a parse refers to them. */
const tokens = new TokenBuffer();

/** Runs a rule on a parser whose input is set; its result holds the errors of the text. */
type Entry<R extends { errors: InlineError[] }> = (parser: InlineParser) => R;
const keyResult: Entry<MetricPhrase> = (parser) => {
  const phrase = emptyPhrase();
  parser.setPhrase(phrase);
  parser.keyResult();
  return phrase;
};
const valueWithNote: Entry<{ value?: NumberNode; errors: InlineError[] }> = (parser) => ({ value: parser.valueWithNote(), errors: [] });
const dateOnly: Entry<{ date?: DateNode; errors: InlineError[] }> = (parser) => ({ date: parser.dateOnly(), errors: [] });

function run<R extends { errors: InlineError[] }>(text: string, tokens: IToken[], entry: Entry<R>): R {
  fastParser.input = tokens;
  const fast = entry(fastParser);
  if (!fastParser.failed()) return fast;
  recoveringParser.input = tokens;
  const recovered = entry(recoveringParser);
  for (const error of recoveringParser.errors) recovered.errors.push(toError(error.token, error.message, text.length));
  return recovered;
}

function toError(token: IToken, message: string, textEnd: number): InlineError {
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) return { message, start: textEnd, end: textEnd };
  return { message, start: token.startOffset, end: token.startOffset + token.image.length };
}

/** Reads the metric phrase of a key result's text. */
export function parseMetric(text: string): MetricPhrase {
  return run(text, lexInline(text, Infinity, tokens), keyResult);
}

/** Reads `V note` (a check-in or an attribute like `current: $41.2M`). */
export function parseValue(text: string): { value?: NumberNode; errors: InlineError[] } {
  // After a number only the word against it (a unit) is read: the note cannot change the result.
  let first = lexInline(text, 2, tokens);
  if (first[0]?.tokenType !== T.NumberLiteral) first = lexInline(text, Infinity, tokens);
  return run(text, first, valueWithNote);
}

/** Reads a date (`2027-03-31`, `Q1`, `end of Q2`, `March 1, 2027`). */
export function parseDate(text: string): { date?: DateNode; errors: InlineError[] } {
  return run(text, lexInline(text, Infinity, tokens), dateOnly);
}
