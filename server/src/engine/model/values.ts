import { Range } from "../text/positions";

/** A number as written in a KR: `$41.2M`, `1,000 reviews`, `80%`, `2x`, `-3.5`. */
export interface Value {
  amount: number;
  /** The text as written, for messages and hovers. */
  raw: string;
  currency?: string;
  percent: boolean;
  unit?: string;
  range: Range;
}

const SUFFIX_SCALE: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, bn: 1e9 };

/**
 * Reads the image of a number token (see syntax/inlineTokens NumberLiteral). Returns NaN only if the
 * image is not a number, which the lexer never produces.
 */
export function readNumber(image: string): { amount: number; currency?: string; percent: boolean } {
  let i = 0;
  let sign = 1;
  const first = image[0];
  if (first === "-" || first === "−") {
    sign = -1;
    i++;
  } else if (first === "+") i++;
  let currency: string | undefined;
  if ("$€£¥".includes(image[i])) currency = image[i++];
  let end = image.length;
  const percent = image.endsWith("%");
  if (percent) end--;
  let body = image.slice(i, end).replace(/\s+/g, "");
  let scale = 1;
  if (body.endsWith("x")) body = body.slice(0, -1);
  const suffix = /(bn|[kKMB])$/.exec(body);
  if (suffix) {
    scale = SUFFIX_SCALE[suffix[1]];
    body = body.slice(0, -suffix[1].length);
  }
  const amount = sign * Number(body.replace(/,/g, "")) * scale;
  return { amount: roundFloat(amount), currency, percent };
}

/** Removes binary floating-point noise from scaled decimals (41.2 × 1e6 = 41200000.000000004). */
function roundFloat(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : n;
}

export function formatAmount(value: Pick<Value, "amount" | "currency" | "percent" | "unit">): string {
  const abs = Math.abs(value.amount);
  let body: string;
  if (abs >= 1e9) body = trim(value.amount / 1e9) + "B";
  else if (abs >= 1e6) body = trim(value.amount / 1e6) + "M";
  else if (abs >= 1e4) body = trim(value.amount / 1e3) + "k";
  else body = trim(value.amount);
  return (value.currency ?? "") + body + (value.percent ? "%" : "") + (value.unit ? " " + value.unit : "");
}

function trim(n: number): string {
  return String(Number(n.toFixed(2)));
}
