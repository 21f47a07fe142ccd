// Starts the real VS Code (code-server 4.100.3 = Code 1.100.3) on 127.0.0.1 with its own user-data
// and extensions dirs under .vscode-test/, and opens headless Debian chromium via playwright-core.
// See /work/shared/notes/real-vscode-offline.md. Used by the scripts that start VS Code or Chromium.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdirSync, rmSync, writeFileSync, symlinkSync, readFileSync, createWriteStream, lstatSync } from "node:fs";
import { join } from "node:path";
import { CACHE, CODE_SERVER_BIN, CHROMIUM, ROOT, codeServerInstalled } from "./ensure.mjs";

export { ROOT, CACHE };

/** Default user settings for a quiet, deterministic workbench. */
export const DEFAULT_SETTINGS = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "chat.commandCenter.enabled": false,
  "git.enabled": false,
  "files.watcherExclude": { "**/node_modules/**": true, "**/.vscode-test/**": true },
};

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/** The extension's identifier and the folder name VS Code expects in an extensions dir. */
export function extensionId() {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  return { id: `${pkg.publisher}.${pkg.name}`, folder: `${pkg.publisher}.${pkg.name}-${pkg.version}` };
}

/**
 * Starts code-server. Options:
 *  - folder: workspace folder to open (absolute path); default samples/
 *  - name: names the user-data/extensions dirs (.vscode-test/user-data-NAME, extensions-NAME)
 *  - fresh: wipe those dirs first (tests: true)
 *  - install: symlink the repo into the extensions dir so the extension loads without a payload
 *             (npm start, UI tests). Extension-host tests pass extensionDevelopmentPath instead.
 *  - settings: extra user settings; env: extra env for code-server and its extension host
 *  - timeoutMs: bound on startup (default 60 s)
 * Returns { url, port, folder, userDataDir, logFile, payloadUrl(extra), stop() }.
 */
export async function launchCodeServer(opts = {}) {
  if (!codeServerInstalled()) throw new Error("code-server is not installed: run node scripts/vscode/ensure.mjs");
  const name = opts.name ?? "default";
  const folder = opts.folder ?? join(ROOT, "samples");
  const userDataDir = join(CACHE, `user-data-${name}`);
  const extensionsDir = join(CACHE, `extensions-${name}`);
  if (opts.fresh) for (const d of [userDataDir, extensionsDir]) rmSync(d, { recursive: true, force: true });
  mkdirSync(join(userDataDir, "User"), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, "User", "settings.json");
  if (opts.fresh || !existsSync(settingsFile)) {
    writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.settings ?? {}) }, null, 2) + "\n");
  }
  if (opts.install) {
    const link = join(extensionsDir, extensionId().folder);
    let present = false;
    try { present = lstatSync(link).isSymbolicLink(); } catch { /* absent */ }
    if (!present) {
      rmSync(link, { recursive: true, force: true });
      symlinkSync(ROOT, link, "dir");
    }
  }
  const port = opts.port ?? (await freePort());
  mkdirSync(join(CACHE, "logs"), { recursive: true });
  const logFile = join(CACHE, "logs", `code-server-${name}.log`);
  const logStream = createWriteStream(logFile);
  const args = [
    CODE_SERVER_BIN,
    "--auth", "none",
    "--bind-addr", `127.0.0.1:${port}`,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--disable-getting-started-override",
    "--user-data-dir", userDataDir,
    "--extensions-dir", extensionsDir,
    folder,
  ];
  const started = Date.now();
  // detached: its own process group, so stop() ends code-server and every process it started.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  let output = "";
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const listening = new Promise((resolve, reject) => {
    const onData = (buf) => {
      const s = buf.toString();
      logStream.write(s);
      if (opts.verbose) process.stdout.write(`[code-server] ${s}`);
      output = (output + s).slice(-20000);
      if (/HTTP server listening on/.test(output)) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    exited.then(({ code, signal }) => reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output}`)));
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, "SIGTERM"); } catch { /* gone */ }
      const t = setTimeout(() => { try { process.kill(-child.pid, "SIGKILL"); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(t);
    }
    // Children of the group that outlived the leader (extension host, language server).
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* none left */ }
    logStream.end();
  };

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  try {
    await withTimeout(listening, opts.timeoutMs ?? 60000, "code-server to listen");
    const health = await withTimeout(fetch(`http://127.0.0.1:${port}/healthz`), 10000, "/healthz");
    if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
  } catch (e) {
    await stop();
    throw e;
  }
  const authority = `127.0.0.1:${port}`;
  return {
    url,
    port,
    folder,
    userDataDir,
    extensionsDir,
    logFile,
    startupMs: Date.now() - started,
    exited,
    output: () => output,
    /** URL that opens the folder with extra workbench payload, e.g. extensionDevelopmentPath. */
    payloadUrl(payload) {
      const entries = Object.entries(payload).map(([k, v]) => [k, v.startsWith("/") ? `vscode-remote://${authority}${v}` : v]);
      return `${url}&payload=${encodeURIComponent(JSON.stringify(entries))}`;
    },
    stop,
  };
}

/** Loads code-server's workbench in the page and waits until the Explorer lists `file`; returns its tree item. */
export async function openWorkbench(page, server, file) {
  await page.goto(server.url, { waitUntil: "domcontentloaded", timeout: 30000 });
  await page.locator(".monaco-workbench").waitFor({ timeout: 30000 });
  const item = page.getByRole("treeitem", { name: file, exact: false }).first();
  await item.waitFor({ timeout: 30000 });
  return item;
}

/** Headless Debian chromium through playwright-core (never `playwright install`). */
export async function launchBrowser(opts = {}) {
  const { chromium } = await import("playwright-core");
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run node scripts/vscode/ensure.mjs`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args: CHROMIUM_ARGS,
    timeout: opts.timeoutMs ?? 30000,
  });
}
