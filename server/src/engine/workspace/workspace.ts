import { Analysis, analyzeText, checkScorecard } from "../analysis/analyze";
import { OkrConfig } from "../config/config";
import { Day } from "../model/dates";
import { LinkRef, Objective, Scorecard } from "../model/scorecard";
import { slugify } from "../model/links";
import { Char } from "../syntax/chars";
import { ChangedRegion, mergeChanges } from "../text/changes";
import { LineIndex } from "../text/lines";
import { Diagnostic, LinkTarget, WorkspaceQuery } from "../rules/rule";

/** What the workspace needs from its surroundings; the CLI reads the disk, the server asks the editor. */
export interface WorkspaceHost {
  /** The configuration for a document (settings, `.okrrc.json`). */
  configFor(uri: string): OkrConfig;
  /** Text of a file that is not open or listed, to resolve a link to it; undefined if it does not exist. */
  readFile(uri: string): string | undefined;
  today?: Day;
}

export interface AlignedChild {
  objective: Objective;
  scorecard: Scorecard;
  link: LinkRef;
}

/**
 * A set of documents analysed together: links resolve across files (by label `#O2` or heading slug),
 * each objective knows its aligned children. Documents are rebuilt only when their text changes.
 */
export class Workspace implements WorkspaceQuery {
  private readonly texts = new Map<string, string | LineIndex>();
  private readonly analyses = new Map<string, Analysis>();
  /** Files read only to resolve links: uri → analysis, or null when there is no such file. */
  private readonly linked = new Map<string, Analysis | null>();
  private childIndex: Map<Objective, AlignedChild[]> | undefined;
  /**
   * The analysis of a document's previous text, until its new text is analysed: its unchanged
   * sections are reused. With it, where the text changed since, if every change was told.
   */
  private readonly previous = new Map<string, { analysis: Analysis; change?: ChangedRegion }>();
  /** How many times the documents changed, and each document: what a document's links point at changes with the others. */
  private changes = 0;
  private readonly ownChanges = new Map<string, number>();
  /** Per document, its last `targets` token and what it stood for. */
  private readonly targetTokens = new Map<string, { others: number; byId: Map<string, Objective>; bySlug?: Map<string, Objective>; token: object }>();

  constructor(private readonly host: WorkspaceHost) {}

  /**
   * A document's new text, or the index of its lines an editor keeps (`LineIndex.edited`, which never
   * makes the whole text one string); `change` says where it differs from the text set before (an
   * editor knows).
   */
  set(uri: string, text: string | LineIndex, change?: ChangedRegion): void {
    if (this.texts.get(uri) === text) return;
    this.texts.set(uri, text);
    this.retire(uri, change);
    this.linked.delete(uri);
    this.childIndex = undefined;
    this.changes++;
    this.ownChanges.set(uri, (this.ownChanges.get(uri) ?? 0) + 1);
  }

  delete(uri: string): void {
    this.texts.delete(uri);
    this.previous.delete(uri);
    this.analyses.delete(uri);
    this.linked.delete(uri);
    this.targetTokens.delete(uri);
    this.childIndex = undefined;
    this.changes++;
  }

  /** Forget files read for links and cached configuration (a file changed on disk). */
  invalidateLinked(): void {
    this.changes++;
    this.linked.clear();
    for (const uri of [...this.analyses.keys()]) this.retire(uri);
    this.childIndex = undefined;
  }

  /** Drops a document's analysis, keeping it to build the next one from. */
  private retire(uri: string, change?: ChangedRegion): void {
    const analysis = this.analyses.get(uri);
    if (analysis) {
      this.previous.set(uri, { analysis, change });
      this.analyses.delete(uri);
      return;
    }
    // Not analysed since the last change: the changes add up.
    const previous = this.previous.get(uri);
    if (previous) previous.change = previous.change && change && mergeChanges(previous.change, change);
  }

  uris(): string[] {
    return [...this.texts.keys()];
  }

  has(uri: string): boolean {
    return this.texts.has(uri);
  }

  /** Whether the document's next analysis reads its whole text: it has none, and no previous one to reuse sections of. */
  readsWhole(uri: string): boolean {
    return this.texts.has(uri) && !this.analyses.has(uri) && !this.previous.has(uri);
  }

