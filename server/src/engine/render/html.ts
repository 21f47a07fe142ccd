/**
 * The one renderer of the scorecard view: the VS Code preview (webview) and `okr report --html` both
 * use it. renderBody gives the view's markup (what a live update replaces), renderDocument the whole
 * page: a strict CSP with a nonce, the CSS (VS Code theme variables with fallback colours) and the
 * small script (click → reveal the source line; live updates in the webview). Every piece of user
 * text goes through esc(); the page loads nothing.
 */
import { renderBurnup } from "./burnup";
import { esc, lineAttr } from "./escape";
import { hasStrategyMap, renderStrategyMap } from "./strategyMap";
import { GradeView, KeyResultView, ObjectiveView, ProblemCounts, ScorecardView } from "./viewModel";

export type RenderMode = "webview" | "static";

export interface DocumentOptions {
  /** A fresh random value per page (base64 / alphanumeric). */
  nonce: string;
  mode: RenderMode;
  /** The webview's `cspSource` (webview mode only); nothing is loaded from it today. */
  cspSource?: string;
  /** Generator note for the static report (`okr 0.1.0`). */
  generator?: string;
}

const STATUS_TEXT: Record<string, string> = { "on-track": "on track", "at-risk": "at risk", "off-track": "off track" };

function pct(n: number | undefined): string {
  return n === undefined ? "" : `${Math.round(Math.min(1, Math.max(0, n)) * 100)}`;
}

/** A grade bar: the grade filled in its band colour, a tick at the expected pace. */
export function gradeBar(grade: GradeView, label: string): string {
  const value = grade.value;
  const cls = value === null ? "ungraded" : `band-${grade.band}`;
  const expected = grade.expected !== undefined ? Math.min(1, Math.max(0, grade.expected)) : undefined;
  const aria =
    value === null ? `${label}: ungraded` : `${label}: grade ${grade.shown} (${grade.band})` + (expected !== undefined ? `, expected ${expected.toFixed(1)} by now` : "");
  return (
    `<svg class="bar ${cls}" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(aria)}" xmlns="http://www.w3.org/2000/svg">` +
    `<rect class="bar-track" x="0" y="1" width="100" height="8" rx="0"/>` +
    (value === null ? `<rect class="bar-ungraded" x="0" y="1" width="100" height="8"/>` : `<rect class="bar-fill" x="0" y="1" width="${pct(value)}" height="8"/>`) +
    (expected !== undefined ? `<line class="bar-pace" x1="${pct(expected)}" x2="${pct(expected)}" y1="0" y2="10" vector-effect="non-scaling-stroke"/>` : "") +
    `</svg>`
  );
}

function gradeChip(grade: GradeView): string {
  if (grade.value === null) return `<span class="chip ungraded" title="No current value yet: left out of the averages">ungraded</span>`;
  return `<span class="chip band-${grade.band}" title="${esc(`grade ${grade.shown}, ${grade.band} band`)}"><span class="chip-dot" aria-hidden="true"></span>${esc(grade.shown)}</span>`;
}

function statusBadge(grade: GradeView): string {
  if (!grade.status) return "";
  const expected = grade.expected !== undefined ? ` — expected ${grade.expected.toFixed(1)} by now` : "";
  return `<span class="status status-${grade.status}" title="${esc(STATUS_TEXT[grade.status] + expected)}">${esc(STATUS_TEXT[grade.status])}</span>`;
}

function sourceLink(text: string, line: number | undefined, href: string, key: string, cls = "src"): string {
  return `<a class="${cls}" href="#${esc(href)}"${lineAttr(line)} data-key="${esc(key)}">${esc(text)}</a>`;
}

function problemsLine(p: ProblemCounts): string {
  const item = (n: number, one: string, many: string, cls: string) => `<span class="count ${cls}${n ? "" : " zero"}">${n} ${n === 1 ? one : many}</span>`;
  const total = p.error + p.warning + p.info + p.hint;
  return (
    `<a class="problems" href="#" data-command="problems" title="${total ? "Show them in the Problems panel" : "No problems"}">` +
    item(p.error, "error", "errors", "error") +
    item(p.warning, "warning", "warnings", "warning") +
    item(p.info, "info", "infos", "info") +
    item(p.hint, "hint", "hints", "hint") +
    `</a>`
  );
}

