/**
 * A burn-up chart of one key result: its check-ins over the period, the expected-pace line from the
 * baseline at the period's start to the target at the deadline, the least-squares forecast to the
 * deadline, the target line and today. The value axis is turned so that progress always goes up
 * (a falling metric has its target at the top). Plain SVG; every text escaped.
 */
import { Day, isoFromDay } from "../model/dates";
import { esc, num } from "./escape";
import { KeyResultView } from "./viewModel";

const W = 340;
const H = 180;
const M = { l: 52, r: 14, t: 12, b: 26 };

export function renderBurnup(kr: KeyResultView, titleId: string): string {
  const s = kr.series;
  if (!s || !s.points.length) return "";
  const values = s.points.map((p) => p.value);
  if (s.baseline !== undefined) values.push(s.baseline);
  if (s.target !== undefined) values.push(s.target);
  if (s.forecast) values.push(s.forecast.value);
  let [lo, hi] = extent(values);
  if (lo === hi) {
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.06;
  lo -= pad;
  hi += pad;
  // Progress up: for a falling metric the smaller values are at the top.
  const falling = s.baseline !== undefined && s.target !== undefined ? s.target < s.baseline : kr.direction === "down";
  const days = s.points.map((p) => p.day);
  days.push(s.start, s.end, s.forecast?.day ?? s.end);
  const [x0, x1]: Day[] = extent(days);
  const iw = W - M.l - M.r;
  const ih = H - M.t - M.b;
  const x = (d: Day) => M.l + ((d - x0) / Math.max(1, x1 - x0)) * iw;
  const y = (v: number) => (falling ? M.t + ((v - lo) / (hi - lo)) * ih : M.t + ((hi - v) / (hi - lo)) * ih);

  const parts: string[] = [];
  const summary =
    `${kr.id}: ${s.points.length} check-in${s.points.length === 1 ? "" : "s"}, latest ${s.points[s.points.length - 1].shown}` +
    (s.targetShown ? `, target ${s.targetShown}` : "") +
    (s.forecast ? `, forecast ${s.forecast.shown} by ${s.forecast.iso}` : "");
  parts.push(`<svg class="burnup" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${esc(titleId)}" xmlns="http://www.w3.org/2000/svg">`);
  parts.push(`<title>${esc(summary)}</title>`);
  parts.push(`<rect class="chart-plot" x="${M.l}" y="${M.t}" width="${iw}" height="${ih}"/>`);
  // Horizontal reference lines: baseline and target.
  const ref = (v: number | undefined, shown: string | undefined, cls: string) => {
    if (v === undefined) return;
    const yy = y(v);
    parts.push(`<line class="${cls}" x1="${M.l}" x2="${M.l + iw}" y1="${num(yy)}" y2="${num(yy)}"/>`);
    parts.push(`<text class="chart-axis" x="${M.l - 4}" y="${num(yy + 3.5)}" text-anchor="end">${esc(clip(shown ?? "", 8))}</text>`);
  };
  ref(s.baseline, s.baselineShown, "chart-baseline");
  ref(s.target, s.targetShown, "chart-target");
  // Time axis: period start and end.
  parts.push(`<text class="chart-axis" x="${M.l}" y="${H - 8}">${esc(isoFromDay(x0).slice(5))}</text>`);
  parts.push(`<text class="chart-axis" x="${M.l + iw}" y="${H - 8}" text-anchor="end">${esc(isoFromDay(x1).slice(5))}</text>`);
  // Today.
  if (s.today >= x0 && s.today <= x1) {
    const tx = x(s.today);
    parts.push(`<line class="chart-today" x1="${num(tx)}" x2="${num(tx)}" y1="${M.t}" y2="${M.t + ih}"/>`);
    parts.push(`<text class="chart-axis chart-today-label" x="${num(tx)}" y="${H - 8}" text-anchor="middle">today</text>`);
  }
  // Expected pace: baseline at the start to target at the deadline.
  if (s.baseline !== undefined && s.target !== undefined) {
    parts.push(`<line class="chart-pace" x1="${num(x(s.start))}" y1="${num(y(s.baseline))}" x2="${num(x(s.end))}" y2="${num(y(s.target))}"><title>expected pace</title></line>`);
  }
  // Forecast: from the latest check-in to the forecast at the deadline.
  const last = s.points[s.points.length - 1];
  if (s.forecast) {
    parts.push(
      `<line class="chart-forecast" x1="${num(x(last.day))}" y1="${num(y(last.value))}" x2="${num(x(s.forecast.day))}" y2="${num(y(s.forecast.value))}"/>`,
      `<circle class="chart-forecast-point" cx="${num(x(s.forecast.day))}" cy="${num(y(s.forecast.value))}" r="4"><title>${esc(`forecast ${s.forecast.shown} on ${s.forecast.iso} (grade ${s.forecast.grade.toFixed(1)})`)}</title></circle>`,
    );
  }
  // Actual check-ins.
  const pts = s.points.map((p) => `${num(x(p.day))},${num(y(p.value))}`).join(" ");
  if (s.points.length > 1) parts.push(`<polyline class="chart-actual" points="${pts}"/>`);
  for (const p of s.points) {
    parts.push(
      `<circle class="chart-point" cx="${num(x(p.day))}" cy="${num(y(p.value))}" r="3.5"><title>${esc(`${p.iso}: ${p.shown}${p.note ? ` — ${p.note}` : ""}`)}</title></circle>`,
    );
  }
  parts.push(`</svg>`);
  return parts.join("");
}

function clip(text: string, n: number): string {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

/** The least and the greatest value. A loop, not `Math.min(...values)`: 200,000 check-ins would overflow the call's arguments. */
function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}
