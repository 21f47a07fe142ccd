import { Range as LspRange } from "vscode-languageserver";
import { firstAtLine, KeyResult, LineIndex, LinkRef, Objective, OtherHeading, Perspective, Position, Range, Scorecard, Section, startOf, toRangeLike } from "../engine";
import { DocumentStore } from "./documents";

/** Finding model elements at a position, and walking the workspace. */

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.startLine || (p.line === range.startLine && p.character >= range.startCharacter);
  const beforeEnd = p.line < range.endLine || (p.line === range.endLine && p.character <= range.endCharacter);
  return afterStart && beforeEnd;
}

/** Last line of a KR with its attributes and check-ins. */
export function keyResultEndLine(kr: KeyResult): number {
  let end = kr.range.endLine;
  for (const a of kr.attributes) end = Math.max(end, a.valueRange.endLine);
  for (const c of kr.checkIns) end = Math.max(end, c.range.endLine);
  return end;
}

export function objectiveAtLine(scorecard: Scorecard, line: number): Objective | undefined {
  let found: Objective | undefined;
  for (const o of scorecard.objectives) {
    if (o.source === "table" ? o.range.startLine === line : o.range.startLine <= line && line <= o.endLine) found = o;
  }
  return found;
}

/**
 * The objectives with lines in [first, last]: the one still open at `first`, if any (objectives are
 * in document order), to the last starting by `last`.
 */
export function objectivesInLines(scorecard: Scorecard, first: number, last: number): Objective[] {
  const objectives = scorecard.objectives;
  const lineOf = (o: Objective) => o.range.startLine;
  const from = firstAtLine(objectives, lineOf, first);
  const open = from > 0 && objectives[from - 1].endLine >= first ? from - 1 : from;
  return objectives.slice(open, firstAtLine(objectives, lineOf, last + 1, from));
}

/**
 * What a feature makes of each objective, kept while an edit elsewhere reuses the objective: it
 * lies in the objective's section, whose text is then the same, so it only moves, by as many lines
 * as the objective did (`move` makes a copy: what was sent is never changed). It is made again when
 * the objective's id changed in place (one numbered by its position, when one is added above it).
 * Made again on every request, the 1 MB benchmark file's 2,600 objectives cost the outline 13–39 ms
 * and the semantic tokens most of their 30.
 */
export class PerObjective<T> {
  private readonly kept = new WeakMap<Objective, { line: number; id: string; value: T }>();

  constructor(
    private readonly make: (o: Objective, lines: LineIndex) => T,
    private readonly move: (value: T, lines: number) => T,
  ) {}

  get(o: Objective, lines: LineIndex): T {
    const line = o.range.startLine;
    const kept = this.kept.get(o);
    if (kept?.id === o.id && kept.line === line) return kept.value;
    const value = kept?.id === o.id ? this.move(kept.value, line - kept.line) : this.make(o, lines);
    this.kept.set(o, { line, id: o.id, value });
    return value;
  }
}

export function keyResultAtLine(scorecard: Scorecard, line: number): KeyResult | undefined {
  const objective = objectiveAtLine(scorecard, line);
  if (!objective) return undefined;
  if (objective.source === "table") return undefined;
  return objective.keyResults.find((kr) => kr.range.startLine <= line && line <= keyResultEndLine(kr));
}

/** A heading that names a perspective: a perspective may be named by several, each opening a part of it. */
export interface PerspectiveHeading {
  perspective: Perspective;
  heading: OtherHeading;
  /** The section the heading starts, and its index in the scorecard's sections. */
  section: Section;
  index: number;
}

/** Every heading that names a perspective, in document order (the title never does). */
export function perspectiveHeadings(scorecard: Scorecard): PerspectiveHeading[] {
  const byName = new Map(scorecard.perspectives.map((p) => [p.name, p]));
  const found: PerspectiveHeading[] = [];
  scorecard.sections.forEach((section, index) => {
    const perspective = section.perspective === undefined ? undefined : byName.get(section.perspective);
    const heading = section.heading;
    const isTitle = scorecard.titleRange?.startLine === section.start;
    if (perspective && heading && !isTitle) found.push({ perspective, heading, section, index });
  });
  return found;
}

export function perspectiveAtHeading(scorecard: Scorecard, line: number): PerspectiveHeading | undefined {
  return perspectiveHeadings(scorecard).find((h) => h.section.start === line);
}

export interface LinkSite {
  link: LinkRef;
  kind: "aligns" | "supports" | "parent";
  objective?: Objective;
}

export function linksOf(scorecard: Scorecard): LinkSite[] {
  const sites: LinkSite[] = [];
  if (scorecard.parent) sites.push({ link: scorecard.parent, kind: "parent" });
  for (const o of scorecard.objectives) {
    for (const link of o.aligns) sites.push({ link, kind: "aligns", objective: o });
    for (const link of o.supports) sites.push({ link, kind: "supports", objective: o });
  }
  return sites;
}

export function linkAt(scorecard: Scorecard, p: Position): LinkSite | undefined {
  return linksOf(scorecard).find((s) => contains(s.link.range, p));
}

export function sameObjective(a: Objective, aUri: string, b: Objective, bUri: string): boolean {
  return a === b || (aUri === bUri && a.id === b.id && a.range.startLine === b.range.startLine);
}

/** Every analysed scorecard of the workspace (open documents and indexed files). */
export function* scorecards(store: DocumentStore, cancelled?: () => boolean): Generator<Scorecard> {
  for (const key of store.keys()) {
    if (cancelled?.()) return;
    const analysis = store.analysis(key);
    if (analysis) yield analysis.scorecard;
  }
}

/** The label and its range for an objective (table rows and unlabelled objectives use the title). */
export function objectiveNameRange(o: Objective): Range {
  return o.labelRange ?? o.titleRange;
}

/** The LSP range of an engine range, its end not before its start (an empty list item `- ` gives the engine an inverted text range). */
export function sane(range: Range): LspRange {
  const inverted = range.endLine < range.startLine || (range.endLine === range.startLine && range.endCharacter < range.startCharacter);
  return inverted ? { start: startOf(range), end: startOf(range) } : toRangeLike(range);
}
