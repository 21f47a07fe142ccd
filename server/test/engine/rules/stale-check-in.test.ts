import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { doc, expectRule } from "../helpers";

describe("stale-check-in", () => {
  // TODAY is 2027-02-15 (no `today` in front matter).
  it("fires on the latest check-in line when it is more than 14 days old, with the age", () => {
    const [d] = expectRule(
      "stale-check-in",
      doc`
        ## O1: Grow
        - KR1: Revenue from $12M to $13.5M
          - 2027-01-10: $12.2M
          [[- 2027-01-31: $12.6M]]
        - KR2: Margin from 10% to 12%
          - 2027-01-10: 10.5%
          - 2027-02-01: 11%
        - KR3: Churn from 5% to 4%
      `,
    );
    assert.equal(d.severity, "info");
    assert.match(d.message, /2027-01-31/);
    assert.match(d.message, /\b15 days\b/);
    assert.match(d.message, /2027-02-15/);
  });

  it("uses the front-matter today and, once the period is over, the period end", () => {
    expectRule(
      "stale-check-in",
      doc`
        ---
        period: 2027-Q1
        today: 2027-04-06
        ---
        ## O1: Grow
        - KR1: Revenue from $12M to $13.5M
          - 2027-03-20: $12.6M
        - KR2: Margin from 10% to 12%
          [[- 2027-03-10: 11%]]
      `,
    );
  });

  it("staleCheckInDays is configurable", () => {
    const text = "## O1: Grow\n- KR1: Revenue from 1 to 2\n  [[- 2027-02-07: 1.5]]\n";
    expectRule("stale-check-in", text, mergeConfig(defaultConfig(), { limits: { staleCheckInDays: 7 } }));
    expectRule("stale-check-in", "---\nlimits: { staleCheckInDays: 8 }\n---\n## O1: Grow\n- KR1: Revenue from 1 to 2\n  - 2027-02-07: 1.5\n");
  });
});
