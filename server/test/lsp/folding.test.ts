import * as assert from "node:assert/strict";
import { foldingRanges } from "../../src/lsp/folding";
import { editRandomly, sample, SAMPLES, storeWith, URI } from "./edits";

describe("folding ranges", () => {
  for (const name of SAMPLES) {
    it(`after edits are those of a fresh open: ${name}`, () => {
      editRandomly(sample(name), name.length * 7907, 80, (store, text, version) => {
        // Asked after some edits only, as an editor does: kept folds then move by several edits at once.
        if (version % 2 === 0) assert.deepEqual(foldingRanges(store, URI), foldingRanges(storeWith(text).store, URI), `after edit ${version}`);
      });
    });
  }
});
