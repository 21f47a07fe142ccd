#!/usr/bin/env node
// Prints the TextMate scopes VS Code's own tokenizer (vscode-textmate + oniguruma from the installed
// code-server) gives each token of a file under syntaxes/okr.tmLanguage.json. A grammar debugging aid:
//   node scripts/vscode/tokenize.mjs samples/x.okr.md [--only okr]   (--only: show tokens whose scopes contain it)
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ROOT, CODE_SERVER_DIR } from "./ensure.mjs";

const VS = join(CODE_SERVER_DIR, "node_modules", "code-server", "lib", "vscode");
const require = createRequire(join(VS, "package.json"));
const tm = require("vscode-textmate");
const onig = require("vscode-oniguruma");

const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--only");
if (!file) {
  console.error("usage: node scripts/vscode/tokenize.mjs FILE [--only SCOPE-PART]");
  process.exit(2);
}

// scopeName -> grammar file, from our package.json and every built-in extension of code-server.
const grammars = new Map();
const addFrom = (dir) => {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  for (const g of pkg.contributes?.grammars ?? []) grammars.set(g.scopeName, join(dir, g.path));
};
addFrom(ROOT);
for (const d of readdirSync(join(VS, "extensions"), { withFileTypes: true })) {
  if (d.isDirectory()) try { addFrom(join(VS, "extensions", d.name)); } catch { /* no package.json */ }
}

await onig.loadWASM(readFileSync(join(VS, "node_modules", "vscode-oniguruma", "release", "onig.wasm")).buffer);
const registry = new tm.Registry({
  onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
  loadGrammar: async (scope) => {
    const p = grammars.get(scope);
    return p ? tm.parseRawGrammar(readFileSync(p, "utf8"), p) : null;
  },
});
const grammar = await registry.loadGrammar("text.html.markdown.okr");
let state = tm.INITIAL;
readFileSync(file, "utf8").split(/\r?\n/).forEach((line, i) => {
  const r = grammar.tokenizeLine(line, state);
  state = r.ruleStack;
  const toks = r.tokens
    .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1).join(" ") }))
    .filter((t) => t.text.trim() && (!only || t.scopes.includes(only)));
  if (!toks.length) return;
  console.log(`${String(i + 1).padStart(3)}: ${line}`);
  for (const t of toks) console.log(`       ${JSON.stringify(t.text)}  ${t.scopes}`);
});
