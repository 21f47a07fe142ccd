import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("deadline-outside-period", () => {
  it("fires on a 'by DATE' after the period, with the date and the period in the message", () => {
    const [d] = expectRule(
      "deadline-outside-period",
      doc`
        ---
        period: 2027-Q1
        ---
        ## O2: Keep costs flat
        - KR2: Fuel hedge covering ≥ 60% of next quarter's volume by [[2027-05-15]] @li
        - KR3: Fuel hedge from 10% to 60% by 2027-03-31
        - KR4: Cost from 5 to 4 by 2027-01-01
      `,
    );
    assert.equal(d.severity, "warning");
    assert.match(d.message, /2027-05-15/);
    assert.match(d.message, /2027-Q1/);
    assert.match(d.message, /2027-01-01 to 2027-03-31/);
  });

  it("fires before the period too, and on KR and objective due attributes", () => {
    expectRule(
      "deadline-outside-period",
      doc`
        ---
        period: 2027-Q2
        ---
        ## O1: Grow
        due: [[2027-07-01]]
        - KR1: Revenue from 1 to 2 by [[2027-03-31]]
        - KR2: Margin from 1 to 2
          - due: [[2026-12-31]]
        - KR3: Churn from 5 to 4
          - due: 2027-06-30
      `,
    );
  });

  it("relative dates resolve in the period's year", () => {
    expectRule(
      "deadline-outside-period",
      doc`
        ---
        period: 2027-Q1
        ---
        ## O1: Grow
        - KR1: Revenue from 1 to 2 by Mar 1
        - KR2: Margin from 1 to 2 by end of Q1
        - KR3: Churn from 5 to 4 by [[end of Q2]]
        - KR4: Leads from 5 to 9 by [[Q3]]
      `,
    );
  });

  it("check-in dates are not checked, and without a period nothing is", () => {
    expectRule(
      "deadline-outside-period",
      doc`
        ---
        period: 2027-Q1
        ---
        ## O1: Grow
        - KR1: Revenue from 1 to 2
          - 2026-12-20: 1.1
      `,
    );
    expectRule("deadline-outside-period", "## O1: Grow\n- KR1: Revenue from 1 to 2 by 2031-01-01\n");
  });

  it("a year period and a month period", () => {
    expectRule("deadline-outside-period", "---\nperiod: 2027\n---\n## O1: Grow\n- KR1: Revenue from 1 to 2 by 2027-12-31\n- KR2: Leads from 1 to 2 by [[2028-01-01]]\n");
    expectRule("deadline-outside-period", "---\nperiod: 2027-02\n---\n## O1: Grow\n- KR1: Revenue from 1 to 2 by 2027-02-28\n- KR2: Leads from 1 to 2 by [[2027-03-01]]\n");
    expectRule("deadline-outside-period", "---\nperiod: 2027-01-10..2027-02-10\n---\n## O1: Grow\n- KR1: Revenue from 1 to 2 by [[2027-01-09]]\n- KR2: Leads from 1 to 2 by 2027-02-10\n");
  });
});
