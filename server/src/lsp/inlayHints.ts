import { InlayHint, InlayHintKind, MarkupKind, Range } from "vscode-languageserver";
import { DocumentStore } from "./documents";
import { bandMark, gradeText, statusText } from "./format";
import { keyResultHover } from "./hover";

/** The grade at the end of every objective heading and key-result line: `0.6 🟨`. */
export function inlayHints(store: DocumentStore, uri: string, range: Range): InlayHint[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  const lines = s.lines.lines;
  const hints: InlayHint[] = [];
  const inRange = (line: number) => line >= range.start.line && line <= range.end.line;
  const seen = new Set<number>();
  const add = (line: number, grade: number | null, status: string | undefined, tooltip?: string) => {
    if (!inRange(line) || seen.has(line) || lines[line] === undefined) return;
    seen.add(line);
    const label = grade === null ? "ungraded" : `${gradeText(grade)} ${bandMark(grade)}${status && status !== "on-track" ? ` ${statusText(status)}` : ""}`;
    hints.push({
      position: { line, character: lines[line].length },
      label,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: tooltip ? { kind: MarkupKind.Markdown, value: tooltip } : undefined,
    });
  };
  for (const o of s.objectives) {
    add(o.range.start.line, o.grade, o.status);
    for (const kr of o.keyResults) if (o.source === "heading") add(kr.range.start.line, kr.grade, kr.status, keyResultHover(kr));
  }
  for (const p of s.perspectives) if (p.level > 0) add(p.range.start.line, p.grade, undefined);
  if (s.titleRange && s.titleRange.start.line > (s.frontMatter?.range.end.line ?? -1)) add(s.titleRange.start.line, s.grade, s.status);
  return hints;
}
