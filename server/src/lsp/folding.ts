import { FoldingRange, FoldingRangeKind } from "vscode-languageserver";
import { DocumentStore } from "./documents";
import { keyResultEndLine } from "./model";

/** Folds: front matter, perspectives, objectives, key results with attributes or check-ins. */
export function foldingRanges(store: DocumentStore, uri: string): FoldingRange[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  const lines = s.lines;
  const ranges: FoldingRange[] = [];
  /** Trailing blank lines stay visible. */
  const trim = (start: number, end: number) => {
    let e = Math.min(end, lines.lineCount - 1);
    while (e > start && lines.line(e).trim() === "") e--;
    return e;
  };
  const add = (start: number, end: number, kind?: string) => {
    const e = trim(start, end);
    if (e > start) ranges.push(kind ? { startLine: start, endLine: e, kind } : { startLine: start, endLine: e });
  };
  if (s.frontMatter) add(s.frontMatter.range.startLine, s.frontMatter.range.endLine, FoldingRangeKind.Region);
  for (const p of s.perspectives) if (p.level > 0) add(p.range.startLine, p.endLine);
  for (const o of s.objectives) {
    if (o.source !== "heading") continue;
    add(o.range.startLine, o.endLine);
    for (const kr of o.keyResults) add(kr.range.startLine, keyResultEndLine(kr));
  }
  return ranges;
}
