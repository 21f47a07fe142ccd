import { FoldingRange, FoldingRangeKind } from "vscode-languageserver";
import { LineIndex } from "../engine";
import { DocumentStore } from "./documents";
import { keyResultEndLine, PerObjective } from "./model";

/** Folds: front matter, perspectives, objectives, key results with attributes or check-ins. */
export function foldingRanges(store: DocumentStore, uri: string): FoldingRange[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string) => {
    const fold = folded(s.lines, start, end, kind);
    if (fold) ranges.push(fold);
  };
  if (s.frontMatter) add(s.frontMatter.range.startLine, s.frontMatter.range.endLine, FoldingRangeKind.Region);
  for (const p of s.perspectives) if (p.level > 0) add(p.range.startLine, p.endLine);
  for (const o of s.objectives) if (o.source === "heading") for (const fold of objectiveFolds.get(o, s.lines)) ranges.push(fold);
  return ranges;
}

/** Lines `start` to `end` as a fold, its trailing blank lines left visible; undefined if that leaves one line. */
function folded(lines: LineIndex, start: number, end: number, kind?: string): FoldingRange | undefined {
  let e = Math.min(end, lines.lineCount - 1);
  while (e > start && lines.line(e).trim() === "") e--;
  if (e <= start) return undefined;
  return kind ? { startLine: start, endLine: e, kind } : { startLine: start, endLine: e };
}

/** An objective's folds: its own and its key results'. */
const objectiveFolds = new PerObjective(
  (o, lines) => [folded(lines, o.range.startLine, o.endLine), ...o.keyResults.map((kr) => folded(lines, kr.range.startLine, keyResultEndLine(kr)))].filter((f) => f !== undefined),
  (folds, delta) => folds.map((f) => ({ ...f, startLine: f.startLine + delta, endLine: f.endLine + delta })),
);
