import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { readFileSync } from "node:fs";
import { allRules, analyzeText, defaultConfig, endOf, LineIndex, Scorecard, Workspace } from "../../src/engine";
import { ChangedRegion, mergeChanges, replacement } from "../../src/engine/text/changes";
import { TODAY } from "./helpers";

/**
 * A document analysed after edits, reusing the sections the edits did not touch, gives exactly what
 * a fresh analysis of the same text gives: the same model, grades and diagnostics at the same places.
 */
const runs = Number(process.env.OKR_PROPERTY_RUNS ?? 10_000) / 5;
const seed = Number(process.env.OKR_PROPERTY_SEED ?? 20272);
const URI = "file:///p/doc.okr.md";

const samples = ["commuter-rail.okr.md", "commuter-rail-grid.okr.md", "every-rule.okr.md", "saas-okrs.okr.md"].map((f) =>
  readFileSync(`samples/${f}`, "utf8"),
);

/** Edits that move, split, join and hide sections, or change what they read as. */
const insertions = [
  "\n", "\n\n", "x", "## ", "### O9: New objective\n", "## Customer\n", "# Title\n", "- KR1: Revenue from 1 to 2\n", "KR1: ",
  "- KR9: Churn from 5% to 3%\n  - 2027-01-10: 4%\n", "owner: @a\n", "```\n", "~~~\n", "<!-- ", " -->", "<!-- okr-disable missing-owner -->\n",
  "| Perspective | Objective | Measure | Target |\n|---|---|---|---|\n| Customer | O8: y | NPS | ≥ 5 |\n", "---\n", "period: 2027-Q2\n",
  "Objective: Unnumbered\n", "### Objective: Another\n- KR1: a from 1 to 2\n", "\r\n", "🚀", "- [x] Ship it\n",
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  // -1: at the very end, where a document's last line is often empty.
  at: fc.oneof({ weight: 9, arbitrary: fc.nat() }, { weight: 1, arbitrary: fc.constant(-1) }),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 40 })),
  insert: fc.oneof(fc.constantFrom(...insertions), fc.constant("")),
});

function apply(text: string, edit: Edit): { text: string; change: ChangedRegion } {
  const at = edit.at < 0 ? text.length : edit.at % (text.length + 1);
  const remove = Math.min(edit.remove, text.length - at);
  return { text: text.slice(0, at) + edit.insert + text.slice(at + remove), change: replacement(at, remove, edit.insert.length) };
}

/** The whole model as JSON, with the back references written as names and the sections as their lines. */
function snapshot(scorecard: Scorecard): string {
  return JSON.stringify(scorecard, function (this: unknown, key, value) {
    if (key === "lines" || key === "objective") return undefined;
    if (key === "sections") return scorecard.sections.map((s) => [s.start, s.end]);
    if (key === "perspective") return value?.name;
    if (key === "objectives" && this !== scorecard) return (value as { id: string }[]).map((o) => o.id);
    return value;
  });
}

function fresh(text: string) {
  const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
  workspace.set(URI, text);
  return { scorecard: workspace.analysis(URI)!.scorecard, diagnostics: workspace.diagnostics(URI) };
}

