import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { analyzeText, defaultConfig, Workspace } from "../../src/engine";
import {
  buildViewModel,
  contentSecurityPolicy,
  countProblems,
  renderBody,
  renderBurnup,
  renderDocument,
  renderStrategyMap,
  ScorecardView,
} from "../../src/engine/render";
import { wrap } from "../../src/engine/render/strategyMap";
import { okr } from "../cli/helpers";

const ROOT = resolve(__dirname, "../../../..");
const sample = (name: string) => readFileSync(join(ROOT, "samples", name), "utf8");

function view(text: string, uri = "file:///t/test.okr.md"): ScorecardView {
  const { scorecard } = analyzeText(text, { uri, config: defaultConfig() });
  return buildViewModel(scorecard);
}

const HYBRID = `---
period: 2027-Q1
framework: hybrid
today: 2027-02-15
---
# Rail

## Financial

### O1: Grow revenue
type: committed

- KR1: Revenue from $40M to $44M @amara
  - current: $42M
- KR2: Cost per km from $0.30 to $0.27
  - 2027-01-10: $0.30
  - 2027-02-07: $0.29

## Customer

### O2: Riders love it
owner: "@sofia"
supports: O1, O9

- KR1: Reviews from 1,000 to 1,100
- [x] CTA launched

## Internal Process

## Learning & Growth
`;

const HOSTILE_TITLE = `<img src=x onerror=alert(1)>`;
const HOSTILE = `---
title: "<script>alert('t')</script>"
period: 2027-Q1
framework: hybrid
today: 2027-02-15
---
# <b onmouseover=alert(1)>Title</b>

## Financial

### O1: ${HOSTILE_TITLE} Grow & "win"
supports: O2

- KR1: <svg onload=alert(2)> Revenue from $1M to $2M @x"y
  - 2027-01-10: $1.1M </title><script>alert(3)</script>
  - 2027-02-10: $1.3M
- Initiative: <iframe src="https://example.com/"></iframe>
- Indicator: <a href="javascript:alert(4)">x</a>

## Customer

### O2: ]]></text><script>alert(5)</script>
- KR1: Reviews from 10 to 20 — current 15
`;

describe("render: view model", () => {
  it("carries grades, bands, pace and status from the engine, one decimal", () => {
    const v = view(HYBRID);
    assert.equal(v.framework, "hybrid");
    assert.equal(v.period?.label, "2027-Q1");
    const o1 = v.objectives[0];
    assert.equal(o1.id, "O1");
    assert.equal(o1.type, "committed");
    assert.equal(o1.expectedGrade, 1);
    assert.equal(o1.keyResults[0].grade.shown, "0.5");
    assert.equal(o1.keyResults[0].grade.band, "yellow");
    assert.equal(o1.keyResults[0].baseline, "$40M");
    assert.equal(o1.keyResults[0].target, "$44M");
    assert.equal(o1.keyResults[0].current, "$42M");
    assert.equal(o1.keyResults[0].owner, "@amara");
    assert.ok(o1.grade.expected! >= 0.49 && o1.grade.expected! < 0.55, "expected = share of Q1 elapsed on Feb 15");
    assert.ok(o1.grade.status);
    assert.equal(v.perspectives.length, 4);
    assert.deepEqual(v.perspectives[0].objectives, ["o1"]);
  });

  it("shows ungraded KRs as such and counts them", () => {
    const v = view(HYBRID);
    const reviews = v.objectives[1].keyResults[0];
    assert.equal(reviews.grade.value, null);
    assert.equal(reviews.grade.shown, "ungraded");
    assert.equal(reviews.grade.band, undefined);
    assert.equal(v.ungradedCount, 1);
    assert.equal(v.keyResultCount, 4);
    const cta = v.objectives[1].keyResults[1];
    assert.equal(cta.binary, true);
    assert.equal(cta.grade.shown, "1.0");
    assert.equal(cta.current, "done");
  });

  it("resolves supports within the file and keeps the unresolved ones as written", () => {
    const v = view(HYBRID);
    assert.deepEqual(v.objectives[1].supports, ["o1"]);
    assert.deepEqual(v.objectives[1].unresolvedSupports, ["O9"]);
    assert.equal(v.objectives[1].owner, "@sofia", "quotes of a YAML-style owner are dropped");
  });

  it("builds a series with pace and forecast for KRs with check-ins", () => {
    const kr = view(HYBRID).objectives[0].keyResults[1];
    assert.ok(kr.series);
    assert.equal(kr.series.points.length, 2);
    assert.equal(kr.series.baseline, 0.3);
    assert.equal(kr.series.target, 0.27);
    assert.ok(kr.series.forecast, "two check-ins give a forecast");
    assert.equal(kr.series.points[0].iso, "2027-01-10");
    assert.equal(view(HYBRID).objectives[0].keyResults[0].series, undefined, "no check-ins, no chart");
  });

  it("counts problems by severity", () => {
    assert.deepEqual(countProblems([{ severity: "error" }, { severity: "hint" }, { severity: "hint" }]), { error: 1, warning: 0, info: 0, hint: 2 });
    const v = buildViewModel(analyzeText(HYBRID, { uri: "file:///t/a.okr.md", config: defaultConfig() }).scorecard, { problems: { warning: 3 } });
    assert.deepEqual(v.problems, { error: 0, warning: 3, info: 0, hint: 0 });
  });

  it("marks objectives outside perspectives in a scorecard", () => {
    const v = view("---\nframework: bsc\n---\n# T\n## O1: Loose\n- KR: a from 1 to 2 — current 1\n## Financial\n### O2: Placed\n- KR: b from 1 to 2 — current 2\n");
    assert.deepEqual(v.unplaced, ["o1"]);
  });

  it("handles an empty document", () => {
    const v = view("");
    assert.equal(v.objectives.length, 0);
    assert.equal(v.grade.shown, "ungraded");
    assert.match(renderBody(v), /No objectives yet/);
  });

  it("lists aligned children when asked (workspace rollup)", () => {
    const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined });
    ws.set("file:///t/parent.okr.md", "# P\n## O1: Parent\n- KR: x from 0 to 10 — current 5\n");
    ws.set("file:///t/child.okr.md", "# C\n## O1: Child\naligns: parent.okr.md#o1\n- KR: y from 0 to 10 — current 8\n");
    const parent = ws.analysis("file:///t/parent.okr.md")!.scorecard;
    const v = buildViewModel(parent, { children: (o) => ws.childrenOf(o) });
    assert.equal(v.objectives[0].children.length, 1);
    assert.equal(v.objectives[0].children[0].file, "child.okr.md");
    assert.equal(v.objectives[0].children[0].grade.shown, "0.8");
    assert.match(renderBody(v), /Aligned from/);
  });
});

