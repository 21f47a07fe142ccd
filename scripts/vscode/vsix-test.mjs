#!/usr/bin/env node
// The packaged extension in a clean VS Code: builds the VSIX (scripts/vscode/package.mjs), installs it
// with `code-server --install-extension` into a FRESH extensions dir (.vscode-test/extensions-vsix),
// starts code-server on a temporary copy of samples/ without extensionDevelopmentPath, and checks in
// headless chromium that opening a sample gives OKR diagnostics (status bar count, Problems panel
// entries with okr codes) and the OKR Markdown language mode. Screenshot: test-artifacts/vsix-problems.png.
//   node scripts/vscode/vsix-test.mjs [--vsix FILE] [--no-package] [--file NAME.okr.md] [--headed]
//     --vsix FILE    test this VSIX (default: build okr-md-<version>.vsix with npm run package)
//     --no-package   test the existing default VSIX without rebuilding it
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensure, CODE_SERVER_BIN } from "./ensure.mjs";
import { ROOT, CACHE, extensionId, launchCodeServer, launchBrowser, openWorkbench } from "./launch.mjs";
import { DEFAULT_VSIX } from "./package.mjs";
import { Checks, flag, option } from "../checks.mjs";

const NAME = "vsix"; // .vscode-test/user-data-vsix, extensions-vsix: distinct from tests/ui/start
const ARTIFACTS = join(ROOT, "test-artifacts");
const checks = new Checks("vsix-test");
const { secs, log, check } = checks;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stdout ?? ""}${r.stderr ?? ""}`);
  return r.stdout ?? "";
}

let server;
let browser;
let page;
let workspace;
try {
  ensure();
  const vsix = resolve(option("--vsix", DEFAULT_VSIX));
  if (!flag("--vsix") && !flag("--no-package")) {
    let t = Date.now();
    run(process.execPath, [join(ROOT, "scripts", "vscode", "package.mjs")], { stdio: "inherit" });
    log(`packaged in ${secs(t)}`);
  }
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist (npm run package)`);

  // A fresh user-data and extensions dir; the VSIX is installed before code-server starts.
  const userDataDir = join(CACHE, `user-data-${NAME}`);
  const extensionsDir = join(CACHE, `extensions-${NAME}`);
  for (const d of [userDataDir, extensionsDir]) rmSync(d, { recursive: true, force: true });
  mkdirSync(extensionsDir, { recursive: true });
  let t = Date.now();
  const installOut = run(process.execPath, [CODE_SERVER_BIN, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir, "--install-extension", vsix]);
  const { id, folder } = extensionId();
  log(`installed ${vsix.replace(ROOT + "/", "")} in ${secs(t)}: ${installOut.trim().split("\n").pop()}`);
  const listed = run(process.execPath, [CODE_SERVER_BIN, "--user-data-dir", userDataDir, "--extensions-dir", extensionsDir, "--list-extensions", "--show-versions"]);
  check(listed.split("\n").some((l) => l.trim().toLowerCase().startsWith(id.toLowerCase() + "@")), `code-server lists ${id} in the fresh extensions dir (${listed.trim().replace(/\n/g, ", ")})`);
  const installed = join(extensionsDir, folder);
  check(existsSync(installed) && !lstatSync(installed).isSymbolicLink(), `${folder} is an unpacked copy, not a link to the repo`);
  check(
    existsSync(join(installed, "dist", "server.js")) && !existsSync(join(installed, "node_modules")) && !existsSync(join(installed, "server")),
    "it holds the bundles (dist/server.js) and no node_modules or sources",
  );

  // A temporary copy of samples/: nothing of the repo is reachable from the workspace.
  workspace = mkdtempSync(join(tmpdir(), "okr-vsix-"));
  cpSync(join(ROOT, "samples"), workspace, { recursive: true });
  const file = option("--file", "every-rule.okr.md");
  if (!readdirSync(workspace).includes(file)) throw new Error(`${file} is not a top-level sample`);

  t = Date.now();
  server = await launchCodeServer({ name: NAME, fresh: false, install: false, folder: workspace });
  log(`code-server up in ${secs(t)} at ${server.url} (no extensionDevelopmentPath)`);
  t = Date.now();
  browser = await launchBrowser({ headless: !flag("--headed") });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const item = await openWorkbench(page, server, file);
  log(`workbench and Explorer ready in ${secs(t)}`);
  t = Date.now();
  await item.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${file}"]`).first().waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.querySelector("#status\\.editor\\.mode")?.textContent?.includes("OKR Markdown"), null, { timeout: 15000 }).catch(() => {});
  const mode = (await page.locator("#status\\.editor\\.mode").textContent().catch(() => ""))?.trim();
  check(mode === "OKR Markdown", `language mode "OKR Markdown" (got "${mode}")`);

  // The status bar's problems item: errors + warnings + infos from the packaged language server.
  const label = await page
    .waitForFunction(() => {
      const l = document.querySelector("#status\\.problems a, #status\\.problems")?.getAttribute("aria-label") ?? "";
      return /(Errors|Warnings): [1-9]/.test(l) ? l : false;
    }, null, { timeout: 30000 })
    .then((h) => h.jsonValue(), () => "");
  check(!!label, `status bar counts problems after opening ${file}: "${label || (await page.locator("#status\\.problems").getAttribute("aria-label").catch(() => ""))}"`);
  const firstDiagnostics = secs(t);

  await page.locator(".editor-instance .monaco-editor .view-lines").first().click();
  await page.keyboard.press("Control+Shift+M");
  const panel = page.locator(".markers-panel");
  if (!(await panel.waitFor({ state: "visible", timeout: 5000 }).then(() => true, () => false))) {
    await page.locator("#status\\.problems").click();
    await panel.waitFor({ state: "visible", timeout: 10000 });
  }
  await page
    .waitForFunction(() => [...document.querySelectorAll(".markers-panel .monaco-list-row")].some((r) => /okr\(?[a-z]+-[a-z-]+/.test(r.textContent)), null, { timeout: 15000 })
    .catch(() => {});
  const rows = (await panel.locator(".monaco-list-row").allTextContents()).filter((x) => /okr\(?[a-z]+-[a-z-]+/.test(x));
  check(rows.length > 0, `the Problems panel lists OKR entries (${rows.length} rendered), e.g. "${rows[0]?.slice(0, 100)}"`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const shot = join(ARTIFACTS, "vsix-problems.png");
  await page.screenshot({ path: shot });
  log(`first diagnostics ${firstDiagnostics} after clicking ${file}; screenshot: ${shot}`);
} catch (e) {
  checks.error(e);
  if (page) {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "vsix-failure.png") }).catch(() => {});
    console.error(`[vsix-test] failure screenshot: ${join(ARTIFACTS, "vsix-failure.png")}; code-server log: ${server?.logFile}`);
  }
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  if (workspace) rmSync(workspace, { recursive: true, force: true });
}
log(`${checks.failures ? "FAILED" : "passed"} in ${secs()}`);
process.exit(checks.failures ? 1 : 0);
