import * as assert from "node:assert/strict";
import { defaultConfig, toRangeLike, Workspace } from "../../../src/engine";
import { doc, expectRule, markers, TODAY } from "../helpers";

describe("alignment-cycle", () => {
  it("fires on both links of a two-objective cycle in one file, with the path", () => {
    const found = expectRule(
      "alignment-cycle",
      doc`
        ### O7: Electrify the inner-harbour route
        aligns: [[[O8](#o8)]]
        - KR1: Ferries from 0 to 2
        ### O8: Cut harbour emissions
        aligns: [[#o7]]
        - KR1: CO2 from 410 to 360
      `,
    );
    assert.equal(found[0].severity, "error");
    assert.match(found[0].message, /O7 → O8 → O7/);
    assert.match(found[1].message, /O8 → O7 → O8/);
  });

  it("a self-link and a three-step cycle", () => {
    const found = expectRule(
      "alignment-cycle",
      doc`
        ## O1: Grow
        aligns: [[#o1]]
        - KR1: Revenue from 1 to 2
        ## O2: A
        aligns: [[#o3]]
        - KR1: A from 1 to 2
        ## O3: B
        aligns: [[#o4]]
        - KR1: B from 1 to 2
        ## O4: C
        aligns: [[#o2]]
        - KR1: C from 1 to 2
      `,
    );
    assert.match(found[1].message, /O2 → O3 → O4 → O2/);
  });

  it("a chain without a cycle, and supports links, do not fire", () => {
    expectRule(
      "alignment-cycle",
      doc`
        ## O1: Top
        supports: O2
        - KR1: Revenue from 1 to 2
        ## O2: Middle
        aligns: #o1
        supports: O1
        - KR1: A from 1 to 2
        ## O3: Bottom
        aligns: #o2, #o1
        - KR1: B from 1 to 2
      `,
    );
  });

  it("a link that reaches a cycle it is not part of does not fire", () => {
    expectRule(
      "alignment-cycle",
      doc`
        ## O1: Outside
        aligns: #o2
        - KR1: Revenue from 1 to 2
        ## O2: A
        aligns: [[#o3]]
        - KR1: A from 1 to 2
        ## O3: B
        aligns: [[#o2]]
        - KR1: B from 1 to 2
      `,
    );
  });

  it("across two files of a workspace (by slug and by label), both ends report", () => {
    const A = "file:///ws/a.okr.md";
    const B = "file:///ws/b.okr.md";
    const a = markers("## O1: Grow revenue\naligns: [[b.okr.md#O1]]\n- KR1: Revenue from 1 to 2\n");
    const b = markers("## O1: Cut costs\naligns: [[[A](a.okr.md#o1-grow-revenue)]]\n- KR1: Cost from 2 to 1\n");
    const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    ws.set(A, a.text);
    ws.set(B, b.text);
    const inA = ws.diagnostics(A).filter((d) => d.code === "alignment-cycle");
    const inB = ws.diagnostics(B).filter((d) => d.code === "alignment-cycle");
    assert.deepEqual(inA.map((d) => toRangeLike(d.range)), a.ranges);
    assert.deepEqual(inB.map((d) => toRangeLike(d.range)), b.ranges);
    assert.match(inA[0].message, /O1 → O1 → O1/);
    // Break the cycle: no more diagnostics.
    ws.set(B, "## O1: Cut costs\n- KR1: Cost from 2 to 1\n");
    assert.deepEqual(ws.diagnostics(A).filter((d) => d.code === "alignment-cycle"), []);
  });
});
