import * as assert from "node:assert/strict";
import { doc, expectRule, lint } from "../helpers";

describe("invalid-value", () => {
  it("reports unreadable confidence, impossible dates and out-of-range scores on the value", () => {
    const found = expectRule(
      "invalid-value",
      doc`
        ## O5: Fewer accidents
        owner: "@a"
        - KR1: Near-miss reports from 70% to 95%
          - confidence: [[high]]
          - 2027-01-31: 78%
          - [[2027-02-30]]: 81%
          - score: [[1.4]]
      `,
    );
    assert.equal(found[0].severity, "error");
    assert.match(found[1].message, /2027-02-30/);
    assert.match(found[2].message, /1\.4/);
  });

  it("valid values of every accepted form are fine", () => {
    expectRule(
      "invalid-value",
      doc`
        ---
        period: 2027-01-01..2027-03-31
        framework: hybrid
        today: 2027-02-15
        ---
        ## Financial
        ### O1: Grow
        type: committed
        weight: 2
        due: 2027-03-31
        - KR1: Revenue from 1 to 2
          - confidence: 0.7
          - weight: 0.5
          - score: 0
          - type: aspirational
          - indicator: leading
          - current: 1.5
        - KR2: Margin from 1 to 2
          - confidence: 7
          - score: 1.0
          - indicator: lagging
        - KR3: Churn from 5% to 3%
          - confidence: 60%
          - 2027-02-01: 4.5%
      `,
    );
  });

  it("out-of-range confidence, negative or non-numeric weight, unreadable numbers and dates", () => {
    expectRule(
      "invalid-value",
      doc`
        ## O1: Grow
        weight: [[heavy]]
        due: [[soon]]
        - KR1: Revenue from 1 to 2
          - confidence: [[140%]]
          - weight: [[-1]]
          - current: [[about 40]]
          - score: [[-0.1]]
        - KR2: Margin from 1 to 2
          - confidence: [[11]]
      `,
    );
  });

  it("type and indicator must be one of the known words", () => {
    expectRule(
      "invalid-value",
      doc`
        ## O1: Grow
        type: [[committd]]
        - KR1: Revenue from 1 to 2
          - indicator: [[lag]]
          - type: [[stretch]]
      `,
    );
  });

  it("front matter: bad period, framework and today", () => {
    const found = expectRule(
      "invalid-value",
      doc`
        ---
        period: [[2027-Q5]]
        framework: [[okrs]]
        today: [[2027-13-01]]
        ---
        # S
      `,
    );
    assert.match(found[1].message, /okr/);
  });

  it("a 'by DATE' that is not a real date", () => {
    expectRule("invalid-value", "## O1: Grow\n- KR1: Revenue from 1 to 2 by [[2027-02-30]]\n");
  });

  it("a bad check-in is ignored for grading: the KR with no other value stays ungraded", () => {
    const text = "## O1: Grow\nowner: \"@a\"\n- KR1: Revenue from 1 to 2\n  - 2027-02-30: 1.5\n";
    assert.ok(lint(text).some((d) => d.code === "ungraded-key-result"));
  });

  it("can be downgraded from front matter", () => {
    const found = lint("---\nrules: { invalid-value: warning }\n---\n## O1: Grow\n- KR1: Revenue from 1 to 2\n  - score: 2\n").filter(
      (d) => d.code === "invalid-value",
    );
    assert.deepEqual(found.map((d) => d.severity), ["warning"]);
  });
});
