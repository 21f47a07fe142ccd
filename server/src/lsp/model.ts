import { KeyResult, LinkRef, Objective, Perspective, Position, Range, RangeLike, Scorecard } from "../engine";
import { DocumentStore } from "./documents";

/** Finding model elements at a position, and walking the workspace. */

export function contains(range: RangeLike, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Last line of a KR with its attributes and check-ins. */
export function keyResultEndLine(kr: KeyResult): number {
  let end = kr.range.end.line;
  for (const a of kr.attributes) end = Math.max(end, a.valueRange.end.line);
  for (const c of kr.checkIns) end = Math.max(end, c.range.end.line);
  return end;
}

export function objectiveAtLine(scorecard: Scorecard, line: number): Objective | undefined {
  let found: Objective | undefined;
  for (const o of scorecard.objectives) {
    if (o.source === "table" ? o.range.start.line === line : o.range.start.line <= line && line <= o.endLine) found = o;
  }
  return found;
}

export function keyResultAtLine(scorecard: Scorecard, line: number): KeyResult | undefined {
  const objective = objectiveAtLine(scorecard, line);
  if (!objective) return undefined;
  if (objective.source === "table") return undefined;
  return objective.keyResults.find((kr) => kr.range.start.line <= line && line <= keyResultEndLine(kr));
}

export function perspectiveAtHeading(scorecard: Scorecard, line: number): Perspective | undefined {
  return scorecard.perspectives.find((p) => p.range.start.line === line && p.level > 0);
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
  return a === b || (aUri === bUri && a.id === b.id && a.range.start.line === b.range.start.line);
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

/** A range whose end is not before its start (an empty list item `- ` gives the engine an inverted text range). */
export function sane(range: RangeLike): RangeLike {
  const inverted = range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character);
  return inverted ? { start: range.start, end: range.start } : range;
}
