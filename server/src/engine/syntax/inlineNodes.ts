import { IToken } from "chevrotain";
import * as T from "./inlineTokens";
import { end, isYear } from "./inlineLookahead";
import { DateNode, Direction, MetricPhrase, NumberNode, OwnerNode } from "./inlineTree";
import { monthFromName } from "../model/dates";

/**
 * The nodes of inlineTree.ts made of the tokens that were read, and what a phrase keeps of them:
 * the same functions for both readers of the grammar, the Chevrotain parser (inlineParser.ts) and
 * the recogniser (inlineRecogniser.ts). A token invented by Chevrotain's recovery makes no node.
 */

export function emptyPhrase(): MetricPhrase {
  return { owners: [], bare: [], errors: [] };
}

/** A range's baseline and target, unless a phrase before it set the target. */
export function setRange(phrase: MetricPhrase, baseline: NumberNode | undefined, target: NumberNode | undefined): void {
  if (!baseline || !target || phrase.target) return;
  phrase.baseline = baseline;
  phrase.target = target;
}

/** A bound's target and the direction it states, unless a phrase before it set the target. */
export function setBound(phrase: MetricPhrase, target: NumberNode | undefined, stated: Direction): void {
  if (!target || phrase.target) return;
  phrase.target = target;
  phrase.stated = stated;
}

function real(token: IToken | undefined): token is IToken {
  return token !== undefined && !token.isInsertedInRecovery && token.image !== undefined;
}

export function toNumber(token: T.InlineToken, unit: IToken | undefined): NumberNode | undefined {
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

export function owner(token: IToken): OwnerNode {
  return { name: token.image.slice(1), start: token.startOffset, end: token.startOffset + token.image.length };
}

export function isoDate(token: IToken): DateNode | undefined {
  return real(token) ? { kind: "iso", text: token.image, start: token.startOffset, end: end(token) } : undefined;
}

/** `2027-Q3`, `2027-H1`; undefined for a quarter or half that does not exist (`2027-Q7`). */
export function yearQuarter(token: IToken): DateNode | undefined {
  if (!real(token)) return undefined;
  const half = /h/i.test(token.image[5]);
  const quarter = Number(token.image.slice(6));
  if (quarter < 1 || quarter > (half ? 2 : 4)) return undefined;
  return { kind: "quarter", quarter, half, year: Number(token.image.slice(0, 4)), start: token.startOffset, end: end(token) };
}

/** `Q1`, `H2 2027`: the number after the quarter is its year only if it is a year. */
export function quarter(q: IToken, year: IToken | undefined): DateNode | undefined {
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

/** `end of Q2` is the date of Q2, from `end` on. */
export function endOf(endToken: IToken, inner: DateNode | undefined): DateNode | undefined {
  return inner && { ...inner, start: endToken.startOffset };
}

export function month(m: IToken, day: IToken | undefined, year: IToken | undefined): DateNode | undefined {
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

export function yearDate(token: IToken): DateNode | undefined {
  return real(token) ? { kind: "year", year: Number(token.image), start: token.startOffset, end: end(token) } : undefined;
}
