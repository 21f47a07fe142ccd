import { CommentNode } from "../syntax/blockTree";
import { LineIndex } from "../text/lines";
import { Diagnostic } from "./rule";

/**
 * Inline suppressions, like markdownlint's:
 *   <!-- okr-disable-next-line code… -->   the next non-blank line
 *   <!-- okr-disable code… -->  …  <!-- okr-enable code… -->   a region (no codes: every rule)
 *   <!-- okr-disable-file code… -->   the whole file
 */
export function applySuppressions(diagnostics: Diagnostic[], comments: CommentNode[], lines: LineIndex): Diagnostic[] {
  const directives = comments
    .map((c) => ({ line: c.line, match: /^okr-(disable-next-line|disable-file|disable|enable)\b(.*)$/.exec(c.text) }))
    .filter((d) => d.match !== null);
  if (directives.length === 0) return diagnostics;
  const suppressed: { from: number; to: number; codes?: Set<string> }[] = [];
  const open = new Map<string, number>();
  for (const { line, match } of directives) {
    const codes = match![2].split(/[\s,]+/).filter(Boolean);
    const key = codes.length ? codes : ["*"];
    switch (match![1]) {
      case "disable-next-line": {
        let next = line + 1;
        while (next < lines.lineCount && lines.line(next).trim() === "") next++;
        suppressed.push({ from: next, to: next, codes: codes.length ? new Set(codes) : undefined });
        break;
      }
      case "disable-file":
        suppressed.push({ from: 0, to: Infinity, codes: codes.length ? new Set(codes) : undefined });
        break;
      case "disable":
        for (const code of key) if (!open.has(code)) open.set(code, line);
        break;
      case "enable":
        for (const code of key === codes ? key : [...open.keys()]) {
          const from = open.get(code);
          if (from === undefined) continue;
          suppressed.push({ from, to: line, codes: code === "*" ? undefined : new Set([code]) });
          open.delete(code);
        }
        break;
    }
  }
  for (const [code, from] of open) suppressed.push({ from, to: Infinity, codes: code === "*" ? undefined : new Set([code]) });
  return diagnostics.filter(
    (d) => !suppressed.some((s) => d.range.startLine >= s.from && d.range.startLine <= s.to && (!s.codes || s.codes.has(d.code))),
  );
}
