import * as assert from "node:assert/strict";
import { doc, expectRule, lint } from "./helpers";

describe("rule regressions found in review", () => {
  it("activity-key-result: -es verbs ('Migrates', 'Creates') are stemmed", () => {
    expectRule("activity-key-result", "## O1: Things\n- KR1: [[Migrates the fare engine]]\n- KR2: [[Creates a timetable]]\n");
  });

  it("activity-key-result: fires for the verbs its doc page lists (help, consult, analyse/analyze, participate, attend)", () => {
    expectRule(
      "activity-key-result",
      doc`
        ## O1: Things
        - KR1: [[Help the sales team with demos]]
        - KR2: [[Consult the riders about timetables]]
        - KR3: [[Analyse churn reasons]]
        - KR4: [[Analyze churn reasons]]
        - KR5: [[Participate in the industry fair]]
        - KR6: [[Attend the rail summit]]
      `,
    );
  });

  it("activity-key-result: -ing and -ed forms of verbs ending in e/z", () => {
    expectRule(
      "activity-key-result",
      doc`
        ## O1: Things
        - KR1: [[Writing the safety handbook]]
        - KR2: [[Organized a rider forum]]
        - KR3: [[Creating a new timetable]]
      `,
    );
  });

  it("compensation-link: 'pay rise' (doc page lists it)", () => {
    expectRule("compensation-link", "## O11: Hit targets for the [[pay rise]]\n- KR1: Retention from 80% to 90%\n");
  });

  it("parse-error: an unterminated link in aligns", () => {
    expectRule("parse-error", "## O1: Grow\naligns: [Company O2](company.okr.md#o2[[]]\n- KR1: Revenue from 1 to 2\n");
    expectRule("broken-alignment", "## O1: Grow\naligns: [Company O2](company.okr.md#o2\n- KR1: Revenue from 1 to 2\n");
  });

  it("invalid-value: an attribute of blanks only is an empty value at the end of its line, not a range that ends before it starts", () => {
    const [d] = lint("### O1: Grow\nweight: ").filter((x) => x.code === "invalid-value");
    assert.deepEqual([d.range.startLine, d.range.startCharacter, d.range.endLine, d.range.endCharacter], [1, 7, 1, 7]);
  });

  it("invalid-value: an unknown severity or a non-numeric limit in front matter is reported at the value", () => {
    expectRule("invalid-value", "---\nrules: { unmeasurable-key-result: [[loud]] }\nlimits: { maxObjectives: [[many]] }\n---\n## O1: Safety\n- KR1: Revenue from 1 to 2\n");
    assert.ok(lint("---\nrules: { unmeasurable-key-result: loud }\n---\n## O1: Safety\n- KR1: Riders feel safer\n").some((d) => d.code === "unmeasurable-key-result" && d.severity === "warning"));
  });
});
