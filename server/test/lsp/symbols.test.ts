import * as assert from "node:assert/strict";
import { documentSymbols } from "../../src/lsp/symbols";
import { editRandomly, sample, SAMPLES, storeWith, typeInto, URI } from "./edits";

describe("document symbols", () => {
  it("name a kept objective by its new id when an objective made above renumbers it", () => {
    // Rows without a label are numbered by position. A line above becoming an objective moves them
    // to O2 and O3 without moving their lines: their section is kept, with new ids.
    const text = "---\nframework: bsc\n---\n# Plan\n\nIntro\n\n## Grid\n\n| Perspective | Objective | Measure | Target |\n|---|---|---|---|\n| Customer | Happy riders | NPS | ≥ 50 |\n| Financial | More revenue | Revenue | ≥ $5M |\n";
    const { store, doc } = storeWith(text);
    const names = () => documentSymbols(store, URI).flatMap((s) => [s.name, ...(s.children ?? []).map((o) => o.name)]);
    assert.deepEqual(names(), ["Customer", "O1: Happy riders", "Financial", "O2: More revenue"]);
    const at = text.indexOf("Intro");
    const heading = "## Objective: Zeroth";
    typeInto(store, doc, at, 5, heading, 2);
    assert.deepEqual(names(), ["Objective: Zeroth", "Customer", "O2: Happy riders", "Financial", "O3: More revenue"]);
  });

  for (const name of SAMPLES) {
    it(`after edits are those of a fresh open: ${name}`, () => {
      editRandomly(sample(name), name.length * 104729, 80, (store, text, version) => {
        // Asked after some edits only, as an editor does: kept symbols then move by several edits at once.
        if (version % 2 === 0) assert.deepEqual(documentSymbols(store, URI), documentSymbols(storeWith(text).store, URI), `after edit ${version}`);
      });
    });
  }
});
