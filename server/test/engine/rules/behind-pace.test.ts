import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { doc, expectRule } from "../helpers";

// period 2027-Q1 and today 2027-02-15: about half of the period has passed.
const FM = "---\nperiod: 2027-Q1\ntoday: 2027-02-15\n---\n";

describe("behind-pace", () => {
  it("fires on an at-risk key result, with grade and expected share", () => {
    const [d] = expectRule(
      "behind-pace",
      FM +
        doc`
          ## O1: Easy to use
          owner: "@i"
          - [[KR2]]: Journey-planner satisfaction from 7.1 to 7.8
            - 2027-02-10: 7.2
          - KR3: Step-free stations from 31 to 38 — current 34
        `,
    );
    assert.equal(d.severity, "info");
    assert.match(d.message, /O1 KR2 is at risk/);
    assert.match(d.message, /grade 0\.14/);
    assert.match(d.message, /0\.5\d/);
  });

  it("at risk between expected − 0.2 and expected − 0.4, off track below; on track is silent", () => {
    const found = expectRule(
      "behind-pace",
      FM + "## O1: Grow\n- [[KR1]]: Revenue from 0 to 100 — current 20\n- KR2: Leads from 0 to 100 — current 40\n- [[KR3]]: Deals from 0 to 100 — current 5\n",
    );
    assert.match(found[0].message, /at risk/);
    assert.match(found[1].message, /off track/);
  });

  it("thresholds are configurable", () => {
    const text = FM + "## O1: Grow\n- KR1: Revenue from 0 to 100 — current 20\n";
    expectRule("behind-pace", text, mergeConfig(defaultConfig(), { limits: { paceAtRisk: 0.35 } }));
    expectRule("behind-pace", "---\nperiod: 2027-Q1\ntoday: 2027-02-15\nlimits: { paceAtRisk: 0.35 }\n---\n## O1: Grow\n- KR1: Revenue from 0 to 100 — current 20\n");
  });

  it("an unchecked checkbox is only late after its deadline", () => {
    expectRule(
      "behind-pace",
      FM +
        doc`
          ## O1: Ship
          - [ ] Contract signed by 2027-03-15
          - [ ] [[Permit granted by 2027-02-01]]
          - [x] Site chosen by 2027-01-15
          - [ ] Partner found
        `,
    );
  });

  it("an ungraded key result or one without a period is not reported", () => {
    expectRule("behind-pace", FM + "## O1: Grow\n- KR1: Revenue from 0 to 100\n");
    expectRule("behind-pace", "## O1: Grow\n- KR1: Revenue from 0 to 100 — current 1\n");
  });

  it("the forecast is named when there are two check-ins", () => {
    const [d] = expectRule("behind-pace", FM + "## O1: Grow\n- [[KR1]]: Revenue from 0 to 100\n  - 2027-01-15: 5\n  - 2027-02-14: 10\n");
    assert.match(d.message, /Forecast by 2027-03-31/);
  });
});
