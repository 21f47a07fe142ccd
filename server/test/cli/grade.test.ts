import * as assert from "node:assert/strict";
import { CLEAN_OKR, okr, tempTree } from "./helpers";

interface KrJson {
  id: string;
  line: number;
  text: string;
  baseline: number | null;
  target: number | null;
  current: number | null;
  grade: number | null;
  status: string | null;
}
interface GradeJson {
  file: string;
  title: string | null;
  framework: string;
  period: string | null;
  grade: number | null;
  perspectives: { name: string; grade: number | null }[];
  objectives: { id: string; title: string; perspective: string | null; grade: number | null; keyResults: KrJson[] }[];
}

const EPS = 1e-9;
const close = (actual: number | null, expected: number, what: string) => {
  assert.notEqual(actual, null, what);
  assert.ok(Math.abs((actual as number) - expected) < EPS, `${what}: ${actual} ≠ ${expected}`);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** clamp((current − baseline) / (target − baseline), 0, 1) — spec §2. */
const g = (baseline: number, target: number, current: number) => Math.min(1, Math.max(0, (current - baseline) / (target - baseline)));

function gradeJson(args: string[], cwd?: string): GradeJson {
  const run = okr(["grade", "--format", "json", ...args], { cwd });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as GradeJson;
}

describe("okr grade", () => {
  describe("--format json on samples/commuter-rail.okr.md (hybrid)", () => {
    let report: GradeJson;
    before(() => (report = gradeJson(["samples/commuter-rail.okr.md"])));

    it("has exactly the documented keys", () => {
      assert.deepEqual(Object.keys(report), ["file", "title", "framework", "period", "grade", "perspectives", "objectives"]);
      for (const p of report.perspectives) assert.deepEqual(Object.keys(p), ["name", "grade"]);
      for (const o of report.objectives) {
        assert.deepEqual(Object.keys(o), ["id", "title", "perspective", "grade", "keyResults"]);
        for (const kr of o.keyResults) assert.deepEqual(Object.keys(kr), ["id", "line", "text", "baseline", "target", "current", "grade", "status"]);
      }
    });

    it("names the file, title, framework and period", () => {
      assert.equal(report.file, "samples/commuter-rail.okr.md");
      assert.equal(report.title, "Commuter Rail 2027-Q1");
      assert.equal(report.framework, "hybrid");
      assert.equal(report.period, "2027-Q1");
      assert.deepEqual(
        report.perspectives.map((p) => p.name),
        ["Financial", "Customer", "Internal Process", "Learning & Growth"],
      );
      assert.deepEqual(
        report.objectives.map((o) => o.id),
        ["O1", "O2", "O3", "O4", "O5", "O6", "O7", "O8", "O9", "O10"],
      );
      assert.equal(report.objectives[0].title, "Grow revenue from riders");
      assert.equal(report.objectives[0].perspective, "Financial");
      assert.equal(report.objectives[9].perspective, "Learning & Growth");
    });

    it("grades O1 by hand: KR1 $40M → $41.8M of $44M, KR2 $0.30 → $0.285 of $0.27 (falling)", () => {
      const [kr1, kr2] = report.objectives[0].keyResults;
      assert.equal(kr1.id, "KR1");
      assert.equal(kr1.line, 21);
      assert.match(kr1.text, /^Net fare revenue from \$40M to \$44M/);
      assert.equal(kr1.baseline, 40_000_000);
      assert.equal(kr1.target, 44_000_000);
      assert.equal(kr1.current, 41_800_000);
      close(kr1.grade, 0.45, "O1 KR1");
      assert.equal(kr1.status, "on-track");
      // The last of the dated check-ins is the current value.
      assert.equal(kr2.line, 24);
      assert.equal(kr2.baseline, 0.3);
      assert.equal(kr2.target, 0.27);
      assert.equal(kr2.current, 0.285);
      close(kr2.grade, g(0.3, 0.27, 0.285), "O1 KR2");
      close(report.objectives[0].grade, (0.45 + 0.5) / 2, "O1");
    });

    it("rolls up objectives into perspectives and perspectives (equally) into the scorecard", () => {
      const o = (id: string) => report.objectives.find((x) => x.id === id)!;
      const o2 = mean([g(2.4e6, 3e6, 2.65e6), g(12, 20, 16)]);
      close(o("O2").grade, o2, "O2");
      // O7: KR1 has weight 2.
      close(o("O7").grade, (2 * g(55, 70, 63) + g(36, 24, 30)) / 3, "O7 weighted");
      // O3: a ticked checkbox grades 1; KR3 has no baseline and a rising target, so baseline 0.
      const o3 = o("O3");
      assert.deepEqual([o3.keyResults[0].grade, o3.keyResults[0].baseline, o3.keyResults[0].target, o3.keyResults[0].current], [1, null, null, null]);
      assert.equal(o3.keyResults[2].baseline, 0);
      close(o3.grade, mean([1, g(1000, 1100, 1060), g(0, 80, 65)]), "O3");
      const financial = mean([(0.45 + 0.5) / 2, o2]);
      close(report.perspectives[0].grade, financial, "Financial");
      const perspectiveGrades = report.perspectives.map((p) => p.grade as number);
      close(report.grade, mean(perspectiveGrades), "scorecard");
      for (const p of report.perspectives) {
        const members = report.objectives.filter((x) => x.perspective === p.name).map((x) => x.grade as number);
        close(p.grade, mean(members), p.name);
      }
    });

    it("gives each KR a status from the pace at the front matter's today (2027-02-15)", () => {
      const statuses = report.objectives.flatMap((o) => o.keyResults.map((kr) => `${o.id} ${kr.id} ${kr.status}`));
      assert.ok(statuses.includes("O5 KR2 at-risk"), statuses.join("\n"));
      assert.equal(statuses.filter((s) => !s.endsWith("on-track")).length, 1, statuses.join("\n"));
    });

    it("the front matter's today wins over --today", () => {
      const later = gradeJson(["--today", "2027-03-31", "samples/commuter-rail.okr.md"]);
      assert.deepEqual(later, report);
    });
  });

  describe("--format json on samples/saas-okrs.okr.md (okr)", () => {
    let report: GradeJson;
    before(() => (report = gradeJson(["samples/saas-okrs.okr.md"])));

    it("has no perspectives and grades the scorecard as the weighted mean of its objectives", () => {
      assert.equal(report.framework, "okr");
      assert.equal(report.period, "2027-Q2");
      assert.deepEqual(report.perspectives, []);
      for (const o of report.objectives) assert.equal(o.perspective, null);
      // O3 has `weight: 2`.
      const [o1, o2, o3, o4] = report.objectives.map((o) => o.grade as number);
      close(report.grade, (o1 + o2 + 2 * o3 + o4) / 5, "scorecard");
    });

    it("applies a relative target to the baseline and honours a manual score", () => {
      const o2 = report.objectives.find((o) => o.id === "O2")!;
      const arr = o2.keyResults[1]; // Grow self-serve ARR by 10%, baseline $4.2M, last check-in $4.38M
      assert.equal(arr.baseline, 4_200_000);
      close(arr.target, 4_620_000, "ARR target");
      assert.equal(arr.current, 4_380_000);
      close(arr.grade, g(4.2e6, 4.62e6, 4.38e6), "ARR grade");
      const o3 = report.objectives.find((o) => o.id === "O3")!;
      assert.equal(o3.keyResults[3].grade, 0.4); // score: 0.4 overrides the computed 0.55
      // O3 KR2 has weight 2.
      const [k1, k2, k3, k4] = o3.keyResults;
      close(o3.grade, (g(2.4, 1.8, 2.1) + 2 * g(104, 110, 106.5) + 1 + 0.4) / 5, "O3");
      assert.deepEqual([k1.current, k2.current, k3.grade, k4.current], [2.1, 106.5, 1, 15]);
    });
  });

  describe("--today", () => {
    const file = `---
period: 2027-Q1
---
# Pace

## O1: Half way
owner: "@ana"

- KR1: Widgets from 0 to 100 @ana
  - current: 50
- KR2: Gadgets from 0 to 10 @ana
`;
    let tree: ReturnType<typeof tempTree>;
    before(() => (tree = tempTree({ "pace.okr.md": file })));
    after(() => tree.cleanup());

    it("sets the day pace is measured at when the front matter has none", () => {
      const status = (today: string) => gradeJson(["--today", today, "pace.okr.md"], tree.dir).objectives[0].keyResults[0].status;
      assert.equal(status("2027-01-20"), "on-track"); // expected ≈ 0.21
      assert.equal(status("2027-03-10"), "at-risk"); // expected ≈ 0.77: 0.5 ≥ 0.77 − 0.4
      assert.equal(status("2027-03-31"), "off-track"); // expected ≈ 0.99
    });

    it("leaves an ungraded KR with null grade, current and status", () => {
      const kr2 = gradeJson(["--today", "2027-02-01", "pace.okr.md"], tree.dir).objectives[0].keyResults[1];
      assert.deepEqual([kr2.grade, kr2.current, kr2.status, kr2.baseline, kr2.target], [null, null, null, 0, 10]);
    });

    it("rejects a date that is not YYYY-MM-DD with exit 2", () => {
      const run = okr(["grade", "--today", "2027-02-30", "pace.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^okr: --today expects a date like/);
    });
  });

  describe("--format text", () => {
    it("prints the scorecard grade first, perspectives with subtotals and KR rows", () => {
      const run = okr(["grade", "samples/commuter-rail.okr.md"]);
      assert.equal(run.status, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /\u001b\[/);
      const lines = run.stdout.split("\n");
      assert.equal(lines[0], "Commuter Rail 2027-Q1");
      assert.match(lines.find((l) => l.startsWith("Scorecard"))!, /^Scorecard +0\.5 +█████░░░░░ +on track$/);
      assert.match(lines.find((l) => l.startsWith("Financial"))!, /^Financial +0\.5 /);
      assert.match(lines.find((l) => l.startsWith("  O5 "))!, / 0\.3 +███░░░░░░░ +at risk$/);
      assert.match(lines.find((l) => /^ {4}KR1 +Net fare revenue/.test(l))!, /\$40M → \$41\.8M → \$44M +0\.5 /);
      // Grades line up in one column.
      const gradeColumns = new Set(lines.filter((l) => /█|░/.test(l)).map((l) => l.search(/\d\.\d +[█░]/)));
      assert.equal(gradeColumns.size, 1);
    });

    it("colours by band on request", () => {
      const out = okr(["grade", "samples/commuter-rail.okr.md"], { env: { FORCE_COLOR: "1" } }).stdout;
      assert.match(out, /\u001b\[31m0\.3\u001b\[39m/); // O5 is red
      assert.match(out, /\u001b\[33m0\.5\u001b\[39m/); // yellow
      assert.match(out, /\u001b\[32m0\.8\u001b\[39m/); // O3 green
    });
  });

  describe("usage", () => {
    it("needs exactly one file", () => {
      assert.equal(okr(["grade"]).status, 2);
      assert.equal(okr(["grade", "samples/commuter-rail.okr.md", "samples/saas-okrs.okr.md"]).status, 2);
      assert.equal(okr(["grade", "samples/company"]).status, 2);
      assert.equal(okr(["grade", "--format", "html", "samples/commuter-rail.okr.md"]).status, 2);
    });

    it("grades a file whose links point at files not given (read from disk)", () => {
      const report = gradeJson(["samples/company/team-payments.okr.md"]);
      assert.equal(report.objectives.length, 2);
    });

    it("grades a file with no period: no status", () => {
      const t = tempTree({ "a.okr.md": CLEAN_OKR.replace("period: 2027-Q1\n", "") });
      try {
        const report = gradeJson(["a.okr.md"], t.dir);
        assert.equal(report.period, null);
        assert.deepEqual(
          report.objectives[0].keyResults.map((k) => [k.grade, k.status]),
          [
            [0.5, null],
            [0.5, null],
          ],
        );
      } finally {
        t.cleanup();
      }
    });
  });
});
