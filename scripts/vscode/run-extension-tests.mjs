#!/usr/bin/env node
// Runs the extension-host tests (out/client/test/suite/**/*.test.js) inside the real VS Code 1.100.3
// (code-server + headless chromium), the way @vscode/test-electron would on a machine that can
// download VS Code. Exit code 0 = all passed.
//   node scripts/vscode/run-extension-tests.mjs [--no-build] [--grep REGEXP] [--folder DIR]
//                                              [--timeout SECONDS] [--verbose]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, watch } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ensure } from "./ensure.mjs";
import { ROOT, CACHE, launchCodeServer, launchBrowser } from "./launch.mjs";
import { buildUnlessTold, Checks, flag, option } from "../checks.mjs";

const timeoutMs = Number(option("--timeout", process.env.OKR_TEST_TIMEOUT ?? "480")) * 1000;
const grep = option("--grep", process.env.OKR_TEST_GREP);
const verbose = flag("--verbose");
const { secs, log } = new Checks("test:vscode");

function defaultFolder() {
  const samples = join(ROOT, "samples");
  const hasSamples = existsSync(samples) && spawnSync("find", [samples, "-name", "*.okr.md", "-print", "-quit"]).stdout.length > 0;
  return hasSamples ? samples : join(ROOT, "client", "test", "fixtures");
}

/** Resolves when `file` exists (fs.watch on its folder, plus one check to close the race). */
function waitForFile(file, ms, abort) {
  return new Promise((resolveP, reject) => {
    mkdirSync(dirname(file), { recursive: true });
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      watcher.close();
      clearTimeout(timer);
      err ? reject(err) : resolveP();
    };
    const watcher = watch(dirname(file), () => existsSync(file) && finish());
    const timer = setTimeout(() => finish(new Error(`no test results after ${ms / 1000}s (${file})`)), ms);
    abort.then((why) => finish(new Error(why)));
    if (existsSync(file)) finish();
  });
}

function report(results) {
  console.log(`\n  VS Code ${results.vscodeVersion} (code-server), extension host\n`);
  let lastSuite;
  for (const t of results.tests) {
    const suite = t.fullTitle.slice(0, t.fullTitle.length - t.title.length).trim();
    if (suite !== lastSuite) console.log(`  ${suite}`);
    lastSuite = suite;
    const mark = t.state === "passed" ? "✔" : t.state === "pending" ? "-" : "✗";
    const ms = t.durationMs !== undefined ? ` (${t.durationMs}ms)` : "";
    console.log(`    ${mark} ${t.title}${ms}`);
  }
  const failures = results.tests.filter((t) => t.state === "failed");
  failures.forEach((t, i) => {
    console.log(`\n  ${i + 1}) ${t.fullTitle}\n     ${t.error?.message}`);
    if (t.error?.expected !== undefined || t.error?.actual !== undefined) {
      console.log(`     expected: ${t.error.expected}\n     actual:   ${t.error.actual}`);
    }
    if (t.error?.stack) console.log(t.error.stack.split("\n").slice(1, 8).map((l) => `     ${l.trim()}`).join("\n"));
  });
  console.log(`\n${results.passed} passing, ${results.failed} failing, ${results.pending} pending (${(results.durationMs / 1000).toFixed(1)}s in the host)`);
  console.log(`${results.passed} passed, ${results.failed} failed`);
}

let server;
let browser;
let exitCode = 1;
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => cleanup().finally(() => process.exit(130)));

try {
  buildUnlessTold();
  const suite = join(ROOT, "out", "client", "test", "suite", "index.js");
  if (!existsSync(suite)) throw new Error(`${suite} is missing (did tsc run?)`);
  ensure();

  const resultsFile = join(CACHE, "results", "extension-tests.json");
  rmSync(resultsFile, { force: true });
  const folder = resolve(option("--folder", defaultFolder()));
  let t = Date.now();
  server = await launchCodeServer({
    name: "tests",
    fresh: true,
    folder,
    verbose,
    env: { OKR_TEST_RESULTS: resultsFile, ...(grep ? { OKR_TEST_GREP: grep } : {}) },
  });
  log(`code-server up on port ${server.port} in ${secs(t)} (workspace ${folder})`);
  t = Date.now();
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
    if (verbose) console.log(`[browser:${m.type()}] ${m.text()}`);
  });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  const abort = new Promise((res) => {
    server.exited.then(({ code, signal }) => res(`code-server exited (${code ?? signal}) during the test run`));
    page.on("crash", () => res("the browser page crashed"));
    browser.on("disconnected", () => res("the browser disconnected"));
  });
  const url = server.payloadUrl({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: suite,
  });
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: 30000 });
  log(`workbench loading in chromium; waiting up to ${timeoutMs / 1000}s for results`);
  try {
    await waitForFile(resultsFile, timeoutMs, abort);
  } catch (e) {
    console.error(`[test:vscode] ${e.message}`);
    if (consoleErrors.length) console.error(`[test:vscode] browser console errors:\n  ${consoleErrors.slice(-15).join("\n  ")}`);
    console.error(`[test:vscode] code-server log: ${server.logFile}; extension host logs: ${join(server.userDataDir, "logs")}`);
    const shot = join(ROOT, "test-artifacts", "extension-tests-timeout.png");
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot }).then(() => console.error(`[test:vscode] screenshot: ${shot}`), () => {});
    throw e;
  }
  const results = JSON.parse(readFileSync(resultsFile, "utf8"));
  report(results);
  log(`tests finished ${secs(t)} after opening the workbench; total ${secs()}`);
  exitCode = results.failed > 0 || results.passed === 0 ? 1 : 0;
} catch (e) {
  console.error(`[test:vscode] ERROR: ${e.message}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