function header(view: ScorecardView): string {
  const g = view.grade;
  const meta: string[] = [];
  meta.push(`<span>${esc(view.framework.toUpperCase())}</span>`);
  if (view.period) meta.push(`<span title="${esc(`${view.period.start} – ${view.period.end}`)}">${esc(view.period.label)}</span>`);
  meta.push(`<span>as of ${esc(view.today)}</span>`);
  if (view.owner) meta.push(`<span>${esc(view.owner)}</span>`);
  meta.push(`<span>${view.objectiveCount} objective${view.objectiveCount === 1 ? "" : "s"}, ${view.keyResultCount} KR${view.keyResultCount === 1 ? "" : "s"}${view.ungradedCount ? `, ${view.ungradedCount} ungraded` : ""}</span>`);
  const band = g.value === null ? "ungraded" : `band-${g.band}`;
  const bandText = g.value === null ? "ungraded" : g.band!;
  return (
    `<header class="sc-header">` +
    `<div class="sc-grade ${band}" role="img" aria-label="${esc(`Scorecard grade ${g.shown}${g.band ? `, ${g.band} band` : ""}`)}"><span class="sc-grade-value">${esc(g.value === null ? "–" : g.shown)}</span><span class="sc-grade-band">${esc(bandText)}</span></div>` +
    `<div class="sc-heading">` +
    `<h1>${view.titleLine !== undefined ? sourceLink(view.title, view.titleLine, "top", "title", "src title-link") : esc(view.title)}</h1>` +
    `<div class="sc-meta">${meta.join(`<span class="sep" aria-hidden="true">·</span>`)}</div>` +
    `<div class="sc-bar">${gradeBar(g, "Scorecard")}${statusBadge(g)}</div>` +
    `${problemsLine(view.problems)}` +
    `</div>` +
    `</header>`
  );
}

function nav(sections: [string, string][]): string {
  return `<nav class="toc" aria-label="Sections">${sections.map(([id, name]) => `<a href="#${id}">${esc(name)}</a>`).join("")}</nav>`;
}

function targetText(kr: KeyResultView): string {
  if (kr.binary && !kr.target) return kr.deadline ? `done by ${kr.deadline}` : "done";
  const range = kr.baseline !== undefined && kr.target !== undefined ? `${kr.baseline} → ${kr.target}` : kr.target !== undefined ? `${kr.direction === "down" ? "≤" : "≥"} ${kr.target}` : "—";
  return kr.deadline ? `${range} by ${kr.deadline}` : range;
}

/** The Balanced Scorecard grid: one row per measure, perspective and objective cells spanning theirs. */
function grid(view: ScorecardView): string {
  const byKey = new Map(view.objectives.map((o) => [o.key, o]));
  const groups: { name: string; line?: number; grade?: GradeView; objectives: ObjectiveView[] }[] = view.perspectives.map((p) => ({
    name: p.name,
    line: p.line,
    grade: p.grade,
    objectives: p.objectives.map((k) => byKey.get(k)!).filter(Boolean),
  }));
  const unplaced = view.unplaced.map((k) => byKey.get(k)!).filter(Boolean);
  if (unplaced.length) groups.push({ name: "Outside perspectives", objectives: unplaced });
  const rows: string[] = [];
  for (const group of groups) {
    const spans = group.objectives.map((o) => Math.max(1, o.keyResults.length));
    const total = Math.max(1, spans.reduce((a, b) => a + b, 0));
    const pcell =
      `<th scope="rowgroup" rowspan="${total}" class="g-persp">` +
      (group.line !== undefined ? sourceLink(group.name, group.line, `persp-${group.name}`, `grid-p-${group.name}`) : esc(group.name)) +
      (group.grade ? `<div class="g-grade">${gradeChip(group.grade)}</div>` : "") +
      `</th>`;
    if (!group.objectives.length) {
      rows.push(`<tr class="g-first">${pcell}<td colspan="7" class="muted">No objectives yet</td></tr>`);
      continue;
    }
    group.objectives.forEach((o, oi) => {
      const span = spans[oi];
      const krs: (KeyResultView | undefined)[] = o.keyResults.length ? o.keyResults : [undefined];
      krs.forEach((kr, ki) => {
        const cells: string[] = [];
        if (oi === 0 && ki === 0) cells.push(pcell);
        if (ki === 0) {
          cells.push(
            `<td rowspan="${span}" class="g-obj">${sourceLink(`${o.id}: ${o.title}`, o.line, o.key, `grid-${o.key}`)}` +
              `<div class="g-sub">${gradeChip(o.grade)}${o.owner ? ` <span class="owner">${esc(o.owner)}</span>` : ""}</div></td>`,
          );
        }
        if (kr) {
          cells.push(`<td class="g-measure">${sourceLink(kr.text, kr.line, kr.key, `grid-${kr.key}`)}</td>`);
          cells.push(`<td class="g-target">${esc(targetText(kr))}</td>`);
          cells.push(`<td class="g-current">${kr.current !== undefined ? esc(kr.current) : `<span class="muted">—</span>`}</td>`);
          cells.push(`<td class="g-krgrade">${gradeChip(kr.grade)}</td>`);
        } else cells.push(`<td colspan="4" class="muted">No measures</td>`);
        if (ki === 0) {
          cells.push(`<td rowspan="${span}" class="g-items">${itemList(o.initiatives, o.key, "ini")}</td>`);
          cells.push(`<td rowspan="${span}" class="g-items">${itemList(o.indicators, o.key, "ind")}</td>`);
        }
        rows.push(`<tr class="${oi === 0 && ki === 0 ? "g-first" : ki === 0 ? "g-obj-first" : ""}">${cells.join("")}</tr>`);
      });
    });
  }
  return (
    `<div class="grid-wrap" tabindex="0" role="region" aria-label="Balanced Scorecard grid"><table class="grid">` +
    `<thead><tr><th scope="col">Perspective</th><th scope="col">Objective</th><th scope="col">Measure</th><th scope="col">Target</th><th scope="col">Current</th><th scope="col">Grade</th><th scope="col">Initiatives</th><th scope="col">Indicators</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table></div>`
  );
}