/** A scorecard of `n` objectives O1…On, four to a perspective, each supporting the next; with the lines they start on. */
function manyObjectives(n: number): { text: string; lines: number[] } {
  const out = ["---", "framework: bsc", "period: 2027-Q1", "today: 2027-02-15", "---", "# Company"];
  const perspectives = ["Financial", "Customer", "Internal Process", "Learning & Growth"];
  const lines: number[] = [];
  for (let i = 1; i <= n; i++) {
    if (i % 4 === 1) out.push("", `## ${perspectives[((i - 1) / 4) % 4]}`);
    lines.push(out.length + 1);
    out.push("", `### O${i}: Goal ${i}`, i < n ? `supports: O${i + 1}` : "", `- KR1: Metric ${i} from 0 to 10 — current ${i % 11}`);
  }
  return { text: out.join("\n") + "\n", lines };
}

describe("render: a window of a big file", () => {
  const { text, lines } = manyObjectives(40);
  const { scorecard } = analyzeText(text, { uri: "file:///t/big.okr.md", config: defaultConfig() });

  it("shows every objective when they fit, without a note", () => {
    const v = buildViewModel(scorecard, { window: { size: 40 } });
    assert.equal(v.objectives.length, 40);
    assert.equal(v.window, undefined);
    assert.doesNotMatch(renderBody(v), /window-note/);
  });

  it("shows `size` objectives around the line, the one there a quarter down, with counts and grades of the whole file", () => {
    const whole = buildViewModel(scorecard);
    const v = buildViewModel(scorecard, { window: { size: 8, line: lines[19] + 1 } });
    assert.deepEqual(v.objectives.map((o) => o.id), ["O18", "O19", "O20", "O21", "O22", "O23", "O24", "O25"]);
    assert.deepEqual(v.window, { first: 18, last: 25, firstLine: lines[17], lastLine: lines[24] });
    assert.equal(v.objectiveCount, 40);
    assert.equal(v.keyResultCount, whole.keyResultCount);
    assert.equal(v.ungradedCount, whole.ungradedCount);
    assert.deepEqual(v.grade, whole.grade);
    // The perspectives it touches, graded over all their objectives.
    assert.deepEqual(v.perspectives.map((p) => [p.name, p.objectives.length]), [["Financial", 3], ["Customer", 4], ["Internal Process", 1]]);
    for (const p of v.perspectives) assert.deepEqual(p.grade, whole.perspectives.find((w) => w.name === p.name)!.grade);
    // Keys are those of the whole view: a link into the view still lands.
    assert.equal(v.objectives[0].key, whole.objectives[17].key);
    const html = renderBody(v);
    assert.match(html, /Objectives 18–25 of 40 in file order, from line \d+/);
    assert.match(html, /okr\.preview\.maxObjectives/);
    assert.match(html, /40 objectives, 40 KRs/);
    assert.doesNotMatch(html, /Goal 17\b|Goal 26\b/);
  });

  it("names a supported objective outside the window without a link, and draws no arrow to it", () => {
    const v = buildViewModel(scorecard, { window: { size: 8, line: lines[19] } });
    const last = v.objectives[v.objectives.length - 1];
    assert.deepEqual(last.supports, []);
    assert.deepEqual(last.supportsOutside, ["O26"]);
    assert.deepEqual(last.unresolvedSupports, []);
    assert.deepEqual(v.objectives[0].supports, [v.objectives[1].key]);
    const html = renderBody(v);
    assert.match(html, /<span class="sub-h">Supports<\/span><span><span>O26<\/span><\/span>/);
    assert.equal((html.match(/class="map-link"/g) ?? []).length, 7, "arrows only between shown objectives");
  });

  it("keeps a full window at either end of the file", () => {
    assert.deepEqual(buildViewModel(scorecard, { window: { size: 8 } }).objectives.map((o) => o.id)[0], "O1");
    assert.deepEqual(buildViewModel(scorecard, { window: { size: 8, line: 0 } }).window?.first, 1);
    const end = buildViewModel(scorecard, { window: { size: 8, line: 10_000 } });
    assert.deepEqual(end.window, { first: 33, last: 40, firstLine: lines[32], lastLine: lines[39] });
  });
});

