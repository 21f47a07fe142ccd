#!/usr/bin/env node
// UI smoke test, as a person sees it: code-server with the extension installed (symlinked into its
// extensions dir) and samples/ open; headless chromium clicks an .okr.md file in the Explorer, waits
// for the editor, checks the language mode in the status bar and saves a screenshot.
//   node scripts/vscode/ui-test.mjs [--no-build] [--file NAME.okr.md] [--headed]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ensure } from "./ensure.mjs";
import { ROOT, launchCodeServer, launchBrowser } from "./launch.mjs";

const argv = process.argv.slice(2);
const opt = (n, d) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : d);
const ARTIFACTS = join(ROOT, "test-artifacts");
const t0 = Date.now();
const secs = (t = t0) => ((Date.now() - t) / 1000).toFixed(1) + "s";
const log = (m) => console.log(`[ui-test] ${m}`);
let failures = 0;
const check = (ok, what) => {
  console.log(`  ${ok ? "✔" : "✗"} ${what}`);
  if (!ok) failures++;
};

let server;
let browser;
let page;
try {
  if (!argv.includes("--no-build")) {
    const b = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
    if (b.status !== 0) throw new Error("build failed");
  }
  ensure();
  const folder = join(ROOT, "samples");
  const file = opt("--file", readdirSync(folder).filter((f) => f.endsWith(".okr.md")).sort()[0]);
  if (!file) throw new Error("samples/ holds no top-level .okr.md file");
  let t = Date.now();
  server = await launchCodeServer({ name: "ui", fresh: true, install: true, folder });
  log(`code-server up in ${secs(t)} at ${server.url}`);
  t = Date.now();
  browser = await launchBrowser({ headless: !argv.includes("--headed") });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url, { waitUntil: "domcontentloaded", timeout: 30000 });
  await page.locator(".monaco-workbench").waitFor({ timeout: 30000 });
  const item = page.getByRole("treeitem", { name: file, exact: false }).first();
  await item.waitFor({ timeout: 30000 });
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
} catch (e) {
  failures++;
  console.error(`[ui-test] ERROR: ${e.message}`);
  if (page) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "ui-smoke-failure.png") }).catch(() => {});
    console.error(`[ui-test] failure screenshot: ${join(ARTIFACTS, "ui-smoke-failure.png")}`);
  }
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
}
log(`${failures ? "FAILED" : "passed"} in ${secs()}`);
process.exit(failures ? 1 : 0);
