import { TokenType } from "chevrotain";
import * as T from "./inlineTokens";
import { Char, isAsciiLetter, isDigit } from "./chars";

/**
 * Splits the text of a key result, attribute value or check-in into inline tokens with character
 * tests, reading each number's value on the way (a Chevrotain regex lexer, then reading the numbers
 * from their images, took 5× as long). Blanks, tabs and NBSP separate tokens; every other character
 * belongs to one, so the lexer never fails: what no rule reads is an `Other` token of one UTF-16
 * code unit (an emoji is two). `limit` stops it after that many tokens.
 *
 * At a given position the first rule that applies wins: ISO date, year-quarter, number, then
 * punctuation, owner and word. A word is a keyword only if the whole word is one (`to` is To,
 * `today` and `to-do` are words).
 *
 * The tokens are written into `buffer`, whose tokens are reused by the next text lexed into it.
 */
export function lexInline(text: string, limit = Infinity, buffer = new TokenBuffer()): T.InlineToken[] {
  const length = text.length;
  let count = 0;
  let i = 0;
  while (i < length && count < limit) {
    const c = text.charCodeAt(i);
    if (c === Char.Space || c === Char.Tab || c === Char.Nbsp) {
      i++;
      continue;
    }
    const token = buffer.at(count++);
    let type: TokenType = T.Other;
    let end = i + 1;
    let payload: T.NumberValue | undefined;
    if (isDigit(c)) {
      end = dateEnd(text, i);
      if (end === i + 10) type = T.IsoDate;
      else if (end === i + 7) type = T.YearQuarter;
      else {
        type = T.NumberLiteral;
        end = readNumber(text, i, (payload = token.number));
      }
    } else if (isWordStart(c)) {
      // Keywords are ASCII: only such words are looked up.
      let ascii = c < 128;
      for (let d: number; end < length && isWordPart((d = text.charCodeAt(end))); end++) if (d >= 128) ascii = false;
      type = ascii ? keyword(text, i, end) : T.Word;
    } else if (isSign(c) || isCurrency(c)) {
      end = readNumber(text, i, token.number);
      if (end > i) {
        type = T.NumberLiteral;
        payload = token.number;
      } else {
        end = i + 1;
        const next = text.charCodeAt(end);
        if (c !== Char.Minus) type = T.Other;
        else if (next === Char.Greater) (type = T.Arrow), end++;
        else if (next === Char.Minus) (type = T.Dash), end++;
        else if (!isCurrency(next)) type = T.Dash; // `-$x` is neither a number nor a dash
      }
    } else {
      switch (c) {
        case Char.EmDash:
        case Char.EnDash:
          type = T.Dash;
          break;
        case Char.RightArrow:
        case Char.LongRightArrow:
          type = T.Arrow;
          break;
        case Char.GreaterEqual:
          type = T.GreaterEqual;
          break;
        case Char.LessEqual:
          type = T.LessEqual;
          break;
        case Char.Greater:
        case Char.Less:
          type = c === Char.Greater ? T.GreaterEqual : T.LessEqual;
          if (text.charCodeAt(end) === Char.Equals) end++;
          break;
        case Char.At:
          end = ownerEnd(text, i);
          if (end > i + 1) type = T.Owner;
          break;
        case Char.LParen:
          type = T.LParen;
          break;
        case Char.RParen:
          type = T.RParen;
          break;
        case Char.Comma:
          type = T.Comma;
          break;
      }
    }
    token.set(type, text, i, end, payload);
    i = end;
  }
  return buffer.fill(count);
}

/** Tokens lexed into it, in an array reused from text to text (the parser's lexer keeps one). */
export class TokenBuffer {
  private readonly tokens: T.InlineToken[] = [];
  /** Every token made so far, those of the last text first. */
  private readonly made: T.InlineToken[] = [];

  at(index: number): T.InlineToken {
    if (index === this.made.length) this.made.push(new T.InlineToken());
    return this.made[index];
  }

  /** The first `count` tokens, as the array handed out for the last text. */
  fill(count: number): T.InlineToken[] {
    const tokens = this.tokens;
    for (let i = 0; i < count; i++) tokens[i] = this.made[i];
    // pop, not `length =`, which is a call into the runtime (3% of the parse)
    while (tokens.length > count) tokens.pop();
    return tokens;
  }
}

