import * as assert from "node:assert/strict";
import { applyEdits, doc, expectRule, lint } from "../helpers";

const has = (text: string, code: string) => lint(text).some((d) => d.code === code);

describe("unmeasurable-key-result", () => {
  it("fires on the text of a key result without a number", () => {
    const [d] = expectRule(
      "unmeasurable-key-result",
      doc`
        ## O3: Sail on time
        - KR1: On-time departures from 94% to 97%
        - KR2: [[Riders feel safer on late-night boats @jonas]]
        - [[Happier riders]]
      `,
    ).slice(0, 1);
    assert.equal(d.severity, "warning");
    assert.match(d.message, /from X to Y/);
  });

  it("a deadline alone is not a metric", () => {
    expectRule("unmeasurable-key-result", "## O1: Safety\n- KR1: [[Riders feel safer by 2027-03-31]]\n");
  });

  it("does not fire on metrics, checkboxes, manual scores, target attributes or activities", () => {
    expectRule(
      "unmeasurable-key-result",
      doc`
        ## O1: Safety
        - KR1: Riders who feel safe from 62% to 75% by 2027-03-31
        - KR2: Complaints under 40
        - KR3: Reach 40 carrier integrations
        - [ ] Riders feel safer
        - [x] Safety audit passed
        - KR4: Riders feel safer
          - score: 0.5
        - KR5: Riders feel safer
          - target: 75%
        - KR6: Launch the safety app
        - Initiative: Better lighting
      `,
    );
  });

  it("fix 1 appends a placeholder metric with the period end, which makes it measurable", () => {
    const text = doc`
      ---
      period: 2027-Q1
      ---
      ## O3: Sail on time
      - KR2: Riders feel safer on late-night boats @jonas
    `;
    const [d] = lint(text).filter((x) => x.code === "unmeasurable-key-result");
    assert.equal(d.fixes!.length, 2);
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal(fixed, text.replace("@jonas", "@jonas from 0 to 100 by 2027-03-31"));
    assert.ok(!has(fixed, "unmeasurable-key-result"));
    assert.ok(!has(fixed, "parse-error"));
    assert.ok(!has(fixed, "deadline-outside-period"));
  });

  it("fix 1 without a period appends only 'from 0 to 100'", () => {
    const text = "## O1: Safety\n- KR1: Riders feel safer\n";
    const [d] = lint(text).filter((x) => x.code === "unmeasurable-key-result");
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal(fixed, "## O1: Safety\n- KR1: Riders feel safer from 0 to 100\n");
    assert.ok(!has(fixed, "unmeasurable-key-result"));
  });

  it("fix 2 makes it an Initiative (labelled and unlabelled)", () => {
    const text = "## O1: Safety\n- KR1: Riders feel safer\n- Happier riders\n";
    const found = lint(text).filter((x) => x.code === "unmeasurable-key-result");
    assert.equal(found.length, 2);
    const fixed = applyEdits(text, [...found[0].fixes![1].edits, ...found[1].fixes![1].edits]);
    assert.equal(fixed, "## O1: Safety\n- Initiative: Riders feel safer\n- Initiative: Happier riders\n");
    assert.ok(!has(fixed, "unmeasurable-key-result"));
  });

  it("inline suppression for the next line", () => {
    expectRule("unmeasurable-key-result", "## O1: Safety\n<!-- okr-disable-next-line unmeasurable-key-result -->\n- KR1: Riders feel safer\n- KR2: [[Happier riders]]\n");
  });
});