  analysis(uri: string): Analysis | undefined {
    let analysis = this.analyses.get(uri);
    if (!analysis) {
      const text = this.texts.get(uri);
      if (text === undefined) return this.linkedAnalysis(uri) ?? undefined;
      const previous = this.previous.get(uri);
      analysis = analyzeText(text, { uri, config: this.host.configFor(uri), today: this.host.today, previous: previous?.analysis, change: previous?.change });
      if (previous) inheritObjectiveIndex(previous.analysis.scorecard, analysis.scorecard);
      this.previous.delete(uri);
      this.analyses.set(uri, analysis);
    }
    return analysis;
  }

  diagnostics(uri: string): Diagnostic[] {
    const analysis = this.analysis(uri);
    return analysis && this.texts.has(uri) ? checkScorecard(analysis, this) : [];
  }

  private linkedAnalysis(uri: string): Analysis | null {
    let analysis = this.linked.get(uri);
    if (analysis === undefined) {
      const text = this.host.readFile(uri);
      analysis = text === undefined ? null : analyzeText(text, { uri, config: this.host.configFor(uri), today: this.host.today });
      this.linked.set(uri, analysis);
    }
    return analysis;
  }

  resolve(link: LinkRef, from: Scorecard): LinkTarget {
    let scorecard = from;
    if (link.path !== undefined) {
      const uri = resolveUri(from.uri, link.path);
      if (uri === undefined) return { kind: "unknown" };
      const target = this.analysis(uri);
      if (!target) return { kind: "missing-file", uri };
      scorecard = target.scorecard;
    }
    if (link.fragment === undefined) return { kind: "file", scorecard };
    const objective = objectiveByKey(scorecard, linkKey(link, link.fragment));
    return objective ? { kind: "objective", objective, scorecard } : { kind: "missing-objective", scorecard };
  }

  /**
   * The same token while the document's ids are those it was indexed by (its index is handed on),
   * it has the same slug index (made when a link first asks for a slug: none, while every link names
   * an id), and no other document changed.
   */
  targets(scorecard: Scorecard): object {
    const index = objectiveIndex(scorecard);
    const others = this.changes - (this.ownChanges.get(scorecard.uri) ?? 0);
    const last = this.targetTokens.get(scorecard.uri);
    if (last && last.others === others && last.byId === index.byId && last.bySlug === index.bySlug) return last.token;
    const token = {};
    this.targetTokens.set(scorecard.uri, { others, byId: index.byId, bySlug: index.bySlug, token });
    return token;
  }

  objectivesSharingIds(scorecard: Scorecard): Iterable<readonly Objective[]> {
    return objectiveIndex(scorecard).sharedIds.values();
  }

  /** Objectives anywhere in the workspace whose `aligns` points at this one. */
  childrenOf(objective: Objective): AlignedChild[] {
    if (!this.childIndex) {
      this.childIndex = new Map();
      for (const uri of this.texts.keys()) {
        const scorecard = this.analysis(uri)!.scorecard;
        for (const child of scorecard.objectives) {
          for (const link of child.aligns) {
            const target = this.resolve(link, scorecard);
            if (target.kind !== "objective") continue;
            const list = this.childIndex.get(target.objective) ?? [];
            list.push({ objective: child, scorecard, link });
            this.childIndex.set(target.objective, list);
          }
        }
      }
    }
    return this.childIndex.get(objective) ?? [];
  }
}

/** A version of a document's objectives: by lower-case id, and by slug once a link asks for one. */
interface ObjectiveIndex {
  byId: Map<string, Objective>;
  /**
   * The objectives whose id another shares, by lower-case id (ids are `O` and a number, so two are
   * the same when their lower cases are), in document order: few, and all that duplicate-label compares.
   */
  sharedIds: Map<string, Objective[]>;
  bySlug?: Map<string, Objective>;
}

const objectiveIndexes = new WeakMap<Scorecard, ObjectiveIndex>();
/** `O1 - Grow revenue` is also reached as `#o1-grow-revenue`; kept while the objective is reused. */
const labelSlugs = new WeakMap<Objective, string>();

function labelSlug(o: Objective, label: string): string {
  let slug = labelSlugs.get(o);
  if (slug === undefined) labelSlugs.set(o, (slug = slugify(`${label} ${o.title}`)));
  return slug;
}

/**
 * An objective by label (`o2`, `#O2`) or by GitHub heading slug, case-insensitively. Labels win over
 * slugs, and the first of duplicates wins. The slugs are indexed only when a link needs them: most
 * links name a label, and an index is made for every version of a document that an edit changed
 * more than `inheritObjectiveIndex` can follow.
 */
