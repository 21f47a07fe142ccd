import { OkrConfig, Severity } from "../config/config";
import { Day } from "../model/dates";
import { buildScorecard } from "../model/build";
import { Objective, Scorecard } from "../model/scorecard";
import { firstAtLine, replacing, Section, sectionObjectives } from "../model/sections";
import { allRules } from "../rules";
import { Diagnostic, Report, Rule, RuleContext, WorkspaceQuery } from "../rules/rule";
import { applySuppressions } from "../rules/suppressions";
import { ChangedRegion } from "../text/changes";
import { LineIndex } from "../text/lines";
import { collectRanges } from "../text/positions";
import { gradeScorecard } from "./grades";

export interface AnalyzeOptions {
  uri: string;
  config: OkrConfig;
  today?: Day;
  /** The analysis of the document's previous version: what an edit did not touch is reused. */
  previous?: Analysis;
  /** Where the text differs from the previous version's, when known. */
  change?: ChangedRegion;
}

/** A built and graded document, with the configuration in force for it. */
export interface Analysis {
  scorecard: Scorecard;
  config: OkrConfig;
}

export function analyzeText(text: string | LineIndex, options: AnalyzeOptions): Analysis {
  const before = options.previous?.scorecard;
  const { scorecard, config, read, spliced } = buildScorecard(text, { ...options, previous: before });
  const replaced = spliced && before!.sections.slice(spliced.from, spliced.to);
  const splicedObjectives = replaced && {
    previous: before!,
    olds: replaced.flatMap(sectionObjectives),
    news: scorecard.sections.slice(spliced.from, spliced.to).flatMap(sectionObjectives),
  };
  gradeScorecard(scorecard, config.limits, read, splicedObjectives);
  const check = replaced && documentChecks.get(before!);
  if (check) splicedInto.set(scorecard, { check, from: spliced.from, replaced });
  return { scorecard, config };
}

/**
 * A version's last check, and the rules and framework it ran under: its sections' findings, and
 * its link checks' with the targets they were resolved against, each in order. Each is kept only
 * when every finding lies in its section: then the next version can swap a section's for another's.
 */
interface DocumentCheck {
  rules: readonly Rule[];
  framework: Scorecard["framework"];
  found?: Diagnostic[];
  links?: { targets: object; found: Diagnostic[] };
}

const documentChecks = new WeakMap<Scorecard, DocumentCheck>();

/**
 * A version the build spliced from the previous one (`BuildResult.spliced`), and that one's check:
 * its findings are those, with the replaced sections' swapped for the new ones'.
 */
const splicedInto = new WeakMap<Scorecard, { check: DocumentCheck; from: number; replaced: Section[] }>();

/** What the objective checks found in a section, for which section, and under which rules and framework. */
interface SectionCheck {
  section: Section;
  rules: readonly Rule[];
  framework: Scorecard["framework"];
  diagnostics: Diagnostic[];
  /**
   * Whether every finding starts within the section's lines. Made on the section's own objectives,
   * they move with it, so the findings of such sections, taken in order, are in order.
   */
  inSection: boolean;
}

declare module "../model/sections" {
  interface Section {
    /**
     * Its last check (set here, in the analysis): it goes with the section when the section is
     * reused. On the section itself rather than in a weak map, which every young-generation
     * collection walks: with the 30,000 sections of 10 MB, their time went from about 440 to 410 ms.
     * A copy of the section (renumbered objectives) is a new section: `section` tells the check is
     * not its own.
     */
    check?: SectionCheck;
  }
}

