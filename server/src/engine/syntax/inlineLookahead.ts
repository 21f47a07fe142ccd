import { IToken, TokenType } from "chevrotain";
import * as T from "./inlineTokens";
import { isDigit } from "./chars";

/**
 * The gates of the inline grammar: what the next tokens must be for a phrase to start, or for an
 * optional part of one to be there. Both readers of the grammar test the same functions, each
 * through its own `LA`: the Chevrotain parser (inlineParser.ts) and the recogniser
 * (inlineRecogniser.ts).
 */

/** The tokens ahead of a reader: LA(1) is the next, LA(0) the last read; past the text's end, EOF. */
export interface Lookahead {
  LA(offset: number): IToken;
}

/** Whether the token `offset` ahead is of this type (never a category: those need tokenMatcher). */
function is(ahead: Lookahead, offset: number, type: TokenType): boolean {
  return ahead.LA(offset).tokenType === type;
}

/** Whether the token `offset` ahead is a word that can be a number's unit. */
function unitAt(ahead: Lookahead, offset: number): boolean {
  return is(ahead, offset, T.Word) && isUnit(ahead.LA(offset).image);
}

/** How many tokens the number `offset` ahead takes with its unit word ("800ms" lexes as 800 + "ms"); 0 if none. */
function numberAt(ahead: Lookahead, offset: number): number {
  if (!is(ahead, offset, T.NumberLiteral)) return 0;
  return unitAt(ahead, offset + 1) ? 2 : 1;
}

export function startsDate(ahead: Lookahead, offset: number): boolean {
  return (
    is(ahead, offset, T.IsoDate) ||
    is(ahead, offset, T.YearQuarter) ||
    is(ahead, offset, T.Quarter) ||
    is(ahead, offset, T.Month) ||
    (is(ahead, offset, T.End) && is(ahead, offset + 1, T.Of)) ||
    isYear(ahead.LA(offset))
  );
}

/** At `from`: `from 40`. */
export function startsFromTo(ahead: Lookahead): boolean {
  return numberAt(ahead, 2) > 0;
}

/** At a number: `40 →`, `40 to 50`, `800ms -> 300ms`. */
export function startsRange(ahead: Lookahead): boolean {
  const n = numberAt(ahead, 1);
  if (is(ahead, n + 1, T.Arrow)) return true;
  return is(ahead, n + 1, T.To) && is(ahead, n + 2, T.NumberLiteral);
}

export function startsBound(ahead: Lookahead): boolean {
  if (is(ahead, 1, T.GreaterEqual) || is(ahead, 1, T.LessEqual)) return true;
  if (is(ahead, 1, T.At) && (is(ahead, 2, T.Least) || is(ahead, 2, T.Most))) return numberAt(ahead, 3) > 0;
  if ((is(ahead, 1, T.More) || is(ahead, 1, T.Less)) && is(ahead, 2, T.Than)) return numberAt(ahead, 3) > 0;
  return (is(ahead, 1, T.To) || is(ahead, 1, T.Reach) || is(ahead, 1, T.Above) || is(ahead, 1, T.Under)) && numberAt(ahead, 2) > 0;
}

/** At `by`: `by 10%`, `by Q2`. */
export function startsByPhrase(ahead: Lookahead): boolean {
  return numberAt(ahead, 2) > 0 || startsDate(ahead, 2);
}

/** `— current`, `(now`, `current 65%`. */
export function startsCurrent(ahead: Lookahead): boolean {
  return (
    ((is(ahead, 1, T.Dash) || is(ahead, 1, T.LParen)) && (is(ahead, 2, T.Current) || is(ahead, 2, T.Now))) ||
    (is(ahead, 1, T.Current) && numberAt(ahead, 2) > 0)
  );
}

/**
 * After a number (LA(0)), whether the next token is its unit. Before a free note (check-ins,
 * attribute values) only a unit written against the number counts (`300ms`): in `16 two hospitals
 * signed` the words are the note. Where recovery invented the number, LA(0) is the start of the
 * text (no offset: no unit).
 */
export function unitFollows(ahead: Lookahead, attachedOnly: boolean | undefined): boolean {
  return unitAt(ahead, 1) && (!attachedOnly || ahead.LA(1).startOffset === end(ahead.LA(0)));
}

/** After a month and its day: `, 2027` or `2027`. */
export function yearFollows(ahead: Lookahead): boolean {
  return (is(ahead, 1, T.Comma) && isYear(ahead.LA(2))) || isYear(ahead.LA(1));
}

/** Words that follow a number without being its unit ("80% of reviewers"). */
const NOT_UNITS = new Set(
  ("and or for per the a an with on in across via into within as if so each every after before since until during " +
    "about around between vs versus then when while because including excluding new more less all our")
    .split(" "),
);

/** A word in Latin script that is not a common English word (`ms`, `users`, `hours`; not `of`). */
function isUnit(image: string): boolean {
  const c = image.charCodeAt(0);
  const latin = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
  return latin && !NOT_UNITS.has(image.toLowerCase());
}

/** 1900–2199 written as four digits. */
export function isYear(token: IToken): boolean {
  const image = token.image;
  if (token.tokenType !== T.NumberLiteral || image.length !== 4 || !isDigit(image.charCodeAt(2)) || !isDigit(image.charCodeAt(3))) return false;
  return image[0] === "1" ? image[1] === "9" : image[0] === "2" && (image[1] === "0" || image[1] === "1");
}

/** Where a token ends in its text. */
export function end(token: IToken): number {
  return token.startOffset + token.image.length;
}
