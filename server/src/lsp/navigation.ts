import { Position } from "vscode-languageserver";
import { lineRange, LinkRef, Objective, Range, Scorecard } from "../engine";
import { DocumentStore } from "./documents";
import { contains, linkAt, LinkSite, linksOf, objectiveNameRange, sameObjective, scorecards } from "./model";

/** Shared by definition, references and rename: the objective a position names. */

export interface ObjectiveTarget {
  objective: Objective;
  scorecard: Scorecard;
  /** The range at the position that names it (a label, or a link's fragment). */
  origin: Range;
  /** Set when the position is on a link. */
  site?: LinkSite;
}

export function objectiveAt(store: DocumentStore, uri: string, position: Position): ObjectiveTarget | undefined {
  const analysis = store.analysis(uri);
  if (!analysis) return undefined;
  const { scorecard } = analysis;
  const site = linkAt(scorecard, position);
  if (site) {
    const target = store.workspace.resolve(site.link, scorecard);
    if (target.kind !== "objective") return undefined;
    return { objective: target.objective, scorecard: target.scorecard, origin: fragmentRange(site.link) ?? site.link.range, site };
  }
  for (const o of scorecard.objectives) {
    const name = objectiveNameRange(o);
    if (contains(name, position) || (o.source === "heading" && o.range.startLine === position.line)) return { objective: o, scorecard, origin: name };
  }
  return undefined;
}

/** The part of a link that names the objective: `o2` in `[Company](../company.okr.md#o2)`. */
export function fragmentRange(link: LinkRef): Range | undefined {
  if (link.fragment === undefined || link.range.startLine !== link.range.endLine) return undefined;
  const text = link.text;
  let start: number;
  let end: number;
  const md = /^\[[^\]]*\]\(([^)\s]*)/.exec(text);
  if (md) {
    const targetStart = text.indexOf("(") + 1;
    const hash = md[1].lastIndexOf("#");
    if (hash < 0) return undefined;
    start = targetStart + hash + 1;
    end = targetStart + md[1].length;
  } else {
    const hash = text.lastIndexOf("#");
    start = hash + 1;
    end = text.replace(/>$/, "").length;
    if (hash < 0) start = text.startsWith("<") ? 1 : 0;
  }
  if (end <= start) return undefined;
  const c = link.range.startCharacter;
  return lineRange(link.range.startLine, c + start, c + end);
}

export interface Reference {
  uri: string;
  site: LinkSite;
  scorecard: Scorecard;
  range: Range;
}

/** Every `aligns` / `supports` / `parent` link in the workspace that resolves to the objective. */
export function referencesTo(store: DocumentStore, target: Objective, targetUri: string, cancelled: () => boolean = () => false): Reference[] {
  const refs: Reference[] = [];
  for (const s of scorecards(store, cancelled)) {
    for (const site of linksOf(s)) {
      if (site.link.fragment === undefined) continue;
      const resolved = store.workspace.resolve(site.link, s);
      if (resolved.kind !== "objective" || !sameObjective(resolved.objective, resolved.scorecard.uri, target, targetUri)) continue;
      refs.push({ uri: s.uri, site, scorecard: s, range: fragmentRange(site.link) ?? site.link.range });
    }
  }
  return refs;
}
