import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SemanticTokens, SemanticTokensDelta } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { replacement } from "../../src/engine/text/changes";
import { DocumentStore } from "../../src/lsp/documents";
import { LspHost } from "../../src/lsp/host";
import { Logger } from "../../src/lsp/log";
import { semanticTokens, semanticTokensDelta, TOKEN_MODIFIERS, TOKEN_TYPES } from "../../src/lsp/semanticTokens";
import { SettingsStore } from "../../src/lsp/settings";
import { REPO } from "../protocol/client";
import { mulberry32 } from "../support/random";

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const URI = "file:///t/tokens.okr.md";
const sample = (name: string) => readFileSync(join(REPO, "samples", name), "utf8");

function storeWith(text: string): { store: DocumentStore; doc: TextDocument } {
  const store = new DocumentStore(new LspHost(new SettingsStore(undefined, quiet), quiet), quiet);
  const doc = TextDocument.create(URI, "okr", 1, text);
  store.changed(doc);
  return { store, doc };
}

/** Tokens as [line, character, text, type, modifiers…], decoded from LSP's relative encoding. */
function decode(data: readonly number[], text: string): string[][] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const modifiers = TOKEN_MODIFIERS.filter((_, bit) => data[i + 4] & (1 << bit));
    out.push([String(line), String(character), lines[line].slice(character, character + data[i + 2]), TOKEN_TYPES[data[i + 3]], ...modifiers]);
  }
  return out;
}

function applyDelta(data: readonly number[], delta: SemanticTokensDelta): number[] {
  const result = [...data];
  for (const e of [...delta.edits].sort((a, b) => b.start - a.start)) result.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return result;
}

const INSERTIONS = ["x", "\n", "\n\n", "- KR9: Churn from 5% to 3% by Mar 1 @ana\n", "  - 2027-01-10: 4%\n", "### O9: New\nowner: @b\n", "## Customer\n", "", "🚀"];

describe("semantic tokens", () => {
  it("colour labels, keys, numbers, dates, owners and links", () => {
    const text = sample("commuter-rail.okr.md");
    const tokens = decode(semanticTokens(storeWith(text).store, URI).data, text).map((t) => t.slice(2).join(" "));
    for (const expected of ["O1 class declaration", "KR1 enumMember declaration", "Financial namespace declaration", "owner property", "2027-01-12 string date"]) {
      assert.ok(tokens.includes(expected), `${expected} in ${tokens.slice(0, 40).join(" | ")}`);
    }
    assert.ok(tokens.some((t) => / number$/.test(t)));
    assert.ok(tokens.some((t) => / variable owner$/.test(t)));
  });

  for (const name of ["commuter-rail.okr.md", "every-rule.okr.md", "saas-okrs.okr.md", "commuter-rail-grid.okr.md"]) {
    it(`after edits are those of a fresh open, and a delta turns the last result into them: ${name}`, () => {
      const random = mulberry32(name.length * 7919);
      let text = sample(name);
      const { store, doc } = storeWith(text);
      let last = semanticTokens(store, URI);
      for (let version = 2; version < 80; version++) {
        const at = Math.floor(random() * (text.length + 1));
        const remove = random() < 0.3 ? Math.min(Math.floor(random() * 30), text.length - at) : 0;
        const insert = INSERTIONS[Math.floor(random() * INSERTIONS.length)];
        const start = doc.positionAt(at);
        const end = doc.positionAt(at + remove);
        TextDocument.update(doc, [{ range: { start, end }, text: insert }], version);
        text = text.slice(0, at) + insert + text.slice(at + remove);
        store.changed(doc, replacement(at, remove, insert.length));
        const expected = semanticTokens(storeWith(text).store, URI).data;
        const answer: SemanticTokens | SemanticTokensDelta =
          version % 3 === 0 ? semanticTokens(store, URI) : semanticTokensDelta(store, URI, last.resultId!);
        const data = "edits" in answer ? applyDelta(last.data, answer) : answer.data;
        assert.deepEqual(decode(data, text), decode(expected, text), `after edit ${version}: ${JSON.stringify(insert)} at ${at}`);
        last = { resultId: answer.resultId, data };
      }
    });
  }
});
