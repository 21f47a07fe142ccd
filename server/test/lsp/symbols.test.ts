import * as assert from "node:assert/strict";
import { documentSymbols, MAX_OUTLINE_LEAVES } from "../../src/lsp/symbols";
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

  it(`stop at the objectives past ${MAX_OUTLINE_LEAVES} key results, initiatives and indicators`, () => {
    const objectives = (leaves: number) =>
      `## Customer\n\n### O1: Keep riders\n- Initiative: Survey\n${Array.from({ length: leaves - 1 }, (_, i) => `- KR${i + 1}: NPS from 1 to 2`).join("\n")}\n\n### O2: Grow\n`;
    const outline = (text: string) => documentSymbols(storeWith(text).store, URI)[0].children!;
    const [full] = outline(objectives(MAX_OUTLINE_LEAVES));
    assert.equal(full.children?.length, MAX_OUTLINE_LEAVES);
    assert.deepEqual(full.children?.slice(0, 2).map((c) => c.name), ["Survey", "KR1: NPS from 1 to 2"]);
    const headings = outline(objectives(MAX_OUTLINE_LEAVES + 1));
    assert.deepEqual(headings.map((o) => [o.name, o.children]), [["O1: Keep riders", undefined], ["O2: Grow", undefined]]);
    // The objective's symbol still covers its key results' lines.
    assert.equal(headings[0].range.end.line, full.range.end.line + 1);
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
