import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { expectRule, lint } from "../helpers";

/** A scorecard of `n` objectives; `mark` wraps the label of objective number `mark` (1-based) in [[ ]]. */
function objectives(n: number, frontMatter: string, mark?: number): string {
  const parts = [frontMatter ? `---\n${frontMatter}\n---\n` : "", "# Scorecard\n"];
  for (let i = 1; i <= n; i++) {
    const label = i === mark ? `[[O${i}]]` : `O${i}`;
    parts.push(`\n## ${label}: Objective number ${i}\nowner: "@a"\n\n- KR1: Metric ${i} from 1 to 2 — current 1.5\n- KR2: Other ${i} from 1 to 2 — current 1.5\n`);
  }
  return parts.join("");
}

describe("too-many-objectives", () => {
  it("does not fire for 5 objectives in an okr scorecard", () => {
    expectRule("too-many-objectives", objectives(5, "framework: okr"));
    expectRule("too-many-objectives", objectives(5, ""));
  });

  it("fires once, on the 6th objective of an okr scorecard, as a warning with the count", () => {
    const [d] = expectRule("too-many-objectives", objectives(6, "framework: okr", 6));
    assert.equal(d.severity, "warning");
    assert.match(d.message, /\b6 objectives\b/);
    assert.match(d.message, /\b5\b/);
  });

  it("fires only once for 8 objectives, on the 6th", () => {
    expectRule("too-many-objectives", objectives(8, "", 6));
  });

  it("bsc: 10 objectives are fine, 11 give an info on the 11th, 16 a warning on the 16th", () => {
    expectRule("too-many-objectives", objectives(10, "framework: bsc"));
    const [info] = expectRule("too-many-objectives", objectives(11, "framework: bsc", 11));
    assert.equal(info.severity, "info");
    assert.match(info.message, /\b11 objectives\b/);
    expectRule("too-many-objectives", objectives(15, "framework: bsc", 11));
    const [warning] = expectRule("too-many-objectives", objectives(16, "framework: bsc", 16));
    assert.equal(warning.severity, "warning");
    assert.match(warning.message, /\b16 objectives\b/);
    assert.match(warning.message, /\b15\b/);
  });

  it("hybrid uses the bsc limits", () => {
    expectRule("too-many-objectives", objectives(6, "framework: hybrid"));
    expectRule("too-many-objectives", objectives(10, "framework: hybrid"));
    const [d] = expectRule("too-many-objectives", objectives(11, "framework: hybrid", 11));
    assert.equal(d.severity, "info");
  });

  it("maxObjectives from the configuration", () => {
    const config = mergeConfig(defaultConfig(), { limits: { maxObjectives: 3 } });
    expectRule("too-many-objectives", objectives(3, ""), config);
    const [d] = expectRule("too-many-objectives", objectives(4, "", 4), config);
    assert.match(d.message, /\b4 objectives\b/);
    assert.match(d.message, /\b3\b/);
  });

  it("maxObjectives from front matter limits, also for bsc", () => {
    expectRule("too-many-objectives", objectives(4, "limits: { maxObjectives: 4 }"));
    expectRule("too-many-objectives", objectives(5, "limits: { maxObjectives: 4 }", 5));
    const [d] = expectRule("too-many-objectives", objectives(8, "framework: bsc\nlimits: { maxObjectives: 7 }", 8));
    assert.equal(d.severity, "warning");
  });

  it("front matter limits beat the configuration", () => {
    const config = mergeConfig(defaultConfig(), { limits: { maxObjectives: 2 } });
    expectRule("too-many-objectives", objectives(4, "limits:\n  maxObjectives: 4"), config);
  });

  it("severity can be raised or turned off in the configuration", () => {
    const text = objectives(6, "");
    const error = lint(text, mergeConfig(defaultConfig(), { rules: { "too-many-objectives": "error" } })).filter((d) => d.code === "too-many-objectives");
    assert.deepEqual(error.map((d) => d.severity), ["error"]);
    const off = lint(text, mergeConfig(defaultConfig(), { rules: { "too-many-objectives": "off" } }));
    assert.ok(!off.some((d) => d.code === "too-many-objectives"));
  });

  it("a user severity replaces the info tier of bsc", () => {
    const text = objectives(11, "framework: bsc");
    const found = lint(text, mergeConfig(defaultConfig(), { rules: { "too-many-objectives": "warning" } })).filter((d) => d.code === "too-many-objectives");
    assert.deepEqual(found.map((d) => d.severity), ["warning"]);
  });
});