export function findObjective(scorecard: Scorecard, fragment: string): Objective | undefined {
  return objectiveByKey(scorecard, fragmentKey(fragment));
}

/** `#O2 ` → `o2`: how a link's fragment is looked up. */
function fragmentKey(fragment: string): string {
  return (fragment.charCodeAt(0) === Char.Hash ? fragment.slice(1) : fragment).trim().toLowerCase();
}

/** A link's lookup key, kept while its section is reused: the rules resolve every link on every keystroke. */
const linkKeys = new WeakMap<LinkRef, string>();

function linkKey(link: LinkRef, fragment: string): string {
  let key = linkKeys.get(link);
  if (key === undefined) linkKeys.set(link, (key = fragmentKey(fragment)));
  return key;
}

function objectiveIndex(scorecard: Scorecard): ObjectiveIndex {
  let index = objectiveIndexes.get(scorecard);
  if (!index) {
    const byId = new Map<string, Objective>();
    const sharedIds = new Map<string, Objective[]>();
    for (const o of scorecard.objectives) {
      const key = o.id.toLowerCase();
      const first = byId.get(key);
      if (!first) {
        byId.set(key, o);
        continue;
      }
      const shared = sharedIds.get(key);
      if (shared) shared.push(o);
      else sharedIds.set(key, [first, o]);
    }
    index = { byId, sharedIds };
    objectiveIndexes.set(scorecard, index);
  }
  return index;
}

function objectiveByKey(scorecard: Scorecard, key: string): Objective | undefined {
  const index = objectiveIndex(scorecard);
  const byId = index.byId.get(key);
  if (byId) return byId;
  if (!index.bySlug) {
    index.bySlug = new Map();
    for (const o of scorecard.objectives) {
      if (o.label) addFirst(index.bySlug, labelSlug(o, o.label), o);
      addFirst(index.bySlug, o.slug, o);
    }
  }
  return index.bySlug.get(key);
}

function addFirst(index: Map<string, Objective>, key: string, o: Objective): void {
  if (!index.has(key)) index.set(key, o);
}

/**
 * Hands a document's objective index on to its next version when the edit changed no objective's
 * id: the objectives of re-read sections take the place of those they replace. Made again for
 * every keystroke, it was a millisecond of a big file's. An objective at the same place is the same
 * object, so its id (by position, when it has no number) is the same too. Typing in a heading
 * changes its slug only: the slug index is then dropped, to be made again if a link asks for a slug.
 */
function inheritObjectiveIndex(before: Scorecard, after: Scorecard): void {
  const index = objectiveIndexes.get(before);
  const olds = before.objectives;
  const news = after.objectives;
  if (!index || olds.length !== news.length) return;
  const replaced: number[] = [];
  let slugsChanged = false;
  for (let i = 0; i < news.length; i++) {
    if (olds[i] === news[i]) continue;
    const [o, n] = [olds[i], news[i]];
    if (o.id !== n.id) return;
    if (o.label !== n.label || o.title !== n.title || o.slug !== n.slug) slugsChanged = true;
    replaced.push(i);
  }
  const inherited: ObjectiveIndex = { byId: index.byId, sharedIds: index.sharedIds, bySlug: slugsChanged ? undefined : index.bySlug };
  const swap = (map: Map<string, Objective>, key: string, o: Objective, n: Objective) => {
    if (map.get(key) === o) map.set(key, n);
  };
  for (const i of replaced) {
    const [o, n] = [olds[i], news[i]];
    const key = o.id.toLowerCase();
    swap(inherited.byId, key, o, n);
    const shared = inherited.sharedIds.get(key);
    if (shared) shared[shared.indexOf(o)] = n;
    if (inherited.bySlug && o.label) swap(inherited.bySlug, labelSlug(o, o.label), o, n);
    if (inherited.bySlug) swap(inherited.bySlug, o.slug, o, n);
  }
  objectiveIndexes.set(after, inherited);
}

/** The last part of a URI's path, as a person reads it: `file:///okrs/team%20a.okr.md` → `team a.okr.md`. */
export function uriFileName(uri: string): string {
  const clean = uri.split(/[?#]/)[0];
  const last = clean.slice(clean.lastIndexOf("/") + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function resolveUri(base: string, path: string): string | undefined {
  try {
    return new URL(path.split("/").map(encodeURIComponent).join("/"), base).href;
  } catch {
    return undefined;
  }
}
