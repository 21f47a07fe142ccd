#!/usr/bin/env node
// UI smoke test, as a person sees it: code-server with the extension installed (symlinked into its
// extensions dir) and samples/ open; headless chromium clicks an .okr.md file in the Explorer, waits
// for the editor, checks the language mode in the status bar and saves a screenshot; then opens
// every-rule.okr.md, opens the Problems panel (Ctrl+Shift+M) and checks that it lists the file's
// OKR warnings with their codes (test-artifacts/problems-panel.png).
//   node scripts/vscode/ui-test.mjs [--no-build] [--file NAME.okr.md] [--headed]
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ensure } from "./ensure.mjs";
import { ROOT, launchCodeServer, launchBrowser, openWorkbench } from "./launch.mjs";
import { buildUnlessTold, Checks, flag, option } from "../checks.mjs";

const ARTIFACTS = join(ROOT, "test-artifacts");
const checks = new Checks("ui-test");
const { secs, log, check } = checks;

/** Codes the Problems panel must show for every-rule.okr.md (a few errors, warnings and infos). */
const EXPECTED_CODES = ["missing-perspective", "broken-alignment", "duplicate-label", "unknown-attribute", "parse-error"];

/**
 * Opens `file` from the Explorer, then the Problems panel, and checks that it lists the file with OKR
 * diagnostics whose codes are visible, that the status bar counts them, and that the panel's filter
 * finds entries by code. Saves test-artifacts/problems-panel.png.
 */
async function problemsPanel(page, file) {
  const t = Date.now();
  const item = page.getByRole("treeitem", { name: file, exact: false }).first();
  await item.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).first().waitFor({ timeout: 15000 });
  // The status bar's problems item counts errors and warnings once the server has published.
  const status = page.locator("#status\\.problems");
  await status.waitFor({ timeout: 15000 });
  const counted = await page
    .waitForFunction(() => {
      const label = document.querySelector("#status\\.problems a, #status\\.problems")?.getAttribute("aria-label") ?? "";
      const n = (k) => Number(new RegExp(`${k}:\\s*(\\d+)`, "i").exec(label)?.[1] ?? 0);
      return n("Errors") > 0 && n("Warnings") > 0 ? label : false;
    }, null, { timeout: 20000 })
    .then((h) => h.jsonValue(), () => "");
  const statusLabel = counted || (await status.getAttribute("aria-label").catch(() => "")) || (await status.textContent());
  check(!!counted, `status bar counts the problems of ${file} ("${statusLabel}")`);

  // View: Problems. The editor must have focus for the keybinding; fall back to the status bar item.
  await page.locator(".editor-instance .monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Shift+M");
  const panel = page.locator(".markers-panel");
  const opened = await panel.waitFor({ state: "visible", timeout: 5000 }).then(() => true, () => false);
  if (!opened) {
    await status.click();
    await panel.waitFor({ state: "visible", timeout: 10000 });
  }
  check(true, `the Problems panel opened (${opened ? "Ctrl+Shift+M" : "status bar item"})`);
  const rows = panel.locator(".monaco-list-row");
  await page
    .waitForFunction((f) => [...document.querySelectorAll(".markers-panel .monaco-list-row")].some((r) => r.textContent.includes(f)), file, { timeout: 15000 })
    .catch(() => {});
  const texts = await rows.allTextContents();
  check(texts.some((x) => x.includes(file)), `the Problems panel lists ${file} (${texts.length} rows rendered)`);
  // Each marker row shows "message  okr(code) [Ln, Col]"; the code is a link to its docs page.
  const markerRows = texts.filter((x) => /okr\(?[a-z-]+\)?/.test(x) && !x.includes(file));
  check(markerRows.length >= 5, `it renders OKR entries with their source and code (${markerRows.length}), e.g. "${markerRows[0]?.slice(0, 110)}"`);
  const links = await panel.locator(".marker-code a, .code-link, .monaco-link").allTextContents().catch(() => []);
  check(links.some((l) => /^[a-z]+(-[a-z]+)+$/.test(l.trim())), `codes are links to their docs (${[...new Set(links.map((l) => l.trim()))].slice(0, 6).join(", ")})`);

  // The panel's filter: each expected code finds at least one entry.
  const filter = panel.locator("input").first();
  const filterBox = (await filter.count()) ? filter : page.locator(".markers-panel-action-filter input, .viewpane-filter input").first();
  const missing = [];
  for (const code of EXPECTED_CODES) {
    await filterBox.fill(code);
    const found = await page
      .waitForFunction((c) => [...document.querySelectorAll(".markers-panel .monaco-list-row")].some((r) => r.textContent.includes(c) && /Ln \d+/.test(r.textContent + (r.getAttribute("aria-label") ?? "")) ), code, { timeout: 5000 })
      .then(() => true, () => false);
    if (!found) missing.push(code);
  }
  check(missing.length === 0, `the Problems filter finds entries for ${EXPECTED_CODES.join(", ")}${missing.length ? ` (missing: ${missing.join(", ")})` : ""}`);
  await filterBox.fill("");
  await page
    .waitForFunction((n) => document.querySelectorAll(".markers-panel .monaco-list-row").length >= n, Math.min(texts.length, 6), { timeout: 5000 })
    .catch(() => {});
  const shot = join(ARTIFACTS, "problems-panel.png");
  await page.screenshot({ path: shot });
  log(`Problems panel checked in ${secs(t)}; screenshot: ${shot}`);
}