function itemList(items: { text: string; line: number }[], key: string, kind: string): string {
  if (!items.length) return `<span class="muted">—</span>`;
  return `<ul class="items">${items.map((it, i) => `<li>${sourceLink(it.text, it.line, `${key}`, `${key}-${kind}${i}`, "src item")}</li>`).join("")}</ul>`;
}

function krDetails(kr: KeyResultView): string {
  const bits: string[] = [];
  if (!kr.binary || kr.target) bits.push(`<span>target ${esc(targetText(kr))}</span>`);
  else if (kr.deadline) bits.push(`<span>due ${esc(kr.deadline)}</span>`);
  bits.push(kr.current !== undefined ? `<span>now ${esc(kr.current)}</span>` : `<span class="muted">no current value</span>`);
  if (kr.forecast) bits.push(`<span class="forecast band-text-${kr.forecast.grade.band ?? "none"}">forecast ${esc(kr.forecast.shown)} (${esc(kr.forecast.grade.shown)}) by ${esc(kr.forecast.iso)}</span>`);
  if (kr.confidence !== undefined) bits.push(`<span>confidence ${Math.round(kr.confidence * 100)}%</span>`);
  if (kr.owner) bits.push(`<span class="owner">${esc(kr.owner)}</span>`);
  if (kr.indicator) bits.push(`<span class="tag">${esc(kr.indicator)}</span>`);
  if (kr.weight !== 1) bits.push(`<span class="tag">weight ${esc(String(kr.weight))}</span>`);
  if (kr.manualScore) bits.push(`<span class="tag" title="A manual score overrides the computed grade">scored</span>`);
  return bits.join(`<span class="sep" aria-hidden="true">·</span>`);
}

function keyResultRow(kr: KeyResultView): string {
  const box = kr.binary ? `<span class="box" aria-label="${kr.checked ? "done" : "not done"}">${kr.checked ? "☑" : "☐"}</span> ` : "";
  const label = kr.label ? `<span class="kr-label">${esc(kr.label)}</span> ` : "";
  return (
    `<li class="kr${kr.grade.value === null ? " is-ungraded" : ""}" id="${esc(kr.key)}">` +
    `<div class="row">` +
    `<div class="name">${box}${label}${sourceLink(kr.text, kr.line, kr.key, kr.key)}</div>` +
    `<div class="meter">${gradeBar(kr.grade, kr.id)}${gradeChip(kr.grade)}${statusBadge(kr.grade)}</div>` +
    `</div>` +
    `<div class="details">${krDetails(kr)}</div>` +
    `</li>`
  );
}

function objectiveCard(o: ObjectiveView): string {
  const chips = [
    `<span class="tag" title="${o.type === "committed" ? "Committed: expected at 1.0" : "Aspirational: expected at 0.7"}">${esc(o.type)} · expects ${o.expectedGrade.toFixed(1)}</span>`,
  ];
  if (o.owner) chips.push(`<span class="owner">${esc(o.owner)}</span>`);
  if (o.weight !== 1) chips.push(`<span class="tag">weight ${esc(String(o.weight))}</span>`);
  const extra: string[] = [];
  if (o.initiatives.length) extra.push(`<div class="sub"><span class="sub-h">Initiatives</span>${itemList(o.initiatives, o.key, "tini")}</div>`);
  if (o.indicators.length) extra.push(`<div class="sub"><span class="sub-h">Indicators</span>${itemList(o.indicators, o.key, "tind")}</div>`);
  if (o.aligns.length) extra.push(`<div class="sub"><span class="sub-h">Aligns to</span><span>${o.aligns.map(esc).join(", ")}</span></div>`);
  if (o.supports.length || o.supportsOutside.length || o.unresolvedSupports.length)
    extra.push(
      `<div class="sub"><span class="sub-h">Supports</span><span>${[
        ...o.supports.map((k) => `<a href="#${esc(k)}" class="jump">${esc(k.toUpperCase())}</a>`),
        ...o.supportsOutside.map((id) => `<span>${esc(id)}</span>`),
        ...o.unresolvedSupports.map((t) => `<span class="muted">${esc(t)} (not found)</span>`),
      ].join(", ")}</span></div>`,
    );
  if (o.children.length)
    extra.push(
      `<div class="sub"><span class="sub-h">Aligned from</span><ul class="items">${o.children.map((c) => `<li>${gradeChip(c.grade)} ${esc(`${c.id}: ${c.title}`)} <span class="muted">${esc(c.file)}</span></li>`).join("")}</ul></div>`,
    );
  return (
    `<article class="objective${o.grade.value === null ? " is-ungraded" : ""}" id="${esc(o.key)}" aria-labelledby="${esc(o.key)}-h">` +
    `<div class="row obj-row">` +
    `<h3 class="name" id="${esc(o.key)}-h">${sourceLink(`${o.id}: ${o.title}`, o.line, o.key, `tree-${o.key}`)}</h3>` +
    `<div class="meter">${gradeBar(o.grade, o.id)}${gradeChip(o.grade)}${statusBadge(o.grade)}</div>` +
    `</div>` +
    `<div class="details">${chips.join(`<span class="sep" aria-hidden="true">·</span>`)}</div>` +
    (o.keyResults.length ? `<ul class="krs">${o.keyResults.map(keyResultRow).join("")}</ul>` : `<p class="muted">No key results yet.</p>`) +
    extra.join("") +
    `</article>`
  );
}

