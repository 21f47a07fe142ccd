import * as assert from "node:assert/strict";
import { doc, expectRule, lint } from "../helpers";

describe("parse-error", () => {
  it("fires where a metric phrase stops, saying what was expected, and the rest still works", () => {
    const text = doc`
      ## O1: Grow fare revenue
      owner: "@m"
      - KR1: Fare revenue from $12M to $13.5M — current $12.6M
      - KR2: Season-ticket revenue from $3.1M to[[]]
      - KR3: Riders feel safer
    `;
    const [d] = expectRule("parse-error", text);
    assert.equal(d.severity, "error");
    assert.match(d.message, /[Ee]xpected/);
    const all = lint(text.replace(/\[\[|\]\]/g, ""));
    assert.ok(all.some((x) => x.code === "unmeasurable-key-result" && x.range.startLine === 4), "later lines are still checked");
    assert.ok(all.some((x) => x.code === "ungraded-key-result" && x.range.startLine === 3), "the broken KR is kept, ungraded");
  });

  it("an arrow with no target", () => {
    expectRule("parse-error", "## O1: Grow\n- KR1: Punctuality 90% →[[]]\n");
  });

  it("unclosed front matter and invalid YAML", () => {
    assert.ok(lint("---\ntitle: x\n# S\n## O1: Grow\n- KR1: Revenue from 1 to 2\n").some((d) => d.code === "parse-error"));
    assert.ok(lint("---\ntitle: [x\n---\n# S\n").some((d) => d.code === "parse-error"));
  });

  it("complete phrases and plain prose do not fire", () => {
    expectRule(
      "parse-error",
      doc`
        # S
        Some prose: from here to there, and 90% of it → nowhere.
        ## O1: Grow
        - KR1: Revenue from $1M to $2M by 2027-03-31 @a — current $1.5M
        - KR2: Uptime ≥ 99.9%
        - KR3: Cost 5 -> 4 (now 4.5)
        - KR4: Grow ARR by 10%
        - Initiative: Move from the old stack to the new one
      `,
    );
  });
});
