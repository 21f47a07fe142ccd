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
    add(o.range.startLine, o.grade, o.status);
    for (const kr of o.keyResults) if (o.source === "heading") add(kr.range.startLine, kr.grade, kr.status, keyResultHover(kr));
  }
  for (const p of s.perspectives) if (p.level > 0) add(p.range.startLine, p.grade, undefined);
  if (s.titleRange && s.titleRange.startLine > (s.frontMatter?.range.endLine ?? -1)) add(s.titleRange.startLine, s.grade, s.status);
  return hints;
}
