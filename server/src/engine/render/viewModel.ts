/**
 * The preview's view model: a plain, JSON-serialisable picture of a graded Scorecard, with every
 * number already formatted the way the view shows it. Protocol-free: the language server (webview
 * preview) and the CLI (`okr report --html`) build it the same way, and html.ts renders it.
 */
import { Band, bandOf, effectiveBaseline, effectiveTarget, expectedGrade } from "../analysis/grades";
import { Day, isoFromDay } from "../model/dates";
import { Framework, Grading, IndicatorType, KeyResult, LinkRef, Objective, ObjectiveType, Scorecard, Status } from "../model/scorecard";
import { firstAtLine } from "../model/sections";
import { Value, formatAmount } from "../model/values";
import { findObjective, uriFileName } from "../workspace/workspace";

export interface GradeView {
  /** The grade in [0, 1]; null when ungraded. */
  value: number | null;
  /** One decimal (`0.7`), or `ungraded`. */
  shown: string;
  band?: Band;
  /** Share of the period (or of the time to the KR's deadline) elapsed, 0–1. */
  expected?: number;
  status?: Status;
}

export interface PointView {
  day: Day;
  iso: string;
  value: number;
  shown: string;
  note?: string;
}

/** What a burn-up chart of one KR needs; only KRs with check-ins have one. */
export interface SeriesView {
  points: PointView[];
  /** Where the expected-pace line starts and ends (period start, deadline or period end). */
  start: Day;
  end: Day;
  today: Day;
  baseline?: number;
  target?: number;
  baselineShown?: string;
  targetShown?: string;
  forecast?: PointView & { grade: number };
}

export interface KeyResultView {
  key: string;
  id: string;
  label?: string;
  text: string;
  line: number;
  binary: boolean;
  checked?: boolean;
  direction: "up" | "down";
  baseline?: string;
  target?: string;
  current?: string;
  deadline?: string;
  owner?: string;
  confidence?: number;
  weight: number;
  manualScore: boolean;
  indicator?: IndicatorType;
  grade: GradeView;
  forecast?: { shown: string; grade: GradeView; iso: string };
  checkIns: number;
  series?: SeriesView;
}

export interface ItemView {
  text: string;
  line: number;
}

export interface ChildView {
  id: string;
  title: string;
  file: string;
  grade: GradeView;
}

export interface ObjectiveView {
  key: string;
  id: string;
  label?: string;
  title: string;
  line: number;
  owner?: string;
  type: ObjectiveType;
  /** 1.0 committed, 0.7 aspirational. */
  expectedGrade: number;
  weight: number;
  perspective?: string;
  grade: GradeView;
  /** Keys of objectives in this view that this one drives (`supports`). */
  supports: string[];
  /** Ids of objectives in this file that it drives and that this view leaves out (see `ScorecardView.window`). */
  supportsOutside: string[];
  /** `supports` entries that name nothing in this file, as written. */
  unresolvedSupports: string[];
  aligns: string[];
  keyResults: KeyResultView[];
  initiatives: ItemView[];
  indicators: ItemView[];
  children: ChildView[];
}

export interface PerspectiveView {
  name: string;
  line: number;
  /** Of all its objectives, also those the view leaves out. */
  grade: GradeView;
  /** Keys of its objectives in the view, in document order. */
  objectives: string[];
}

export interface ProblemCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface ScorecardView {
  uri: string;
  title: string;
  titleLine?: number;
  framework: Framework;
  period?: { label: string; start: string; end: string };
  today: string;
  owner?: string;
  grade: GradeView;
  /** The perspectives with objectives in the view (all of them, unless it is a window). */
  perspectives: PerspectiveView[];
  /** The objectives the view shows: all of them, or a window (`window`). */
  objectives: ObjectiveView[];
  /** Objectives that sit outside every perspective (bsc / hybrid files), by key. */
  unplaced: string[];
  problems: ProblemCounts;
  /** Counts of the whole file, like the grades. */
  objectiveCount: number;
  keyResultCount: number;
  ungradedCount: number;
  /** Set when the view shows only some objectives: the 1-based positions and source lines of the first and last. */
  window?: { first: number; last: number; firstLine: number; lastLine: number };
}

export interface ViewModelOptions {
  problems?: Partial<ProblemCounts>;
  /** Objectives elsewhere in the workspace whose `aligns` points at this one (spec §2 alignment rollup). */
  children?: (objective: Objective) => { objective: Objective; scorecard: Scorecard }[];
  /** How to name another file in the view (default: its last path segment). */
  displayUri?: (uri: string) => string;
  /**
   * Show at most `size` objectives, those around source line `line` (default: the first ones): a
   * view of every objective of a big file is megabytes of markup, rebuilt on every keystroke.
   */
  window?: { size: number; line?: number };
}