describe("render: HTML", () => {
  it("renders header, grid, tree, map and charts with source lines to click", () => {
    const v = view(HYBRID);
    const html = renderBody(v);
    assert.match(html, /class="sc-grade band-/);
    assert.match(html, /<table class="grid">/);
    assert.match(html, /id="sec-tree"/);
    assert.match(html, /<svg class="strategy-map"/);
    assert.match(html, /<svg class="burnup"/);
    assert.match(html, /class="chip ungraded"/);
    // The objective heading is on line 9 (0-based) of HYBRID: clicking it reveals that line.
    assert.match(html, /<a class="src" href="#o1" data-line="9" data-key="tree-o1">O1: Grow revenue<\/a>/);
    assert.match(html, /data-command="problems"/);
  });

  it("draws the BSC grid with one row per measure and spanning perspective/objective cells", () => {
    const html = renderBody(view(sample("commuter-rail-grid.okr.md")));
    const table = html.slice(html.indexOf('<table class="grid">'), html.indexOf("</table>"));
    assert.equal((table.match(/<tr/g) ?? []).length, 1 + 20, "header + 20 measures");
    assert.equal((table.match(/class="g-persp"/g) ?? []).length, 4);
    assert.match(table, /<th scope="rowgroup" rowspan="4" class="g-persp">/);
    assert.equal((table.match(/class="g-obj"/g) ?? []).length, 10);
  });

  it("an OKR file gets no grid and no map without supports links", () => {
    const html = renderBody(view(sample("saas-okrs.okr.md")));
    assert.doesNotMatch(html, /<table class="grid">/);
    assert.doesNotMatch(html, /strategy-map/);
    assert.match(html, /Burn-up charts/);
  });

  it("escapes every piece of user text: a hostile title shows as text", () => {
    const v = view(HOSTILE);
    const body = renderBody(v);
    for (const bad of ["<img", "<script", "<iframe", "<svg onload", "<b ", "onerror=alert(1)>", 'href="javascript:', "</title><script>", "]]></text>"]) {
      assert.ok(!body.includes(bad), `raw ${bad} in the output`);
    }
    assert.ok(body.includes("&lt;img src=x onerror=alert(1)&gt; Grow &amp; &quot;win&quot;"), "the title is shown escaped");
    assert.ok(body.includes("&lt;iframe src=&quot;https://example.com/&quot;&gt;&lt;/iframe&gt;"));
    // Every tag in the output is one of ours.
    const tags = new Set([...body.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
    const allowed = new Set("div header h1 h2 h3 span a nav section table thead tbody tr th td ul li svg rect line text tspan title defs marker path g circle polyline figure figcaption p article code".split(" "));
    for (const t of tags) assert.ok(allowed.has(t), `unexpected tag <${t}>`);
    // No event-handler attribute in any tag (user text cannot hold a raw "<", so every tag is ours).
    for (const tag of body.match(/<[^>]*>/g) ?? []) assert.doesNotMatch(tag.replace(/="[^"]*"/g, '=""'), /\son[a-z]+\s*=/i, tag);
  });

  it("escapes in the page title, the SVG map and the charts too", () => {
    const v = view(HOSTILE);
    const map = renderStrategyMap(v);
    assert.ok(!map.includes("<img") && !map.includes("<script"));
    const chart = renderBurnup(v.objectives[0].keyResults[0], "c1");
    assert.ok(chart.length > 0 && !chart.includes("<script"));
    assert.ok(chart.includes("&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;"), "a check-in note is escaped in the tooltip");
    const page = renderDocument(v, { nonce: "abc123", mode: "static" });
    const title = page.slice(page.indexOf("<title>"), page.indexOf("</title>"));
    assert.ok(!title.slice(7).includes("<"), title);
  });

  it("a whole page: strict CSP with the nonce, inline style and script only, nothing remote", () => {
    const page = renderDocument(view(HYBRID), { nonce: "Zm9vYmFy", mode: "static", generator: "okr test" });
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-Zm9vYmFy&#39;; script-src &#39;nonce-Zm9vYmFy&#39;; img-src data:;/);
    assert.match(page, /<style nonce="Zm9vYmFy">/);
    assert.match(page, /<script nonce="Zm9vYmFy">/);
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.doesNotMatch(page, /\s(src|href)="https?:/);
    assert.doesNotMatch(page, /<link|@import|url\([^#]/);
    assert.ok(page.includes("var(--vscode-editor-background, var(--fb-bg))"), "theme variables with fallbacks");
  });

  it("a nonce cannot break out of its attribute", () => {
    const page = renderDocument(view(HYBRID), { nonce: `x" onload="alert(1)`, mode: "webview", cspSource: "https://file+.vscode-resource.vscode-cdn.net" });
    assert.match(page, /<script nonce="xonload=alert1">/);
    assert.equal(contentSecurityPolicy({ nonce: "n", mode: "webview", cspSource: "vscode-webview://x" }).split("; ")[1], "style-src 'nonce-n' vscode-webview://x");
  });

  it("the strategy map draws a node per objective and an arrow per resolved supports link", () => {
    const v = view(sample("commuter-rail.okr.md"));
    const map = renderStrategyMap(v);
    assert.equal((map.match(/class="map-node /g) ?? []).length, 10);
    const links = v.objectives.reduce((n, o) => n + o.supports.length, 0);
    assert.equal((map.match(/class="map-link"/g) ?? []).length, links);
    // Financial is the top band, Learning & Growth the bottom one.
    assert.ok(map.indexOf(">Financial<") < map.indexOf(">Customer<"));
    assert.ok(map.indexOf(">Internal Process<") < map.indexOf(">Learning &amp; Growth<"));
  });

  it("wraps map labels with an ellipsis when cut", () => {
    assert.deepEqual(wrap("Make the network easy for everyone to use", 12, 2), ["Make the", "network eas…"]);
    assert.deepEqual(wrap("Short", 12, 2), ["Short"]);
  });

  it("a falling metric's burn-up puts the target at the top", () => {
    const kr = view(HYBRID).objectives[0].keyResults[1];
    const svg = renderBurnup(kr, "c");
    const y = (cls: string) => Number(new RegExp(`class="${cls}" x1="[\\d.]+" x2="[\\d.]+" y1="([\\d.]+)"`).exec(svg)![1]);
    assert.ok(y("chart-target") < y("chart-baseline"), "target above baseline");
    assert.match(svg, /class="chart-pace"/);
    assert.match(svg, /class="chart-forecast"/);
  });
});

describe("okr report --html", () => {
  it("writes one self-contained page with the same view as the preview", () => {
    const dir = mkdtempSync(join(tmpdir(), "okr-report-"));
    try {
      const out = join(dir, "nested", "r.html");
      const r = okr(["report", "--html", out, "samples/commuter-rail.okr.md"]);
      assert.equal(r.status, 0, r.stderr);
      const page = readFileSync(out, "utf8");
      assert.match(page, /^<!DOCTYPE html>/);
      assert.match(page, /Commuter Rail 2027-Q1/);
      assert.match(page, /<svg class="strategy-map"/);
      const { scorecard } = analyzeText(sample("commuter-rail.okr.md"), { uri: "file:///x.okr.md", config: defaultConfig() });
      const body = renderBody(buildViewModel(scorecard));
      // Same renderer: the report's grid equals the renderer's grid for the same file.
      const grid = (s: string) => s.slice(s.indexOf('<table class="grid">'), s.indexOf("</table>"));
      assert.equal(grid(page), grid(body));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes to stdout with --html -, and fails cleanly on bad usage", () => {
    const r = okr(["report", "--html", "-", "samples/saas-okrs.okr.md"]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Parcelwise/);
    assert.equal(okr(["report", "samples/saas-okrs.okr.md"]).status, 2);
    assert.equal(okr(["report", "--html", "-"]).status, 2);
    assert.equal(okr(["report", "--html", "-", "nope.okr.md"]).status, 2);
    assert.match(okr(["--help"]).stdout, /report/);
  });
});
