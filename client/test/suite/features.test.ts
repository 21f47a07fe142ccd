// The language features as VS Code itself delivers them (real Code 1.100.3 extension host, workspace
// folder samples/): diagnostics of every sample (cross-checked against the `okr lint` CLI), hovers,
// quick fixes applied through WorkspaceEdit, the outline, completion and cross-file definition.
// Every wait is event-driven (onDidChangeDiagnostics) or a bounded poll; no fixed sleeps.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import {
  CliDiagnostic,
  closeAllEditors,
  codeOf,
  describeCliDiagnostic,
  describeDiagnostic,
  keyOf,
  okrLint,
  open,
  repoFile,
  sampleFiles,
  scratchFile,
  waitFor,
  waitForDiagnostics,
} from "./helpers";
import { recordTimings } from "./timings";
// The decoder of the server's own tests: the same encoding, read here from VS Code's legend.
import { decodeTokens } from "../../../server/test/support/semanticTokens";
import { generateScorecard } from "../../../server/bench/generate";
import { WHOLE_DOCUMENT_TOKENS_MAX_LINES } from "../../src/semanticTokens";

const DOCS = "https://github.com/okr-md/okr-md/blob/main/docs/rules/";
const sample = (rel: string) => vscode.Uri.file(repoFile(path.join("samples", rel)));
const rel = (uri: vscode.Uri) => path.relative(repoFile("samples"), uri.fsPath).split(path.sep).join("/");

/** The 25 codes, from the table of docs/rules/README.md. */
function documentedCodes(): string[] {
  const readme = fs.readFileSync(repoFile("docs/rules/README.md"), "utf8");
  return [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(\1\.md\) \|/gm)].map((m) => m[1]);
}

const keys = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => keyOf(codeOf(d), d.range)).sort();