/** Latin, Latin-1 and Extended-A/B letters, Greek and Cyrillic. */
function isWordStart(c: number): boolean {
  return isAsciiLetter(c) || c === Char.Underscore || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

/** Inside a word also digits, apostrophes and hyphens (`p95`, `it's`, `co-op`). */
function isWordPart(c: number): boolean {
  return isWordStart(c) || isDigit(c) || c === Char.Apostrophe || c === Char.RightSingleQuote || c === Char.Minus;
}

function isSign(c: number): boolean {
  return c === Char.Plus || c === Char.Minus || c === Char.MinusSign;
}

function isCurrency(c: number): boolean {
  return c === Char.Dollar || c === Char.Euro || c === Char.Pound || c === Char.Yen;
}

function digitsEnd(text: string, i: number): number {
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** The end of `2027-03-31` (i + 10) or `2027-Q1`, `2027-h2` (i + 7) at i, whatever follows; else i. */
function dateEnd(text: string, i: number): number {
  if (digitsEnd(text, i) !== i + 4 || text.charCodeAt(i + 4) !== Char.Minus) return i;
  const c = text.charCodeAt(i + 5);
  if (isDigit(c)) {
    const isoDate =
      isDigit(text.charCodeAt(i + 6)) && text.charCodeAt(i + 7) === Char.Minus && isDigit(text.charCodeAt(i + 8)) && isDigit(text.charCodeAt(i + 9));
    return isoDate ? i + 10 : i;
  }
  // Any digit: the parser rejects `2027-Q7`.
  const quarter = c === Char.UpperQ || c === Char.LowerQ || c === Char.UpperH || c === Char.LowerH;
  return quarter && isDigit(text.charCodeAt(i + 6)) ? i + 7 : i;
}

/** `@name`, `@team.lead-2`: letters, digits, `_` and `-`, dots only between them. */
function ownerEnd(text: string, i: number): number {
  let end = i + 1;
  for (;;) {
    const start = end;
    while (end < text.length && isOwnerPart(text.charCodeAt(end))) end++;
    if (end === start) return start === i + 1 ? start : start - 1;
    if (text.charCodeAt(end) !== Char.Dot) return end;
    end++;
  }
}

function isOwnerPart(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === Char.Underscore || c === Char.Minus;
}

/** Powers of ten of the suffixes `k`, `K`, `M`, `B` (`bn` is read apart). */
function suffixExponent(c: number): number {
  return c === Char.LowerK || c === Char.UpperK ? 3 : c === Char.UpperM ? 6 : c === Char.UpperB ? 9 : 0;
}

/** The currency signs as strings made once (`text[i]` makes one of `€` at every call). */
const CURRENCIES = new Map([Char.Dollar, Char.Euro, Char.Pound, Char.Yen].map((c) => [c, String.fromCharCode(c)]));

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

/**
 * Reads a number at `start`: sign, currency, `1,234` or `1234`, decimals, `k`/`K`/`M`/`B`/`bn`,
 * `x`, `%` (the scale and `x` only where no letter follows: `5kg` is 5 and a word). Returns its
 * end and writes its value into `value`, or returns `start` when there is no number.
 */
function readNumber(text: string, start: number, value: T.NumberValue): number {
  let i = start;
  let c = text.charCodeAt(i);
  let negative = false;
  if (isSign(c)) {
    negative = c !== Char.Plus;
    c = text.charCodeAt(++i);
  }
  let currency: string | undefined;
  if (isCurrency(c)) currency = CURRENCIES.get(text.charCodeAt(i++));
  const digitsStart = i;
  const integerEnd = digitsEnd(text, i);
  if (integerEnd === i) return start;
  i = integerEnd;
  // 1,234,567: only after one to three digits, and in groups of exactly three.
  if (integerEnd - digitsStart <= 3) {
    while (text.charCodeAt(i) === Char.Comma && digitsEnd(text, i + 1) - i > 3) i += 4;
  }
  let fractionDigits = 0;
  if (text.charCodeAt(i) === Char.Dot && isDigit(text.charCodeAt(i + 1))) {
    const fractionEnd = digitsEnd(text, i + 1);
    fractionDigits = fractionEnd - i - 1;
    i = fractionEnd;
  }
  const digitsEndAt = i;
  let exponent = 0;
  if (text.charCodeAt(i) === Char.LowerB && text.charCodeAt(i + 1) === Char.LowerN && !isAsciiLetter(text.charCodeAt(i + 2))) {
    exponent = 9;
    i += 2;
  } else if (suffixExponent(text.charCodeAt(i)) > 0 && !isAsciiLetter(text.charCodeAt(i + 1))) {
    exponent = suffixExponent(text.charCodeAt(i));
    i++;
  }
  if (text.charCodeAt(i) === Char.LowerX && !isAsciiLetter(text.charCodeAt(i + 1))) i++;
  const percent = text.charCodeAt(i) === Char.Percent;
  if (percent) i++;
  value.amount = amountOf(text, digitsStart, digitsEndAt, fractionDigits, exponent, negative);
  value.currency = currency;
  value.percent = percent;
  return i;
}

/**
 * The written decimal as the nearest double, rounded to 12 significant digits (41.2M is 41200000,
 * not 41200000.000000004). Up to 12 digits one exact integer and one correctly rounded
 * multiplication or division give that directly; longer numbers are rounded with toPrecision.
 */
function amountOf(text: string, start: number, end: number, fractionDigits: number, exponent: number, negative: boolean): number {
  let mantissa = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - Char.Zero);
      digits++;
    }
  }
  const power = exponent - fractionDigits;
  let amount: number;
  if (digits <= 15 && mantissa < 1e12) {
    amount = power >= 0 ? mantissa * POWERS_OF_TEN[power] : mantissa / POWERS_OF_TEN[-power];
  } else {
    const written = Number(text.slice(start, end).replace(/,/g, "")) * POWERS_OF_TEN[exponent];
    amount = Number.isFinite(written) ? Number(written.toPrecision(12)) : written;
  }
  return negative && amount !== 0 ? -amount : amount;
}