let server;
let browser;
let page;
try {
  buildUnlessTold();
  ensure();
  const folder = join(ROOT, "samples");
  const file = option("--file", readdirSync(folder).filter((f) => f.endsWith(".okr.md")).sort()[0]);
  if (!file) throw new Error("samples/ holds no top-level .okr.md file");
  let t = Date.now();
  server = await launchCodeServer({ name: "ui", fresh: true, install: true, folder });
  log(`code-server up in ${secs(t)} at ${server.url}`);
  t = Date.now();
  browser = await launchBrowser({ headless: !flag("--headed") });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const item = await openWorkbench(page, server, file);
  log(`workbench and Explorer ready in ${secs(t)}`);
  await item.click();
  const tab = page.locator(`.tabs-container .tab[aria-label*="${file}"]`).first();
  await tab.waitFor({ timeout: 15000 });
  const editor = page.locator(".editor-instance .monaco-editor .view-lines").first();
  await editor.waitFor({ timeout: 15000 });
  check(true, `clicked ${file} in the Explorer; its editor tab opened`);
  // Language mode in the status bar comes from contributes.languages (the extension is loaded).
  const mode = page.locator("#status\\.editor\\.mode");
  await mode.waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.querySelector("#status\\.editor\\.mode")?.textContent?.includes("OKR Markdown"), null, { timeout: 15000 }).catch(() => {});
  const modeText = (await mode.textContent())?.trim();
  check(modeText === "OKR Markdown", `status bar language mode is "OKR Markdown" (got "${modeText}")`);
  // The grammar (tokenized asynchronously) colours tokens: wait for a span with a colour class
  // other than mtk1 (the default foreground).
  const coloured = await page
    .waitForFunction(() => document.querySelectorAll(".editor-instance .view-lines span[class^='mtk']:not(.mtk1)").length > 0, null, { timeout: 15000 })
    .then(() => true, () => false);
  check(coloured, "the OKR grammar colours the editor's tokens");
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = join(ARTIFACTS, "ui-smoke.png");
  await page.screenshot({ path: shot });
  log(`screenshot: ${shot}`);

  await problemsPanel(page, "every-rule.okr.md");
} catch (e) {
  checks.error(e);
  if (page) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "ui-smoke-failure.png") }).catch(() => {});
    console.error(`[ui-test] failure screenshot: ${join(ARTIFACTS, "ui-smoke-failure.png")}`);
  }
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
}
log(`${checks.failures ? "FAILED" : "passed"} in ${secs()}`);
process.exit(checks.failures ? 1 : 0);
