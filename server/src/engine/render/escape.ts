/** Escaping for text and attribute values in the preview's HTML and SVG. Every piece of user text goes through here. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/** Text or a quoted attribute value; also strips characters XML does not allow (SVG is parsed as XML in some viewers). */
export function esc(text: unknown): string {
  return String(text ?? "")
    .replace(/[&<>"'`]/g, (c) => ENTITIES[c])
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

/** A number for an attribute (SVG coordinates): finite, short. */
export function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : "0";
}

/** A line number attribute: a non-negative integer. */
export function lineAttr(line: number | undefined): string {
  return line !== undefined && Number.isInteger(line) && line >= 0 ? ` data-line="${line}"` : "";
}
