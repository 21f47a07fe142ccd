import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("committed-below-target", () => {
  it("fires on a committed objective below 1.0 after the period, with its grade", () => {
    const [d] = expectRule(
      "committed-below-target",
      doc`
        ---
        period: 2027-Q1
        today: 2027-04-06
        ---
        ### [[O1]]: Grow fare revenue
        type: committed
        - KR1: Fare revenue from $12M to $13.5M — current $12.6M

        ### O2: Aspirational
        type: aspirational
        - KR1: Fare revenue from $12M to $13.5M — current $12.6M

        ### O3: Default is aspirational
        - KR1: Fare revenue from $12M to $13.5M — current $12.6M

        ### O4: Committed and done
        type: committed
        - KR1: Fare revenue from $12M to $13.5M — current $13.6M
      `,
    );
    assert.equal(d.severity, "warning");
    assert.match(d.message, /0\.4/);
    assert.match(d.message, /2027-Q1/);
  });

  it("does not fire while the period runs (including its last day)", () => {
    const body = "### O1: Grow\ntype: committed\n- KR1: Fare revenue from $12M to $13.5M — current $12.6M\n";
    expectRule("committed-below-target", "---\nperiod: 2027-Q1\ntoday: 2027-03-31\n---\n" + body);
    expectRule("committed-below-target", "---\nperiod: 2027-Q1\n---\n" + body);
    expectRule("committed-below-target", "---\nperiod: 2027-Q1\ntoday: 2027-04-01\n---\n" + body.replace("### O1", "### [[O1]]"));
  });

  it("an ungraded committed objective is not reported", () => {
    expectRule("committed-below-target", "---\nperiod: 2027-Q1\ntoday: 2027-04-06\n---\n### O1: Grow\ntype: committed\n- KR1: Fare revenue from $12M to $13.5M\n");
  });
});
