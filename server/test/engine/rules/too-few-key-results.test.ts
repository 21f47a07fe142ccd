import * as assert from "node:assert/strict";
import { defaultConfig, mergeConfig } from "../../../src/engine";
import { doc, expectRule } from "../helpers";

describe("too-few-key-results", () => {
  it("an objective with no key result (only an initiative) gets a warning on its label", () => {
    const [d] = expectRule(
      "too-few-key-results",
      doc`
        # Team
        ## [[O3]]: Onboard the Hamburg crews
        owner: "@sam"
        - Initiative: Buddy system for transfers
        - Indicator: HR records

        ## O4: Keep crews
        owner: "@sam"
        - KR1: Crew turnover from 15% to 11% — current 13%
        - KR2: Crew satisfaction from 6 to 8 — current 7
      `,
    );
    assert.equal(d.severity, "warning");
    assert.match(d.message, /O3 has no key result/);
  });

  it("okr: one key result gives an info, two give nothing", () => {
    const [d] = expectRule(
      "too-few-key-results",
      doc`
        ## [[O1]]: Grow revenue
        - KR1: Revenue from $1M to $2M

        ## O2: Keep customers
        - KR1: Churn from 5% to 3%
        - KR2: NPS from 30 to 40
      `,
    );
    assert.equal(d.severity, "info");
    assert.match(d.message, /1 key result/);
  });

  it("hybrid also wants two, bsc is happy with one measure", () => {
    const body = doc`
      ## Financial
      ### [[O1]]: Grow revenue
      - KR1: Revenue from $1M to $2M
    `;
    expectRule("too-few-key-results", "---\nframework: hybrid\n---\n" + body);
    expectRule("too-few-key-results", "---\nframework: bsc\n---\n" + body.replace(/\[\[|\]\]/g, ""));
  });

  it("bsc: no measure at all is still a warning", () => {
    const [d] = expectRule(
      "too-few-key-results",
      doc`
        ---
        framework: bsc
        ---
        ## Customer
        ### [[O1]]: Riders love the service
        - Initiative: Survey riders
      `,
    );
    assert.equal(d.severity, "warning");
  });

  it("checkboxes and unlabelled items are key results", () => {
    expectRule(
      "too-few-key-results",
      doc`
        ## O1: Ship it
        - [ ] Contract signed by 2027-03-15
        - Revenue from 1 to 2
      `,
    );
  });

  it("minKeyResults is configurable", () => {
    const text = doc`
      ## O1: Grow revenue
      - KR1: Revenue from $1M to $2M
    `;
    expectRule("too-few-key-results", text, mergeConfig(defaultConfig(), { limits: { minKeyResults: 1 } }));
    expectRule("too-few-key-results", "---\nlimits: { minKeyResults: 1 }\n---\n" + text);
  });
});
