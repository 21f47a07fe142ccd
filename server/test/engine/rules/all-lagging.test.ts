import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("all-lagging", () => {
  it("fires on the objective label when every key result is lagging", () => {
    const [d] = expectRule(
      "all-lagging",
      doc`
        ### [[O9]]: Build a crew-training pipeline
        - KR1: Certified deckhands from 40 to 55
          - indicator: lagging
        - KR2: Crew turnover from 15% to 11%
          - indicator: lagging
      `,
    );
    assert.equal(d.severity, "hint");
    assert.match(d.message, /O9/);
    assert.match(d.message, /leading/);
  });

  it("does not fire with one leading or one untagged key result, or without key results", () => {
    expectRule(
      "all-lagging",
      doc`
        ### O1: Mixed
        - KR1: Certified deckhands from 40 to 55
          - indicator: lagging
        - KR2: Training hours from 4 to 10
          - indicator: leading
        ### O2: Untagged
        - KR1: Certified deckhands from 40 to 55
          - indicator: lagging
        - KR2: Training hours from 4 to 10
        ### O3: Empty
        - Initiative: Buddy system
      `,
    );
  });
});
