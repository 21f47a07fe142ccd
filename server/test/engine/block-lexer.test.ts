import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { attributeKeyEnd, attributeValueStart } from "../../src/engine/syntax/blockLexer";

describe("block lexer", () => {
  // The scanner replaced this pattern (a sliced line and a match per line); it is kept here as the oracle.
  const ATTRIBUTE = /^([A-Za-z][\w-]*)[ \t]*:(?=[ \t]|$)[ \t]*/;

  it("reads `key: value` where the attribute pattern matches, and the same key and value start", () => {
    const pieces = ["owner", "Due", "x", "k-1", "a_b", "9", "-", " ", "\t", ":", "::", "\u00a0", "é", "value", "@dana", "\n"];
    const texts = fc.tuple(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((p) => p.join("")), fc.nat(3), fc.nat(3));
    fc.assert(
      fc.property(texts, ([text, lead, trail]) => {
        const start = Math.min(lead, text.length);
        const end = Math.max(start, text.length - trail);
        const m = ATTRIBUTE.exec(text.slice(start, end));
        const keyEnd = attributeKeyEnd(text, start, end);
        if (!m) return assert.equal(keyEnd, -1, JSON.stringify(text));
        assert.equal(keyEnd, start + m[1].length, JSON.stringify(text));
        assert.equal(attributeValueStart(text, keyEnd, end), start + m[0].length, JSON.stringify(text));
      }),
      { numRuns: 5_000, seed: 4242 },
    );
  });
});
