import { bandOf, formatAmount, isoFromDay, Value } from "../engine";

/** Shared text for hovers, inlay hints and code lenses: grades to one decimal, band colours. */

export function gradeText(grade: number | null | undefined): string {
  return grade === null || grade === undefined ? "ungraded" : (Math.round(grade * 10) / 10).toFixed(1);
}

export function bandMark(grade: number | null | undefined): string {
  if (grade === null || grade === undefined) return "⬜";
  const band = bandOf(grade);
  return band === "red" ? "🟥" : band === "yellow" ? "🟨" : "🟩";
}

/** `██████░░░░` — ten cells, filled in proportion to the grade. */
export function gradeBar(grade: number | null | undefined, cells = 10): string {
  if (grade === null || grade === undefined) return "░".repeat(cells);
  const filled = Math.max(0, Math.min(cells, Math.round(grade * cells)));
  return "█".repeat(filled) + "░".repeat(cells - filled);
}

/** `0.5 🟨 █████░░░░░` */
export function gradeLine(grade: number | null | undefined): string {
  if (grade === null || grade === undefined) return "⬜ `░░░░░░░░░░` **ungraded**";
  return `${bandMark(grade)} \`${gradeBar(grade)}\` **${gradeText(grade)}**`;
}

export function statusText(status: string | undefined): string {
  switch (status) {
    case "on-track":
      return "on track";
    case "at-risk":
      return "at risk";
    case "off-track":
      return "off track";
    default:
      return "—";
  }
}

export function amountLike(amount: number | undefined, like: Pick<Value, "currency" | "percent" | "unit"> | undefined): string {
  if (amount === undefined) return "?";
  return formatAmount({ amount, currency: like?.currency, percent: like?.percent ?? false, unit: like?.unit });
}

export function percentText(share: number | undefined): string {
  return share === undefined ? "—" : `${Math.round(share * 100)}%`;
}

export function dayText(day: number | undefined): string {
  return day === undefined ? "—" : isoFromDay(day);
}

/** Escapes Markdown in user text shown inside a hover. */
export function md(text: string): string {
  return text.replace(/([\\`*_[\]|<>])/g, "\\$1");
}

/** `@dana` for an owner (the engine keeps names bare, whether written `dana`, `@dana` or `"@dana"`). */
export function ownerText(name: string): string {
  return "@" + name;
}
