import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("baseline-equals-target", () => {
  it("fires on 'from 94% to 94%', on the target, with the value in the message", () => {
    const [d] = expectRule("baseline-equals-target", "## O3: Sail on time\n- KR1: On-time departures from 94% to [[94%]] @jonas — current 93.1%\n");
    assert.equal(d.severity, "warning");
    assert.match(d.message, /94%/);
  });

  it("near miss: 'from 94% to 95%' does not fire", () => {
    expectRule("baseline-equals-target", "## O3: Sail on time\n- KR1: On-time departures from 94% to 95%\n");
  });

  it("fires for a baseline attribute equal to the target, and for arrows", () => {
    expectRule(
      "baseline-equals-target",
      doc`
        ## O3: Sail on time
        - KR1: On-time departures ≥ [[94%]]
          - baseline: 94%
        - KR2: Reviews 1,000 → [[1,000]]
        - KR3: Reviews 1,000 -> 1,001
      `,
    );
  });

  it("compares after units are normalised", () => {
    expectRule(
      "baseline-equals-target",
      doc`
        ## O1: Revenue
        - KR1: Revenue from $1M to [[$1,000,000]]
        - KR2: Users from 1,000 to [[1k]]
      `,
    );
  });
});
