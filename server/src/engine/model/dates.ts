import { Char, isDigit } from "../syntax/chars";

/** Calendar dates as whole UTC days since 1970-01-01: cheap to compare, subtract and store. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromParts(year: number, month: number, day: number): Day | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  // Date reads years 0–99 as 1900–1999 and rejects fractions; those rare cases keep its reading.
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || year < 100 || year > 9999) return dayByDate(year, month, day);
  if (day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function dayByDate(year: number, month: number, day: number): Day | undefined {
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.round(time / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days-from-civil; isoFromDay is its inverse). */
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `2027-03-31` → Day; undefined when the text is not a real ISO date (`2027-02-30`). Read by character: it is called for every check-in. */
export function dayFromIso(text: string): Day | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== Char.Minus || text.charCodeAt(7) !== Char.Minus) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year < 0 || month < 0 || day < 0 ? undefined : dayFromParts(year, month, day);
}

/** The number written by `count` ASCII digits at `start`; -1 if one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + c - Char.Zero;
  }
  return n;
}

/**
 * `YYYY-MM-DD` by calendar arithmetic (H. Hinnant's days-to-civil): rules write dates into many
 * messages, and a Date with `toISOString` cost several times as much. Years outside 0–9999 are
 * left to Date, whose format they change.
 */
export function isoFromDay(day: Day): string {
  let iso = isoByDay.get(day);
  if (iso === undefined) {
    if (isoByDay.size === ISO_CACHE_SIZE) isoByDay.clear();
    iso = civilIso(day);
    isoByDay.set(day, iso);
  }
  return iso;
}

/**
 * Days already written: a document's messages name the same few days (today, the period's end, its
 * check-in dates) thousands of times, and each writing makes half a dozen short strings.
 */
const isoByDay = new Map<Day, string>();
const ISO_CACHE_SIZE = 4096;

function civilIso(day: Day): string {
  if (!Number.isInteger(day) || day < MIN_FOUR_DIGIT_DAY || day > MAX_FOUR_DIGIT_DAY) return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const z = day + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153); // March is 0
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${dayOfMonth < 10 ? "0" : ""}${dayOfMonth}`;
}

/** 0000-01-01 and 9999-12-31. */
const MIN_FOUR_DIGIT_DAY = -719_528;
const MAX_FOUR_DIGIT_DAY = 2_932_896;

export function today(): Day {
  const now = new Date();
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

export function yearOfDay(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function lastDayOfMonth(year: number, month: number): Day {
  return Math.round(Date.UTC(year, month, 0) / MS_PER_DAY);
}

export function quarterBounds(year: number, quarter: number): { start: Day; end: Day } {
  return { start: dayFromParts(year, quarter * 3 - 2, 1)!, end: lastDayOfMonth(year, quarter * 3) };
}

export interface Period {
  label: string;
  start: Day;
  end: Day;
}

/** `2027`, `2027-H1`, `2027-Q1`, `2027-03`, `2027-01-01..2027-03-31` (spec §1.1). */
export function parsePeriod(text: string): Period | undefined {
  const label = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(label))) {
    return { label, start: dayFromParts(+m[1], 1, 1)!, end: dayFromParts(+m[1], 12, 31)! };
  }
  if ((m = /^(\d{4})-H([12])$/i.exec(label))) {
    const half = +m[2];
    return { label, start: dayFromParts(+m[1], half * 6 - 5, 1)!, end: lastDayOfMonth(+m[1], half * 6) };
  }
  if ((m = /^(\d{4})-Q([1-4])$/i.exec(label))) {
    return { label, ...quarterBounds(+m[1], +m[2]) };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(label))) {
    const start = dayFromParts(+m[1], +m[2], 1);
    return start === undefined ? undefined : { label, start, end: lastDayOfMonth(+m[1], +m[2]) };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/.exec(label))) {
    const start = dayFromIso(m[1]);
    const end = dayFromIso(m[2]);
    return start !== undefined && end !== undefined && start <= end ? { label, start, end } : undefined;
  }
  return undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** `Mar`, `march`, `Sept` → 1..12. */
export function monthFromName(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? undefined : index + 1;
}
