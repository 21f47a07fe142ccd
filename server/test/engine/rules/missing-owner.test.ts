import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("missing-owner", () => {
  it("fires on an ownerless objective and its ownerless key results", () => {
    const found = expectRule(
      "missing-owner",
      doc`
        ---
        owner: "@exec"
        ---
        ### [[O5]]: Fewer accidents and near misses
        - [[KR1]]: Near-miss reports from 70% to 95%
        - KR2: Incidents from 10 to 5 @safety-ana
        - KR3: Audits from 1 to 4
          - owner: "@jo"
        - [ ] [[Safety board appointed]]
      `,
    );
    assert.equal(found[0].severity, "hint");
    assert.match(found[0].message, /O5 has no owner/);
    assert.match(found[1].message, /O5 KR1/);
  });

  it("key results inherit the objective's owner", () => {
    expectRule(
      "missing-owner",
      doc`
        ### O5: Fewer accidents
        owner: "@jonas"
        - KR1: Near-miss reports from 70% to 95%
        - Incidents from 10 to 5
      `,
    );
  });

  it("can be turned off from front matter", () => {
    expectRule("missing-owner", "---\nrules: { missing-owner: off }\n---\n### O5: Fewer accidents\n- KR1: Reports from 70% to 95%\n");
  });
});
