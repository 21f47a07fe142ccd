import * as assert from "node:assert/strict";
import { foldingRanges } from "../../src/lsp/folding";
import { hover } from "../../src/lsp/hover";
import { inlayHints } from "../../src/lsp/inlayHints";
import { semanticTokens, TOKEN_MODIFIERS, TOKEN_TYPES } from "../../src/lsp/semanticTokens";
import { decodeTokens } from "../support/semanticTokens";
import { storeWith, URI } from "./edits";

/** A perspective named by several headings: each heading opens a part of it, and each is treated alike. */
describe("a perspective named by several headings", () => {
  const text = [
    "# Customer", // the title, though it names a perspective
    "",
    "## Customer",
    "",
    "### O1: A",
    "- KR1: a from 1 to 2",
    "",
    "## Financial",
    "",
    "### O2: B",
    "- KR1: b from 1 to 2",
    "",
    "## Customer",
    "",
    "### O3: C",
    "- KR1: c from 1 to 2",
    "",
  ].join("\n");
  const { store } = storeWith(text);
  const headingLines = [2, 7, 12];

  it("has each heading's hover, the Customer perspective's at both of its", () => {
    const titles = [0, ...headingLines].map((line) => {
      const h = hover(store, URI, { line, character: 4 });
      return h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value.split("\n")[0] : null;
    });
    assert.equal(titles[1], "**Customer** perspective");
    assert.equal(titles[2], "**Financial** perspective");
    assert.equal(titles[3], "**Customer** perspective");
    assert.notEqual(titles[0], "**Customer** perspective", "the title is the scorecard's");
    const h = hover(store, URI, { line: 12, character: 4 });
    assert.deepEqual(h?.range, { start: { line: 12, character: 0 }, end: { line: 12, character: 11 } });
  });

  it("has a grade hint at each heading", () => {
    const lines = inlayHints(store, URI, { start: { line: 0, character: 0 }, end: { line: 17, character: 0 } }).map((h) => h.position.line);
    for (const line of headingLines) assert.ok(lines.includes(line), `a hint at line ${line} in ${lines}`);
  });

  it("colours each heading as a perspective, not the title", () => {
    const tokens = decodeTokens(semanticTokens(store, URI).data, (line) => text.split("\n")[line], TOKEN_TYPES, TOKEN_MODIFIERS);
    assert.deepEqual(tokens.filter((t) => t.type === "namespace").map((t) => `${t.line} ${t.text}`), ["2 Customer", "7 Financial", "12 Customer"]);
  });

  it("folds each heading's own part, up to the next heading as high", () => {
    const spans = foldingRanges(store, URI).map((f) => `${f.startLine}-${f.endLine}`);
    for (const span of ["2-5", "7-10", "12-15"]) assert.ok(spans.includes(span), `${span} in ${spans}`);
    assert.ok(!spans.some((s) => s.startsWith("0-")), "the title does not fold as a perspective");
  });
});
