import * as assert from "node:assert/strict";
import { applyEdits, doc, expectRule, lint } from "../helpers";

describe("activity-key-result", () => {
  it("fires on a key result led by an activity verb with no metric, and not unmeasurable too", () => {
    const text = doc`
      ## O4: Modernise ticketing
      - KR1: [[Launch the new ticketing app @priya]]
      - [[Build a data warehouse]]
      - KR3: [[Hosting a rider forum]]
      - KR4: [[Launches a rider forum]]
    `;
    const [d] = expectRule("activity-key-result", text);
    assert.equal(d.severity, "info");
    assert.match(d.message, /activity/);
    assert.match(d.message, /[Ii]nitiative/);
    assert.ok(!lint(text.replace(/\[\[|\]\]/g, "")).some((x) => x.code === "unmeasurable-key-result"));
  });

  it("fires for 'set up'", () => {
    expectRule("activity-key-result", "## O1: Things\n- KR6: [[Set up the data warehouse]]\n");
  });

  it("does not fire with a metric, on checkboxes, or when the verb is not first", () => {
    expectRule(
      "activity-key-result",
      doc`
        ## O4: Modernise ticketing
        - KR1: Launch the app to 10,000 users
        - [ ] Launch the new ticketing app
        - [x] Build the ticket API
        - KR2: Riders launch fewer complaints
        - KR3: Launchpad adoption from 10% to 30%
      `,
    );
  });

  it("the fix relabels it an Initiative; then neither activity nor unmeasurable fires", () => {
    const text = "## O4: Modernise ticketing\n- KR1: Launch the new ticketing app @priya\n- Write the runbook\n";
    const found = lint(text).filter((x) => x.code === "activity-key-result");
    assert.equal(found.length, 2);
    assert.ok(found[0].fixes![0].preferred);
    const fixed = applyEdits(text, [...found[0].fixes![0].edits, ...found[1].fixes![0].edits]);
    assert.equal(fixed, "## O4: Modernise ticketing\n- Initiative: Launch the new ticketing app @priya\n- Initiative: Write the runbook\n");
    const after = lint(fixed);
    assert.ok(!after.some((x) => x.code === "activity-key-result" || x.code === "unmeasurable-key-result"));
  });
});
