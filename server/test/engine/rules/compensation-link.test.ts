import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("compensation-link", () => {
  it("fires on key-result, objective and initiative text that mentions pay", () => {
    const [d] = expectRule(
      "compensation-link",
      doc`
        ### O10: A crew culture people stay for
        owner: "@sam"
        - KR1: Engagement score from 6.8 to 7.5 @sam, counts towards the captains' quarterly [[bonus]]
        - KR2: [[Salary]] bands published for 100% of roles
        - Initiative: Tie the [[compensation]] review to this OKR
        ### O11: Hit targets for the [[pay raise]]
        - KR1: Retention from 80% to 90%
      `,
    );
    assert.equal(d.severity, "info");
    assert.match(d.message, /'bonus'/);
  });

  it("does not fire on ordinary OKR text or on prose sections", () => {
    expectRule(
      "compensation-link",
      doc`
        ### O1: Pay restaurants out the same day
        - KR1: Restaurants using instant payouts from 0 to 2,500
        - KR2: Sales commission product adopted by 40 merchants
        ## Notes
        Bonus talk goes here, not in the OKRs.
      `,
    );
  });
});
