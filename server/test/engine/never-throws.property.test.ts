import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { readFileSync } from "node:fs";
import { analyzeText, defaultConfig, LineIndex, Range, Workspace } from "../../src/engine";
import { buildViewModel, renderBody } from "../../src/engine/render";
import { TODAY } from "./helpers";

/**
 * No input makes an entry point throw, and every range lies inside its document. CI runs 1e4
 * documents; set OKR_PROPERTY_RUNS for more and OKR_PROPERTY_SEED to replay a failure.
 */
const runs = Number(process.env.OKR_PROPERTY_RUNS ?? 10_000);
const seed = Number(process.env.OKR_PROPERTY_SEED ?? 20271);

const fragments = [
  "---\n", "title: T\n", "period: 2027-Q1\n", "framework: bsc\n", "today: 2027-02-30\n", "rules: {x: off}\n",
  "# ", "## ", "### ", "#### ", "Financial", "Customers", "Learnig", "O1: ", "O2. ", "Objective: ", "Objective 3 - ",
  "- ", "* ", "1. ", "  - ", "\t- ", "    ", "- [ ] ", "- [x] ", "KR1: ", "KR 2.1: ", "Initiative: ", "Indicator: ",
  "from ", " to ", " → ", "->", "≥ ", "<= ", "at most ", "under ", "by ", "by 10%", "by end of Q2", "by Mar 1", "by 2027-03-31",
  "$40M", "1,000", "-3.5", "80%", "2x", "1.5k", "€2bn", "ms", "@owner", "— current ", "(now ", ")", "current: ", "baseline: ",
  "confidence: ", "score: ", "weight: ", "aligns: ", "[Co O2](../c.okr.md#o2)", "#o1", "supports: O1, O9", "2027-01-10: ",
  "| Perspective | Objective | Measure | Target |\n", "|---|---|---|---|\n", "| Financial | O1: x | y | ≥ 5 |\n", "|", "<br>",
  "```\n", "~~~", "<!-- ", " -->", "<!-- okr-disable-next-line -->\n", "\n", "\r\n", "\r", "\uFEFF", "🚀", "é", "\u0000", "\\", ":",
];

const documentArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...fragments), { maxLength: 60 }).map((parts) => parts.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))
      .map(([at, length, insert]) => {
        const base = readFileSync("samples/every-rule.okr.md", "utf8");
        const start = at % base.length;
        return base.slice(0, start) + insert + base.slice(start + (length % 20));
      }),
  },
);

function inside(index: LineIndex, range: Range): boolean {
  const { startLine, startCharacter, endLine, endCharacter } = range;
  const ok = (line: number, character: number) => line >= 0 && line < index.lineCount && character >= 0 && character <= index.lineLength(line);
  return ok(startLine, startCharacter) && ok(endLine, endCharacter) && (startLine < endLine || (startLine === endLine && startCharacter <= endCharacter));
}

describe("property: any text is read without throwing, every range inside the document", () => {
  it(`holds for ${runs} generated documents (seed ${seed})`, function () {
    this.timeout(0);
    fc.assert(
      fc.property(documentArbitrary, (text) => {
        const uri = "file:///p/doc.okr.md";
        const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
        ws.set(uri, text);
        const diagnostics = ws.diagnostics(uri);
        const index = new LineIndex(text);
        for (const d of diagnostics) {
          assert.ok(inside(index, d.range), `${d.code} range ${JSON.stringify(d.range)} outside the document`);
          for (const fix of d.fixes ?? []) for (const e of fix.edits) assert.ok(inside(index, e.range), `fix of ${d.code} outside`);
        }
        const { scorecard } = analyzeText(text, { uri, config: defaultConfig(), today: TODAY });
        for (const o of scorecard.objectives) {
          assert.ok(inside(index, o.range) && inside(index, o.titleRange));
          for (const kr of o.keyResults) assert.ok(inside(index, kr.range) && inside(index, kr.textRange));
          assert.ok(o.grade === null || (o.grade >= 0 && o.grade <= 1), `grade ${o.grade}`);
        }
      }),
      { numRuns: runs, seed },
    );
  });
  // Spreading a list into a call overflows its arguments past about 100,000 items: lists that grow
  // with the text are added in loops.
  it("reads a line of 250,000 links, and draws a key result with 150,000 check-ins", () => {
    const links = "## O1: A\naligns: " + Array.from({ length: 250_000 }, (_, i) => `o${i}`).join(", ") + "\n- KR1: x from 1 to 2\n";
    const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    workspace.set("file:///big.okr.md", links);
    assert.equal(workspace.diagnostics("file:///big.okr.md").filter((d) => d.code === "broken-alignment").length, 250_000 - 1, "every link but o1");
    const checkIns = "---\nperiod: 2027-Q1\n---\n## O1: A\n- KR1: x from 1 to 2\n" + "  - 2027-01-10: 1.5\n".repeat(150_000);
    const { scorecard } = analyzeText(checkIns, { uri: "file:///c.okr.md", config: defaultConfig(), today: TODAY });
    assert.match(renderBody(buildViewModel(scorecard)), /<svg class="burnup"/);
  });
});
