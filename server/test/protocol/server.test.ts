import * as assert from "node:assert/strict";
import {
  CodeAction,
  CodeActionRequest,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  MarkupContent,
  SemanticTokensDeltaRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  TextEdit,
  WorkspaceSymbolRequest,
} from "vscode-languageserver-protocol/node";
import { generateScorecard } from "../../bench/generate";
import { LONG_READ_CHARS } from "../../src/lsp/diagnostics";
import { decodeTokens } from "../support/semanticTokens";
import { applyEdits, markers, OUR_CLIENT_CAPABILITIES, TestClient, within } from "./client";

const URI = "file:///virtual/plan.okr.md";
let docVersion = 1;

async function openFresh(client: TestClient, text: string, uri = URI): Promise<number> {
  await client.close(uri);
  docVersion++;
  await client.open(uri, text, docVersion);
  return docVersion;
}

async function diagnosticsOf(client: TestClient, text: string, uri = URI) {
  const version = await openFresh(client, text, uri);
  return (await client.diagnosticsFor(uri, version)).diagnostics;
}

function hoverText(h: { contents: unknown } | null): string {
  assert.ok(h, "expected a hover");
  return (h.contents as MarkupContent).value;
}

function labels(result: CompletionItem[] | CompletionList | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}

describe("language server over stdio", function () {
  this.timeout(30_000);
  let client: TestClient;
  let capabilities: Awaited<ReturnType<typeof TestClient.start>>["init"]["capabilities"];

  before(async () => {
    const started = await TestClient.start();
    client = started.client;
    capabilities = started.init.capabilities;
  });

  after(async () => {
    await client.stop();
    assert.deepEqual(client.errors(), []);
    assert.doesNotMatch(client.stderr, /Unhandled/);
  });

  it("declares its capabilities", () => {
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(capabilities.hoverProvider);
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ["@", ":", "#"]);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ["quickfix", "source.fixAll.okr"]);
    for (const key of ["documentSymbolProvider", "workspaceSymbolProvider", "foldingRangeProvider", "inlayHintProvider", "definitionProvider", "referencesProvider"] as const) {
      assert.ok(capabilities[key], key);
    }
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.ok(capabilities.semanticTokensProvider?.legend.tokenTypes.includes("class"));
  });

  it("publishes parse-error and invalid-value with code, link, source and version", async () => {
    const text = ["# Plan", "", "## O1: Grow revenue", "", "- KR1: Revenue from $40M to", "  - confidence: high", ""].join("\n");
    const diagnostics = await diagnosticsOf(client, text);
    const parse = diagnostics.find((d) => d.code === "parse-error");
    const invalid = diagnostics.find((d) => d.code === "invalid-value");
    assert.ok(parse, JSON.stringify(diagnostics));
    assert.ok(invalid, JSON.stringify(diagnostics));
    assert.equal(parse.range.start.line, 4);
    assert.equal(parse.severity, 1);
    assert.equal(parse.source, "okr");
    assert.equal(parse.codeDescription?.href, "https://github.com/okr-md/okr-md/blob/main/docs/rules/parse-error.md");
    assert.equal(invalid.range.start.line, 5);
    assert.deepEqual(invalid.range, { start: { line: 5, character: 16 }, end: { line: 5, character: 20 } });
    assert.equal(invalid.severity, 1);
    assert.equal(invalid.codeDescription?.href, "https://github.com/okr-md/okr-md/blob/main/docs/rules/invalid-value.md");
    assert.match(invalid.message, /confidence/);
    assert.equal(invalid.code, "invalid-value");
  });

  it("leaves rule links and sources out for a client that adds them itself (ours)", async () => {
    const { client: other } = await TestClient.start({ capabilities: OUR_CLIENT_CAPABILITIES });
    try {
      const diagnostics = await diagnosticsOf(other, "## O1: Grow\n- KR1: Revenue from $40M to\n");
      assert.ok(diagnostics.length > 0);
      for (const d of diagnostics) {
        assert.equal(d.codeDescription, undefined);
        assert.equal(d.source, undefined);
        assert.equal(typeof d.code, "string");
      }
    } finally {
      await other.stop();
    }
  });

  it("never publishes an older version after a newer one, and clears on close", async () => {
    const uri = "file:///virtual/versions.okr.md";
    await client.open(uri, "# A\n\n## O1: x\n- KR1: y from 1 to 2\n  - current: nope\n", 1);
    for (let v = 2; v <= 30; v++) await client.change(uri, v, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: "a" }]);
    await client.diagnosticsFor(uri, 30);
    const versions = (client.diagnostics.get(uri) ?? []).map((p) => p.version ?? -1);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions ${versions}`);
    await client.close(uri);
    const cleared = await client.waitFor(() => client.diagnostics.get(uri)!.find((p) => p.version === undefined && p.diagnostics.length === 0), 3000, "cleared diagnostics");
    assert.ok(cleared);
  });

  it("shows a progress while it reads a big document it just opened, and none for its edits or a small one", async () => {
    const uri = "file:///virtual/big%20plan.okr.md";
    const text = generateScorecard(LONG_READ_CHARS + 100_000, 3);
    const from = client.events.length;
    await client.open("file:///virtual/small.okr.md", "# A\n\n## O1: x\n- KR1: y from 1 to 2\n", 1);
    await client.diagnosticsFor("file:///virtual/small.okr.md", 1);
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1, 20_000);
    await client.waitFor(() => client.events.slice(from).includes("end") || undefined, 5000, "the progress to end");
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: "x" }]);
    await client.diagnosticsFor(uri, 2, 20_000);
    // Other open documents are published again too (their links may resolve differently): left out.
    const seen = client.events.slice(from).filter((e) => !e.startsWith("publish: ") || e === `publish: ${uri}`);
    assert.deepEqual(seen, ["begin: Checking big plan.okr.md", `publish: ${uri}`, "end", `publish: ${uri}`]);
  });

  it("hovers a key result with its grade, bar, pace, owner and confidence", async () => {
    const { text, positions } = markers(
      [
        "---",
        "period: 2027-Q1",
        "today: 2027-02-15",
        "---",
        "# Revenue plan",
        "",
        "## O1: Grow revenue",
        "type: committed",
        "",
        "- KR1: Net <|>revenue from $40M to $44M by 2027-03-31 @finance",
        "  - current: $42M",
        "  - confidence: 0.7",
        "- KR2: Customers from 100 to 200",
        "  - 2027-01-15: 120",
        "  - 2027-02-12: 150",
        "",
      ].join("\n").replace("## O1", "## <|>O1"),
    );
    await openFresh(client, text);
    // KR1: (42 − 40) / (44 − 40) = 0.5 → yellow, five of ten cells. 2027-01-01 … 02-15 is 45 of Q1's 90
    // days → expected 0.5, and 0.5 ≥ 0.5 − 0.2 → on track.
    const kr = hoverText(await within(5000, "hover", client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positions[1] })));
    assert.match(kr, /\*\*0\.5\*\*/);
    assert.match(kr, /🟨/);
    assert.match(kr, /█████░░░░░/);
    assert.match(kr, /\$40M → \*\*\$42M\*\* → \$44M/);
    assert.match(kr, /Expected by today: 0\.5 \(50% of the time elapsed\) · status: \*\*on track\*\*/);
    assert.match(kr, /Owner: @finance/);
    assert.match(kr, /Confidence: 0\.7/);
    // KR2: 150 of 100 → 200 is 0.5; objective = mean(0.5, 0.5) = 0.5, committed → expected 1.0.
    const objective = hoverText(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positions[0] }));
    assert.match(objective, /\*\*0\.5\*\*/);
    assert.match(objective, /committed \(expected 1\.0\)/);
    assert.match(objective, /\| KR1 .* \| 0\.5 \| 🟨 \|/);
    assert.match(objective, /\| KR2 .* \| 0\.5 \| 🟨 \|/);
    // KR2's forecast: a line through (Jan 15, 120) and (Feb 12, 150), projected to Mar 31.
    const kr2 = hoverText(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 12, character: 4 } }));
    assert.match(kr2, /Forecast: \d+(\.\d+)? by 2027-03-31/);
    assert.match(kr2, /Last check-in: 2027-02-12: 150 \(2 check-ins\)/);
    const title = hoverText(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { line: 4, character: 3 } }));
    assert.match(title, /Revenue plan/);
    assert.match(title, /\*\*0\.5\*\*/);
  });

  async function quickFixes(text: string, code: string): Promise<{ actions: CodeAction[]; text: string }> {
    const diagnostics = await diagnosticsOf(client, text);
    const d = diagnostics.filter((x) => x.code === code);
    assert.ok(d.length, `no ${code} in ${JSON.stringify(diagnostics.map((x) => x.code))}`);
    const actions = (await within(
      5000,
      "codeAction",
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: d[0].range, context: { diagnostics: d } }),
    )) as CodeAction[];
    return { actions, text };
  }

  async function disableAndCheck(text: string, code: string): Promise<string> {
    const { actions } = await quickFixes(text, code);
    const disable = actions.find((a) => a.title === `Disable ${code} for this file`);
    assert.ok(disable, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(disable.kind, "quickfix");
    const fixed = applyEdits(text, disable.edit!.changes![URI] as TextEdit[]);
    const after = await diagnosticsOf(client, fixed);
    assert.ok(!after.some((d) => d.code === code), `${code} still reported after:\n${fixed}`);
    assert.ok(!after.some((d) => d.code === "parse-error" && d.range.start.line < 6), `front matter broken:\n${fixed}`);
    return fixed;
  }

  const BODY = ["# Plan", "", "## O1: Grow", "", "- KR1: Revenue from 1 to 2", "  - confidence: high", ""].join("\n");

  it("disables a rule for the file: creates the front matter", async () => {
    const fixed = await disableAndCheck(BODY, "invalid-value");
    assert.ok(fixed.startsWith("---\nrules:\n  invalid-value: off\n---\n\n# Plan"), fixed);
  });

  it("disables a rule for the file: adds rules to an existing front matter", async () => {
    const fixed = await disableAndCheck("---\nperiod: 2027-Q1\n---\n" + BODY, "invalid-value");
    assert.ok(fixed.startsWith("---\nperiod: 2027-Q1\nrules:\n  invalid-value: off\n---\n"), fixed);
  });

  it("disables a rule for the file: adds to an existing rules map (block and flow) or overwrites it", async () => {
    const block = await disableAndCheck("---\nperiod: 2027-Q1\nrules:\n  missing-owner: off\n---\n" + BODY, "invalid-value");
    assert.ok(block.startsWith("---\nperiod: 2027-Q1\nrules:\n  missing-owner: off\n  invalid-value: off\n---\n"), block);
    const flow = await disableAndCheck("---\nrules: { missing-owner: off }\n---\n" + BODY, "invalid-value");
    assert.ok(flow.startsWith("---\nrules: { missing-owner: off, invalid-value: off }\n---\n"), flow);
    const overwrite = await disableAndCheck("---\nrules:\n  invalid-value: warning\n---\n" + BODY, "invalid-value");
    assert.ok(overwrite.startsWith("---\nrules:\n  invalid-value: off\n---\n"), overwrite);
  });

  it("offers the rules' own fixes as preferred quick fixes, and fixAll applies them", async () => {
    const text = ["# Plan", "", "## O1: Grow", "ownr: \"@amara\"", "", "- KR1: Revenue from 1 to 2", "  - curent: 1.5", "  - onwer: @kim", ""].join("\n");
    const { actions } = await quickFixes(text, "unknown-attribute");
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, "quickfix");
    assert.match(fix.title, /owner/);

    const all = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    })) as CodeAction[];
    assert.equal(all.length, 1);
    assert.equal(all[0].kind, "source.fixAll.okr");
    const fixed = applyEdits(text, all[0].edit!.changes![URI] as TextEdit[]);
    assert.equal(fixed, ["# Plan", "", "## O1: Grow", "owner: \"@amara\"", "", "- KR1: Revenue from 1 to 2", "  - current: 1.5", "  - owner: @kim", ""].join("\n"));
    const after = await diagnosticsOf(client, fixed);
    assert.ok(!after.some((d) => d.code === "unknown-attribute"));
  });

  async function complete(textWithCursor: string): Promise<CompletionItem[]> {
    const { text, positions } = markers(textWithCursor);
    await openFresh(client, text);
    const result = await within(5000, "completion", client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: positions[0] }));
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  it("completes objective attribute keys, KR attribute keys and values", async () => {
    const objectiveKeys = labels(await complete("# Plan\n\n## O1: Grow\nowner: @amara\n<|>\n- KR1: Revenue from 1 to 2\n"));
    for (const k of ["type", "weight", "aligns", "supports", "due"]) assert.ok(objectiveKeys.includes(k), `${k} in ${objectiveKeys}`);
    assert.ok(!objectiveKeys.includes("owner"), "owner is already set");
    const krKeys = labels(await complete("# Plan\n\n## O1: Grow\n\n- KR1: Revenue from 1 to 2\n  - cur<|>\n"));
    for (const k of ["current", "baseline", "target", "owner", "confidence", "weight", "score", "due", "type", "indicator", "unit"]) assert.ok(krKeys.includes(k), `${k} in ${krKeys}`);
    assert.deepEqual(labels(await complete("# Plan\n\n## O1: Grow\n\n- KR1: Revenue from 1 to 2\n  - indicator: <|>\n")), ["leading", "lagging"]);
    assert.deepEqual(labels(await complete("# Plan\n\n## O1: Grow\ntype: <|>\n")), ["committed", "aspirational"]);
    assert.deepEqual(labels(await complete("---\nframework: <|>\n---\n# Plan\n")), ["okr", "bsc", "hybrid"]);
    const fm = labels(await complete("---\nperiod: 2027-Q1\n<|>\n---\n# Plan\n"));
    assert.ok(fm.includes("framework") && fm.includes("rules") && !fm.includes("period"), String(fm));
    const rules = labels(await complete("---\nrules:\n  <|>\n---\n# Plan\n"));
    assert.ok(rules.includes("missing-owner") && rules.includes("parse-error"), String(rules));
  });

  it("completes the next free labels, perspectives, owners and dates", async () => {
    const kr = labels(await complete("# Plan\n\n## O1: Grow\n\n- KR1: Revenue from 1 to 2\n- KR3: Costs from 2 to 1\n- <|>\n"));
    assert.equal(kr[0], "KR4: ");
    assert.ok(kr.includes("Initiative: "));
    const heading = await complete("# Plan\n\n## O1: Grow\n- KR1: a from 1 to 2\n\n## O2: More\n- KR1: b from 1 to 2\n\n## <|>\n");
    assert.equal(heading[0].label, "O3: ");
    assert.deepEqual(heading[0].textEdit, { range: { start: { line: 8, character: 3 }, end: { line: 8, character: 3 } }, newText: "O3: " });
    assert.ok(labels(heading).includes("Financial") && labels(heading).includes("Learning & Growth"));
    const owners = labels(await complete("# Plan\n\n## O1: Grow\nowner: @amara\n\n- KR1: a from 1 to 2 @kim\n- KR2: b from 1 to 2 @<|>\n"));
    assert.ok(owners.includes("@amara") && owners.includes("@kim"), String(owners));
    const dates = labels(await complete("---\nperiod: 2027-Q1\n---\n# Plan\n\n## O1: Grow\n\n- KR1: a from 1 to 2 by <|>\n"));
    assert.equal(dates[0], "2027-03-31");
  });

  it("gives an outline: perspective → objective → key result", async () => {
    const text = [
      "---",
      "framework: hybrid",
      "---",
      "# Scorecard",
      "",
      "## Financial",
      "",
      "### O1: Grow revenue",
      "- KR1: Revenue from 1 to 2",
      "  - current: 1.5",
      "- KR2: Margin from 10% to 20%",
      "- Initiative: New pricing",
      "",
      "## Customer",
      "",
      "### O2: Happy riders",
      "- KR1: NPS from 20 to 40",
      "",
      "## Notes",
      "",
      "### O3: Outside",
      "- KR1: x from 1 to 2",
      "",
    ].join("\n");
    await openFresh(client, text);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    const shape = (s: DocumentSymbol): unknown => ({ name: s.name, children: (s.children ?? []).map(shape) });
    assert.deepEqual(symbols.map(shape), [
      {
        name: "Financial",
        children: [{ name: "O1: Grow revenue", children: [{ name: "KR1: Revenue from 1 to 2", children: [] }, { name: "KR2: Margin from 10% to 20%", children: [] }, { name: "New pricing", children: [] }] }],
      },
      { name: "Customer", children: [{ name: "O2: Happy riders", children: [{ name: "KR1: NPS from 20 to 40", children: [] }] }] },
      { name: "O3: Outside", children: [{ name: "KR1: x from 1 to 2", children: [] }] },
    ]);
    const o1 = symbols[0].children![0];
    assert.deepEqual(o1.range, { start: { line: 7, character: 0 }, end: { line: 11, character: 25 } });
    assert.deepEqual(o1.selectionRange, { start: { line: 7, character: 4 }, end: { line: 7, character: 6 } });
    // Every selection range lies inside its range, every child inside its parent.
    const inside = (a: DocumentSymbol["range"], b: DocumentSymbol["range"]) =>
      (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) &&
      (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character));
    const walk = (s: DocumentSymbol) => {
      assert.ok(inside(s.selectionRange, s.range), s.name);
      for (const c of s.children ?? []) {
        assert.ok(inside(c.range, s.range), `${c.name} in ${s.name}`);
        walk(c);
      }
    };
    symbols.forEach(walk);

    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    const spans = (folds ?? []).map((f) => `${f.startLine}-${f.endLine}`);
    for (const s of ["0-2", "5-11", "7-11", "8-9"]) assert.ok(spans.includes(s), `${s} in ${spans}`);

    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } });
    const o1Hint = (hints ?? []).find((h) => h.position.line === 7);
    assert.equal(o1Hint?.label, "0.5 🟨");
    assert.equal((hints ?? []).find((h) => h.position.line === 10)?.label, "ungraded");

    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: URI } });
    assert.ok(tokens && tokens.data.length > 0 && tokens.data.length % 5 === 0);
    assert.deepEqual(capabilities.semanticTokensProvider?.full, { delta: true });
    assert.equal(capabilities.semanticTokensProvider?.range, true);
    // The lines in view, as VS Code asks them of a big document: the Customer heading, O2 and its key result.
    const inView = await client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri: URI }, range: { start: { line: 13, character: 0 }, end: { line: 17, character: 0 } } });
    const { tokenTypes, tokenModifiers } = capabilities.semanticTokensProvider!.legend;
    const named = decodeTokens(inView?.data ?? [], (line) => text.split("\n")[line], tokenTypes, tokenModifiers).map((t) => `${t.text} ${t.type}`);
    assert.deepEqual(named, ["Customer namespace", "O2 class", "KR1 enumMember", "20 number", "40 number"]);
    // After an edit, what changed since the last result: O2's KR1 label is gone.
    const version = ++docVersion;
    await client.change(URI, version, [{ range: { start: { line: 16, character: 2 }, end: { line: 16, character: 5 } }, text: "" }]);
    await client.diagnosticsFor(URI, version);
    const delta = await client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri: URI }, previousResultId: tokens.resultId! });
    assert.ok(delta && "edits" in delta && delta.edits.length === 1, JSON.stringify(delta));
    assert.ok(delta.edits[0].deleteCount < tokens.data.length / 2, "a delta, not the whole list again");

    const ws = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "happy" });
    assert.ok((ws ?? []).some((s) => s.name === "O2: Happy riders"), JSON.stringify(ws));
  });
});
