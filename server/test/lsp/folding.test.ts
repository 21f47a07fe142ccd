import * as assert from "node:assert/strict";
import { foldingRanges } from "../../src/lsp/folding";
import { generateScorecard } from "../../bench/generate";
import { editRandomly, sample, SAMPLES, storeWith, URI } from "./edits";

describe("folding ranges", () => {
  it("past the client's limit, the outermost: front matter, perspectives, objectives, then key results from the top", () => {
    const { store } = storeWith(generateScorecard(200 * 1024, 5));
    const { scorecard } = store.analysis(URI)!;
    const all = foldingRanges(store, URI);
    const byStart = (a: { startLine: number }, b: { startLine: number }) => a.startLine - b.startLine;
    const startingAt = (lines: number[]) => all.filter((f) => lines.includes(f.startLine)).sort(byStart);
    const perspectiveHeadings = scorecard.sections.filter((section) => section.perspective !== undefined && section.heading).map((section) => section.start);
    const top = startingAt([scorecard.frontMatter!.range.startLine, ...perspectiveHeadings]);
    const objectives = startingAt(scorecard.objectives.map((o) => o.range.startLine));
    const keyResults = all.filter((f) => !top.includes(f) && !objectives.includes(f)).sort(byStart);
    assert.ok(top.length > 10 && objectives.length > 100 && keyResults.length > 100, `${top.length}, ${objectives.length}, ${keyResults.length}`);
    const key = (f: { startLine: number; endLine: number }) => `${f.startLine}-${f.endLine}`;
    const same = (limit: number, expected: { startLine: number; endLine: number }[]) => {
      const kept = foldingRanges(store, URI, limit);
      assert.equal(kept.length, limit);
      assert.deepEqual(kept.map(key).sort(), expected.map(key).sort(), `limit ${limit}`);
    };
    same(top.length + objectives.length + 40, [...top, ...objectives, ...keyResults.slice(0, 40)]);
    same(top.length + 3, [...top, ...objectives.slice(0, 3)]);
    same(1, top.slice(0, 1));
    assert.equal(foldingRanges(store, URI, all.length).length, all.length);
  });

  for (const name of SAMPLES) {
    it(`after edits are those of a fresh open: ${name}`, () => {
      editRandomly(sample(name), name.length * 7907, 80, (store, text, version) => {
        // Asked after some edits only, as an editor does: kept folds then move by several edits at once.
        if (version % 2 === 0) assert.deepEqual(foldingRanges(store, URI), foldingRanges(storeWith(text).store, URI), `after edit ${version}`);
      });
    });
  }
});
