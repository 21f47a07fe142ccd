import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("duplicate-label", () => {
  it("fires on the second key result with the same label, pointing at the first", () => {
    const [d] = expectRule(
      "duplicate-label",
      doc`
        ### O6: Get maintenance under control
        - KR1: Planned maintenance on schedule from 80% to 95%
        - [[KR1]]: Unplanned dry-dock days from 14 to 6
      `,
    );
    assert.equal(d.severity, "error");
    assert.match(d.message, /KR1/);
    assert.match(d.message, /1 line above/);
    assert.equal(d.related?.[0].range.startLine, 1);
  });

  it("fires on every later objective with the same label, case-insensitively", () => {
    const found = expectRule(
      "duplicate-label",
      doc`
        ## O3: Sail on time
        - KR1: Punctuality from 80% to 90%
        ## [[o3]]: Sail on time again
        - KR1: Punctuality from 80% to 90%
        ## [[O3]]: And again
        - KR1: Punctuality from 80% to 90%
      `,
    );
    assert.match(found[1].message, /line 1\b/);
  });

  it("KR labels may repeat across objectives; different labels are fine", () => {
    expectRule(
      "duplicate-label",
      doc`
        ## O1: Grow
        - KR1: Revenue from 1 to 2
        - KR2: Margin from 1 to 2
        ## O2: Keep
        - KR1: Churn from 5 to 4
        - KR2: NPS from 30 to 40
        - Unlabelled from 1 to 2
        - Another unlabelled from 1 to 2
      `,
    );
  });

  it("finds the same duplicates in long lists (more than 16 objectives or key results)", () => {
    const krs = Array.from({ length: 20 }, (_, i) => `- ${i === 17 ? "[[KR3]]" : `KR${i + 1}`}: Metric ${i} from 1 to 2`).join("\n");
    const [kr] = expectRule("duplicate-label", `## O1: Many\n${krs}\n`);
    assert.equal(kr.range.startLine, 18);
    assert.match(kr.message, /key result of O1 is already labelled KR3 \(15 lines above\)/);
    const objectives = Array.from({ length: 20 }, (_, i) => `## ${i === 18 ? "[[O2]]" : `O${i + 1}`}: Goal ${i}\n- KR1: Metric from 1 to 2\n`).join("");
    const [objective] = expectRule("duplicate-label", objectives);
    assert.equal(objective.range.startLine, 36);
    assert.match(objective.message, /objective is already labelled O2 \(line 3\)/);
  });

  it("objective labels may repeat across files", () => {
    expectRule("duplicate-label", "## O1: Grow\n- KR1: Revenue from 1 to 2\n");
  });
});
