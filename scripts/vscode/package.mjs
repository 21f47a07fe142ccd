#!/usr/bin/env node
// `npm run package`: production bundles (node scripts/bundle.mjs --production, minified, no source maps)
// and a VSIX made by @vscode/vsce with --no-dependencies (everything the extension runs is bundled).
// Then it checks the VSIX: every file package.json points at is inside, nothing that should not ship
// (source maps, sources, node_modules, the CLI bundle), and the size budget (1 MB).
//   node scripts/vscode/package.mjs [--out FILE.vsix] [--no-bundle]
// Prints the path and size; exit 1 when packaging fails or a check does not hold.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BUDGET_BYTES = 1024 * 1024;
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
export const DEFAULT_VSIX = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);

const log = (m) => console.log(`[package] ${m}`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function run(cmd, args) {
  log(`$ ${[cmd, ...args].map((a) => a.replace(ROOT + "/", "")).join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status ?? r.signal})`);
}

/** The VSIX's entries (zip listing) with their uncompressed sizes. */
export function vsixEntries(file) {
  const r = spawnSync("unzip", ["-Z", "-l", file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`unzip -Z -l ${file}: ${r.stderr}`);
  // -rw-r--r--  2.0 unx   366274 b- 98765 defN 26-Nov-22 08:30 extension/dist/client.js
  return r.stdout
    .split("\n")
    .map((l) => /^[-dlrwx]{10}\s+\S+\s+\S+\s+(\d+)\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s+(.+)$/.exec(l))
    .filter(Boolean)
    .map((m) => ({ name: m[3], size: Number(m[1]), compressed: Number(m[2]) }));
}

/** Problems with the VSIX's contents ([] when fine). */
export function checkVsix(file) {
  const entries = vsixEntries(file);
  const names = new Set(entries.map((e) => e.name));
  const problems = [];
  const need = (rel, why) => {
    const p = "extension/" + rel.replace(/^\.\//, "");
    if (!names.has(p)) problems.push(`${p} is missing (${why})`);
  };
  need("package.json", "manifest");
  need(pkg.main, "main");
  need("dist/server.js", "the language server the client starts");
  for (const l of pkg.contributes?.languages ?? []) if (l.configuration) need(l.configuration, `language ${l.id} configuration`);
  for (const g of pkg.contributes?.grammars ?? []) need(g.path, `grammar ${g.scopeName}`);
  for (const j of pkg.contributes?.jsonValidation ?? []) if (!/^https?:/.test(j.url)) need(j.url, `jsonValidation ${j.fileMatch}`);
  if (existsSync(join(ROOT, "media"))) {
    if (!entries.some((e) => e.name.startsWith("extension/media/"))) problems.push("media/ (the preview's webview assets) is not in the VSIX");
  }
  for (const e of entries) {
    if (/\.map$|\.ts$|(^|\/)node_modules\/|^extension\/(out|server|client|scripts|samples|test-artifacts|\.vscode-test)\/|dist\/cli\.js$/.test(e.name)) {
      problems.push(`${e.name} should not ship`);
    }
  }
  return { entries, problems };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const out = resolve(argv.includes("--out") ? argv[argv.indexOf("--out") + 1] : DEFAULT_VSIX);
  const t0 = Date.now();
  try {
    if (!argv.includes("--no-bundle")) run(process.execPath, [join(ROOT, "scripts", "bundle.mjs"), "--production"]);
    for (const f of ["client.js", "server.js"]) if (!existsSync(join(ROOT, "dist", f))) throw new Error(`dist/${f} is missing`);
    mkdirSync(dirname(out), { recursive: true });
    const vsce = join(ROOT, "node_modules", "@vscode", "vsce", "vsce");
    if (!existsSync(vsce)) throw new Error("@vscode/vsce is not installed: npm install");
    run(process.execPath, [vsce, "package", "--no-dependencies", "--out", out]);
    const size = statSync(out).size;
    const { entries, problems } = checkVsix(out);
    const big = entries.filter((e) => e.size >= 8 * 1024).map((e) => `${e.name.replace(/^extension\//, "")} ${kb(e.size)}`);
    log(`contents (uncompressed): ${big.join(", ")} and ${entries.length - big.length} smaller files`);
    log(`VSIX: ${out}`);
    log(`VSIX size: ${kb(size)} (${size} bytes; budget ${kb(BUDGET_BYTES)}) — ${entries.length} entries, built in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    if (size > BUDGET_BYTES) problems.push(`the VSIX is ${kb(size)}, over the ${kb(BUDGET_BYTES)} budget`);
    if (problems.length) throw new Error(`VSIX check failed:\n  ${problems.join("\n  ")}`);
  } catch (e) {
    console.error(`[package] ERROR: ${e.message}`);
    process.exit(1);
  }
}