describe("incremental analysis", () => {
  // Edits told (as an editor tells them) or not, analysed after each or after several (their regions add up).
  // Told, the new version is the text, or as the server keeps it: its line index edited, in pieces
  // short enough that edits join and split them.
  const step = fc.record({ edit: editArbitrary, analyse: fc.boolean() });
  const how = fc.constantFrom("untold", "told", "told, in pieces");
  it(`after any edits equals a fresh analysis (${runs} edit sequences, seed ${seed})`, function () {
    this.timeout(0);
    fc.assert(
      fc.property(fc.constantFrom(...samples), fc.array(step, { minLength: 1, maxLength: 8 }), how, (base, steps, told) => {
        const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
        let text = base;
        let lines = new LineIndex(text, 64);
        workspace.set(URI, told === "told, in pieces" ? lines : text);
        workspace.diagnostics(URI);
        for (const [i, { edit, analyse }] of steps.entries()) {
          const edited = apply(text, edit);
          text = edited.text;
          const { start, oldEnd, newEnd } = edited.change;
          lines = lines.edited(start, oldEnd, text.slice(start, newEnd));
          if (told === "told, in pieces") workspace.set(URI, lines, edited.change);
          else workspace.set(URI, text, told === "told" ? edited.change : undefined);
          if (!analyse && i < steps.length - 1) continue;
          const diagnostics = workspace.diagnostics(URI);
          const expected = fresh(text);
          assert.equal(snapshot(workspace.analysis(URI)!.scorecard), snapshot(expected.scorecard));
          assert.deepEqual(diagnostics, expected.diagnostics);
        }
      }),
      { numRuns: runs, seed },
    );
  });

  it("reads only the section an edit touched, and moves the ones below", () => {
    const text = readFileSync("samples/commuter-rail.okr.md", "utf8");
    const first = analyzeText(text, { uri: URI, config: defaultConfig(), today: TODAY });
    const before = first.scorecard;
    const edited = before.objectives[1];
    const at = before.lines.offsetAt(endOf(edited.keyResults[0].textRange));
    // A new line in the second objective: the first stays, the rest move one line down.
    const after = analyzeText(text.slice(0, at) + "\n  - note" + text.slice(at), {
      uri: URI,
      config: defaultConfig(),
      today: TODAY,
      previous: first,
    }).scorecard;
    assert.equal(after.objectives.length, before.objectives.length);
    after.objectives.forEach((o, i) => {
      if (i === 1) assert.notEqual(o, before.objectives[i], "the edited objective is read again");
      else assert.equal(o, before.objectives[i], `${o.id} is reused`);
    });
    const last = after.objectives[after.objectives.length - 1];
    const fromScratch = analyzeText(after.lines.text, { uri: URI, config: defaultConfig(), today: TODAY }).scorecard;
    assert.deepEqual(last.range, fromScratch.objectives[fromScratch.objectives.length - 1].range);
  });

  it("keeps the grades and checks of the sections an edit did not touch", () => {
    const text = readFileSync("samples/every-rule.okr.md", "utf8");
    const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    workspace.set(URI, text);
    const before = workspace.diagnostics(URI);
    const objectives = workspace.analysis(URI)!.scorecard.objectives;
    // One character at the end of the last objective's heading: no line moves, one section is read again.
    const edited = objectives[objectives.length - 1];
    const at = workspace.analysis(URI)!.scorecard.lines.offsetAt(endOf(edited.titleRange));
    workspace.set(URI, text.slice(0, at) + "x" + text.slice(at), replacement(at, 0, 1));
    const after = workspace.diagnostics(URI);
    const objectiveOnly = new Set(allRules.filter((r) => r.checkObjective && !r.check).map((r) => r.code));
    const untouched = before.filter((d) => objectiveOnly.has(d.code) && d.range.startLine < edited.range.startLine);
    assert.ok(untouched.length > 10, `${untouched.length} objective diagnostics above the edit`);
    for (const d of untouched) assert.ok(after.includes(d), `${d.code} at line ${d.range.startLine + 1} is the same object`);
    const scorecard = workspace.analysis(URI)!.scorecard;
    scorecard.objectives.slice(0, -1).forEach((o, i) => assert.equal(o, objectives[i], `${o.id} is reused`));
    // Grades (and everything else) as a fresh analysis gives them.
    assert.equal(snapshot(scorecard), snapshot(fresh(scorecard.lines.text).scorecard));
  });

  it("finds sections moved elsewhere (cut and paste) by their text, told where or not", () => {
    const text = readFileSync("samples/commuter-rail.okr.md", "utf8");
    const from = text.indexOf("## Customer");
    const block = text.slice(from, text.indexOf("## Internal Process"));
    const rest = text.replace(block, "");
    const to = rest.indexOf("## Notes");
    const moved = rest.slice(0, to) + block + rest.slice(to);
    const cut = replacement(from, block.length, 0);
    const paste = replacement(to, 0, block.length);
    for (const change of [undefined, mergeChanges(cut, paste)]) {
      const before = analyzeText(text, { uri: URI, config: defaultConfig(), today: TODAY });
      const after = analyzeText(moved, { uri: URI, config: defaultConfig(), today: TODAY, previous: before, change }).scorecard;
      const fromScratch = analyzeText(moved, { uri: URI, config: defaultConfig(), today: TODAY }).scorecard;
      assert.equal(snapshot(after), snapshot(fromScratch));
      const reused = after.objectives.filter((o) => before.scorecard.objectives.includes(o));
      assert.equal(reused.length, after.objectives.length, "every objective's text is unchanged, so every one is reused");
    }
  });

  it("renumbers objectives without a number below a new one, keeping their sections", () => {
    // B's key result mentions a bonus: compensation-link makes a range of its own when it checks B.
    const text = "## O1: A\n- KR1: x from 1 to 2\n\n## Objective: B\n- KR1: y from 1 to 2, counts towards the bonus\n";
    const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    workspace.set(URI, text);
    workspace.diagnostics(URI);
    const b = workspace.analysis(URI)!.scorecard.objectives[1];
    assert.equal(b.id, "O2");
    const inserted = "## O7: New\n- KR1: z from 1 to 2\n\n";
    workspace.set(URI, inserted + text, replacement(0, 0, inserted.length));
    const after = workspace.analysis(URI)!.scorecard;
    assert.equal(after.objectives[2], b, "B's section is taken over");
    assert.equal(b.id, "O3");
    const expected = fresh(inserted + text);
    assert.equal(snapshot(after), snapshot(expected.scorecard));
    assert.deepEqual(workspace.diagnostics(URI), expected.diagnostics);
    assert.ok(expected.diagnostics.some((d) => d.message.includes("O3")), "messages name the new id");
    // Checked again after each renumbering, a section keeps only its last check's ranges.
    const section = () => workspace.analysis(URI)!.scorecard.sections.find((s) => s.objective === b)!;
    const rangesAfterOne = section().ranges.length;
    for (let i = 0; i < 6; i++) {
      const current = workspace.analysis(URI)!.scorecard.lines.text;
      const next = current.startsWith(inserted) ? current.slice(inserted.length) : inserted + current;
      workspace.set(URI, next);
      workspace.diagnostics(URI);
    }
    assert.equal(section().ranges.length, rangesAfterOne);
  });

  it("keeps a heading added after the last line break (the section before it gets shorter)", () => {
    const before = analyzeText("## O1: A\n- KR1: x from 1 to 2\n", { uri: URI, config: defaultConfig(), today: TODAY });
    const after = analyzeText("## O1: A\n- KR1: x from 1 to 2\n## O2: B\n", { uri: URI, config: defaultConfig(), today: TODAY, previous: before });
    assert.deepEqual(
      after.scorecard.objectives.map((o) => o.id),
      ["O1", "O2"],
    );
  });

  it("takes the rest of the document over as it was when the edited section keeps its place", () => {
    const text = readFileSync("samples/commuter-rail.okr.md", "utf8");
    const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    workspace.set(URI, text);
    workspace.diagnostics(URI);
    const before = workspace.analysis(URI)!.scorecard;
    const edited = before.objectives[2];
    const at = before.lines.offsetAt(endOf(edited.keyResults[0].textRange));
    workspace.set(URI, text.slice(0, at) + "x" + text.slice(at), replacement(at, 0, 1));
    const diagnostics = workspace.diagnostics(URI);
    const after = workspace.analysis(URI)!.scorecard;
    assert.deepEqual(after.perspectives, before.perspectives, "the same perspectives");
    after.perspectives.forEach((p, i) => assert.equal(p, before.perspectives[i], `${p.name} is taken over`));
    after.objectives.forEach((o, i) => (i === 2 ? assert.notEqual(o, edited) : assert.equal(o, before.objectives[i])));
    assert.ok(after.perspectives.some((p) => p.objectives.includes(after.objectives[2])), "the re-read objective is in its perspective");
    const expected = fresh(after.lines.text);
    assert.equal(snapshot(after), snapshot(expected.scorecard));
    assert.deepEqual(diagnostics, expected.diagnostics);
    // A new current value grades the objective otherwise: its perspective and the scorecard are rolled up again.
    const value = after.lines.text.indexOf("current: $41.8M") + "current: $4".length;
    const text2 = after.lines.text.slice(0, value) + "3" + after.lines.text.slice(value + 1);
    workspace.set(URI, text2, replacement(value, 1, 1));
    const regraded = workspace.analysis(URI)!.scorecard;
    assert.equal(regraded.perspectives[0], before.perspectives[0], "still spliced");
    assert.notEqual(regraded.perspectives[0].grade, expected.scorecard.perspectives[0].grade);
    assert.equal(snapshot(regraded), snapshot(fresh(text2).scorecard));
  });

  it("splices an edit only where the rest of the document places as it did, and equals a fresh analysis either way", () => {
    const table = "| Perspective | Objective | Measure | Target |\n|---|---|---|---|\n| Customer | O8: Keep riders | NPS | ≥ 50 |\n";
    const base = `# Plan\n\n## Notes\nSome text.\n\n## Rows\n\n${table}\n## Financial\n\n### O1: Grow\n- KR1: Revenue from 1 to 2\n\n## Customers\n\n### O2: Keep\n- KR1: NPS from 1 to 2\n- KR2: Churn from 5 to\n\n## Later\n`;
    const cases: [string, string, string, boolean][] = [
      ["a key result", "Revenue from 1 to 2", "Revenue from 1 to 3", true],
      ["another heading", "## Notes", "## Note", true],
      ["a parse error added", "Revenue from 1 to 2", "Revenue from 1 to", true],
      ["a parse error removed", "Churn from 5 to", "Churn from 5 to 3", true],
      ["an objective ending a line later", "Churn from 5 to\n\n", "Churn from 5 to\nMore.\n", true],
      ["a suppression", "Some text.", "<!-- okr-disable missing-owner -->", true],
      ["the title", "# Plan", "# Plans", false],
      ["the heading that names a perspective first", "## Financial", "## Finance", false],
      ["a later heading naming a perspective a row named first", "## Customers", "## Customer", true],
      ["the row that names a perspective first", "| Customer |", "| Customers |", false],
      ["a heading that stops naming a perspective", "## Customers", "## Customerz", false],
      ["a line more", "Some text.", "Some\ntext.", true],
      ["a line fewer", "Churn from 5 to\n", "Churn from 5 to", true],
      ["a change over the line a perspective ends on", "Churn from 5 to\n\n", "Churn from 5 to\n", false],
      ["a line more in a key result's children", "NPS from 1 to 2\n", "NPS from 1 to 2\n  - baseline: 1\n", true],
      ["a key result added to the last objective of a perspective", "Revenue from 1 to 2", "Revenue from 1 to 2\n- KR2: Cost from 3 to 2", true],
      ["a line more in a table", "| Customer | O8: Keep riders | NPS | ≥ 50 |", "| Customer | O8: Keep riders | NPS | ≥ 50 |\n| | O9: New | CSAT | 4 |", false],
      ["a front matter typed above", "", "---\ntitle: T\n---\n", false],
    ];
    for (const [what, from, to, spliced] of cases) {
      const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
      workspace.set(URI, base);
      workspace.diagnostics(URI);
      const before = workspace.analysis(URI)!.scorecard;
      const at = base.indexOf(from);
      const text = base.slice(0, at) + to + base.slice(at + from.length);
      workspace.set(URI, text, replacement(at, from.length, to.length));
      const diagnostics = workspace.diagnostics(URI);
      const after = workspace.analysis(URI)!.scorecard;
      assert.equal(after.perspectives[0] === before.perspectives[0], spliced, `${what}: ${spliced ? "" : "not "}spliced`);
      const expected = fresh(text);
      assert.equal(snapshot(after), snapshot(expected.scorecard), what);
      assert.deepEqual(diagnostics, expected.diagnostics, what);
    }
  });

  it("takes an empty change where the first section starts, which touches no section (an editor may send one)", () => {
    const text = "---\nperiod: 2027-Q1\n---\n## Financial\n\n### O1: Grow\n- KR1: Revenue from 1 to 2\n";
    const first = analyzeText(text, { uri: URI, config: defaultConfig(), today: TODAY });
    const at = text.indexOf("## Financial");
    const again = analyzeText(text, { uri: URI, config: defaultConfig(), today: TODAY, previous: first, change: replacement(at, 0, 0) });
    assert.equal(snapshot(again.scorecard), snapshot(fresh(text).scorecard));
  });

  it("reads everything again when the front matter changes what values mean", () => {
    const text = "---\nperiod: 2027-Q1\n---\n## O1: Grow\n- KR1: Revenue from 1 to 2 by Mar 1\n";
    const first = analyzeText(text, { uri: URI, config: defaultConfig(), today: TODAY });
    const before = first.scorecard;
    const after = analyzeText(text.replace("2027-Q1", "2028-Q1"), {
      uri: URI,
      config: defaultConfig(),
      today: TODAY,
      previous: first,
    }).scorecard;
    assert.notEqual(after.objectives[0], before.objectives[0]);
    assert.equal(after.objectives[0].keyResults[0].deadline?.text, "Mar 1");
    assert.notEqual(after.objectives[0].keyResults[0].deadline?.day, before.objectives[0].keyResults[0].deadline?.day);
  });
});