function tree(view: ScorecardView): string {
  const byKey = new Map(view.objectives.map((o) => [o.key, o]));
  if (!view.perspectives.length) return view.objectives.map(objectiveCard).join("") || `<p class="muted">No objectives yet: add a heading like <code>## O1: Grow revenue</code>.</p>`;
  const out: string[] = [];
  for (const p of view.perspectives) {
    out.push(
      `<section class="persp" aria-label="${esc(p.name)}"><div class="row persp-row"><h3 class="name">${sourceLink(p.name, p.line, `persp-${p.name}`, `tree-p-${p.name}`)}</h3><div class="meter">${gradeBar(p.grade, p.name)}${gradeChip(p.grade)}${statusBadge(p.grade)}</div></div>`,
    );
    const objectives = p.objectives.map((k) => byKey.get(k)!).filter(Boolean);
    out.push(objectives.length ? objectives.map(objectiveCard).join("") : `<p class="muted">No objectives in this perspective.</p>`);
    out.push(`</section>`);
  }
  if (view.unplaced.length) {
    out.push(`<section class="persp" aria-label="Outside perspectives"><div class="row persp-row"><h3 class="name">Outside perspectives</h3></div>`);
    out.push(view.unplaced.map((k) => objectiveCard(byKey.get(k)!)).join(""));
    out.push(`</section>`);
  }
  return out.join("");
}

function burnups(view: ScorecardView): string {
  const cards: string[] = [];
  for (const o of view.objectives) {
    for (const kr of o.keyResults) {
      if (!kr.series) continue;
      const titleId = `chart-${kr.key}`;
      cards.push(
        `<figure class="chart-card">` +
          renderBurnup(kr, titleId) +
          `<figcaption id="${esc(titleId)}">${sourceLink(`${o.id} ${kr.id}: ${kr.text}`, kr.line, kr.key, `chart-link-${kr.key}`)}` +
          `<span class="chart-meta">${gradeChip(kr.grade)}${statusBadge(kr.grade)}${kr.forecast ? `<span class="muted">forecast ${esc(kr.forecast.grade.shown)}</span>` : ""}</span></figcaption>` +
          `</figure>`,
      );
    }
  }
  if (!cards.length) return "";
  const legend =
    `<p class="legend" aria-hidden="true"><span class="lg lg-actual"></span>check-ins <span class="lg lg-pace"></span>expected pace ` +
    `<span class="lg lg-forecast"></span>forecast <span class="lg lg-target"></span>target <span class="lg lg-today"></span>today</p>`;
  return legend + `<div class="charts">${cards.join("")}</div>`;
}

/** Which objectives a window of a big file shows, and why not all (empty when it shows all). */
function windowNote(view: ScorecardView): string {
  const w = view.window;
  if (!w) return "";
  const n = (k: number) => k.toLocaleString("en-US");
  return (
    `<p class="window-note" role="note">Objectives ${n(w.first)}–${n(w.last)} of ${n(view.objectiveCount)} in file order, from line ${n(w.firstLine + 1)}: those around the top of the editor. ` +
    `The preview draws at most ${n(w.last - w.first + 1)} (setting <code>okr.preview.maxObjectives</code>); the grades and counts above cover them all.</p>`
  );
}

/** The view's markup: what the webview replaces on each update. */
export function renderBody(view: ScorecardView): string {
  const showGrid = view.framework !== "okr" || view.perspectives.length > 0;
  const showMap = hasStrategyMap(view);
  const charts = burnups(view);
  const sections: [string, string][] = [];
  if (showGrid) sections.push(["sec-grid", "Scorecard grid"]);
  sections.push(["sec-tree", view.perspectives.length ? "Objectives by perspective" : "Objectives and key results"]);
  if (showMap) sections.push(["sec-map", "Strategy map"]);
  if (charts) sections.push(["sec-charts", "Burn-up charts"]);
  const parts: string[] = [`<div class="okr-view" id="top" data-uri="${esc(view.uri)}">`, header(view), windowNote(view), nav(sections)];
  if (showGrid) parts.push(`<section id="sec-grid" class="sec"><h2>Scorecard grid</h2>${grid(view)}</section>`);
  parts.push(`<section id="sec-tree" class="sec"><h2>${esc(sections.find((s) => s[0] === "sec-tree")![1])}</h2>${tree(view)}</section>`);
  if (showMap)
    parts.push(
      `<section id="sec-map" class="sec"><h2 id="map-title">Strategy map</h2><p class="hint">Arrows follow <code>supports</code>: from the objective that drives to the one it drives.</p><div class="map-wrap" tabindex="0" role="region" aria-label="Strategy map">${renderStrategyMap(view)}</div></section>`,
    );
  if (charts) parts.push(`<section id="sec-charts" class="sec"><h2>Burn-up charts</h2>${charts}</section>`);
  parts.push(`</div>`);
  return parts.join("");
}

