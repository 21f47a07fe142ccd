import * as assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { analyzeText, defaultConfig, findObjective, Workspace } from "../../src/engine";
import { replacement } from "../../src/engine/text/changes";
import { TODAY } from "./helpers";

function companyWorkspace() {
  const dir = resolve("samples/company");
  const ws = new Workspace({
    configFor: () => defaultConfig(),
    readFile: (uri) => {
      try {
        return readFileSync(new URL(uri), "utf8");
      } catch {
        return undefined;
      }
    },
    today: TODAY,
  });
  const uris = readdirSync(dir).map((f) => {
    const uri = pathToFileURL(resolve(dir, f)).href;
    ws.set(uri, readFileSync(resolve(dir, f), "utf8"));
    return uri;
  });
  return { ws, uris, uri: (name: string) => pathToFileURL(resolve(dir, name)).href };
}

describe("workspace: files analysed together", () => {
  it("finds objectives of the current version after edits (the index is handed on, or made again)", () => {
    const uri = "file:///w.okr.md";
    const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    let text = "## O1: Grow\n- KR1: a from 1 to 2\n\n## O2: Keep\nsupports: O1\n- KR1: b from 1 to 2\n";
    ws.set(uri, text);
    ws.diagnostics(uri);
    const edit = (from: string, to: string) => {
      const at = text.indexOf(from);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      ws.set(uri, text, replacement(at, from.length, to.length));
      ws.diagnostics(uri);
      return ws.analysis(uri)!.scorecard;
    };
    let scorecard = edit("a from 1", "a from 5");
    assert.equal(findObjective(scorecard, "o1"), scorecard.objectives[0], "the re-read O1, not the one it replaced");
    assert.equal(findObjective(scorecard, "grow"), undefined);
    assert.equal(findObjective(scorecard, "o1-grow"), scorecard.objectives[0]);
    scorecard = edit("O1: Grow", "O3: Grow");
    assert.equal(findObjective(scorecard, "o1"), undefined);
    assert.equal(findObjective(scorecard, "o3"), scorecard.objectives[0]);
    assert.equal(findObjective(scorecard, "o3-grow"), scorecard.objectives[0]);
    // A new title keeps the id index and drops the slug index: the new slug is found, the old one not.
    scorecard = edit("O3: Grow", "O3: Grow more");
    assert.equal(findObjective(scorecard, "#O3"), scorecard.objectives[0]);
    assert.equal(findObjective(scorecard, "o3-grow"), undefined);
    assert.equal(findObjective(scorecard, "o3-grow-more"), scorecard.objectives[0]);
    // O2 still supports O1, which was renamed O3 above.
    assert.deepEqual(ws.diagnostics(uri).filter((d) => d.code === "broken-alignment").map((d) => d.message), [
      "supports: no objective 'O1' in this file (objectives: O3, O2).",
    ]);
  });

  it("hands on which objectives share an id: a duplicate label is reported at the re-read objective", () => {
    const uri = "file:///d.okr.md";
    const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    let text = "## O1: Grow\n- KR1: a from 1 to 2\n\n## O1: Again\n- KR1: b from 1 to 2\n\n## O2: Keep\n- KR1: c from 1 to 2\n";
    ws.set(uri, text);
    const duplicates = () => ws.diagnostics(uri).filter((d) => d.code === "duplicate-label");
    assert.equal(duplicates().length, 1);
    for (const [from, to] of [["b from 1", "b from 3"], ["a from 1", "a from 4"]]) {
      const at = text.indexOf(from);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      ws.set(uri, text, replacement(at, from.length, to.length));
      const [found] = duplicates();
      const [first, second] = ws.analysis(uri)!.scorecard.objectives;
      assert.equal(found.range, second.labelRange, "the second O1 of this version");
      assert.equal(found.related![0].range, first.labelRange, "the first O1 of this version");
    }
  });

  it("finds an objective by label before slug, the first of duplicates, any case", () => {
    const text = ["## O1: Grow", "## O1: Shrink", "## O2 - O3", "## O3: Later", "### Objective: Unnumbered", ""].join("\n");
    const scorecard = analyzeText(text, { uri: "file:///f.okr.md", config: defaultConfig(), today: TODAY }).scorecard;
    const title = (fragment: string) => findObjective(scorecard, fragment)?.title;
    assert.equal(title("#o1"), "Grow");
    assert.equal(title("O1"), "Grow");
    assert.equal(title("o1-shrink"), "Shrink");
    assert.equal(title("#o3"), "Later", "the label O3, not the O2 whose title is O3");
    assert.equal(title("o2-o3"), "O3");
    assert.equal(title("#o5"), "Unnumbered");
    assert.equal(title("objective-unnumbered"), "Unnumbered");
    assert.equal(title("#o9"), undefined);
  });

  it("resolves aligns links across files by label and by heading slug, and knows each objective's children", () => {
    const { ws, uri } = companyWorkspace();
    const company = ws.analysis(uri("company.okr.md"))!.scorecard;
    const children = company.objectives.map((o) => [o.id, ws.childrenOf(o).map((c) => `${c.scorecard.uri.split("/").pop()}#${c.objective.id}`)]);
    const linked = children.filter(([, list]) => list.length > 0);
    assert.ok(linked.length >= 2, JSON.stringify(children));
    const all = linked.flatMap(([, list]) => list as string[]);
    assert.ok(all.some((c) => c.startsWith("team-payments")));
    assert.ok(all.some((c) => c.startsWith("team-platform")));
    for (const u of [uri("company.okr.md"), uri("team-payments.okr.md"), uri("team-platform.okr.md")]) {
      assert.deepEqual(ws.diagnostics(u).filter((d) => d.code === "broken-alignment" || d.code === "alignment-cycle"), []);
    }
  });

  it("reports a link that breaks when its target changes, and heals when it comes back", () => {
    const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    const parent = "file:///w/company.okr.md";
    const child = "file:///w/team/team.okr.md";
    ws.set(parent, "# Co\n## O2: Grow revenue\n- x from 1 to 2\n");
    ws.set(child, "# Team\n## O1: Sell more\naligns: ../company.okr.md#o2-grow-revenue, [Co](../company.okr.md#O2)\n- x from 1 to 2\n");
    assert.deepEqual(ws.diagnostics(child).filter((d) => d.code === "broken-alignment"), []);
    assert.equal(ws.childrenOf(ws.analysis(parent)!.scorecard.objectives[0]).length, 2);
    ws.set(parent, "# Co\n## O3: Something else\n");
    const broken = ws.diagnostics(child).filter((d) => d.code === "broken-alignment");
    assert.equal(broken.length, 2);
    assert.match(broken[0].message, /no objective 'o2-grow-revenue'/);
    ws.delete(parent);
    assert.match(ws.diagnostics(child).find((d) => d.code === "broken-alignment")!.message, /does not exist/);
  });

  it("finds a cycle that runs through two files", () => {
    const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    ws.set("file:///w/a.okr.md", "## O1: a\naligns: b.okr.md#o1\n- x from 1 to 2\n");
    ws.set("file:///w/b.okr.md", "## O1: b\naligns: a.okr.md#O1\n- x from 1 to 2\n");
    const cycle = ws.diagnostics("file:///w/a.okr.md").filter((d) => d.code === "alignment-cycle");
    assert.equal(cycle.length, 1);
    assert.match(cycle[0].message, /O1 → O1 → O1/);
  });
});
