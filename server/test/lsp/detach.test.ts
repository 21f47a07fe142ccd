import * as assert from "node:assert/strict";
import { LineIndex, range, Range } from "../../src/engine";
import { shiftRanges } from "../../src/engine/text/positions";
import { toLspDiagnostic } from "../../src/lsp/diagnostics";
import { detached } from "../../src/lsp/detach";

/**
 * What the server sends is written after it is made, and a newer analysis shifts the engine's
 * ranges in place meanwhile: nothing sent may share them (the edit storm caught a publish whose
 * ranges had moved on to the next version's lines).
 */
describe("sent values are detached from the engine's ranges", () => {
  it("copies every range out, copying only the containers that hold one", () => {
    const r = range(3, 1, 3, 4);
    const numbers = [1, 2, 3];
    const value = { items: [{ range: r, label: "x" }], numbers, nothing: null };
    const sent = detached(value);
    const sentRange: unknown = sent.items[0].range;
    assert.ok(!(sentRange instanceof Range));
    assert.deepEqual(sentRange, { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } });
    assert.equal(value.items[0].range, r, "the input is left as it was");
    assert.equal(sent.numbers, numbers, "a container without ranges is not copied");
    shiftRanges([r], 10);
    assert.deepEqual(sentRange, { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } });
    assert.deepEqual(detached(r), { start: { line: 13, character: 1 }, end: { line: 13, character: 4 } });
  });

  it("a converted diagnostic keeps its range when the engine's moves, and is converted again at the new place", () => {
    const lines = new LineIndex("a\nbbbb\ncccc\ndddd\n");
    const d = { code: "missing-owner", severity: "hint" as const, message: "m", range: range(1, 0, 1, 4) };
    const conversion = { lines, clientUri: (k: string) => k, codeLinks: false };
    const sent = toLspDiagnostic(d, conversion);
    shiftRanges([d.range], 2);
    assert.equal(sent.range.start.line, 1);
    const again = toLspDiagnostic(d, conversion);
    assert.notEqual(again, sent);
    assert.equal(again.range.start.line, 3);
    assert.equal(toLspDiagnostic(d, conversion), again, "unchanged, it is the same object");
  });
});