/** `okr lint --format json samples/`, by file (relative to samples/). */
function cliLint(): Map<string, CliDiagnostic[]> {
  return new Map(okrLint(["samples"]).map((f) => [f.file.replace(/^samples\//, ""), f.diagnostics]));
}

/**
 * Diagnostics of `uri` once they are exactly `expected` (as keys). On timeout it returns what is
 * there, so the caller's assert shows the difference instead of a bare timeout.
 */
async function diagnosticsSettledTo(uri: vscode.Uri, expected: string[], timeoutMs = 15_000): Promise<readonly vscode.Diagnostic[]> {
  const want = JSON.stringify([...expected].sort());
  try {
    return await waitForDiagnostics(uri, (d) => JSON.stringify(keys(d)) === want, timeoutMs);
  } catch {
    return vscode.languages.getDiagnostics(uri);
  }
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))
    .join("\n");
}

function lineOf(uri: vscode.Uri, pattern: RegExp): number {
  const lines = fs.readFileSync(uri.fsPath, "utf8").split("\n");
  const i = lines.findIndex((l) => pattern.test(l));
  assert.ok(i >= 0, `no line matching ${pattern} in ${uri.fsPath}`);
  return i;
}

/** A scratch copy of a sample (outside the workspace), so fixes can be applied and saved freely. */
function scratchCopy(rel: string): vscode.Uri {
  return scratchFile(fs.readFileSync(repoFile(path.join("samples", rel)), "utf8"));
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    "vscode.executeCodeActionProvider",
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => "edit" in a || "kind" in a);
}

describe("diagnostics of the samples in VS Code", () => {
  const cli = cliLint();
  afterEach(closeAllEditors);

  it("the docs list 25 rule codes, each with its page", () => {
    const codes = documentedCodes();
    assert.equal(codes.length, 25, codes.join(", "));
    for (const c of codes) assert.ok(fs.existsSync(repoFile(`docs/rules/${c}.md`)), `docs/rules/${c}.md is missing`);
  });

  it("every sample is linted by the CLI", () => {
    const files = sampleFiles().map(rel).sort();
    assert.deepEqual([...cli.keys()].sort(), files);
    for (const f of ["commuter-rail.okr.md", "commuter-rail-grid.okr.md", "saas-okrs.okr.md", "every-rule.okr.md", "company/company.okr.md"]) {
      assert.ok(files.includes(f), `samples/${f} is missing`);
    }
  });

  it("commuter-rail.okr.md shows exactly behind-pace (line 77) and missing-owner (line 136)", async () => {
    const uri = sample("commuter-rail.okr.md");
    await open(uri);
    const d = await diagnosticsSettledTo(uri, ["behind-pace@76:2-76:5", "missing-owner@135:4-135:7"]);
    assert.deepEqual(
      d.map((x) => [codeOf(x), x.range.start.line + 1]).sort(),
      [
        ["behind-pace", 77],
        ["missing-owner", 136],
      ],
    );
    const pace = d.find((x) => codeOf(x) === "behind-pace")!;
    assert.equal(pace.severity, vscode.DiagnosticSeverity.Information);
    assert.match(pace.message, /O5 KR2 is at risk/);
    assert.equal(d.find((x) => codeOf(x) === "missing-owner")!.severity, vscode.DiagnosticSeverity.Hint);
  });

  it("every-rule.okr.md shows all 25 codes, each linked to its docs page", async () => {
    const uri = sample("every-rule.okr.md");
    await open(uri);
    const want = documentedCodes();
    const d = await waitForDiagnostics(uri, (ds) => want.every((c) => ds.some((x) => codeOf(x) === c)));
    assert.deepEqual([...new Set(d.map(codeOf))].sort(), [...want].sort());
    for (const x of d) {
      assert.equal(x.source, "okr");
      assert.ok(typeof x.code === "object", `${codeOf(x)}: code has no target`);
      const target = (x.code as { value: string | number; target: vscode.Uri }).target;
      assert.equal(target.toString(true), `${DOCS}${codeOf(x)}.md`);
    }
  });

  it("every-rule.okr.md: each `<!-- fires: code -->` annotation has its diagnostic on the next line", async () => {
    const uri = sample("every-rule.okr.md");
    await open(uri);
    const lines = fs.readFileSync(uri.fsPath, "utf8").split("\n");
    const d = await waitForDiagnostics(uri, (ds) => ds.length >= 25);
    const missing: string[] = [];
    lines.forEach((line, i) => {
      const m = /<!--\s*fires:\s*(.*?)\s*-->/.exec(line);
      if (!m) return;
      let target = i + 1;
      while (target < lines.length && (lines[target].trim() === "" || /^\s*<!--.*-->\s*$/.test(lines[target]))) target++;
      for (const code of m[1].split(/\s*,\s*/).filter(Boolean)) {
        if (!d.some((x) => codeOf(x) === code && x.range.start.line === target)) missing.push(`${code} on line ${target + 1}`);
      }
    });
    assert.deepEqual(missing, []);
  });

  for (const file of ["commuter-rail.okr.md", "commuter-rail-grid.okr.md", "every-rule.okr.md"]) {
    it(`${file}: the editor's diagnostics equal \`okr lint --format json\` (code, range, severity, message)`, async function () {
      const uri = sample(file);
      const expected = cli.get(file) ?? [];
      assert.ok(expected.length > 0, `the CLI reports nothing for ${file}`);
      const t0 = performance.now();
      await open(uri);
      const d = await diagnosticsSettledTo(uri, expected.map((e) => keyOf(e.code, e.range)));
      this.test!.title += ` (${Math.round(performance.now() - t0)} ms)`;
      assert.deepEqual(d.map(describeDiagnostic).sort(), expected.map(describeCliDiagnostic).sort());
    });
  }

  it("saas-okrs.okr.md and company/*.okr.md are clean, as in the CLI", async function () {
    const clean = ["saas-okrs.okr.md", "company/company.okr.md", "company/team-payments.okr.md", "company/team-platform.okr.md"];
    for (const f of clean) assert.deepEqual(cli.get(f), [], `the CLI reports problems in ${f}`);
    for (const f of clean) {
      const uri = sample(f);
      await open(uri);
      // The server has analysed it when it answers the outline.
      await waitFor(async () => ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", uri)) ?? []).length > 0, `the outline of ${f}`);
    }
    // A clean file's (empty) diagnostics fire no event; the server validates opened files in order,
    // so once a fresh copy of a sample opened after them has its diagnostics, theirs have been published too.
    const sentinel = scratchCopy("commuter-rail.okr.md");
    await open(sentinel);
    await waitForDiagnostics(sentinel);
    for (const f of clean) assert.deepEqual(keys(vscode.languages.getDiagnostics(sample(f))), [], f);
  });
});

describe("hovers", () => {
  afterEach(closeAllEditors);

  it("a key result shows its grade, pace and values", async () => {
    const uri = sample("commuter-rail.okr.md");
    await open(uri);
    const line = lineOf(uri, /^- KR2: Journey-planner satisfaction/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(line, 4));
    const text = hoverText(hovers);
    assert.match(text, /\*\*KR2\*\* Journey-planner satisfaction/);
    assert.match(text, /\*\*0\.1\*\*/, text); // grade (7.2 − 7.1) / (7.8 − 7.1) ≈ 0.14
    assert.match(text, /7\.1 → \*\*7\.2\*\* → 7\.8/, text);
    assert.match(text, /status: \*\*at risk\*\*/, text);
    assert.match(text, /Forecast:/, text);
  });

  it("an objective shows its key-result breakdown", async () => {
    const uri = sample("commuter-rail.okr.md");
    await open(uri);
    const line = lineOf(uri, /^### O5: Make the network easy/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(line, 6));
    const text = hoverText(hovers);
    assert.match(text, /\*\*O5\*\* Make the network easy for everyone to use/, text);
    assert.match(text, /\*\*0\.3\*\*/, text);
    assert.match(text, /\| Key result \| Grade \|/, text);
    assert.match(text, /\| KR1 Step-free stations from 31 to 38 @ines \| 0\.4 \|/, text);
    assert.match(text, /\| KR2 Journey-planner satisfaction .* \| 0\.1 \|/, text);
  });

  it("a company objective lists the team objectives aligned to it (other files of the workspace)", async () => {
    const uri = sample("company/company.okr.md");
    await open(uri);
    const line = lineOf(uri, /^## O2: Make payments a profit centre/);
    const text = await waitFor(async () => {
      const t = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", uri, new vscode.Position(line, 4)));
      return /Aligned children/.test(t) ? t : undefined;
    }, "the hover to list aligned children (workspace indexed)");
    assert.ok(text);
    assert.match(text, /O1 Pay restaurants out the same day \*\(team-payments\.okr\.md\)\*/, text);
  });
});

describe("quick fixes applied through a WorkspaceEdit", () => {
  afterEach(closeAllEditors);

  it("unknown-attribute `onwer:` → `owner:`, and the diagnostic goes away", async () => {
    const uri = scratchCopy("every-rule.okr.md");
    const editor = await open(uri);
    const line = lineOf(uri, /^onwer: "@priya"/);
    const isIt = (x: vscode.Diagnostic) => codeOf(x) === "unknown-attribute" && x.range.start.line === line;
    const d = (await waitForDiagnostics(uri, (ds) => ds.some(isIt))).find(isIt)!;
    assert.match(d.message, /owner/);
    const fixes = await quickFixes(uri, d.range);
    const fix = fixes.find((a) => /owner/.test(a.title) && !/^Disable/.test(a.title));
    assert.ok(fix?.edit, `no rename fix among: ${fixes.map((a) => a.title).join(" | ")}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(line).text, 'owner: "@priya"');
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => codeOf(x) === "unknown-attribute" && x.range.start.line === line));
    // The other unknown-attribute (the KR's `confidance:`) is still there.
    assert.ok(vscode.languages.getDiagnostics(uri).some((x) => codeOf(x) === "unknown-attribute"));
  });

  it("\"Disable missing-owner for this file\" writes front-matter rules and silences the rule", async () => {
    const uri = scratchCopy("every-rule.okr.md");
    const editor = await open(uri);
    const all = await waitForDiagnostics(uri, (ds) => ds.some((x) => codeOf(x) === "missing-owner"));
    const before = all.length;
    const owners = all.filter((x) => codeOf(x) === "missing-owner").length;
    const d = all.find((x) => codeOf(x) === "missing-owner")!;
    const fixes = await quickFixes(uri, d.range);
    const disable = fixes.find((a) => a.title === "Disable missing-owner for this file");
    assert.ok(disable?.edit, `no disable action among: ${fixes.map((a) => a.title).join(" | ")}`);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    const text = editor.document.getText();
    const frontMatter = text.slice(0, text.indexOf("\n---", 4));
    assert.match(frontMatter, /rules:[\s\S]*missing-owner: off/, frontMatter);
    const after = await waitForDiagnostics(uri, (ds) => ds.length > 0 && !ds.some((x) => codeOf(x) === "missing-owner"));
    assert.equal(after.length, before - owners, "only the missing-owner diagnostics went away");
  });
});

describe("outline, completion, definition", () => {
  afterEach(closeAllEditors);

  it("document symbols: perspective → objective → key result", async () => {
    const uri = sample("commuter-rail.okr.md");
    await open(uri);
    const symbols = await waitFor(
      async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", uri))?.filter((s) => s.children),
      "document symbols",
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ["Financial", "Customer", "Internal Process", "Learning & Growth"],
    );
    for (const s of symbols) assert.equal(s.kind, vscode.SymbolKind.Namespace, s.name);
    const financial = symbols[0];
    assert.deepEqual(
      financial.children.map((o) => o.name),
      ["O1: Grow revenue from riders", "O2: Earn more from stations and partners"],
    );
    const o1 = financial.children[0];
    assert.equal(o1.kind, vscode.SymbolKind.Class);
    const krs = o1.children.filter((c) => c.kind === vscode.SymbolKind.Property);
    assert.deepEqual(
      krs.map((k) => k.name),
      ["KR1: Net fare revenue from $40M to $44M by 2027-03-31 @amara", "KR2: Operating cost per passenger-km from $0.30 to $0.27 @ravi"],
    );
    assert.deepEqual(krs.map((k) => k.detail), ["0.5", "0.5"]);
    assert.ok(o1.children.some((c) => /Develop new sales policies/.test(c.name)), "the initiative is a leaf of O1");
    const total = symbols.reduce((n, p) => n + p.children.length, 0);
    assert.equal(total, 10, "O1–O10 in four perspectives");
  });

  it("semantic tokens: labels, numbers, dates and owners, and again after an edit", async () => {
    const editor = await open(scratchFile(fs.readFileSync(repoFile("samples/commuter-rail.okr.md"), "utf8")));
    const uri = editor.document.uri;
    // Once the language server is up and has registered its provider.
    const legend = await waitFor(async () => vscode.commands.executeCommand<vscode.SemanticTokensLegend>("vscode.provideDocumentSemanticTokensLegend", uri), "the semantic tokens legend");
    const decoded = async () => {
      const tokens = await waitFor(async () => vscode.commands.executeCommand<vscode.SemanticTokens>("vscode.provideDocumentSemanticTokens", uri), "semantic tokens");
      return decodeTokens([...tokens.data], (line) => editor.document.lineAt(line).text, legend.tokenTypes, legend.tokenModifiers).map((t) => [t.text, t.type, ...t.modifiers].join(" "));
    };
    const before = await decoded();
    for (const t of ["O1 class declaration", "KR1 enumMember declaration", "Financial namespace declaration", "$40M number", "@amara variable owner"]) assert.ok(before.includes(t), `${t} in ${before.slice(0, 30).join(" | ")}`);
    const line = editor.document.getText().split("\n").findIndex((l) => l.startsWith("### O1: Grow revenue from riders"));
    await editor.edit((b) => b.replace(new vscode.Range(line, 4, line, 6), "O11"));
    const after = await waitFor(async () => {
      const tokens = await decoded();
      return tokens.includes("O11 class declaration") ? tokens : undefined;
    }, "the renamed label's token");
    assert.equal(after!.length, before.length);
  });

  it("semantic tokens of a document past 5,000 lines: those of the lines asked for, not the whole document's", async () => {
    const editor = await open(scratchFile(generateScorecard(256 * 1024, 11)));
    const uri = editor.document.uri;
    assert.ok(editor.document.lineCount > WHOLE_DOCUMENT_TOKENS_MAX_LINES, `${editor.document.lineCount} lines`);
    const legend = await waitFor(
      async () => vscode.commands.executeCommand<vscode.SemanticTokensLegend>("vscode.provideDocumentRangeSemanticTokensLegend", uri),
      "the range semantic tokens legend",
    );
    const inView = new vscode.Range(0, 0, 60, 0);
    const tokens = await waitFor(async () => vscode.commands.executeCommand<vscode.SemanticTokens>("vscode.provideDocumentRangeSemanticTokens", uri, inView), "range semantic tokens");
    const decoded = decodeTokens([...tokens.data], (line) => editor.document.lineAt(line).text, legend.tokenTypes, legend.tokenModifiers);
    assert.ok(decoded.some((t) => t.text === "O1" && t.type === "class"), decoded.map((t) => t.text).join(" "));
    assert.ok(decoded.length > 10 && decoded.every((t) => t.line <= 80), `${decoded.length} tokens, the last on line ${decoded.at(-1)?.line}`);
    // The whole document's are declined, so that VS Code keeps asking for the lines in view.
    const whole = await vscode.commands.executeCommand<vscode.SemanticTokens>("vscode.provideDocumentSemanticTokens", uri).then(
      (t) => t,
      (e: Error) => e.message,
    );
    assert.equal(whole, "Canceled");
  });

  it("completion offers key-result attribute keys under a KR", async () => {
    const uri = scratchFile("---\nperiod: 2027-Q1\n---\n# T\n\n### O1: Grow\n\n- KR1: Revenue from $1M to $2M\n  - ");
    await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", uri, new vscode.Position(8, 4));
    const labels = list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
    for (const k of ["current", "baseline", "target", "owner", "confidence", "indicator"]) assert.ok(labels.includes(k), `${k} not in ${labels.join(", ")}`);
    const current = list.items.find((i) => i.label === "current")!;
    const insert = current.textEdit ?? current.insertText;
    const newText = insert instanceof vscode.TextEdit ? insert.newText : typeof insert === "string" ? insert : insert?.value;
    assert.equal(newText, "current: ");
  });

  it("completion offers objective attribute keys right under the heading", async () => {
    const uri = scratchFile("# T\n\n## O1: Grow\ntype: committed\n\n\n- KR1: Revenue from $1M to $2M\n");
    await open(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", uri, new vscode.Position(4, 0));
    const labels = list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
    for (const k of ["owner", "weight", "aligns", "supports"]) assert.ok(labels.includes(k), `${k} not in ${labels.join(", ")}`);
    assert.ok(!labels.includes("type"), "type is already set");
  });

  for (const [form, pattern, target] of [
    ["a Markdown link", /^aligns: \[Company O2\]\(company\.okr\.md#o2\)/, /^## O2: Make payments a profit centre/],
    ["a path#slug", /^aligns: company\.okr\.md#o1-win-independent-restaurants/, /^## O1: Win independent restaurants/],
  ] as const) {
    it(`go to definition: a team's \`aligns\` (${form}) → the company objective in another file`, async () => {
      const uri = sample("company/team-payments.okr.md");
      await open(uri);
      const line = lineOf(uri, pattern);
      const character = fs.readFileSync(uri.fsPath, "utf8").split("\n")[line].indexOf("company.okr.md") + 2;
      const company = sample("company/company.okr.md");
      const targetLine = lineOf(company, target);
      const definitions = async () =>
        (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>("vscode.executeDefinitionProvider", uri, new vscode.Position(line, character))) ?? [];
      const locations = await waitFor(async () => ((await definitions()).length ? definitions() : undefined), "a definition");
      assert.ok(locations);
      assert.equal(locations.length, 1);
      const loc = locations[0];
      const targetUri = "targetUri" in loc ? loc.targetUri : loc.uri;
      const range = "targetUri" in loc ? (loc.targetSelectionRange ?? loc.targetRange) : loc.range;
      assert.equal(targetUri.fsPath, company.fsPath);
      assert.equal(range.start.line, targetLine);
    });
  }
});

describe("timings of the warm extension", () => {
  afterEach(closeAllEditors);

  it("opening fresh copies of the samples to their first diagnostics", async function () {
    // Fresh URIs (scratch copies): a sample opened before may still hold its diagnostics.
    const times: Record<string, number> = {};
    for (const name of ["commuter-rail.okr.md", "commuter-rail-grid.okr.md", "every-rule.okr.md"]) {
      const uri = scratchCopy(name);
      const t0 = performance.now();
      await open(uri);
      await waitForDiagnostics(uri);
      times[name] = Math.round(performance.now() - t0);
    }
    this.test!.title += " — " + Object.entries(times).map(([k, v]) => `${k} ${v} ms`).join(", ");
    recordTimings(Object.fromEntries(Object.entries(times).map(([k, v]) => [`warmOpenToDiagnosticsMs:${k}`, v])));
  });
});
