import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { applyEdits, doc, expectRule, lint } from "../helpers";

describe("unknown-perspective", () => {
  it("fires on a misspelt perspective heading and names the perspective", () => {
    const [d] = expectRule("unknown-perspective", "# Scorecard\n\n## [[Learnig & Growth]]\n\n### O1: Skilled crews\n");
    assert.equal(d.severity, "info");
    assert.match(d.message, /'Learning & Growth'/);
  });

  it("the fix renames the heading, which then opens the perspective", () => {
    const text = doc`
      ---
      framework: bsc
      ---
      # Scorecard
      ## Finacial
      ### O1: Grow revenue
      owner: "@a"
      - KR1: Revenue from $1M to $2M — current $1.5M
    `;
    const [d] = lint(text).filter((x) => x.code === "unknown-perspective");
    assert.match(d.message, /Financial/);
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal(fixed, text.replace("## Finacial", "## Financial"));
    const after = lint(fixed);
    assert.ok(!after.some((x) => x.code === "unknown-perspective"));
    assert.ok(!after.some((x) => x.code === "objective-outside-perspective"), "O1 is now inside Financial");
  });

  it("ignores case and a trailing 'perspective', and matches synonyms", () => {
    expectRule("unknown-perspective", "# S\n## [[CUSTOMR perspective]]\n");
    expectRule("unknown-perspective", "# S\n## [[Proceses]]\n");
  });

  it("accepts two edits for long names", () => {
    expectRule("unknown-perspective", "# S\n## [[Finnancal]]\n");
  });

  it("does not fire on real perspectives, prose headings or far-off words", () => {
    expectRule(
      "unknown-perspective",
      doc`
        # S
        ## Financial
        ## Learning and Growth perspective
        ## Notes
        ## Retro
        ## Open questions
        ## Financials and more
        ## Cutsomerzz
      `,
    );
  });

  it("never checks objective headings", () => {
    expectRule("unknown-perspective", "# S\n## O1: Finacial\n- KR1: Revenue from 1 to 2\n");
  });

  it("uses the configured vocabulary", () => {
    const config = mergeConfig(defaultConfig(), { perspectives: { Stakeholder: ["Stakeholders"] } });
    const [d] = expectRule("unknown-perspective", "# S\n## [[Stakeholdr]]\n## Finacial\n", config);
    assert.match(d.message, /'Stakeholder'/);
  });
});
