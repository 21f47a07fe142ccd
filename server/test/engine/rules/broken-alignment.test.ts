import * as assert from "node:assert/strict";
import { defaultConfig, toRangeLike, Workspace } from "../../../src/engine";
import { doc, expectRule, markers, TODAY } from "../helpers";

const OTHER = doc`
  # Company
  ## O1: Grow revenue
  owner: "@ceo"
  - KR1: Revenue from $1M to $2M — current $1.5M
  ## O2: Delight customers
  owner: "@ceo"
  - KR1: NPS from 30 to 40 — current 35
`;

function workspace(files: Record<string, string>, readFile: (uri: string) => string | undefined = () => undefined) {
  const ws = new Workspace({ configFor: () => defaultConfig(), readFile, today: TODAY });
  for (const [uri, text] of Object.entries(files)) ws.set(uri, text);
  return ws;
}

function brokenIn(ws: Workspace, uri: string) {
  return ws.diagnostics(uri).filter((d) => d.code === "broken-alignment");
}

describe("broken-alignment", () => {
  it("fires on an aligns link to a file that does not exist, naming the file", () => {
    const [d] = expectRule("broken-alignment", "## O1: Grow fare revenue\naligns: [[[Group O2](../group/group-strategy-2027.okr.md#o2)]]\n- KR1: Revenue from 1 to 2\n");
    assert.equal(d.severity, "error");
    assert.match(d.message, /group-strategy-2027\.okr\.md/);
    expectRule("broken-alignment", "## O1: Grow fare revenue\naligns: [[commuter-rail.okr.md#o12]]\n- KR1: Revenue from 1 to 2\n");
  });

  it("supports: an objective of this file that does not exist, listing the known ones", () => {
    const [d] = expectRule(
      "broken-alignment",
      doc`
        ## O3: Sail on time
        - KR1: Punctuality from 80% to 90%
        ## O7: Electrify
        supports: O3, [[O42]]
        - KR1: Battery ferries from 0 to 2
      `,
    );
    assert.match(d.message, /O42/);
    assert.match(d.message, /O3, O7/);
  });

  it("in-file links by label or slug resolve", () => {
    expectRule(
      "broken-alignment",
      doc`
        ## O1: Grow revenue
        - KR1: Revenue from 1 to 2
        ## O2: Cut costs
        aligns: [O1](#o1)
        - KR1: Cost from 2 to 1
        ## O3: More margin
        aligns: #O1, #o2-cut-costs
        supports: o1
        - KR1: Margin from 1 to 2
      `,
    );
  });

  it("in-file links to a missing objective fire", () => {
    expectRule("broken-alignment", "## O7: Electrify\naligns: [[#o8]]\n- KR1: Ferries from 0 to 2\n");
  });

  it("parent: a file that does not exist", () => {
    const [d] = expectRule("broken-alignment", "---\nparent: [[company.okr.md]]\n---\n## O1: Grow\n- KR1: Revenue from 1 to 2\n");
    assert.match(d.message, /company\.okr\.md/);
  });

  describe("across files in a workspace", () => {
    const A = "file:///ws/team.okr.md";
    const B = "file:///ws/other.okr.md";

    it("a link by GitHub heading slug and by label (any case) resolves", () => {
      const ws = workspace({
        [A]: doc`
          ---
          parent: other.okr.md
          ---
          ## O1: Pay out faster
          aligns: [Company O1](other.okr.md#o1-grow-revenue)
          - KR1: Payouts from 1 to 2
          ## O2: Fewer tickets
          aligns: other.okr.md#o1, ./other.okr.md#O2
          - KR1: Tickets from 2 to 1
        `,
        [B]: OTHER,
      });
      assert.deepEqual(brokenIn(ws, A), []);
    });

    it("a link to an objective the other file does not have fires, listing its objectives", () => {
      const { text, ranges } = markers("## O1: Pay out faster\naligns: [[other.okr.md#o9]], [[[X](other.okr.md#o1-grow-revnue)]]\n- KR1: Payouts from 1 to 2\n");
      const ws = workspace({ [A]: text, [B]: OTHER });
      const found = brokenIn(ws, A);
      assert.deepEqual(found.map((d) => toRangeLike(d.range)), ranges);
      assert.match(found[0].message, /'o9'/);
      assert.match(found[0].message, /O1, O2/);
      assert.equal(found[0].related?.[0].uri, B);
    });

    it("a file outside the workspace is read from disk to resolve the link", () => {
      const ws = workspace({ [A]: "## O1: Pay out faster\naligns: ../company/other.okr.md#o2\n- KR1: Payouts from 1 to 2\n" }, (uri) =>
        uri === "file:///company/other.okr.md" ? OTHER : undefined,
      );
      assert.deepEqual(brokenIn(ws, A), []);
      const ws2 = workspace({ [A]: "## O1: Pay out faster\naligns: ../company/other.okr.md#o3\n- KR1: Payouts from 1 to 2\n" }, (uri) =>
        uri === "file:///company/other.okr.md" ? OTHER : undefined,
      );
      assert.equal(brokenIn(ws2, A).length, 1);
    });

    it("the diagnostic goes away when the target appears, and comes back when it is removed", () => {
      const ws = workspace({ [A]: "## O1: Pay out faster\naligns: other.okr.md#o2\n- KR1: Payouts from 1 to 2\n" });
      assert.equal(brokenIn(ws, A).length, 1);
      ws.set(B, OTHER);
      assert.equal(brokenIn(ws, A).length, 0);
      ws.set(B, OTHER.replace("## O2: Delight customers", "## O3: Delight customers"));
      assert.equal(brokenIn(ws, A).length, 1);
    });
  });
});