/** The Content-Security-Policy of the page: nothing loads, only the nonce'd style and script run. */
export function contentSecurityPolicy(options: Pick<DocumentOptions, "nonce" | "cspSource" | "mode">): string {
  const source = options.mode === "webview" && options.cspSource ? ` ${options.cspSource}` : "";
  return [
    `default-src 'none'`,
    `style-src 'nonce-${options.nonce}'${source}`,
    `script-src 'nonce-${options.nonce}'`,
    `img-src data:${source}`,
    `font-src${source || " 'none'"}`,
    `base-uri 'none'`,
    `form-action 'none'`,
  ].join("; ");
}

/** A complete HTML page: the webview's first render, or the self-contained static report. */
export function renderDocument(view: ScorecardView, options: DocumentOptions): string {
  const nonce = esc(options.nonce.replace(/[^A-Za-z0-9+/=_-]/g, ""));
  const csp = contentSecurityPolicy({ ...options, nonce });
  const generator = options.generator ? `<meta name="generator" content="${esc(options.generator)}">` : "";
  return (
    `<!DOCTYPE html>\n<html lang="en" class="okr-${options.mode}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n${generator}` +
    `<meta name="color-scheme" content="light dark">\n` +
    `<title>${esc(view.title)}${view.grade.value !== null ? ` — ${esc(view.grade.shown)}` : ""}</title>\n` +
    `<style nonce="${nonce}">${PREVIEW_CSS}</style>\n</head>\n<body>\n` +
    `<div id="okr-app">${renderBody(view)}</div>\n` +
    `<script nonce="${nonce}">${PREVIEW_SCRIPT}</script>\n</body>\n</html>\n`
  );
}

/** A page for a document that cannot be shown (not an okr file, not open, failed). */
export function renderMessageBody(message: string): string {
  return `<div class="okr-view"><p class="muted empty-message">${esc(message)}</p></div>`;
}

/**
 * The page's script. In the webview it posts `{type:'reveal', line}` for clicks on anything with
 * data-line, `{type:'command', command:'problems'}` for the problem counts, and applies
 * `{type:'update', html}` by replacing the view in one step (no flash), keeping the scroll position and
 * focus; it keeps `{uri, scrollY}` in the webview state for the serializer. In the static report it
 * only lets links scroll to their anchors.
 */
export const PREVIEW_SCRIPT = `(function () {
  "use strict";
  var api = typeof acquireVsCodeApi === "function" ? acquireVsCodeApi() : undefined;
  var app = document.getElementById("okr-app");
  function uri() { var v = app && app.querySelector(".okr-view"); return v ? v.getAttribute("data-uri") : undefined; }
  function save() { if (api) api.setState({ uri: uri(), scrollY: window.scrollY }); }
  if (api) {
    var state = api.getState();
    if (state && typeof state.scrollY === "number" && state.uri === uri()) window.scrollTo(0, state.scrollY);
    save();
  }
  document.addEventListener("click", function (e) {
    var t = e.target && e.target.closest ? e.target.closest("[data-line],[data-command],a[href^='#']") : null;
    if (!t) return;
    if (t.hasAttribute("data-command")) {
      e.preventDefault();
      if (api) api.postMessage({ type: "command", command: t.getAttribute("data-command") });
      return;
    }
    if (api && t.hasAttribute("data-line")) {
      e.preventDefault();
      api.postMessage({ type: "reveal", line: Number(t.getAttribute("data-line")), uri: uri() });
      return;
    }
    var href = t.getAttribute("href") || "";
    if (href.length > 1) {
      var target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (target) { e.preventDefault(); target.scrollIntoView({ block: "start" }); if (!api) history.replaceState(null, "", href); }
    }
  });
  var pending = 0;
  window.addEventListener("scroll", function () { if (!pending) pending = setTimeout(function () { pending = 0; save(); }, 100); }, { passive: true });
  window.addEventListener("message", function (e) {
    var m = e.data;
    if (!m || typeof m !== "object" || m.type !== "update" || typeof m.html !== "string" || !app) return;
    var x = window.scrollX, y = window.scrollY;
    var active = document.activeElement;
    var focusKey = active && active.getAttribute ? active.getAttribute("data-key") : null;
    var template = document.createElement("template");
    template.innerHTML = m.html;
    app.replaceChildren(template.content);
    if (typeof m.title === "string") document.title = m.title;
    window.scrollTo(x, y);
    if (focusKey) {
      var again = app.querySelector('[data-key="' + (window.CSS && CSS.escape ? CSS.escape(focusKey) : focusKey) + '"]');
      if (again && again.focus) again.focus({ preventScroll: true });
    }
    save();
  });
})();`;

