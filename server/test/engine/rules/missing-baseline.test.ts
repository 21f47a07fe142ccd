import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("missing-baseline", () => {
  it("fires on a relative target without baseline, naming it", () => {
    const [d] = expectRule(
      "missing-baseline",
      doc`
        ## O1: Costs
        - KR3: Cut fuel spend by [[8%]] @li
          - current: $2.9M
      `,
    );
    assert.equal(d.severity, "info");
    assert.match(d.message, /by 8%/);
  });

  it("fires on an increasing relative target and on falling targets", () => {
    expectRule(
      "missing-baseline",
      doc`
        ## O1: Costs
        - KR1: Increase sign-ups by [[10%]]
        - KR2: Cost per sailing at most [[$1,850]] — current $1,920
        - KR3: Checkout p99 under [[300ms]]
        - KR4: Complaints below [[40]]
        - KR5: Incidents ≤ [[3]]
        - KR6: Churn less than [[2%]]
      `,
    );
  });

  it("does not fire with a baseline, a from-phrase, a rising target or a deadline", () => {
    expectRule(
      "missing-baseline",
      doc`
        ## O1: Costs
        - KR1: Cut fuel spend by 8%
          - baseline: $3.1M
        - KR2: Cost per sailing from $2,000 to $1,850
        - KR3: Cost per sailing $2,000 → $1,850
        - KR4: Hedge covering at least 60%
        - KR5: Revenue to $5M by 2027-03-31
        - KR6: Checkout p99 under 300ms
          - baseline: 480ms
      `,
    );
  });
});