/** Whether a grade can be shown (it is null when it cannot be computed). */
function graded(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

export function gradeView(item: Pick<Grading, "grade" | "expected" | "status">): GradeView {
  const value = item.grade;
  if (!graded(value)) return { value: null, shown: "ungraded", expected: item.expected };
  return { value, shown: value.toFixed(1), band: bandOf(value), expected: item.expected, status: item.status };
}

function showValue(value: Value | undefined): string | undefined {
  return value ? value.raw.trim() || formatAmount(value) : undefined;
}

/** A computed amount shown in the style of a written value (currency, %, unit), rounded to a step that suits the KR's range. */
function showAmount(amount: number, like: Value | undefined, range?: number): string {
  let rounded = amount;
  if (range !== undefined && Number.isFinite(range) && range > 0) {
    const step = Math.pow(10, Math.floor(Math.log10(range)) - 1);
    rounded = Number((Math.round(amount / step) * step).toPrecision(12));
  }
  return formatAmount({ amount: rounded, currency: like?.currency, percent: like?.percent ?? false, unit: like?.unit });
}

/** `"@amara"`, `amara` → `@amara`. */
/** The model keeps owner names bare (`dana`); people read them as handles. */
function ownerName(name: string | undefined): string | undefined {
  return name ? "@" + name : undefined;
}

function deadlineOrPeriodEnd(kr: KeyResult, scorecard: Scorecard): Day | undefined {
  const due = kr.deadline?.day;
  const period = scorecard.period;
  if (due !== undefined && (!period || (due >= period.start && due <= period.end))) return due;
  return period?.end;
}

function keyResultView(kr: KeyResult, key: string, scorecard: Scorecard): KeyResultView {
  const like = kr.target ?? kr.baseline ?? kr.current ?? kr.checkIns[0]?.value;
  const baselineAmount = effectiveBaseline(kr);
  const targetAmount = effectiveTarget(kr);
  const range = baselineAmount !== undefined && targetAmount !== undefined ? Math.abs(targetAmount - baselineAmount) : undefined;
  const baseline = kr.baseline ? showValue(kr.baseline) : !kr.binary && kr.relative && baselineAmount !== undefined ? showAmount(baselineAmount, like) : undefined;
  const target = kr.target ? showValue(kr.target) : !kr.binary && targetAmount !== undefined ? showAmount(targetAmount, like) : undefined;
  const view: KeyResultView = {
    key,
    id: kr.id,
    label: kr.label,
    text: kr.text,
    line: kr.range.startLine,
    binary: kr.binary,
    checked: kr.checked,
    direction: kr.direction,
    baseline,
    target,
    current: kr.binary && !kr.current ? (kr.checked ? "done" : "not done") : showValue(kr.current),
    deadline: kr.deadline?.day !== undefined ? isoFromDay(kr.deadline.day) : kr.deadline?.text,
    owner: ownerName(kr.owner?.name),
    confidence: kr.confidence,
    weight: kr.weight,
    manualScore: kr.score !== undefined,
    indicator: kr.indicator,
    grade: gradeView(kr),
    checkIns: kr.checkIns.length,
  };
  if (kr.forecast) {
    view.forecast = { shown: showAmount(kr.forecast.value, like, range), grade: gradeView({ grade: kr.forecast.grade }), iso: isoFromDay(kr.forecast.day) };
  }
  const end = deadlineOrPeriodEnd(kr, scorecard);
  if (kr.checkIns.length > 0 && scorecard.period && end !== undefined) {
    const points = kr.checkIns.map((c) => ({ day: c.day, iso: isoFromDay(c.day), value: c.value.amount, shown: showValue(c.value)!, note: c.note.trim() || undefined }));
    view.series = {
      points,
      start: scorecard.period.start,
      end,
      today: scorecard.today,
      baseline: baselineAmount,
      target: targetAmount,
      baselineShown: baselineAmount !== undefined ? showAmount(baselineAmount, like) : undefined,
      targetShown: targetAmount !== undefined ? showAmount(targetAmount, like) : undefined,
    };
    if (kr.forecast) {
      view.series.forecast = {
        day: kr.forecast.day,
        iso: isoFromDay(kr.forecast.day),
        value: kr.forecast.value,
        shown: showAmount(kr.forecast.value, like, range),
        grade: kr.forecast.grade,
      };
    }
  }
  return view;
}

function linkText(link: LinkRef): string {
  return link.text.trim();
}

/**
 * The objectives a window of `size` shows around `line`: the one there comes a quarter of the way
 * down, so that some of what precedes it shows too. [first, end) indexes `objectives`.
 */
function objectiveWindow(objectives: readonly Objective[], size: number, line = 0): { first: number; end: number } {
  if (objectives.length <= size) return { first: 0, end: objectives.length };
  // The last objective starting at or above the line.
  const at = Math.max(0, firstAtLine(objectives, (o) => o.range.startLine, line + 1) - 1);
  const first = Math.max(0, Math.min(at - Math.floor(size / 4), objectives.length - size));
  return { first, end: first + size };
}

/** Builds the view model of a graded scorecard. */
export function buildViewModel(scorecard: Scorecard, options: ViewModelOptions = {}): ScorecardView {
  const all = scorecard.objectives;
  const positions = new Map<Objective, number>();
  all.forEach((o, i) => positions.set(o, i));
  const keyOf = (o: Objective) => {
    const i = positions.get(o);
    return i === undefined ? undefined : `o${i + 1}`;
  };
  const display = options.displayUri ?? uriFileName;
  const size = options.window ? Math.max(1, Math.floor(options.window.size)) : all.length;
  const { first, end } = objectiveWindow(all, size, options.window?.line);
  const windowed = end - first < all.length;
  const inView = (o: Objective) => {
    const i = positions.get(o);
    return i !== undefined && i >= first && i < end;
  };
  let keyResultCount = 0;
  let ungradedCount = 0;
  for (const o of all) {
    keyResultCount += o.keyResults.length;
    for (const kr of o.keyResults) if (!graded(kr.grade)) ungradedCount++;
  }

  const objectives: ObjectiveView[] = all.slice(first, end).map((o, k) => {
    const i = first + k;
    const supports: string[] = [];
    const supportsOutside: string[] = [];
    const unresolvedSupports: string[] = [];
    for (const link of o.supports) {
      const target = link.path === undefined && link.fragment !== undefined ? findObjective(scorecard, link.fragment) : undefined;
      const key = target && keyOf(target);
      if (!key) unresolvedSupports.push(linkText(link));
      else if (target === o || supports.includes(key) || supportsOutside.includes(target.id)) continue;
      else if (inView(target)) supports.push(key);
      else supportsOutside.push(target.id);
    }
    const keyResults = o.keyResults.map((kr, j) => keyResultView(kr, `o${i + 1}-k${j + 1}`, scorecard));
    const children = (options.children?.(o) ?? []).map((c) => ({
      id: c.objective.id,
      title: c.objective.title,
      file: display(c.scorecard.uri),
      grade: gradeView(c.objective),
    }));
    return {
      key: keyOf(o)!,
      id: o.id,
      label: o.label,
      title: o.title,
      line: o.range.startLine,
      owner: ownerName(o.owner?.name),
      type: o.type,
      expectedGrade: expectedGrade(o),
      weight: o.weight,
      perspective: o.perspective?.name,
      grade: gradeView(o),
      supports,
      supportsOutside,
      unresolvedSupports,
      aligns: o.aligns.map(linkText),
      keyResults,
      initiatives: o.initiatives.map((it) => ({ text: it.text, line: it.range.startLine })),
      indicators: o.indicators.map((it) => ({ text: it.text, line: it.range.startLine })),
      children,
    };
  });

  const perspectives: PerspectiveView[] = scorecard.perspectives
    .map((p) => ({
      name: p.name,
      line: p.range.startLine,
      grade: gradeView(p),
      objectives: p.objectives.filter((o) => inView(o)).map((o) => keyOf(o)!),
    }))
    .filter((p) => !windowed || p.objectives.length > 0);
  const placed = new Set(perspectives.flatMap((p) => p.objectives));
  const unplaced = scorecard.framework === "okr" && scorecard.perspectives.length === 0 ? [] : objectives.filter((o) => !placed.has(o.key)).map((o) => o.key);

  const problems: ProblemCounts = { error: 0, warning: 0, info: 0, hint: 0, ...options.problems };
  return {
    uri: scorecard.uri,
    title: scorecard.title?.trim() || uriFileName(scorecard.uri) || "Scorecard",
    titleLine: scorecard.titleRange?.startLine,
    framework: scorecard.framework,
    period: scorecard.period ? { label: scorecard.period.label, start: isoFromDay(scorecard.period.start), end: isoFromDay(scorecard.period.end) } : undefined,
    today: isoFromDay(scorecard.today),
    owner: ownerName(scorecard.owner),
    grade: gradeView(scorecard),
    perspectives,
    objectives,
    unplaced,
    problems,
    objectiveCount: all.length,
    keyResultCount,
    ungradedCount,
    window: windowed ? { first: first + 1, last: end, firstLine: all[first].range.startLine, lastLine: all[end - 1].range.startLine } : undefined,
  };
}

/** Counts diagnostics by severity. */
export function countProblems(diagnostics: readonly { severity: keyof ProblemCounts }[]): ProblemCounts {
  const counts: ProblemCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