/**
 * The page's style. Colours come from VS Code's theme variables (light, dark, high contrast); outside
 * VS Code (the static report) the fallbacks apply, light or dark after the reader's system setting.
 */
export const PREVIEW_CSS = `
:root {
  --fb-bg: #ffffff; --fb-fg: #1f2328; --fb-muted: #59636e; --fb-border: #d1d9e0; --fb-panel: #f6f8fa;
  --fb-link: #0969da; --fb-focus: #0969da; --fb-red: #cf222e; --fb-yellow: #bf8700; --fb-green: #1a7f37;
  --fb-blue: #0969da; --fb-track: #e7ebef; --fb-badge-bg: #e7ebef; --fb-badge-fg: #1f2328;
  --fb-error: #cf222e; --fb-warning: #9a6700; --fb-info: #0969da; --fb-hint: #59636e;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fb-bg: #0d1117; --fb-fg: #e6edf3; --fb-muted: #9198a1; --fb-border: #3d444d; --fb-panel: #151b23;
    --fb-link: #4493f8; --fb-focus: #4493f8; --fb-red: #f85149; --fb-yellow: #d29922; --fb-green: #3fb950;
    --fb-blue: #4493f8; --fb-track: #262c36; --fb-badge-bg: #262c36; --fb-badge-fg: #e6edf3;
    --fb-error: #f85149; --fb-warning: #d29922; --fb-info: #4493f8; --fb-hint: #9198a1;
  }
}
:root {
  --okr-bg: var(--vscode-editor-background, var(--fb-bg));
  --okr-fg: var(--vscode-editor-foreground, var(--vscode-foreground, var(--fb-fg)));
  --okr-muted: var(--vscode-descriptionForeground, var(--fb-muted));
  --okr-border: var(--vscode-contrastBorder, var(--vscode-panel-border, var(--vscode-widget-border, var(--fb-border))));
  --okr-panel: var(--vscode-sideBar-background, var(--vscode-editorWidget-background, var(--fb-panel)));
  --okr-link: var(--vscode-textLink-foreground, var(--fb-link));
  --okr-focus: var(--vscode-focusBorder, var(--fb-focus));
  --okr-red: var(--vscode-charts-red, var(--fb-red));
  --okr-yellow: var(--vscode-charts-yellow, var(--fb-yellow));
  --okr-green: var(--vscode-charts-green, var(--fb-green));
  --okr-blue: var(--vscode-charts-blue, var(--fb-blue));
  --okr-track: var(--vscode-editorWidget-border, var(--vscode-input-background, var(--fb-track)));
  --okr-badge-bg: var(--vscode-badge-background, var(--fb-badge-bg));
  --okr-badge-fg: var(--vscode-badge-foreground, var(--fb-badge-fg));
  --okr-error: var(--vscode-editorError-foreground, var(--fb-error));
  --okr-warning: var(--vscode-editorWarning-foreground, var(--fb-warning));
  --okr-info: var(--vscode-editorInfo-foreground, var(--fb-info));
  --okr-hint: var(--vscode-editorHint-foreground, var(--fb-hint));
  --okr-font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --okr-mono: var(--vscode-editor-font-family, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
  --okr-size: var(--vscode-font-size, 14px);
  color-scheme: light dark;
}
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: var(--okr-bg); color: var(--okr-fg); font-family: var(--okr-font); font-size: var(--okr-size); line-height: 1.45; }
body { padding: 0 16px 32px; }
.okr-view { max-width: 1180px; margin: 0 auto; }
a { color: var(--okr-link); text-decoration: none; }
a:hover { text-decoration: underline; }
a:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--okr-focus); outline-offset: 2px; border-radius: 2px; }
a.src { color: inherit; }
a.src:hover { color: var(--okr-link); }
code { font-family: var(--okr-mono); font-size: 0.92em; }
.muted, .hint { color: var(--okr-muted); }
.hint { margin: 0 0 8px; font-size: 0.92em; }
.sep { color: var(--okr-muted); margin: 0 6px; }
.window-note { margin: 12px 0 0; padding: 8px 12px; border: 1px solid var(--okr-border); border-radius: 6px; color: var(--okr-muted); font-size: 0.92em; }
h1 { font-size: 1.55em; margin: 0; line-height: 1.25; font-weight: 600; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--okr-border); font-weight: 600; }
h3 { font-size: 1em; margin: 0; font-weight: 600; }
.sc-header { display: flex; gap: 18px; align-items: flex-start; padding: 18px 0 12px; border-bottom: 1px solid var(--okr-border); }
.sc-grade { flex: none; width: 92px; height: 92px; border-radius: 12px; display: flex; flex-direction: column; align-items: center; justify-content: center; border: 3px solid currentColor; }
.sc-grade-value { font-size: 2.1em; font-weight: 700; line-height: 1; }
.sc-grade-band { font-size: 0.8em; margin-top: 4px; text-transform: uppercase; letter-spacing: 0.04em; }
.sc-grade.band-red { color: var(--okr-red); } .sc-grade.band-yellow { color: var(--okr-yellow); } .sc-grade.band-green { color: var(--okr-green); }
.sc-grade.ungraded { color: var(--okr-muted); border-style: dashed; }
.sc-heading { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 6px; }
.sc-meta { color: var(--okr-muted); display: flex; flex-wrap: wrap; }
.sc-bar { display: flex; align-items: center; gap: 10px; max-width: 520px; }
.sc-bar .bar { flex: 1; height: 12px; }
.problems { display: inline-flex; flex-wrap: wrap; gap: 12px; align-self: flex-start; color: var(--okr-fg); }
.count::before { content: "●"; margin-right: 4px; font-size: 0.85em; }
.count.error::before { color: var(--okr-error); } .count.warning::before { color: var(--okr-warning); }
.count.info::before { color: var(--okr-info); } .count.hint::before { color: var(--okr-hint); }
.count.zero { color: var(--okr-muted); } .count.zero::before { color: var(--okr-muted); content: "○"; }
.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 8px 0; font-size: 0.92em; }
.bar { display: block; width: 100%; height: 10px; overflow: visible; }
.bar-track { fill: var(--okr-track); }
.bar-fill { fill: var(--okr-muted); }
.band-red .bar-fill { fill: var(--okr-red); } .band-yellow .bar-fill { fill: var(--okr-yellow); } .band-green .bar-fill { fill: var(--okr-green); }
.bar-ungraded { fill: none; stroke: var(--okr-muted); stroke-dasharray: 3 3; stroke-width: 1; vector-effect: non-scaling-stroke; }
.bar-pace { stroke: var(--okr-fg); stroke-width: 2; }
.chip { display: inline-flex; align-items: center; gap: 4px; font-variant-numeric: tabular-nums; font-weight: 600; min-width: 3.2em; white-space: nowrap; }
.chip-dot { width: 9px; height: 9px; border-radius: 50%; background: currentColor; display: inline-block; }
.chip.band-red { color: var(--okr-red); } .chip.band-yellow { color: var(--okr-yellow); } .chip.band-green { color: var(--okr-green); }
.chip.ungraded { color: var(--okr-muted); font-weight: 400; font-style: italic; }
.status { font-size: 0.85em; padding: 0 7px; border-radius: 9px; border: 1px solid currentColor; white-space: nowrap; }
.status-on-track { color: var(--okr-green); } .status-at-risk { color: var(--okr-yellow); } .status-off-track { color: var(--okr-red); }
.band-text-red { color: var(--okr-red); } .band-text-yellow { color: var(--okr-yellow); } .band-text-green { color: var(--okr-green); }
.tag { font-size: 0.85em; padding: 0 6px; border-radius: 4px; background: var(--okr-badge-bg); color: var(--okr-badge-fg); white-space: nowrap; }
.owner { color: var(--okr-muted); }
.grid-wrap { overflow-x: auto; border: 1px solid var(--okr-border); border-radius: 6px; }
table.grid { border-collapse: collapse; width: 100%; min-width: 760px; font-size: 0.95em; }
.grid th, .grid td { border: 1px solid var(--okr-border); padding: 6px 8px; vertical-align: top; text-align: left; }
.grid thead th { background: var(--okr-panel); font-weight: 600; position: sticky; top: 0; }
.grid tr > :first-child { border-left: none; } .grid tr > :last-child { border-right: none; }
.grid thead tr th { border-top: none; } .grid tbody tr:last-child td, .grid tbody tr:last-child th { border-bottom: none; }
.g-persp { background: var(--okr-panel); width: 12%; font-weight: 600; }
.g-obj { width: 20%; font-weight: 600; }
.g-sub, .g-grade { margin-top: 4px; font-weight: 400; }
.g-target, .g-current { white-space: nowrap; font-variant-numeric: tabular-nums; }
.g-krgrade { white-space: nowrap; }
.grid tr.g-first > * { border-top-width: 2px; }
ul.items { margin: 0; padding-left: 16px; }
ul.items li { margin: 0 0 2px; }
.row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(180px, 300px); gap: 4px 16px; align-items: center; }
.meter { display: flex; align-items: center; gap: 8px; }
.meter .bar { flex: 1; min-width: 60px; }
.persp { margin: 0 0 18px; }
.persp-row { padding: 8px 10px; background: var(--okr-panel); border: 1px solid var(--okr-border); border-radius: 6px; margin-bottom: 8px; }
.persp-row .name { font-size: 1.08em; }
.objective { border: 1px solid var(--okr-border); border-radius: 6px; padding: 10px 12px; margin: 0 0 10px; }
.objective.is-ungraded { border-style: dashed; }
.obj-row .name { font-size: 1.02em; }
.details { color: var(--okr-muted); font-size: 0.88em; display: flex; flex-wrap: wrap; align-items: center; margin-top: 2px; }
.details > span { white-space: nowrap; }
ul.krs { list-style: none; margin: 8px 0 0; padding: 0; }
li.kr { padding: 6px 0 6px 12px; border-top: 1px solid var(--okr-border); }
li.kr .name { font-weight: 400; overflow-wrap: anywhere; }
.kr-label { font-weight: 600; color: var(--okr-muted); }
.box { font-size: 1.05em; }
.sub { display: flex; gap: 8px; margin-top: 6px; font-size: 0.92em; align-items: baseline; }
.sub-h { color: var(--okr-muted); min-width: 80px; flex: none; }
.sub ul.items { padding-left: 14px; }
.map-wrap { border: 1px solid var(--okr-border); border-radius: 6px; overflow-x: auto; }
svg.strategy-map { display: block; width: 100%; min-width: 640px; height: auto; font-family: var(--okr-font); }
.map-band-bg { fill: var(--okr-bg); } .map-band.odd .map-band-bg { fill: var(--okr-panel); }
.map-band-label { fill: var(--okr-fg); font-size: 13px; font-weight: 600; }
.map-band-grade { fill: var(--okr-muted); font-weight: 400; }
.map-empty { fill: var(--okr-muted); font-size: 12px; font-style: italic; }
.map-node-box { fill: var(--okr-bg); stroke: var(--okr-border); stroke-width: 1.5; }
.map-node.band-red .map-node-box { stroke: var(--okr-red); } .map-node.band-yellow .map-node-box { stroke: var(--okr-yellow); }
.map-node.band-green .map-node-box { stroke: var(--okr-green); } .map-node.ungraded .map-node-box { stroke-dasharray: 4 3; }
.map-node-grade { fill: var(--okr-muted); } .map-node-track { fill: var(--okr-track); }
.map-node.band-red .map-node-grade { fill: var(--okr-red); } .map-node.band-yellow .map-node-grade { fill: var(--okr-yellow); } .map-node.band-green .map-node-grade { fill: var(--okr-green); }
.map-node-id { fill: var(--okr-muted); font-size: 11px; font-weight: 600; }
.map-node-title { fill: var(--okr-fg); font-size: 12px; }
.map-node:hover .map-node-box, .map-node:focus .map-node-box { stroke-width: 3; }
.map-node:focus { outline: none; } .map-node:focus-visible .map-node-box { stroke: var(--okr-focus); stroke-width: 3; }
.map-link { fill: none; stroke: var(--okr-muted); stroke-width: 1.6; }
.map-arrowhead { fill: var(--okr-muted); }
.legend { font-size: 0.88em; color: var(--okr-muted); margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; }
.lg { display: inline-block; width: 22px; height: 0; border-top: 2px solid var(--okr-blue); vertical-align: middle; margin-right: 4px; }
.lg-pace { border-top: 2px dashed var(--okr-muted); } .lg-forecast { border-top: 2px dotted var(--okr-blue); }
.lg-target { border-top: 1px solid var(--okr-green); } .lg-today { border-top: 1px dashed var(--okr-yellow); width: 12px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 12px; }
.chart-card { margin: 0; border: 1px solid var(--okr-border); border-radius: 6px; padding: 8px; display: flex; flex-direction: column; gap: 6px; }
.chart-card figcaption { font-size: 0.9em; display: flex; flex-direction: column; gap: 4px; overflow-wrap: anywhere; }
.chart-meta { display: flex; gap: 8px; align-items: center; }
svg.burnup { width: 100%; height: auto; display: block; font-family: var(--okr-font); }
.chart-plot { fill: var(--okr-panel); }
.chart-axis { fill: var(--okr-muted); font-size: 10px; }
.chart-baseline { stroke: var(--okr-border); stroke-width: 1; }
.chart-target { stroke: var(--okr-green); stroke-width: 1; }
.chart-pace { stroke: var(--okr-muted); stroke-width: 1.5; stroke-dasharray: 5 4; }
.chart-today { stroke: var(--okr-yellow); stroke-width: 1; stroke-dasharray: 3 3; }
.chart-actual { fill: none; stroke: var(--okr-blue); stroke-width: 2; }
.chart-point { fill: var(--okr-blue); }
.chart-forecast { stroke: var(--okr-blue); stroke-width: 2; stroke-dasharray: 2 3; }
.chart-forecast-point { fill: var(--okr-bg); stroke: var(--okr-blue); stroke-width: 2; }
.empty-message { padding: 24px 0; }
body.vscode-high-contrast .bar-track, body.vscode-high-contrast-light .bar-track { fill: none; stroke: var(--okr-border); vector-effect: non-scaling-stroke; }
body.vscode-high-contrast .objective, body.vscode-high-contrast .chart-card { border-width: 2px; }
@media (max-width: 640px) {
  body { padding: 0 8px 24px; }
  .sc-header { gap: 10px; }
  .sc-grade { width: 64px; height: 64px; } .sc-grade-value { font-size: 1.5em; }
  .row { grid-template-columns: minmax(0, 1fr); }
  .sub { flex-direction: column; gap: 2px; }
}
@media print {
  .toc { display: none; }
  .objective, .chart-card, .persp-row { break-inside: avoid; }
}
`;
