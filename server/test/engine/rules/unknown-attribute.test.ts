import * as assert from "node:assert/strict";
import { applyEdits, doc, expectRule, lint } from "../helpers";

describe("unknown-attribute", () => {
  it("fires on misspelt objective and key-result keys, naming the closest key", () => {
    const found = expectRule(
      "unknown-attribute",
      doc`
        ### O4: Modernise ticketing
        [[onwer]]: "@priya"
        - KR2: Ticket-machine uptime from 91% to 98% @priya
          - [[confidance]]: 0.6
          - [[curent]]: 93%
      `,
    );
    assert.equal(found[0].severity, "warning");
    assert.match(found[0].message, /'owner'/);
    assert.match(found[1].message, /'confidence'/);
    assert.match(found[2].message, /'current'/);
  });

  it("front-matter keys are always checked", () => {
    const found = expectRule(
      "unknown-attribute",
      doc`
        ---
        [[perod]]: 2027-Q1
        [[colour]]: blue
        title: Fine
        ---
        # S
      `,
    );
    assert.match(found[0].message, /'period'/);
    assert.match(found[1].message, /period/, "names the known keys");
  });

  it("known keys, in any case, do not fire", () => {
    expectRule(
      "unknown-attribute",
      doc`
        ---
        title: T
        period: 2027-Q1
        framework: okr
        owner: "@x"
        today: 2027-02-15
        rules: { missing-owner: off }
        limits: { maxObjectives: 4 }
        ---
        # S
        ## O1: Grow
        Owner: "@a"
        type: committed
        weight: 1
        due: 2027-03-31
        - KR1: Revenue from 1 to 2
          - current: 1.5
          - baseline: 1
          - target: 2
          - owner: "@b"
          - confidence: 0.5
          - weight: 1
          - score: 0.5
          - due: 2027-03-31
          - type: committed
          - indicator: leading
          - unit: USD
      `,
    );
  });

  it("the fix renames the key; then the attribute takes effect", () => {
    const text = doc`
      ### O4: Modernise ticketing
      onwer: "@priya"
      - KR2: Ticket-machine uptime from 91% to 98%
        - curent: 93%
    `;
    const found = lint(text).filter((d) => d.code === "unknown-attribute");
    assert.equal(found.length, 2);
    const fixed = applyEdits(text, [...found[0].fixes![0].edits, ...found[1].fixes![0].edits]);
    assert.equal(fixed, text.replace("onwer", "owner").replace("curent", "current"));
    const after = lint(fixed);
    assert.ok(!after.some((d) => d.code === "unknown-attribute"));
    assert.ok(!after.some((d) => d.code === "missing-owner"), "owner is now read");
    assert.ok(!after.some((d) => d.code === "ungraded-key-result"), "current is now read");
  });

  it("under an objective or key result, a key far from every known one is prose, not an attribute", () => {
    expectRule("unknown-attribute", "## O1: Grow\nContext: the board asked for this\n- KR1: Revenue from 1 to 2\n  - Why: riders asked\n");
  });
});
