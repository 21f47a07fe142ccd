import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("empty-perspective", () => {
  it("fires on the name of a perspective heading with only prose under it", () => {
    const [d] = expectRule(
      "empty-perspective",
      doc`
        ---
        framework: bsc
        ---
        # Scorecard
        ## [[Customer]]

        Waiting for the rider survey.

        ## Internal Process
        ### O1: Sail on time
        - KR1: On-time departures from 90% to 95% — current 92%
      `,
    );
    assert.equal(d.severity, "warning");
    assert.match(d.message, /Customer/);
  });

  it("reports the canonical name for a synonym heading, on the heading text", () => {
    const [d] = expectRule("empty-perspective", "# Scorecard\n## [[Customers perspective]]\n\nTBD\n");
    assert.match(d.message, /Customer/);
  });

  it("does not fire when the perspective holds an objective", () => {
    expectRule(
      "empty-perspective",
      doc`
        # Scorecard
        ## Customer
        ### O1: Riders love the service
        - Customer reviews from 1,000 to 1,100 — current 1,060
      `,
    );
  });

  it("a deeper prose heading inside the perspective does not end it", () => {
    expectRule(
      "empty-perspective",
      doc`
        # Scorecard
        ## Customer
        ### Context
        Some notes.
        ### O1: Riders love the service
        - Customer reviews from 1,000 to 1,100 — current 1,060
      `,
    );
  });

  it("an objective after a heading of the same level is not in the perspective", () => {
    expectRule(
      "empty-perspective",
      doc`
        # Scorecard
        ## [[Customer]]
        ## Notes
        ### O1: Riders love the service
        - Customer reviews from 1,000 to 1,100 — current 1,060
      `,
    );
  });
});
