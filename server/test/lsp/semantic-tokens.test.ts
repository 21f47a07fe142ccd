import * as assert from "node:assert/strict";
import { SemanticTokens, SemanticTokensDelta } from "vscode-languageserver";
import { semanticTokens, semanticTokensDelta, TOKEN_MODIFIERS, TOKEN_TYPES } from "../../src/lsp/semanticTokens";
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
