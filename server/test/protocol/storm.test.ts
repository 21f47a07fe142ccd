import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  CodeActionRequest,
  DocumentSymbol,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  Position,
  PublishDiagnosticsParams,
  SemanticTokens,
  SemanticTokensDeltaRequest,
  SemanticTokensRequest,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { mulberry32 as prng } from "../support/random";
import { applyTokenEdits } from "../support/semanticTokens";
import { REPO, TestClient, within } from "./client";

function within_(inner: { start: Position; end: Position }, outer: { start: Position; end: Position }): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end) && le(inner.start, inner.end);
}

const EDITS = Number(process.env.OKR_STORM_EDITS ?? 10_000);
const SEED = Number(process.env.OKR_STORM_SEED ?? 20270215);
const PIECES = ["#", "# ", "## O", "-", "- ", "  - ", ":", ": ", "|", "| ", "\n", "\n", "\r\n", " ", "0", "1", "7", "42", "$", "%", "@", "KR", "O1", "from ", " to ", "→", "[ ]", "[x]", "---\n", "😀", "🟩", "\u{1F469}\u200D\u{1F4BB}", "é", "\t", "`", "[", "](", "#o1", ", "];

/**
 * 10,000 seeded random edits (inserts and deletes of Markdown punctuation, digits, newlines, emoji —
 * surrogate pairs included, and sometimes split) sent as incremental didChange, with requests mixed
 * in. The server must stay up, log no error, never publish for an older version after a newer one,
 * and every published range must lie inside the document of the version it was published for.
 */