/** Runs every rule that is not turned off; the result is sorted by position, then by rule. */
export function checkScorecard(analysis: Analysis, workspace: WorkspaceQuery, rules: readonly Rule[] = allRules): Diagnostic[] {
  const { scorecard, config } = analysis;
  // What a rule reports goes to a section being checked, then to the document checks' list.
  const sectionFound: Diagnostic[] = [];
  const documentFound: Diagnostic[] = [];
  let into = sectionFound;
  const active = rules.filter((rule) => config.rules[rule.code] !== "off");
  // `active` holds no rule that is off, so a rule's setting is a severity or unset.
  const setting = (rule: Rule) => config.rules[rule.code] as Severity | undefined;
  // One context per rule, not one per rule and section: a big document has thousands of sections.
  const contexts = new Map<Rule, RuleContext>();
  for (const rule of active) {
    const severity = setting(rule);
    contexts.set(rule, {
      scorecard,
      config,
      workspace,
      report: (r: Report) =>
        into.push({
          code: rule.code,
          severity: severity ?? r.severity ?? rule.defaultSeverity,
          message: r.message,
          range: r.range,
          related: r.related,
          fixes: r.fixes,
        }),
    });
  }
  const order = new Map(rules.map((rule, i) => [rule.code, i]));
  const byPosition = (a: Diagnostic, b: Diagnostic) =>
    a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter || order.get(a.code)! - order.get(b.code)!;
  // The objective checks with their contexts, found once rather than per section.
  const objectiveChecks = active.filter((rule) => rule.checkObjective).map((rule) => ({ rule, context: contexts.get(rule)! }));
  let objectives: Objective[] = [];
  const checkObjectives = () => {
    for (const { rule, context } of objectiveChecks) for (const objective of objectives) rule.checkObjective!(objective, context);
  };
  const checked = (section: Section): SectionCheck => {
    const check = section.check;
    if (check && check.section === section && check.rules === rules && check.framework === scorecard.framework) return check;
    objectives = sectionObjectives(section);
    // Ranges made here move with the section, like those of its model; a previous check's are dropped.
    if (section.ranges.length !== section.readRanges) section.ranges.length = section.readRanges;
    collectRanges(checkObjectives, section.ranges);
    sortFrom(sectionFound, 0, byPosition);
    const diagnostics = sectionFound.slice();
    sectionFound.length = 0;
    const inSection = diagnostics.every((d) => startsIn(d, section));
    return (section.check = { section, rules, framework: scorecard.framework, diagnostics, inSection });
  };
  // The sections' findings, in order: after a splice, the previous version's with the replaced
  // sections' swapped for the new ones' (gathering every section's was a tenth of a keystroke).
  const spliced = splicedInto.get(scorecard);
  const previous = spliced && spliced.check.rules === rules && spliced.check.framework === scorecard.framework ? spliced.check : undefined;
  const run = spliced && scorecard.sections.slice(spliced.from, spliced.from + spliced.replaced.length);
  let found: Diagnostic[] | undefined;
  let inOrder = true;
  if (previous?.found) {
    const news = run!.map(checked);
    if (news.every((c) => c.inSection)) found = swapFindings(previous.found, spliced!.replaced, news.flatMap((c) => c.diagnostics));
  }
  if (!found) {
    found = [];
    for (const section of scorecard.sections) {
      const check = checked(section);
      for (const d of check.diagnostics) found.push(d);
      inOrder &&= check.inSection;
    }
  }
  // The objectives' links: after a splice, while they point at what they did, the previous version's
  // findings with those on the replaced sections' lines found again (every link, every keystroke,
  // was the largest of the document checks).
  const linkChecks = active.filter((rule) => rule.checkLinks).map((rule) => ({ rule, context: contexts.get(rule)! }));
  const checkLinks = (sections: readonly Section[]) => {
    let inSections = true;
    for (const section of sections) {
      const first = sectionFound.length;
      for (const objective of sectionObjectives(section)) for (const { rule, context } of linkChecks) rule.checkLinks!(objective, context);
      for (let k = first; k < sectionFound.length; k++) inSections &&= startsIn(sectionFound[k], section);
    }
    sortFrom(sectionFound, 0, byPosition);
    const linked = sectionFound.slice();
    sectionFound.length = 0;
    return { linked, inSections };
  };
  let links: { linked: Diagnostic[]; inSections: boolean } | undefined;
  if (linkChecks.length > 0 && previous?.links && previous.links.targets === workspace.targets(scorecard)) {
    const news = checkLinks(run!);
    const { replaced } = spliced!;
    const linked = news.inSections ? replaceLines(previous.links.found, replaced[0].start, replaced[replaced.length - 1].end, run![run!.length - 1].end, news.linked) : undefined;
    if (linked) links = { linked, inSections: true };
  }
  links ??= linkChecks.length > 0 ? checkLinks(scorecard.sections) : { linked: [], inSections: false };
  documentChecks.set(scorecard, {
    rules,
    framework: scorecard.framework,
    found: inOrder ? found : undefined,
    // What the links point at once they are checked: a link asking for a slug makes the slug index.
    links: links.inSections ? { targets: workspace.targets(scorecard), found: links.linked } : undefined,
  });
  into = documentFound;
  for (const rule of active) rule.check?.(contexts.get(rule)!);
  // The document checks' few findings are sorted and merged in: sorting the whole list again was a
  // tenth of a keystroke's time in a big file.
  const extra = [...documentFound, ...links.linked];
  sortFrom(extra, 0, byPosition);
  const diagnostics = inOrder ? mergeSorted(found, extra, byPosition) : [...found, ...extra].sort(byPosition);
  return applySuppressions(diagnostics, scorecard.comments, scorecard.lines);
}