/** Keywords, then verbs by their stem (`increase`, `increased`, `growth`, `improving`…), by first letter. */
const KEYWORDS: Keyword[][] = [];
const VERB_STEMS: Keyword[][] = [];
interface Keyword {
  word: string;
  type: TokenType;
}
function add(table: Keyword[][], type: TokenType, words: string): void {
  for (const word of words.split(" ")) (table[word.charCodeAt(0)] ??= []).push({ word, type });
}
function keywords(type: TokenType, words: string): void {
  add(KEYWORDS, type, words);
}
keywords(T.Quarter, "q1 q2 q3 q4 h1 h2");
keywords(
  T.Month,
  "jan january feb february mar march apr april may jun june jul july aug august sep sept sepember september oct october nov november dec december",
);
keywords(T.From, "from");
keywords(T.To, "to");
keywords(T.By, "by");
keywords(T.Reach, "reach reaches reaching");
keywords(T.At, "at");
keywords(T.Least, "least");
keywords(T.Most, "most");
keywords(T.Above, "above over exceed exceeds");
keywords(T.Under, "under below");
keywords(T.Less, "less fewer");
keywords(T.More, "more");
keywords(T.Than, "than");
keywords(T.Now, "now");
keywords(T.Current, "current currently");
keywords(T.End, "end");
keywords(T.Of, "of");
add(VERB_STEMS, T.IncreaseVerb, "increas grow rais boost improv doubl expand");
add(VERB_STEMS, T.DecreaseVerb, "decreas reduc cut lower shrink minimis minimiz halv");

/** The token type of the ASCII word from `start` to `end`, read in place (slicing and lower-casing every word took a tenth of the lexing). */
function keyword(text: string, start: number, end: number): TokenType {
  const first = text.charCodeAt(start) | LOWER_CASE_BIT;
  const words = KEYWORDS[first];
  if (words) for (const { word, type } of words) if (word.length === end - start && startsWithLowerCase(text, start, word)) return type;
  const stems = VERB_STEMS[first];
  // A verb is letters only (`grow2` is a word): tested once a stem matches, which few words do.
  if (stems) for (const { word: stem, type } of stems) if (stem.length <= end - start && startsWithLowerCase(text, start, stem)) return isLetters(text, start, end) ? type : T.Word;
  return T.Word;
}

/** Lower-cases an ASCII letter and leaves the other characters of a word as they are (digits, `'`, `-`) or off the letters (`_`). */
const LOWER_CASE_BIT = 0x20;

/** Whether `text` at `start` reads `lower` (lower-case ASCII) in any case. */
function startsWithLowerCase(text: string, start: number, lower: string): boolean {
  for (let i = 0; i < lower.length; i++) if ((text.charCodeAt(start + i) | LOWER_CASE_BIT) !== lower.charCodeAt(i)) return false;
  return true;
}

function isLetters(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isAsciiLetter(text.charCodeAt(i))) return false;
  return true;
}
