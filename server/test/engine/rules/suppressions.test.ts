import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { doc, expectRule, lint } from "../helpers";

const UNMEASURABLE = "unmeasurable-key-result";

describe("inline suppressions and severity overrides", () => {
  it("okr-disable-next-line suppresses the next non-blank line only, for the named code only", () => {
    expectRule(
      UNMEASURABLE,
      doc`
        ## O1: Safety
        <!-- okr-disable-next-line unmeasurable-key-result -->

        - KR1: Riders feel safer
        - KR2: [[Happier riders]]
        <!-- okr-disable-next-line missing-owner -->
        - KR3: [[Calmer riders]]
      `,
    );
  });

  it("okr-disable-next-line with several codes, or none", () => {
    const text = doc`
      ## O1: Safety
      <!-- okr-disable-next-line unmeasurable-key-result, missing-owner -->
      - KR1: Riders feel safer
      <!-- okr-disable-next-line -->
      - KR2: Happier riders
    `;
    assert.deepEqual(lint(text).filter((d) => d.range.startLine >= 2).map((d) => d.code), []);
  });

  it("okr-disable … okr-enable suppresses a region", () => {
    expectRule(
      UNMEASURABLE,
      doc`
        ## O1: Safety
        - KR1: [[Riders feel safer]]
        <!-- okr-disable unmeasurable-key-result -->
        - KR2: Happier riders
        - KR3: Calmer riders
        <!-- okr-enable unmeasurable-key-result -->
        - KR4: [[Quieter riders]]
      `,
    );
  });

  it("okr-disable without codes suppresses every rule until okr-enable", () => {
    const text = doc`
      ## O1: Safety
      <!-- okr-disable -->
      - KR1: Riders feel safer
      - KR2: Happier riders
      <!-- okr-enable -->
      - KR3: Quieter riders
    `;
    const found = lint(text).filter((d) => d.range.startLine > 0);
    assert.deepEqual([...new Set(found.map((d) => d.range.startLine))], [5]);
  });

  it("an okr-disable without okr-enable runs to the end of the file", () => {
    expectRule(UNMEASURABLE, "## O1: Safety\n- KR1: [[Riders feel safer]]\n<!-- okr-disable unmeasurable-key-result -->\n- KR2: Happier riders\n");
  });

  it("okr-disable-file suppresses a code everywhere, even above the comment", () => {
    const text = doc`
      ## O1: Safety
      - KR1: Riders feel safer
      <!-- okr-disable-file unmeasurable-key-result -->
      - KR2: Happier riders
    `;
    const codes = lint(text).map((d) => d.code);
    assert.ok(!codes.includes(UNMEASURABLE));
    assert.ok(codes.includes("missing-owner"), "other rules still run");
  });

  it("rule severities from configuration and front matter; front matter wins", () => {
    const text = "## O1: Safety\n- KR1: Riders feel safer\n";
    const sev = (t: string, layer?: Parameters<typeof mergeConfig>[1]) =>
      lint(t, mergeConfig(defaultConfig(), layer)).filter((d) => d.code === UNMEASURABLE).map((d) => d.severity);
    assert.deepEqual(sev(text), ["warning"]);
    assert.deepEqual(sev(text, { rules: { [UNMEASURABLE]: "error" } }), ["error"]);
    assert.deepEqual(sev(text, { rules: { [UNMEASURABLE]: "off" } }), []);
    assert.deepEqual(sev(text, { rules: { [UNMEASURABLE]: "warn" } }), ["warning"]);
    assert.deepEqual(sev(text, { rules: { [UNMEASURABLE]: false } }), []);
    assert.deepEqual(sev("---\nrules: { unmeasurable-key-result: hint }\n---\n" + text, { rules: { [UNMEASURABLE]: "error" } }), ["hint"]);
    assert.deepEqual(sev("---\nrules:\n  unmeasurable-key-result: off\n---\n" + text), []);
    assert.deepEqual(sev("---\nrules: { unmeasurable-key-result: error }\n---\n" + text, { rules: { [UNMEASURABLE]: "off" } }), ["error"]);
  });

  it("an unknown severity in front matter is not applied", () => {
    const found = lint("---\nrules: { unmeasurable-key-result: loud }\n---\n## O1: Safety\n- KR1: Riders feel safer\n");
    assert.deepEqual(found.filter((d) => d.code === UNMEASURABLE).map((d) => d.severity), ["warning"]);
  });
});
