import { Range, lineRange } from "../text/positions";
import { LinkRef } from "./scorecard";

/**
 * GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. ASCII text is done
 * character by character: the Unicode regexes took 4× as long, on the two-byte strings a document
 * with one `≥` or `→` is made of.
 */
export function slugify(text: string): string {
  const lower = text.trim().toLowerCase();
  // Joined, not `+=`: a slug is kept with its objective, and `+=` keeps it as a rope of pieces (10× its size).
  const parts: string[] = [];
  let kept = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95) continue;
    if (c >= 128) return unicodeSlug(lower);
    parts.push(lower.slice(kept, i));
    kept = i + 1;
    if (c === 32 || (c >= 9 && c <= 13)) parts.push("-");
  }
  if (kept === 0) return lower;
  parts.push(lower.slice(kept));
  return parts.join("");
}

function unicodeSlug(lower: string): string {
  return lower.replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
}

/**
 * Reads `[Company O2](../company.okr.md#o2), team.okr.md#o1, #O3, O4` into references. Commas inside
 * a link's brackets do not split it. A Markdown link that is never closed is an error, not a path.
 */
export function parseLinks(value: string, line: number, valueStart: number): { links: LinkRef[]; errors: { message: string; range: Range }[] } {
  const links: LinkRef[] = [];
  const errors: { message: string; range: Range }[] = [];
  const pattern = /\[([^\]]*)\]\(([^)\s]*)[^)]*\)|\[[^,]*|[^,\s][^,]*/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(value))) {
    const raw = m[0].trimEnd();
    const range: Range = lineRange(line, valueStart + m.index, valueStart + m.index + raw.length);
    if (raw.startsWith("[") && m[2] === undefined) {
      const rest = value.slice(m.index);
      const open = /^\[[^\]]*\]\(/.test(rest);
      if (open) {
        // Reported where the `)` is missing; the rest of the line is inside the unclosed link.
        const end = valueStart + value.trimEnd().length;
        errors.push({ message: "This link is not closed: expected ')'.", range: lineRange(line, end, end) });
        break;
      }
      errors.push({ message: "Expected a Markdown link `[text](path#id)`.", range });
      continue;
    }
    const target = m[2] ?? raw.replace(/^<|>$/g, "");
    links.push({ text: raw, ...splitTarget(target), range });
  }
  return { links, errors };
}

function splitTarget(target: string): { path?: string; fragment?: string } {
  const hash = target.indexOf("#");
  if (hash < 0) {
    // `O3` alone names an objective of this file; `company.okr.md` names a file.
    return /\.md$/i.test(target) || target.includes("/") ? { path: decode(target) } : { fragment: target };
  }
  const path = target.slice(0, hash);
  return { path: path ? decode(path) : undefined, fragment: decode(target.slice(hash + 1)) };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
