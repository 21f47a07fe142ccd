import * as assert from "node:assert/strict";
import { endOf, startOf, toRangeLike } from "../../src/engine";
import { analyze, doc, lint, markers } from "./helpers";

describe("document grammar and model (spec §1)", () => {
  it("reads front matter, title, perspectives, objectives, attributes, key results and check-ins", () => {
    const { scorecard } = analyze(doc`
      ---
      title: Rail
      period: 2027-Q1
      framework: hybrid
      today: 2027-02-15
      ---

      # Commuter Rail 2027-Q1

      ## Financial perspective

      ### O1: Grow revenue from riders
      aligns: [Company O2](../company.okr.md#o2), team.okr.md#o1
      type: committed
      weight: 2
      supports: O2

      - KR1: Net revenue from $40M to $44M by 2027-03-31 @finance
        - current: $41.2M
        - confidence: 0.7
      - KR2: Operating cost per passenger-km from $0.30 to $0.27
        - 2027-01-10: $0.30
        - 2027-02-07: $0.29 after the fare change
      - Initiative: Develop new sales policies
      - Indicator: Financial statements

      ## Learning and Growth

      ### O2: Skilled crews
      - [x] Training plan approved by Mar 1
    `);
    assert.equal(scorecard.title, "Commuter Rail 2027-Q1");
    assert.equal(scorecard.framework, "hybrid");
    assert.equal(scorecard.period?.label, "2027-Q1");
    assert.deepEqual(scorecard.perspectives.map((p) => [p.name, p.objectives.map((o) => o.id)]), [
      ["Financial", ["O1"]],
      ["Learning & Growth", ["O2"]],
    ]);
    const [o1, o2] = scorecard.objectives;
    assert.equal(o1.title, "Grow revenue from riders");
    assert.equal(o1.slug, "o1-grow-revenue-from-riders");
    assert.equal(o1.type, "committed");
    assert.equal(o1.weight, 2);
    assert.deepEqual(o1.aligns.map((l) => [l.path, l.fragment]), [["../company.okr.md", "o2"], ["team.okr.md", "o1"]]);
    assert.deepEqual(o1.supports.map((l) => l.fragment), ["O2"]);
    assert.deepEqual(o1.keyResults.map((k) => k.id), ["KR1", "KR2"]);
    const [kr1, kr2] = o1.keyResults;
    assert.equal(kr1.current?.amount, 41_200_000);
    assert.equal(kr1.confidence, 0.7);
    assert.equal(kr1.owner?.name, "finance");
    assert.equal(kr2.checkIns.length, 2);
    assert.equal(kr2.checkIns[1].note, "after the fare change");
    assert.equal(kr2.current?.amount, 0.29, "latest check-in is the current value");
    assert.equal(kr2.direction, "down");
    assert.deepEqual([o1.initiatives.length, o1.indicators.length], [1, 1]);
    assert.equal(o2.keyResults[0].binary, true);
    assert.equal(o2.keyResults[0].checked, true);
  });

  it("recognises every objective label form", () => {
    const { scorecard } = analyze(doc`
      # T
      ## O1: a
      ## O2. b
      ## O3 - c
      ## Objective 4: d
      ## Objective: e
      ## O1.5 is a number, not a label
    `);
    assert.deepEqual(scorecard.objectives.map((o) => [o.id, o.title]), [
      ["O1", "a"],
      ["O2", "b"],
      ["O3", "c"],
      ["O4", "d"],
      ["O5", "e"],
    ]);
  });

  it("recognises key result labels, initiatives and indicators", () => {
    const { scorecard } = analyze(doc`
      ## O1: x
      - KR1: a from 1 to 2
      * KR 2.1: b to 5
      + Measure: c ≥ 3
      1. KPI: d under 4
      2. Plain text to 9 users
      - Project: p
      - Action: q
      - Indicator: r
    `);
    const o = scorecard.objectives[0];
    assert.deepEqual(o.keyResults.map((k) => k.id), ["KR1", "KR2.1", "KR3", "KR4", "KR5"]);
    assert.deepEqual(o.initiatives.map((i) => i.text), ["p", "q"]);
    assert.deepEqual(o.indicators.map((i) => i.text), ["r"]);
  });

  it("ends an objective at a free heading and a perspective at a heading of its level", () => {
    const { scorecard } = analyze(doc`
      # T
      ## Customer
      ### O1: a
      - KR1: x from 1 to 2
      #### Notes
      - not a key result: 5
      ## Retro
      ### O2: outside
    `);
    assert.equal(scorecard.objectives[0].keyResults.length, 1);
    assert.equal(scorecard.objectives[0].perspective?.name, "Customer");
    assert.equal(scorecard.objectives[1].perspective, undefined);
  });

  it("ignores headings and lists inside fenced code and comments", () => {
    const { scorecard } = analyze(doc`
      # T
      \`\`\`markdown
      ## O1: not real
      \`\`\`
      <!--
      ## O2: not real either
      -->
      ## O3: real
    `);
    assert.deepEqual(scorecard.objectives.map((o) => o.id), ["O3"]);
  });

  it("reads the table form, continuing blank perspective cells", () => {
    const { scorecard } = analyze(doc`
      ---
      framework: bsc
      ---
      | Perspective | Objective | Measure | Target | Current | Initiative | Indicator |
      |---|---|---|---|---|---|---|
      | Financial | O1: Grow revenue @amara | Net revenue<br>Cost per km | $44M<br>$0.30 → $0.27 | $41M<br>$0.29 | Sales policy | Statements |
      |  | O2: Earn from stations | Retail income | ≥ $3M | $2.5M | | |
      | Customer | O3: Riders love it | Reviews | from 1,000 to 1,100 | 1,060 | | |
    `);
    assert.deepEqual(scorecard.perspectives.map((p) => [p.name, p.objectives.map((o) => o.id)]), [
      ["Financial", ["O1", "O2"]],
      ["Customer", ["O3"]],
    ]);
    const o1 = scorecard.objectives[0];
    assert.equal(o1.owner?.name, "amara");
    assert.deepEqual(o1.keyResults.map((k) => [k.text, k.baseline?.amount, k.target?.amount, k.current?.amount]), [
      ["Net revenue", undefined, 44_000_000, 41_000_000],
      ["Cost per km", 0.3, 0.27, 0.29],
    ]);
    assert.equal(scorecard.objectives[2].keyResults[0].grade, 0.6);
  });

  it("leaves ordinary tables alone", () => {
    const { scorecard } = analyze("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assert.equal(scorecard.objectives.length, 0);
  });

  it("reports an unclosed front matter and still reads the headings after it", () => {
    const { text, ranges } = markers("[[---]]\ntitle: x\n# Title\n## O1: a\n- KR1: b from 1 to 2\n");
    const diagnostics = lint(text);
    const parse = diagnostics.filter((d) => d.code === "parse-error");
    assert.deepEqual(parse.map((d) => toRangeLike(d.range)), ranges);
    assert.equal(analyze(text).scorecard.objectives.length, 1);
  });

  it("reports bad front-matter values at the value", () => {
    const { text, ranges } = markers("---\nperiod: [[2027-Q5]]\nframework: [[okrs]]\ntoday: [[tomorrow]]\n---\n");
    const invalid = lint(text).filter((d) => d.code === "invalid-value");
    assert.deepEqual(invalid.map((d) => toRangeLike(d.range)), ranges);
    assert.match(invalid[1].message, /okr, bsc or hybrid/);
  });

  it("reports a parse error inside a key result and reads the next ones", () => {
    const { text, ranges } = markers("## O1: a\n- KR1: revenue from $40M to[[]]\n- KR2: cost from 5 to 3\n");
    const d = lint(text);
    assert.deepEqual(d.filter((x) => x.code === "parse-error").map((x) => toRangeLike(x.range)), ranges);
    assert.equal(analyze(text).scorecard.objectives[0].keyResults[1].target?.amount, 3);
  });

  it("parses periods of every form", () => {
    for (const period of ["2027", "2027-H1", "2027-Q1", "2027-03", "2027-01-01..2027-03-31"]) {
      assert.ok(analyze(`---\nperiod: ${period}\n---\n`).scorecard.period, period);
    }
  });

  it("resolves month and quarter deadlines into the period's year", () => {
    const { scorecard } = analyze("---\nperiod: 2026-10-01..2027-03-31\n---\n## O1: a\n- KR1: x to 5 by Jan 15\n- KR2: y to 5 by Q4\n");
    const [a, b] = scorecard.objectives[0].keyResults;
    assert.equal(new Date(a.deadline!.day! * 86400000).toISOString().slice(0, 10), "2027-01-15");
    assert.equal(new Date(b.deadline!.day! * 86400000).toISOString().slice(0, 10), "2026-12-31");
  });

  it("gives an empty list item (typed but not yet written) an empty range at its end", () => {
    for (const item of ["- ", "-   ", "1.  ", "- [ ] ", "- [ ]"]) {
      const { scorecard } = analyze(`## O1: a\n${item}\n`);
      const kr = scorecard.objectives[0].keyResults[0];
      assert.deepEqual(startOf(kr.textRange), endOf(kr.textRange), JSON.stringify(item));
      assert.ok(kr.textRange.startCharacter <= item.length, JSON.stringify(item));
    }
  });

  it("reads owners written with YAML quotes", () => {
    const { scorecard } = analyze('## O1: a\nowner: "@dana"\n- KR1: x from 1 to 2\n  - owner: \'@li\'\n');
    assert.equal(scorecard.objectives[0].owner?.name, "dana");
    assert.equal(scorecard.objectives[0].keyResults[0].owner?.name, "li");
  });
});
