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
