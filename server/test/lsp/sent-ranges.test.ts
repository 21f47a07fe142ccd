import * as assert from "node:assert/strict";
import { LineIndex, range, toRangeLike } from "../../src/engine";
import { shiftRanges } from "../../src/engine/text/positions";
import { toLspDiagnostic } from "../../src/lsp/diagnostics";

/**
 * What the server sends is written after it is made, and a newer analysis shifts the engine's
 * ranges in place meanwhile: nothing sent may share them (the edit storm caught a publish whose
 * ranges had moved on to the next version's lines).
 */
describe("sent values share nothing with the engine's ranges", () => {
  it("an LSP range made of an engine range is a copy", () => {
    const r = range(3, 1, 3, 4);
    const sent = toRangeLike(r);
    assert.deepEqual(sent, { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } });
    shiftRanges([r], 10);
    assert.deepEqual(sent, { start: { line: 3, character: 1 }, end: { line: 3, character: 4 } });
    assert.deepEqual(toRangeLike(r), { start: { line: 13, character: 1 }, end: { line: 13, character: 4 } });
  });

  it("a converted diagnostic keeps its range when the engine's moves, and is converted again at the new place", () => {
    const lines = new LineIndex("a\nbbbb\ncccc\ndddd\n");
    const d = { code: "missing-owner", severity: "hint" as const, message: "m", range: range(1, 0, 1, 4) };
    const conversion = { lines, clientUri: (k: string) => k, codeLinks: false, source: true };
    const sent = toLspDiagnostic(d, conversion);
    shiftRanges([d.range], 2);
    assert.equal(sent.range.start.line, 1);
    const again = toLspDiagnostic(d, conversion);
    assert.notEqual(again, sent);
    assert.equal(again.range.start.line, 3);
    assert.equal(toLspDiagnostic(d, conversion), again, "unchanged, it is the same object");
  });
});
