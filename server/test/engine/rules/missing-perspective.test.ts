import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { applyEdits, doc, expectRule, lint } from "../helpers";

const OBJECTIVE = (n: number) => `### O${n}: Objective ${n}\nowner: "@a"\n- KR1: Metric from 1 to 2 — current 1.5\n`;

describe("missing-perspective", () => {
  const threePerspectives =
    "---\nframework: bsc\n---\n# [[Harbour Ferries 2027]]\n\n" +
    `## Financial\n${OBJECTIVE(1)}\n## Customer\n${OBJECTIVE(2)}\n## Internal Process\n${OBJECTIVE(3)}`;

  it("fires on the title when Learning & Growth is absent, naming it", () => {
    const [d] = expectRule("missing-perspective", threePerspectives);
    assert.equal(d.severity, "warning");
    assert.match(d.message, /Learning & Growth/);
  });

  it("the fix appends the missing section at the end, and then the rule is satisfied", () => {
    const text = threePerspectives.replace(/\[\[|\]\]/g, "");
    const [d] = lint(text).filter((x) => x.code === "missing-perspective");
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal(fixed, text + "\n## Learning & Growth\n");
    assert.ok(!lint(fixed).some((x) => x.code === "missing-perspective"));
    // The new section is recognised as a perspective (now empty).
    assert.deepEqual(
      lint(fixed).filter((x) => x.code === "empty-perspective").map((x) => x.range.startLine),
      [fixed.split("\n").indexOf("## Learning & Growth")],
    );
  });

  it("the fix inserts a missing middle perspective before the next one in canonical order", () => {
    const text =
      "---\nframework: hybrid\n---\n# Scorecard\n\n" +
      `## Financial\n${OBJECTIVE(1)}\n## Internal Process\n${OBJECTIVE(2)}\n## Learning & Growth\n${OBJECTIVE(3)}`;
    const found = lint(text).filter((x) => x.code === "missing-perspective");
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Customer/);
    const fixed = applyEdits(text, found[0].fixes![0].edits);
    assert.ok(fixed.includes("## Customer\n\n## Internal Process\n"), fixed);
    assert.ok(!lint(fixed).some((x) => x.code === "missing-perspective"));
  });

  it("one diagnostic per missing perspective; on line 0 when there is no title", () => {
    const found = expectRule("missing-perspective", "[[[[[[---]]]]]]\nframework: bsc\n---\n## Financial\n" + OBJECTIVE(1));
    assert.deepEqual(
      found.map((d) => /The (.*) perspective is missing/.exec(d.message)?.[1]),
      ["Customer", "Internal Process", "Learning & Growth"],
    );
  });

  it("synonyms and a trailing 'perspective' count as present", () => {
    expectRule(
      "missing-perspective",
      "---\nframework: bsc\n---\n# Scorecard\n" +
        `## Finance\n${OBJECTIVE(1)}## Customers perspective\n${OBJECTIVE(2)}## Processes\n${OBJECTIVE(3)}## People\n${OBJECTIVE(4)}`,
    );
  });

  it("never fires in an okr file", () => {
    expectRule("missing-perspective", `---\nframework: okr\n---\n# Team OKRs\n\n## Financial\n${OBJECTIVE(1)}`);
  });

  it("a grid table naming all four perspectives satisfies it", () => {
    expectRule(
      "missing-perspective",
      doc`
        ---
        framework: bsc
        ---
        # Board pack

        | Perspective | Objective | Measure | Target | Current |
        |---|---|---|---|---|
        | Financial | O1: Grow revenue @a | Revenue @a | $1M → $2M | $1.5M |
        | Customer | O2: Riders love us @a | Reviews @a | 100 → 200 | 150 |
        | Internal Process | O3: Run on time @a | Punctuality @a | 80% → 90% | 85% |
        | Learning & Growth | O4: Skilled crews @a | Certified crews @a | 10 → 20 | 15 |
      `,
    );
  });

  it("uses the configured vocabulary", () => {
    const config = mergeConfig(defaultConfig(), { perspectives: { Stakeholder: [], Mission: ["Purpose"] } });
    const text = `---\nframework: bsc\n---\n# [[Charity scorecard]]\n## Purpose\n${OBJECTIVE(1)}`;
    const [d] = expectRule("missing-perspective", text, config);
    assert.match(d.message, /Stakeholder/);
  });
});
