#!/usr/bin/env node
// Idempotently installs what the real VS Code needs on this offline machine (see
// /work/shared/notes/real-vscode-offline.md): Debian's chromium + build headers + ripgrep, and
// code-server 4.100.3 (= VS Code 1.100.3, the newest on Node 20) into .vscode-test/code-server/.
// Usage: node scripts/vscode/ensure.mjs        (fast no-op when everything is already there)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, readFileSync, copyFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CODE_SERVER_VERSION = "4.100.3";
export const CACHE = join(ROOT, ".vscode-test");
export const CODE_SERVER_DIR = join(CACHE, "code-server");
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, "node_modules", "code-server", "out", "node", "entry.js");
export const CHROMIUM = process.env.OKR_CHROMIUM || "/usr/bin/chromium";
const MARKER = join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);

// Debian packages: the file that proves each is installed (cheaper than dpkg -s).
const APT = {
  chromium: "/usr/bin/chromium",
  "libkrb5-dev": "/usr/include/gssapi/gssapi.h",
  "libsecret-1-dev": "/usr/include/libsecret-1/libsecret/secret.h",
  "pkg-config": "/usr/bin/pkg-config",
  "libx11-dev": "/usr/include/X11/Xlib.h",
  "libxkbfile-dev": "/usr/include/X11/extensions/XKBfile.h",
  ripgrep: "/usr/bin/rg",
  // Grade bands in hovers and inlay hints are emoji; without a font screenshots show boxes.
  "fonts-noto-color-emoji": "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
};

const log = (m) => console.log(`[ensure] ${m}`);
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1) + "s";

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit ${r.status ?? r.signal}`);
}

export function codeServerInstalled() {
  return existsSync(MARKER) && existsSync(CODE_SERVER_BIN);
}

function ensureApt() {
  const missing = Object.entries(APT).filter(([, f]) => !existsSync(f)).map(([p]) => p);
  if (missing.length === 0) return log("apt packages present");
  log(`apt packages missing: ${missing.join(" ")}`);
  const sudo = process.getuid && process.getuid() !== 0 ? ["sudo"] : [];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (...a) => (sudo.length ? run("sudo", ["apt-get", ...a], { env }) : run("apt-get", a, { env }));
  apt("update");
  apt("install", "-y", "--no-install-recommends", ...missing);
  log(`apt done (${secs()})`);
}

// @vscode/ripgrep downloads rg from GitHub; its downloader first looks in this cache.
function ensureRipgrepCache(tmpdir) {
  const triple = process.arch === "arm64" ? "aarch64-unknown-linux-musl" : "x86_64-unknown-linux-musl";
  const dir = join(tmpdir, "vscode-ripgrep-cache-1.15.11");
  const tgz = join(dir, `ripgrep-v13.0.0-10-${triple}.tar.gz`);
  if (existsSync(tgz)) return;
  const stage = join(tmpdir, "rg-stage");
  mkdirSync(stage, { recursive: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync("/usr/bin/rg", join(stage, "rg"));
  run("tar", ["czf", tgz, "-C", stage, "rg"]);
  log(`ripgrep cache: ${tgz}`);
}

function ensureCodeServer() {
  if (codeServerInstalled()) return log(`code-server ${CODE_SERVER_VERSION} present`);
  log(`installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (takes ~1.5 min, ~300 MB)`);
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  const pkg = join(CODE_SERVER_DIR, "package.json");
  if (!existsSync(pkg)) writeFileSync(pkg, JSON.stringify({ name: "okr-md-code-server-cache", private: true }, null, 2) + "\n");
  // A TMPDIR of our own so the ripgrep cache is where the downloader looks.
  const tmpdir = join(CACHE, "tmp");
  mkdirSync(tmpdir, { recursive: true });
  ensureRipgrepCache(tmpdir);
  run("npm", ["install", "--unsafe-perm", "--no-audit", "--no-fund", "--loglevel=error", `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CODE_SERVER_DIR,
    env: { ...process.env, npm_config_yes: "true", TMPDIR: tmpdir },
  });
  const v = JSON.parse(readFileSync(join(CODE_SERVER_DIR, "node_modules", "code-server", "package.json"), "utf8")).version;
  if (v !== CODE_SERVER_VERSION) throw new Error(`installed code-server ${v}, expected ${CODE_SERVER_VERSION}`);
  if (!existsSync(join(CODE_SERVER_DIR, "node_modules", "code-server", "lib", "vscode", "node_modules"))) {
    throw new Error("code-server's postinstall did not install lib/vscode/node_modules");
  }
  writeFileSync(MARKER, new Date().toISOString() + "\n");
  log(`code-server installed (${secs()})`);
}

export function ensure() {
  if (process.platform !== "linux") throw new Error("scripts/vscode/ensure.mjs supports Linux (Debian) only");
  ensureApt();
  ensureCodeServer();
  log(`ready (${secs()})`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensure();
  } catch (e) {
    console.error(`[ensure] FAILED: ${e.message}`);
    process.exit(1);
  }
}
