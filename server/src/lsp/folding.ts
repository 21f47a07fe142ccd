import { FoldingRange, FoldingRangeKind } from "vscode-languageserver";
import { LineIndex, Section } from "../engine";
import { DocumentStore } from "./documents";
import { keyResultEndLine, PerObjective, perspectiveHeadings } from "./model";

/**
 * Folds: front matter, perspectives, objectives, key results with attributes or check-ins; at most
 * `limit` of them (the client's `rangeLimit`), chosen as VS Code chooses among more (`outermost`).
 */
export function foldingRanges(store: DocumentStore, uri: string, limit = Infinity): FoldingRange[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: string) => {
    const fold = folded(s.lines, start, end, kind);
    if (fold) ranges.push(fold);
  };
  if (s.frontMatter) add(s.frontMatter.range.startLine, s.frontMatter.range.endLine, FoldingRangeKind.Region);
  // Each perspective heading folds its own part: up to the next heading as high as it. (A perspective
  // named by several headings ends where its last part does, past the other perspectives between.)
  const sections = s.sections;
  for (const { heading, section, index } of perspectiveHeadings(s)) {
    let next = index + 1;
    while (next < sections.length && headingLevel(sections[next]) > heading.level) next++;
    add(section.start, (sections[next]?.start ?? s.lines.lineCount) - 1);
  }
  for (const o of s.objectives) if (o.source === "heading") for (const fold of objectiveFolds.get(o, s.lines)) ranges.push(fold);
  return ranges.length > limit ? outermost(ranges, limit) : ranges;
}

/**
 * `limit` of the folds, the outermost first: every fold of the outer nesting levels while a whole
 * level fits, then the next level's from the top of the document. VS Code keeps no more than its
 * `editor.foldingMaximumRegions` (5,000, the `rangeLimit` it sends) and chooses them so, so it offers
 * the same folds; the others are not sent. On the benchmark's 1 MB file that is 5,000 of 10,000 folds
 * (the key results' of its lower half), and after every edit.
 */
function outermost(folds: FoldingRange[], limit: number): FoldingRange[] {
  const inOrder = [...folds].sort((a, b) => a.startLine - b.startLine);
  // Nesting levels: the folds still open where each starts (folds nest; none straddles another's end).
  const open: number[] = [];
  const levels = inOrder.map((fold) => {
    while (open.length && open[open.length - 1] < fold.startLine) open.pop();
    open.push(fold.endLine);
    return open.length - 1;
  });
  const perLevel: number[] = [];
  for (const level of levels) perLevel[level] = (perLevel[level] ?? 0) + 1;
  let whole = 0;
  let kept = 0;
  while (whole < perLevel.length && kept + perLevel[whole] <= limit) kept += perLevel[whole++];
  return inOrder.filter((_, i) => levels[i] < whole || (levels[i] === whole && kept++ < limit));
}

/** The level of the heading a section starts with, Infinity for none (the first section may have none). */
function headingLevel(section: Section): number {
  return section.heading?.level ?? section.objective?.level ?? Infinity;
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
