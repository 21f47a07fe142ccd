import { InlayHint, InlayHintKind, MarkupKind, Range } from "vscode-languageserver";
import { Grading } from "../engine";
import { DocumentStore } from "./documents";
import { bandMark, gradeText, statusText } from "./format";
import { keyResultHover } from "./hover";
import { objectivesInLines, perspectiveHeadings } from "./model";

/** The grade at the end of every objective heading and key-result line in the range: `0.6 🟨`. */
export function inlayHints(store: DocumentStore, uri: string, range: Range): InlayHint[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  const first = range.start.line;
  const last = Math.min(range.end.line, s.lines.lineCount - 1);
  const hints: InlayHint[] = [];
  const seen = new Set<number>();
  // The tooltip is made only for a hint in the range: an editor asks for the lines it shows, and a
  // big file has thousands of key results.
  const add = (line: number, { grade, status }: Grading, tooltip?: () => string) => {
    if (line < first || line > last || seen.has(line)) return;
    seen.add(line);
    const label = grade === null ? "ungraded" : `${gradeText(grade)} ${bandMark(grade)}${status && status !== "on-track" ? ` ${statusText(status)}` : ""}`;
    hints.push({
      position: { line, character: s.lines.lineLength(line) },
      label,
      kind: InlayHintKind.Type,
      paddingLeft: true,
      tooltip: tooltip ? { kind: MarkupKind.Markdown, value: tooltip() } : undefined,
    });
  };
  for (const o of objectivesInLines(s, first, last)) {
    add(o.range.startLine, o);
    if (o.source === "heading") for (const kr of o.keyResults) add(kr.range.startLine, kr, () => keyResultHover(kr));
  }
  for (const { perspective, section } of perspectiveHeadings(s)) add(section.start, perspective);
  if (s.titleRange && s.titleRange.startLine > (s.frontMatter?.range.endLine ?? -1)) add(s.titleRange.startLine, s);
  return hints;
}