describe("edit storm", function () {
  this.timeout(180_000);

  it(`survives ${EDITS} random incremental edits with valid diagnostics`, async () => {
    const { client } = await TestClient.start({ settings: { validation: { delay: 0 } } });
    try {
      const started = Date.now();
      const uri = "file:///virtual/storm.okr.md";
      const sample = fs.readFileSync(path.join(REPO, "samples", "commuter-rail.okr.md"), "utf8");
      let mirror = TextDocument.create(uri, "okr", 1, sample);
      /** Line lengths of every version sent, to check ranges against the version they were published for. */
      const shapes = new Map<number, number[]>();
      const shape = (doc: TextDocument) => doc.getText().split(/\r\n|\r|\n/).map((l) => l.length);
      shapes.set(1, shape(mirror));

      const problems: string[] = [];
      let lastVersion = 0;
      let published = 0;
      let checked = 0;
      client.diagnosticListeners.push((p: PublishDiagnosticsParams) => {
        if (p.uri !== uri || p.version === undefined) return;
        published++;
        if (p.version < lastVersion) problems.push(`v${p.version} published after v${lastVersion}`);
        lastVersion = p.version;
        const lines = shapes.get(p.version);
        if (!lines) {
          problems.push(`published for unknown version ${p.version}`);
          return;
        }
        const inside = (pos: Position) => pos.line >= 0 && pos.line < lines.length && pos.character >= 0 && pos.character <= lines[pos.line];
        for (const d of p.diagnostics) {
          checked++;
          const { start, end } = d.range;
          const ordered = start.line < end.line || (start.line === end.line && start.character <= end.character);
          if (!inside(start) || !inside(end) || !ordered) problems.push(`v${p.version} ${d.code} ${JSON.stringify(d.range)} outside ${lines.length} lines`);
        }
      });

      await client.open(uri, sample, 1);
      const random = prng(SEED);
      const int = (n: number) => Math.floor(random() * n);
      let requests = 0;
      let lastTokens: SemanticTokens | undefined;
      for (let v = 2; v <= EDITS + 1; v++) {
        const length = mirror.getText().length;
        const insert = length < 400 || (length < 12_000 && random() < 0.55);
        let change;
        if (insert) {
          const at = mirror.positionAt(int(length + 1));
          let text = "";
          for (let n = 1 + int(3); n > 0; n--) text += PIECES[int(PIECES.length)];
          change = { range: { start: at, end: at }, text };
        } else {
          const from = int(length);
          const to = Math.min(length, from + 1 + int(random() < 0.1 ? 120 : 8));
          change = { range: { start: mirror.positionAt(from), end: mirror.positionAt(to) }, text: "" };
        }
        mirror = TextDocument.update(mirror, [change], v);
        shapes.set(v, shape(mirror));
        await client.change(uri, v, [change]);

        if (v % 100 === 0) {
          // Requests at random positions on whatever the text has become.
          const position = mirror.positionAt(int(mirror.getText().length + 1));
          const doc = { uri };
          // The tokens as edits of those of 100 edits ago: answered first, before the full request below replaces them.
          const delta = client.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: doc, previousResultId: lastTokens?.resultId ?? "none" });
          const all = await within(10_000, `requests at v${v}`, Promise.all([
            client.connection.sendRequest(HoverRequest.type, { textDocument: doc, position }),
            client.connection.sendRequest(CompletionRequest.type, { textDocument: doc, position }),
            client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: doc }),
            client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: doc }),
            client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: doc }),
            client.connection.sendRequest(InlayHintRequest.type, { textDocument: doc, range: { start: { line: 0, character: 0 }, end: mirror.positionAt(mirror.getText().length) } }),
            client.connection.sendRequest(DefinitionRequest.type, { textDocument: doc, position }),
            client.connection.sendRequest(CodeActionRequest.type, {
              textDocument: doc,
              range: { start: position, end: position },
              context: { diagnostics: [], only: ["source.fixAll"] },
            }),
          ]));
          requests += all.length;
          const symbols = (all[2] ?? []) as DocumentSymbol[];
          const walk = (sym: DocumentSymbol, parent?: DocumentSymbol) => {
            if (!within_(sym.selectionRange, sym.range)) problems.push(`v${v} symbol ${sym.name}: selection outside range`);
            if (parent && !within_(sym.range, parent.range)) problems.push(`v${v} symbol ${sym.name} outside ${parent.name}`);
            for (const c of sym.children ?? []) walk(c, sym);
          };
          symbols.forEach((sym) => walk(sym));
          const lineCount = mirror.lineCount;
          for (const f of all[3] ?? []) if (f.startLine > f.endLine || f.endLine >= lineCount) problems.push(`v${v} folding ${f.startLine}-${f.endLine} of ${lineCount}`);
          if ((all[4]?.data.length ?? 0) % 5 !== 0) problems.push(`v${v} semantic tokens not in fives`);
          const edits = await delta;
          const patched = edits && "edits" in edits ? applyTokenEdits(lastTokens!.data, edits.edits) : edits?.data;
          if (JSON.stringify(patched) !== JSON.stringify(all[4]?.data)) problems.push(`v${v} semantic tokens delta does not give the full result`);
          lastTokens = all[4] ?? undefined;
        }
        if (v % 250 === 0) {
          // A pause, as a person makes: the debounce lets this version's diagnostics through.
          await client.waitFor(() => (lastVersion === v ? true : undefined), 10_000, `diagnostics for v${v}`);
        }
      }
      const finalVersion = EDITS + 1;
      await client.waitFor(() => (lastVersion === finalVersion ? true : undefined), 30_000, `diagnostics for the final version ${finalVersion}`);
      const elapsed = Date.now() - started;
      assert.ok(!client.exited, "server alive");
      assert.deepEqual(problems.slice(0, 10), []);
      assert.doesNotMatch(client.stderr, /Unhandled/i);
      assert.deepEqual(client.errors(), []);
      // The server clamps what the engine reports; say so when it had to (an engine bug to fix there).
      const clamped = client.logs.filter((l) => /outside the document/.test(l.message));
      if (clamped.length) console.log(`      note: clamped ${clamped.length} engine range(s), e.g. ${clamped[0].message}`);
      assert.ok(published > 0 && checked > 0);
      console.log(`      ${EDITS} edits, ${requests} requests, ${published} publishes, ${checked} diagnostics checked in ${elapsed} ms`);
    } finally {
      await client.stop();
    }
  });
});
