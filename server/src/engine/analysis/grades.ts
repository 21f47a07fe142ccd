import { Limits } from "../config/config";
import { Day, Period } from "../model/dates";
import { Forecast, Grading, KeyResult, Objective, Scorecard, Status } from "../model/scorecard";
import { Section, sectionObjectives } from "../model/sections";

/** After a splice (`BuildResult.spliced`): the previous version, and the objectives of the spliced sections in it and in this one, one for one. */
export interface SplicedObjectives {
  previous: Scorecard;
  olds: readonly Objective[];
  news: readonly Objective[];
}

/**
 * Grades, rollup, pace and forecast (spec §2). Fills the Grading fields of the model in place.
 * Only the objectives of the sections just `read` are graded: the others were taken over from the
 * previous version, which happens only under the settings they were read with (period, today, limits).
 * After a splice, a perspective (the previous version's) is rolled up again only when a spliced
 * objective under it grades or weighs otherwise than the one it replaced, and the scorecard only
 * when one does: each rollup walks all its objectives.
 */
export function gradeScorecard(scorecard: Scorecard, pace: Limits, read: readonly Section[], spliced?: SplicedObjectives): void {
  for (const section of read) {
    for (const objective of sectionObjectives(section)) {
      for (const kr of objective.keyResults) gradeKeyResult(kr, scorecard, pace);
      objective.grade = weightedMean(objective.keyResults);
      setPace(objective, expectedAt(scorecard.period, scorecard.today), pace);
    }
  }
  // After a splice, the perspectives of the objectives that grade otherwise.
  const regraded = spliced && new Set(spliced.olds.filter((o, k) => o.grade !== spliced.news[k].grade || o.weight !== spliced.news[k].weight).map((o) => o.perspective));
  if (regraded?.size === 0) {
    const { previous } = spliced!;
    scorecard.grade = previous.grade;
    scorecard.expected = previous.expected;
    scorecard.status = previous.status;
    return;
  }
  for (const perspective of scorecard.perspectives) {
    if (regraded && !regraded.has(perspective)) continue;
    perspective.grade = weightedMean(perspective.objectives);
    setPace(perspective, expectedAt(scorecard.period, scorecard.today), pace);
  }
  scorecard.grade =
    scorecard.framework === "okr" ? weightedMean(scorecard.objectives) : weightedMean(scorecard.perspectives.map((p) => ({ grade: p.grade, weight: 1 })));
  setPace(scorecard, expectedAt(scorecard.period, scorecard.today), pace);
}

/** The baseline grading uses: written, else the first check-in for a falling metric, else 0 when rising. */
export function effectiveBaseline(kr: KeyResult): number | undefined {
  if (kr.baseline) return kr.baseline.amount;
  if (kr.direction === "down" || kr.relative) return kr.checkIns.length > 1 ? kr.checkIns[0].value.amount : undefined;
  return 0;
}

/** The target, with a relative target (`by 10%`) applied to the baseline. */
export function effectiveTarget(kr: KeyResult): number | undefined {
  if (kr.target) return kr.target.amount;
  if (!kr.relative) return undefined;
  const baseline = effectiveBaseline(kr);
  if (baseline === undefined) return undefined;
  const change = kr.relative.percent ? (Math.abs(baseline) * Math.abs(kr.relative.amount)) / 100 : Math.abs(kr.relative.amount);
  const falling = kr.direction === "down" || kr.relative.amount < 0;
  return falling ? baseline - change : baseline + change;
}

/** clamp((current − baseline) / (target − baseline), 0, 1); baseline = target → met or not. */
export function gradeValue(current: number, baseline: number, target: number, direction: KeyResult["direction"]): number {
  if (baseline === target) return direction === "down" ? (current <= target ? 1 : 0) : current >= target ? 1 : 0;
  return Math.min(1, Math.max(0, (current - baseline) / (target - baseline)));
}

function gradeKeyResult(kr: KeyResult, scorecard: Scorecard, pace: Limits): void {
  kr.grade = computeGrade(kr);
  const end = deadlineOrPeriodEnd(kr, scorecard.period);
  const expected = scorecard.period && end !== undefined ? elapsedShare(scorecard.period.start, end, scorecard.today) : undefined;
  setPace(kr, expected, pace);
  kr.forecast = forecast(kr, end);
}

function computeGrade(kr: KeyResult): number | null {
  if (kr.score !== undefined) return kr.score;
  if (kr.binary) return kr.checked ? 1 : 0;
  const current = kr.current?.amount;
  const baseline = effectiveBaseline(kr);
  const target = effectiveTarget(kr);
  if (current === undefined || baseline === undefined || target === undefined) return null;
  return gradeValue(current, baseline, target, kr.direction);
}

function deadlineOrPeriodEnd(kr: KeyResult, period: Period | undefined): Day | undefined {
  const due = kr.deadline?.day;
  if (due !== undefined && (!period || (due >= period.start && due <= period.end))) return due;
  return period?.end;
}

/** Share of [start, end] elapsed at `today`, 0–1. */
export function expectedAt(period: Period | undefined, today: Day): number | undefined {
  return period ? elapsedShare(period.start, period.end, today) : undefined;
}

function elapsedShare(start: Day, end: Day, today: Day): number {
  return Math.min(1, Math.max(0, (today - start) / (end - start + 1)));
}

export function statusOf(grade: number, expected: number, pace: Limits): Status {
  if (grade >= expected - pace.paceAtRisk) return "on-track";
  if (grade >= expected - pace.paceOffTrack) return "at-risk";
  return "off-track";
}

function setPace(item: Grading, expected: number | undefined, pace: Limits): void {
  item.expected = expected;
  item.status = expected !== undefined && item.grade !== null ? statusOf(item.grade, expected, pace) : undefined;
}

interface Weighted {
  grade: number | null;
  weight?: number;
}

/** Σ wᵢ·gᵢ / Σ wᵢ over the graded items; null when none is graded. */
export function weightedMean(items: readonly Weighted[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const item of items) {
    if (item.grade === null) continue;
    const w = item.weight ?? 1;
    sum += w * item.grade;
    weights += w;
  }
  return weights > 0 ? sum / weights : null;
}

/** Least squares over the check-ins (day, value), projected to the deadline or period end. */
function forecast(kr: KeyResult, end: Day | undefined): Forecast | undefined {
  const points = kr.checkIns;
  if (points.length < 2 || end === undefined) return undefined;
  const n = points.length;
  let sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const p of points) {
    sx += p.day;
    sy += p.value.amount;
    sxx += p.day * p.day;
    sxy += p.day * p.value.amount;
  }
  const denominator = n * sxx - sx * sx;
  if (denominator === 0) return undefined;
  const slope = (n * sxy - sx * sy) / denominator;
  const value = sy / n + slope * (end - sx / n);
  const baseline = effectiveBaseline(kr);
  const target = effectiveTarget(kr);
  if (baseline === undefined || target === undefined) return undefined;
  return { value, grade: gradeValue(value, baseline, target, kr.direction), day: end };
}

export type Band = "red" | "yellow" | "green";

/** Google's bands on the grade shown to one decimal: 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green. */
export function bandOf(grade: number): Band {
  const shown = Math.round(grade * 10) / 10;
  return shown <= 0.3 ? "red" : shown <= 0.6 ? "yellow" : "green";
}

/** What an objective is expected to reach: 1.0 committed, 0.7 aspirational (spec §2). */
export function expectedGrade(objective: Objective): number {
  return objective.type === "committed" ? 1 : 0.7;
}
