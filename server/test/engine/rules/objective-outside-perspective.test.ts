import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("objective-outside-perspective", () => {
  it("bsc: fires on an objective under the title and one under a prose heading", () => {
    const found = expectRule(
      "objective-outside-perspective",
      doc`
        ---
        framework: bsc
        ---
        # Harbour Ferries 2027
        ### [[O1]]: Build a crew-training pipeline
        - KR1: Certified deckhands from 40 to 55
        ## Financial
        ### O2: Grow revenue
        - KR1: Revenue from $1M to $2M
        ## Notes
        ### [[O3]]: Something else
        - KR1: Other from 1 to 2
      `,
    );
    assert.equal(found[0].severity, "warning");
    assert.match(found[0].message, /O1/);
  });

  it("hybrid fires too", () => {
    expectRule("objective-outside-perspective", "---\nframework: hybrid\n---\n# S\n## [[O1]]: Grow\n- KR1: Revenue from 1 to 2\n");
  });

  it("okr never fires", () => {
    expectRule("objective-outside-perspective", "---\nframework: okr\n---\n# S\n## O1: Grow\n- KR1: Revenue from 1 to 2\n");
    expectRule("objective-outside-perspective", "# S\n## O1: Grow\n- KR1: Revenue from 1 to 2\n");
  });

  it("objectives inside perspectives (headings and grid rows) do not fire", () => {
    expectRule(
      "objective-outside-perspective",
      doc`
        ---
        framework: bsc
        ---
        # S
        ## Customer perspective
        ### O1: Riders love us
        - KR1: Reviews from 100 to 200

        | Perspective | Objective | Measure | Target |
        |---|---|---|---|
        | Financial | O2: Grow revenue | Revenue | $1M → $2M |
        | | O3: Earn more from stations | Retail income | $2M → $3M |
      `,
    );
  });

  it("a grid row with a blank Perspective cell on the first row is outside", () => {
    expectRule(
      "objective-outside-perspective",
      doc`
        ---
        framework: bsc
        ---
        # S

        | Perspective | Objective | Measure | Target |
        |---|---|---|---|
        | | [[O1]]: Grow revenue | Revenue | $1M → $2M |
        | Customer | O2: Riders love us | Reviews | 100 → 200 |
      `,
    );
  });
});
