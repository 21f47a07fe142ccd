import * as assert from "node:assert/strict";
import { doc, expectRule } from "../helpers";

describe("ungraded-key-result", () => {
  it("fires on a key result with a target but no current value", () => {
    const [d] = expectRule(
      "ungraded-key-result",
      doc`
        ### O4: Modernise ticketing
        owner: "@p"
        - [[KR2]]: Ticket-machine uptime from 91% to 98%
        - KR3: Ticket-machine uptime from 91% to 98% — current 93%
        - KR4: Ticket-machine uptime from 91% to 98% (now 93%)
        - KR5: Ticket-machine uptime from 91% to 98%
          - current: 93%
        - KR6: Ticket-machine uptime from 91% to 98%
          - 2027-02-14: 94.5%
        - [ ] Contract signed
        - KR7: Riders feel safer
      `,
    );
    assert.equal(d.severity, "hint");
    assert.match(d.message, /O4/);
    assert.match(d.message, /current/);
  });

  it("an unlabelled key result is reported on its text", () => {
    expectRule("ungraded-key-result", "## O1: Grow\nowner: \"@a\"\n- [[Revenue from $1M to $2M]]\n");
  });

  it("only invalid check-ins leave it ungraded", () => {
    expectRule("ungraded-key-result", "## O1: Grow\nowner: \"@a\"\n- [[KR1]]: Revenue from $1M to $2M\n  - 2027-02-30: $1.5M\n");
  });
});