/**
 * A previous version's sections' findings (in order, each section's within its lines) with those of
 * the sections a splice replaced swapped for `news`. The replaced ones are a run, found by the line
 * the first replaced section starts on; undefined if they are not all there.
 */
function swapFindings(found: readonly Diagnostic[], replaced: readonly Section[], news: readonly Diagnostic[]): Diagnostic[] | undefined {
  if (replaced.length === 0 || replaced.some((s) => !s.check)) return undefined;
  const olds = replaced.flatMap((s) => s.check!.diagnostics);
  const at = firstAtLine(found, startLineOf, replaced[0].start);
  for (let k = 0; k < olds.length; k++) if (found[at + k] !== olds[k]) return undefined;
  return replacing(found, at, olds.length, news);
}

/**
 * A list of findings in order with those of a run of sections that started on lines [start, oldEnd)
 * replaced by `news`, on lines [start, newEnd) since the edit moved the findings after the run with
 * their sections. Undefined when the lines they share leave it unknown which finding is whose.
 */
function replaceLines(found: readonly Diagnostic[], start: number, oldEnd: number, newEnd: number, news: readonly Diagnostic[]): Diagnostic[] | undefined {
  const from = firstAtLine(found, startLineOf, start);
  const to = firstAtLine(found, startLineOf, Math.min(oldEnd, newEnd), from);
  if (to < found.length && startLineOf(found[to]) < Math.max(oldEnd, newEnd)) return undefined;
  return replacing(found, from, to - from, news);
}

function startLineOf(d: Diagnostic): number {
  return d.range.startLine;
}

/** Whether a finding starts within the section's lines. */
function startsIn(d: Diagnostic, section: Section): boolean {
  return d.range.startLine >= section.start && d.range.startLine < section.end;
}

/**
 * Two sorted lists as one, each item of `extra` after the items of `sorted` that it does not precede:
 * what a stable sort of `sorted` followed by `extra` gives. Each of the few items of `extra` is
 * placed by a binary search; the long list is only copied.
 */
function mergeSorted<T>(sorted: T[], extra: T[], compare: (a: T, b: T) => number): T[] {
  if (extra.length === 0) return sorted.slice();
  // Made at its size: grown by `push`, the list of thousands was copied as it grew.
  const merged = new Array<T>(sorted.length + extra.length);
  let next = 0;
  let i = 0;
  for (const item of extra) {
    let lo = next;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(sorted[mid], item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    while (next < lo) merged[i++] = sorted[next++];
    merged[i++] = item;
  }
  while (next < sorted.length) merged[i++] = sorted[next++];
  return merged;
}

/**
 * Sorts `items` from index `from` on, in place and stably. A section's findings are few: an
 * insertion sort there makes none of the copies `Array.prototype.sort` makes (a third of the
 * garbage of sorting 2,000 sections' lists); a long run is left to it.
 */
function sortFrom<T>(items: T[], from: number, compare: (a: T, b: T) => number): void {
  if (items.length - from > 32) {
    const sorted = items.slice(from).sort(compare);
    for (let i = 0; i < sorted.length; i++) items[from + i] = sorted[i];
    return;
  }
  for (let i = from + 1; i < items.length; i++) {
    const item = items[i];
    let j = i;
    for (; j > from && compare(items[j - 1], item) > 0; j--) items[j] = items[j - 1];
    items[j] = item;
  }
}
