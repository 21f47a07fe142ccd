import * as assert from "node:assert/strict";
import { generateScorecard } from "../../bench/generate";
import { inlayHints } from "../../src/lsp/inlayHints";
import { sample, SAMPLES, storeWith, URI } from "./edits";

const lines = (from: number, to: number) => ({ start: { line: from, character: 0 }, end: { line: to, character: 0 } });

/** An editor asks for the lines it shows: the hints of a range are those of the whole file on its lines. */
describe("inlay hints of a range", () => {
  const texts: [string, string][] = SAMPLES.map((f) => [f, sample(f)]);
  texts.push(["a generated 64 KB scorecard", generateScorecard(64 * 1024, 5)]);

  for (const [name, text] of texts) {
    it(`are the whole file's on those lines: ${name}`, () => {
      const { store } = storeWith(text);
      const count = text.split("\n").length;
      const all = inlayHints(store, URI, lines(0, count));
      assert.ok(all.length > 0);
      for (let from = 0; from < count; from += 7) {
        for (const size of [0, 3, 40]) {
          const to = from + size;
          const expected = all.filter((h) => h.position.line >= from && h.position.line <= to);
          const got = inlayHints(store, URI, lines(from, to));
          assert.deepEqual(
            got.map((h) => [h.position.line, h.label]).sort((a, b) => Number(a[0]) - Number(b[0])),
            expected.map((h) => [h.position.line, h.label]).sort((a, b) => Number(a[0]) - Number(b[0])),
            `lines ${from}–${to}`,
          );
        }
      }
    });
  }
});
