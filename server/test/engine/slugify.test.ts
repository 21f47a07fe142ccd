import * as assert from "node:assert/strict";
import { slugify } from "../../src/engine";

describe("slugify", () => {
  it("makes GitHub's heading anchors, for ASCII and for any other text", () => {
    const viaRegex = (text: string) =>
      text
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-");
    const texts = [
      "O1: Grow revenue",
      "  O2 - Delight customers (EMEA) @dana  ",
      "KR1.2: p95 < 300 ms!",
      "tab\there, form\ffeed\vand_underscore",
      "",
      "   ",
      "Über café — naïve résumé",
      "Grow\u00a0revenue\u00a0",
      "Σύνολο ≥ 40 → 44",
      "İstanbul Ǆ",
      "emoji 🚀 launch",
      "O3: already-a-slug_1",
    ];
    for (const text of texts) assert.equal(slugify(text), viaRegex(text), JSON.stringify(text));
  });
});
