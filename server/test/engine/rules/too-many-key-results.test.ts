import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { doc, expectRule, lint } from "../helpers";

function krs(n: number, frontMatter: string, marked: number[] = []): string {
  const lines = [frontMatter ? `---\n${frontMatter}\n---\n` : "", "## Financial\n", "### O1: Grow revenue\nowner: \"@a\"\n"];
  for (let i = 1; i <= n; i++) {
    const label = marked.includes(i) ? `[[KR${i}]]` : `KR${i}`;
    lines.push(`- ${label}: Metric ${i} from 10 to 20 — current 15`);
  }
  lines.push("- Initiative: Some work\n- Indicator: Ledger\n");
  return lines.join("\n");
}

describe("too-many-key-results", () => {
  it("5 key results are fine in okr", () => {
    expectRule("too-many-key-results", krs(5, ""));
  });

  it("the 6th and every later key result are reported in okr, with the count and limit", () => {
    const found = expectRule("too-many-key-results", krs(7, "framework: okr", [6, 7]));
    assert.match(found[0].message, /O1 has 7 key results/);
    assert.match(found[0].message, /at most 5/);
    assert.equal(found[0].severity, "warning");
  });

  it("initiatives and indicators do not count", () => {
    expectRule("too-many-key-results", krs(5, "") + "- Initiative: More work\n- Project: Yet more\n- Action: Even more\n");
  });

  it("bsc: 2 measures are fine, the 3rd is reported", () => {
    expectRule("too-many-key-results", krs(2, "framework: bsc"));
    const [d] = expectRule("too-many-key-results", krs(3, "framework: bsc", [3]));
    assert.match(d.message, /3 measures/);
    assert.match(d.message, /at most 2/);
  });

  it("hybrid uses the okr limit for key results", () => {
    expectRule("too-many-key-results", krs(5, "framework: hybrid"));
    expectRule("too-many-key-results", krs(6, "framework: hybrid", [6]));
  });

  it("unlabelled items and checkboxes count, and are reported on their text", () => {
    expectRule(
      "too-many-key-results",
      doc`
        ### O1: Grow revenue
        owner: "@a"
        - Revenue from 1 to 2 — current 1
        - Margin from 1 to 2 — current 1
        - [x] Pricing page live
        - [ ] Partner deal signed
        - KR: Churn from 5% to 4% — current 4.5%
        - [x] [[Sales team hired]]
        - [[Leads from 100 to 200 — current 150]]
      `,
    );
  });

  it("a key result with a parse error still counts", () => {
    expectRule(
      "too-many-key-results",
      doc`
        ---
        framework: bsc
        ---
        ## Financial
        ### O1: Grow revenue
        - KR1: Revenue from $1M to $2M
        - KR2: Margin from 10% to
        - [[KR3]]: Cost from 5 to 4
      `,
    );
  });

  it("maxKeyResults and maxMeasures from configuration and front matter", () => {
    expectRule("too-many-key-results", krs(4, "limits: { maxKeyResults: 3 }", [4]));
    expectRule("too-many-key-results", krs(3, "limits: { maxKeyResults: 3 }"));
    expectRule("too-many-key-results", krs(3, "framework: bsc\nlimits: { maxMeasures: 3 }"));
    expectRule("too-many-key-results", krs(3, "", [3]), mergeConfig(defaultConfig(), { limits: { maxKeyResults: 2 } }));
  });

  it("a fractional limit allows the key results below it", () => {
    const [d] = expectRule("too-many-key-results", krs(4, "limits: { maxKeyResults: 2.5 }", [3, 4]));
    assert.match(d.message, /at most 2\.5/);
  });

  it("front-matter rules can change the severity or turn it off", () => {
    const error = lint(krs(6, "rules: { too-many-key-results: error }")).filter((d) => d.code === "too-many-key-results");
    assert.deepEqual(error.map((d) => d.severity), ["error"]);
    assert.ok(!lint(krs(6, "rules: { too-many-key-results: off }")).some((d) => d.code === "too-many-key-results"));
  });
});
