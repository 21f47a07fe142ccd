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
  IToken,
  OrMethodOpts,
  SubruleMethodOpts,
  tokenMatcher,
  TokenType,
} from "chevrotain";
import * as T from "./inlineTokens";
import * as G from "./inlineLookahead";
import * as N from "./inlineNodes";
import { lexInline, TokenBuffer } from "./inlineLexer";
import { DateNode, Direction, InlineError, MetricPhrase, NumberNode } from "./inlineTree";
import { recogniseDate, recogniseMetric, recogniseValue } from "./inlineRecogniser";

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
 *
 * This is the grammar of record, which reports errors and recovers from them. Texts without an
 * error are read by the recogniser (inlineRecogniser.ts), which sequences these rules by hand
 * around the same gates (inlineLookahead.ts) and nodes (inlineNodes.ts); a change to a rule here is
 * made there too, and inline-recogniser.property.test.ts fails until it is.
 */
class InlineParser extends EmbeddedActionsParser implements G.Lookahead {
  private phrase: MetricPhrase = N.emptyPhrase();

  constructor(recoveryEnabled: boolean) {
    super(T.inlineTokenTypes, { recoveryEnabled, maxLookahead: 2, errorMessageProvider: messages, lookaheadStrategy: new GateReadingLookahead({ maxLookahead: 2 }) });
    this.performSelfAnalysis();
  }

  setPhrase(phrase: MetricPhrase): void {
    this.phrase = phrase;
  }

  /** Chevrotain's LA, public for the gates. */
  override LA(offset: number): IToken {
    return super.LA(offset);
  }

