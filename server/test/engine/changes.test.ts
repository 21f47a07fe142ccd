import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { LineIndex } from "../../src/engine";
import { ChangedRegion, fitsLengths, mergeChanges, replacement } from "../../src/engine/text/changes";

const runs = Number(process.env.OKR_PROPERTY_RUNS ?? 10_000) / 5;

/** Texts and replacements made of the characters that matter to lines: every kind of line break. */
const text = fc.array(fc.constantFrom("a", "b", "\n", "\r", "\r\n", "#"), { maxLength: 30 }).map((parts) => parts.join(""));
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: text });

function apply(before: string, e: { at: number; remove: number; insert: string }): { after: string; change: ChangedRegion } {
  const at = e.at % (before.length + 1);
  const remove = Math.min(e.remove, before.length - at);
  return { after: before.slice(0, at) + e.insert + before.slice(at + remove), change: replacement(at, remove, e.insert.length) };
}

describe("changed regions", () => {
  it(`update a line index to what a fresh one finds (${runs} edit sequences)`, () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 4 }), (base, edits) => {
        let index = new LineIndex(base);
        for (const e of edits) {
          const { after, change } = apply(index.text, e);
          index = LineIndex.afterChange(index, after, change);
          assert.deepEqual(index.lineStarts(), new LineIndex(after).lineStarts(), JSON.stringify({ after, change }));
        }
      }),
      { numRuns: runs },
    );
  });

  it(`edit a line index in pieces to one that reads as a fresh one (${runs} edit sequences)`, () => {
    fc.assert(
      fc.property(text, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), (base, edits, pieceLength) => {
        let index = new LineIndex(base, pieceLength);
        let current = base;
        for (const e of edits) {
          const { after, change } = apply(current, e);
          current = after;
          index = index.edited(change.start, change.oldEnd, after.slice(change.start, change.newEnd));
          const expected = new LineIndex(after);
          const context = JSON.stringify({ after, change, pieceLength });
          assert.equal(index.length, after.length, context);
          assert.equal(index.text, after, context);
          assert.deepEqual(index.lineStarts(), expected.lineStarts(), context);
          for (let line = 0; line < expected.lineCount; line++) assert.equal(index.line(line), expected.line(line), context);
          for (let at = 0; at <= after.length; at++) {
            assert.equal(index.charCodeAt(at), after.charCodeAt(at), context);
            assert.equal(index.cut(at, after.length), after.slice(at), context);
            assert.equal(index.cut(0, at), after.slice(0, at), context);
          }
        }
      }),
      { numRuns: runs },
    );
  });

  it(`merged, cover both changes: the texts agree outside the region (${runs} pairs)`, () => {
    fc.assert(
      fc.property(text, edit, edit, (base, first, then) => {
        const one = apply(base, first);
        const two = apply(one.after, then);
        const merged = mergeChanges(one.change, two.change);
        assert.ok(fitsLengths(merged, base.length, two.after.length));
        assert.equal(two.after.slice(0, merged.start), base.slice(0, merged.start));
        assert.equal(two.after.slice(merged.newEnd), base.slice(merged.oldEnd));
        assert.deepEqual(LineIndex.afterChange(new LineIndex(base), two.after, merged).lineStarts(), new LineIndex(two.after).lineStarts());
      }),
      { numRuns: runs },
    );
  });

  it("update a line index after a paste of 300,000 lines", () => {
    const before = "a\nb\n";
    const pasted = "x\n".repeat(300_000);
    const after = before.slice(0, 2) + pasted + before.slice(2);
    const index = LineIndex.afterChange(new LineIndex(before), after, replacement(2, 0, pasted.length));
    assert.deepEqual(index.lineStarts(), new LineIndex(after).lineStarts());
  });

  it("that do not fit the texts' lengths are refused", () => {
    assert.equal(fitsLengths(replacement(2, 1, 1), 10, 10), true);
    assert.equal(fitsLengths(replacement(2, 1, 3), 10, 10), false);
    assert.equal(fitsLengths(replacement(9, 3, 0), 10, 7), false);
  });
});
