import * as assert from "node:assert/strict";
import { SemanticTokens, SemanticTokensDelta } from "vscode-languageserver";
import { semanticTokens, semanticTokensDelta, semanticTokensInRange, TOKEN_MODIFIERS, TOKEN_TYPES } from "../../src/lsp/semanticTokens";
import { applyTokenEdits, decodeTokens } from "../support/semanticTokens";
import { editRandomly, sample, SAMPLES, storeWith, URI } from "./edits";

/** Tokens as [line, character, text, type, modifiers…], decoded from LSP's relative encoding. */
function decode(data: readonly number[], text: string): string[][] {
  const lines = text.split(/\r\n|\r|\n/);
  return decodeTokens(data, (line) => lines[line], TOKEN_TYPES, TOKEN_MODIFIERS).map((t) => [String(t.line), String(t.character), t.text, t.type, ...t.modifiers]);
}

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

  for (const name of SAMPLES) {
    it(`for a range of lines, every token on them, and only tokens of the whole document's: ${name}`, () => {
      const text = sample(name);
      const { store } = storeWith(text);
      const all = decode(semanticTokens(store, URI).data, text);
      const lineCount = text.split("\n").length;
      let checked = 0;
      for (const [from, to] of [[0, 0], [0, 20], [lineCount / 3, lineCount / 2], [lineCount - 10, lineCount + 5]].map((r) => r.map(Math.floor))) {
        const range = { start: { line: from, character: 0 }, end: { line: to, character: 0 } };
        const got = decode(semanticTokensInRange(store, URI, range).data, text).map((t) => t.join(" "));
        const onLines = all.filter((t) => +t[0] >= from && +t[0] <= to).map((t) => t.join(" "));
        for (const t of onLines) assert.ok(got.includes(t), `${t} (lines ${from}–${to})`);
        for (const t of got) assert.ok(all.some((a) => a.join(" ") === t), `${t} is one of the whole document's tokens`);
        assert.ok(got.length < all.length, `lines ${from}–${to} hold fewer tokens than the document`);
        checked += onLines.length;
      }
      assert.ok(checked > 10, `${checked} tokens on the ranges' lines`);
    });

    it(`after edits are those of a fresh open, and a delta turns the last result into them: ${name}`, () => {
      let last: SemanticTokens | undefined;
      editRandomly(sample(name), name.length * 7919, 80, (store, text, version) => {
        const expected = semanticTokens(storeWith(text).store, URI).data;
        const answer: SemanticTokens | SemanticTokensDelta = !last || version % 3 === 0 ? semanticTokens(store, URI) : semanticTokensDelta(store, URI, last.resultId!);
        const data = "edits" in answer ? applyTokenEdits(last!.data, answer.edits) : answer.data;
        assert.deepEqual(decode(data, text), decode(expected, text), `after edit ${version}`);
        last = { resultId: answer.resultId, data };
      });
    });
  }
});