  /** Whether the next tokens are of these types (or of their categories). */
  static startsWith(parser: BaseParser, types: TokenType[]): boolean {
    for (let i = 0; i < types.length; i++) if (!tokenMatcher((parser as InlineParser).LA(i + 1), types[i])) return false;
    return true;
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

  // Each phrase rule starts with a gate that looks ahead: once it passes, the phrase commits and
  // reports what is missing; otherwise the first token is prose ("Hear from customers").

  private fromTo = this.RULE("fromTo", () => {
    this.OR((this.fromToAlternatives ??= {
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => G.startsFromTo(this),
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
            if (!this.RECORDING_PHASE) N.setRange(this.phrase, baseline, target);
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
          GATE: () => G.startsRange(this),
          ALT: () => {
            const baseline = this.SUBRULE(this.value);
            this.CONSUME(T.RangeSign);
            const target = this.SUBRULE2(this.value);
            if (!this.RECORDING_PHASE) N.setRange(this.phrase, baseline, target);
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

  private bound = this.RULE("bound", () => {
    this.OR((this.boundAlternatives ??= {
      IGNORE_AMBIGUITIES: true,
      MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => G.startsBound(this),
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
            if (!this.RECORDING_PHASE) N.setBound(this.phrase, target, direction);
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
          GATE: () => G.startsByPhrase(this),
          ALT: () => {
            this.CONSUME(T.By);
            this.OR2((this.deadlineOrChange ??= [
              {
                GATE: () => G.startsDate(this, 1),
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
          GATE: () => G.startsCurrent(this),
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
    if (!this.RECORDING_PHASE) this.phrase.owners.push(N.owner(token));
  });

  private verb = this.RULE("verb", () => {
    const direction = this.OR((this.verbs ??= [
      { ALT: () => (this.CONSUME(T.IncreaseVerb), "up") },
      { ALT: () => (this.CONSUME(T.DecreaseVerb), "down") },
    ]));
    if (!this.RECORDING_PHASE) this.phrase.verb ??= direction;
  });

  /** A number with an optional unit word (see unitFollows); undefined when recovery had to invent the number. */
  value = this.RULE("value", (attachedUnitOnly?: boolean): NumberNode | undefined => {
    const token = this.CONSUME(T.NumberLiteral) as T.InlineToken;
    // The OPTION's gate is tested here: Chevrotain makes a closure at every call of a gated OPTION
    // (4.6 MB per 1 MB analysed). The recording phase records the OPTION all the same.
    const unit = this.RECORDING_PHASE || G.unitFollows(this, attachedUnitOnly) ? this.OPTION((this.unit ??= () => this.CONSUME(T.Word))) : undefined;
    return this.RECORDING_PHASE ? undefined : N.toNumber(token, unit);
  });

  date = this.RULE("date", (): DateNode | undefined => {
    return this.OR((this.dates ??= [
      {
        ALT: () => {
          const iso = this.CONSUME(T.IsoDate);
          return this.RECORDING_PHASE ? undefined : N.isoDate(iso);
        },
      },
      {
        ALT: () => {
          const yq = this.CONSUME(T.YearQuarter);
          return this.RECORDING_PHASE ? undefined : N.yearQuarter(yq);
        },
      },
      {
        ALT: () => {
          const q = this.CONSUME(T.Quarter);
          const year = this.OPTION((this.quarterYear ??= () => this.CONSUME(T.NumberLiteral)));
          return this.RECORDING_PHASE ? undefined : N.quarter(q, year);
        },
      },
      {
        ALT: () => {
          const end = this.CONSUME(T.End);
          this.CONSUME(T.Of);
          const inner: DateNode | undefined = this.SUBRULE(this.date);
          return this.RECORDING_PHASE ? undefined : N.endOf(end, inner);
        },
      },
      {
        ALT: () => {
          const m = this.CONSUME(T.Month);
          const day = this.OPTION2((this.monthDay ??= () => this.CONSUME2(T.NumberLiteral)));
          const year = this.OPTION3(
            (this.monthYear ??= {
              GATE: () => G.yearFollows(this),
              DEF: () => {
                this.OPTION4((this.yearComma ??= () => this.CONSUME(T.Comma)));
                return this.CONSUME3(T.NumberLiteral);
              },
            }),
          );
          return this.RECORDING_PHASE ? undefined : N.month(m, day, year);
        },
      },
      {
        GATE: () => G.isYear(this.LA(1)),
        ALT: () => {
          const year = this.CONSUME4(T.NumberLiteral);
          return this.RECORDING_PHASE ? undefined : N.yearDate(year);
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

/** The tokens of the text being parsed: nothing read out of a parse refers to them. */
const tokens = new TokenBuffer();

/** Runs a rule on a parser whose input is set; its result holds the errors of the text. */
type Entry<R extends { errors: InlineError[] }> = (parser: InlineParser) => R;
const keyResult: Entry<MetricPhrase> = (parser) => {
  const phrase = N.emptyPhrase();
  parser.setPhrase(phrase);
  parser.keyResult();
  return phrase;
};
const valueWithNote: Entry<{ value?: NumberNode; errors: InlineError[] }> = (parser) => ({ value: parser.valueWithNote(), errors: [] });
const dateOnly: Entry<{ date?: DateNode; errors: InlineError[] }> = (parser) => ({ date: parser.dateOnly(), errors: [] });

// Recovery costs on every rule and repetition, and so does the rest of Chevrotain's machinery; nearly
// all texts have no error. So the recogniser reads a text first, and only a text it gives up on is
// parsed here, with recovery, which reports every error and reads the phrases around them. The
// parser is built for the first such text (or by `prepareErrorRecovery`): its self-analysis takes
// about 30 ms, which a file without errors need not pay.
let recoveringParser: InlineParser | undefined;

/**
 * Builds the recovering parser now rather than at the first text with an error. A language server
 * calls it once it is idle: otherwise the first typo of a session waits the 30 ms for it.
 */
export function prepareErrorRecovery(): void {
  errorRecoveringParser();
}

function errorRecoveringParser(): InlineParser {
  return (recoveringParser ??= new InlineParser(true));
}

/** `unread`: the entry's result with nothing read, for a text the parser cannot read at all. */
function recover<R extends { errors: InlineError[] }>(text: string, tokens: IToken[], entry: Entry<R>, unread: () => R): R {
  const parser = errorRecoveringParser();
  parser.input = tokens;
  let recovered: R;
  try {
    recovered = entry(parser);
  } catch (err) {
    // Chevrotain recurses once per `end of`: a text nesting a thousand or more overflows the stack.
    if (!(err instanceof RangeError)) throw err;
    const failed = unread();
    failed.errors.push({ message: "This text nests too deeply to be read.", start: 0, end: text.length });
    return failed;
  }
  for (const error of parser.errors) recovered.errors.push(toError(error.token, error.message, text.length));
  return recovered;
}

function toError(token: IToken, message: string, textEnd: number): InlineError {
  if (token.tokenType === EOF || Number.isNaN(token.startOffset)) return { message, start: textEnd, end: textEnd };
  return { message, start: token.startOffset, end: token.startOffset + token.image.length };
}

/** Reads the metric phrase of a key result's text. */
export function parseMetric(text: string): MetricPhrase {
  const lexed = lexInline(text, Infinity, tokens);
  return recogniseMetric(lexed) ?? recover(text, lexed, keyResult, N.emptyPhrase);
}

/** Reads `V note` (a check-in or an attribute like `current: $41.2M`). */
export function parseValue(text: string): { value?: NumberNode; errors: InlineError[] } {
  // After a number only the word against it (a unit) is read: the note cannot change the result.
  let lexed = lexInline(text, 2, tokens);
  if (lexed[0]?.tokenType !== T.NumberLiteral) lexed = lexInline(text, Infinity, tokens);
  return recogniseValue(lexed) ?? recover(text, lexed, valueWithNote, () => ({ errors: [] }));
}

/** Reads a date (`2027-03-31`, `Q1`, `end of Q2`, `March 1, 2027`). */
export function parseDate(text: string): { date?: DateNode; errors: InlineError[] } {
  const lexed = lexInline(text, Infinity, tokens);
  return recogniseDate(lexed) ?? recover(text, lexed, dateOnly, () => ({ errors: [] }));
}

let parserWithoutRecovery: InlineParser | undefined;

function withoutRecovery<R extends { errors: InlineError[] }>(tokens: IToken[], entry: Entry<R>): R | undefined {
  const parser = (parserWithoutRecovery ??= new InlineParser(false));
  parser.input = tokens;
  const result = entry(parser);
  return parser.errors.length > 0 ? undefined : result;
}

/**
 * For the tests only: the grammar of record without recovery, which read every text first before
 * the recogniser took its place; undefined where it records an error. It is the recogniser's
 * oracle in inline-recogniser.property.test.ts.
 */
export const chevrotainWithoutRecovery = {
  metric: (tokens: IToken[]) => withoutRecovery(tokens, keyResult),
  value: (tokens: IToken[]) => withoutRecovery(tokens, valueWithNote),
  date: (tokens: IToken[]) => withoutRecovery(tokens, dateOnly),
};
