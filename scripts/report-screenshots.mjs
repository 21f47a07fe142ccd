#!/usr/bin/env node
// Opens `okr report --html` pages in headless Chromium and checks them as a reader's browser sees
// them: the layout is there (header grade, grid, tree, strategy map, burn-up charts), no script from
// the file's content ran (a hostile sample with <img onerror>, <script>, javascript: links), and no
// request left the page. Saves screenshots under test-artifacts/ (light, dark, narrow).
//   node scripts/report-screenshots.mjs [--no-build]
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, launchBrowser } from "./vscode/launch.mjs";
import { buildUnlessTold, Checks } from "./checks.mjs";

const OUT = join(ROOT, "test-artifacts");
const checks = new Checks("report");
const { check } = checks;

try {
  buildUnlessTold();
} catch {
  process.exit(2);
}
mkdirSync(OUT, { recursive: true });

const HOSTILE = `---
title: "<img src=x onerror=\\"window.__pwned=1\\"> hostile"
period: 2027-Q1
framework: hybrid
today: 2027-02-15
---

# <script>window.__pwned=2</script> Hostile <b>title</b>

## Financial

### O1: <img src=x onerror=alert(1)> Grow "revenue" & 'profit'
supports: O2

- KR1: <svg onload="window.__pwned=3"></svg> Revenue from $1M to $2M @x"onmouseover=alert(1)
  - 2027-01-10: $1.1M <iframe src="https://example.com/"></iframe>
  - 2027-02-10: $1.3M </title><script>window.__pwned=4</script>
- Initiative: [click](javascript:window.__pwned=5) <link rel=stylesheet href=https://example.com/x.css>
- Indicator: <style>body{display:none}</style>

## Customer

### O2: ]]><!-- --><a href="https://example.com/">remote</a>
- KR1: Reviews from 10 to 20 — current 15
`;

const samples = [
  { name: "bsc-grid", file: "samples/commuter-rail-grid.okr.md" },
  { name: "okr", file: "samples/saas-okrs.okr.md" },
  { name: "hybrid", file: "samples/commuter-rail.okr.md" },
  { name: "hostile", file: join(OUT, "hostile.okr.md"), text: HOSTILE },
];

const browser = await launchBrowser();
try {
  for (const s of samples) {
    if (s.text) writeFileSync(s.file, s.text);
    const html = join(OUT, `report-${s.name}.html`);
    const r = spawnSync(process.execPath, [join(ROOT, "bin", "okr.js"), "report", "--html", html, s.file], { cwd: ROOT, encoding: "utf8" });
    check(r.status === 0, `okr report --html ${s.file} (exit ${r.status}${r.stderr.trim() ? `: ${r.stderr.trim()}` : ""})`);
    for (const variant of [
      { tag: "", viewport: { width: 1280, height: 900 }, colorScheme: "light" },
      { tag: "-dark", viewport: { width: 1280, height: 900 }, colorScheme: "dark" },
      { tag: "-narrow", viewport: { width: 420, height: 900 }, colorScheme: "light" },
    ]) {
      if (s.name === "hostile" && variant.tag) continue;
      const context = await browser.newContext({ viewport: variant.viewport, colorScheme: variant.colorScheme, javaScriptEnabled: true });
      const page = await context.newPage();
      const requests = [];
      const dialogs = [];
      const errors = [];
      page.on("request", (req) => {
        if (req.url() !== pathToFileURL(html).href) requests.push(req.url());
      });
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      await context.route("**/*", (route) => (route.request().url() === pathToFileURL(html).href ? route.continue() : route.abort()));
      await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
      await page.waitForTimeout(200);
      const facts = await page.evaluate(() => ({
        pwned: window.__pwned,
        header: !!document.querySelector(".sc-header .sc-grade"),
        grade: document.querySelector(".sc-grade-value")?.textContent,
        grid: document.querySelectorAll("table.grid tbody tr").length,
        objectives: document.querySelectorAll("article.objective").length,
        krs: document.querySelectorAll("li.kr").length,
        bars: document.querySelectorAll("svg.bar").length,
        mapNodes: document.querySelectorAll("svg.strategy-map .map-node").length,
        mapLinks: document.querySelectorAll("svg.strategy-map .map-link").length,
        charts: document.querySelectorAll("svg.burnup").length,
        ungraded: document.querySelectorAll(".chip.ungraded").length,
        problems: document.querySelector(".problems")?.textContent,
        scripts: document.scripts.length,
        imgs: document.querySelectorAll("img, iframe, link, style:not([nonce]), svg[onload]").length,
        title: document.querySelector("h1")?.textContent,
        firstObjective: document.querySelector("article.objective h3")?.textContent,
        overflowX: document.documentElement.scrollWidth > window.innerWidth + 1,
        focusables: document.querySelectorAll("a[href]").length,
      }));
      const label = `${s.name}${variant.tag}`;
      console.log(`${label}: ${JSON.stringify(facts)}`);
      check(facts.header && facts.grade, `${label}: header with the scorecard grade (${facts.grade})`);
      check(facts.objectives > 0 && facts.krs > 0 && facts.bars > facts.krs, `${label}: OKR tree with grade bars (${facts.objectives} objectives, ${facts.krs} KRs)`);
      if (s.name !== "okr") check(facts.grid > 0, `${label}: BSC grid (${facts.grid} rows)`);
      if (s.name !== "okr") check(facts.mapNodes === facts.objectives, `${label}: strategy map with a node per objective (${facts.mapNodes})`);
      if (s.name === "hybrid") check(facts.mapLinks >= 10 && facts.charts >= 8, `${label}: supports arrows (${facts.mapLinks}) and burn-up charts (${facts.charts})`);
      if (s.name === "okr") check(facts.charts >= 4 && facts.ungraded === 0, `${label}: burn-up charts (${facts.charts})`);
      check(facts.pwned === undefined && dialogs.length === 0, `${label}: no script from the content ran (pwned=${facts.pwned}, dialogs=${dialogs.length})`);
      check(facts.scripts === 1 && facts.imgs === 0, `${label}: only the report's own script; no img/iframe/link/style from content`);
      check(requests.length === 0, `${label}: no request left the page${requests.length ? ` (${requests.join(", ")})` : ""}`);
      check(errors.length === 0, `${label}: no page errors${errors.length ? ` (${errors.join(" | ")})` : ""}`);
      if (variant.tag === "-narrow") check(!facts.overflowX, `${label}: no horizontal page scroll at 420 px (the grid scrolls in its own box)`);
      if (s.name === "hostile") {
        check(/<img src=x onerror=alert\(1\)>/.test(facts.firstObjective ?? ""), `${label}: a hostile title shows as text (${facts.firstObjective})`);
      }
      // Keyboard: Tab reaches a link, Enter on an objective scrolls to it.
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement?.tagName);
      check(focused === "A", `${label}: Tab focuses a link (${focused})`);
      const shot = join(OUT, `report-${label}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`  screenshot ${shot}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
console.log(checks.failures ? `${checks.failures} check(s) failed` : "all checks passed");
process.exit(checks.failures ? 1 : 0);
