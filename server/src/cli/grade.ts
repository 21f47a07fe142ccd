import { parseCommandArgs, oneOf } from "./args";
import { Palette, padEnd, palette, truncate, width } from "./color";
import { Command } from "./command";
import { useColor } from "./io";
import { loadOneFile, parseToday } from "./workspace";
import { KeyResult, Objective, Perspective, Scorecard, Status, Value, bandOf, effectiveBaseline, effectiveTarget, formatAmount, isoFromDay } from "../engine";

const USAGE = `Usage: okr grade [options] FILE

Prints the graded rollup of one .okr.md file: scorecard, perspectives, objectives and key results.

Options:
  -f, --format FORMAT    text (default) or json
  --today YYYY-MM-DD     the date for pace when the front matter has no today
  -h, --help             show this help

JSON: {file, title, framework, period, grade, perspectives: [{name, grade}], objectives: [{id, title,
perspective, grade, keyResults: [{id, line, text, baseline, target, current, grade, status}]}]};
grades are unrounded numbers in [0, 1], null where ungraded; line is 1-based.
`;

export const gradeCommand: Command = {
  name: "grade",
  summary: "print the graded rollup of a .okr.md file (text table or json)",
  usage: USAGE,
  run(args, io) {
    const { values, positionals } = parseCommandArgs("grade", args, {
      format: { type: "string", short: "f" },
      today: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const format = oneOf("grade", "format", values.format as string | undefined, ["text", "json"], "text");
    const today = parseToday(values.today as string | undefined);
    const { loaded, file } = loadOneFile("grade", positionals, io, today);
    const analysis = loaded.workspace.analysis(file.uri)!;
    const report = gradeReport(file.display, analysis.scorecard);
    io.stdout(format === "json" ? JSON.stringify(report, null, 2) + "\n" : renderGradeTable(analysis.scorecard, file.display, palette(useColor(io)), io.columns));
    return 0;
  },
};

export interface KeyResultReport {
  id: string;
  line: number;
  text: string;
  baseline: number | null;
  target: number | null;
  current: number | null;
  grade: number | null;
  status: Status | null;
}

export interface GradeReport {
  file: string;
  title: string | null;
  framework: Scorecard["framework"];
  period: string | null;
  grade: number | null;
  perspectives: { name: string; grade: number | null }[];
  objectives: {
    id: string;
    title: string;
    perspective: string | null;
    grade: number | null;
    keyResults: KeyResultReport[];
  }[];
}

/** The `okr grade --format json` object: raw numbers, null where ungraded or absent. */
export function gradeReport(file: string, scorecard: Scorecard): GradeReport {
  return {
    file,
    title: scorecard.title ?? null,
    framework: scorecard.framework,
    period: scorecard.period?.label ?? null,
    grade: scorecard.grade,
    perspectives: scorecard.perspectives.map((p) => ({ name: p.name, grade: p.grade })),
    objectives: scorecard.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      perspective: o.perspective?.name ?? null,
      grade: o.grade,
      keyResults: o.keyResults.map(keyResultReport),
    })),
  };
}

function keyResultReport(kr: KeyResult): KeyResultReport {
  const { baseline, target } = numbers(kr);
  return {
    id: kr.id,
    line: kr.range.startLine + 1,
    text: kr.text,
    baseline,
    target,
    current: kr.binary ? null : kr.current?.amount ?? null,
    grade: kr.grade,
    status: kr.grade === null ? null : kr.status ?? null,
  };
}

/** The effective baseline and target; none for a checkbox, and no implied baseline without a target. */
function numbers(kr: KeyResult): { baseline: number | null; target: number | null } {
  if (kr.binary) return { baseline: null, target: null };
  const target = effectiveTarget(kr) ?? null;
  const baseline = target === null && !kr.baseline ? null : effectiveBaseline(kr) ?? null;
  return { baseline, target };
}

// ---------------------------------------------------------------------------------------------
// Text table

const BAR_CELLS = 10;

interface Row {
  /** A section row spans the first three columns. */
  section?: string;
  cells: [string, string, string];
  /** undefined: a section without a grade of its own. */
  grade?: number | null;
  status?: Status;
}

/** The rollup as a table a person reads in a terminal; band colours only through `color`. */
export function renderGradeTable(scorecard: Scorecard, file: string, color: Palette, columns?: number): string {
  const rows: Row[] = [];
  const grouped = scorecard.framework !== "okr" || scorecard.perspectives.length > 0;
  const objectiveRows = (o: Objective) => {
    rows.push({ cells: [`  ${o.id}`, withoutOwner(o.title), ""], grade: o.grade, status: o.status });
    for (const kr of o.keyResults) rows.push({ cells: [`    ${kr.id}`, krText(kr), krValues(kr)], grade: kr.grade, status: kr.grade === null ? undefined : kr.status });
  };
  if (grouped) {
    const loose = scorecard.objectives.filter((o) => !o.perspective);
    if (loose.length) {
      rows.push({ section: "(no perspective)", cells: ["", "", ""] });
      loose.forEach(objectiveRows);
    }
    for (const p of scorecard.perspectives) {
      rows.push(sectionRow(p));
      p.objectives.forEach(objectiveRows);
    }
  } else {
    scorecard.objectives.forEach(objectiveRows);
  }

  // Column widths; the title/text column is cut to fit the terminal (100 columns when not one).
  const tableRows = rows.filter((r) => !r.section);
  // Reduced, not spread into `Math.max`: a file of 200,000 objectives would overflow its arguments.
  const widest = (cell: number, least: number) => tableRows.reduce((w, r) => Math.max(w, width(r.cells[cell])), least);
  const w0 = widest(0, 4);
  const w2 = widest(2, 0);
  const tail = 2 + 3 + 1 + BAR_CELLS + 2 + "off track".length;
  const budget = Math.max(20, (columns ?? 100) - w0 - 2 - (w2 ? w2 + 2 : 0) - tail);
  const w1 = Math.min(budget, widest(1, 0));
  const offset = w0 + 2 + w1 + (w2 ? 2 + w2 : 0);

  const lines: string[] = [];
  lines.push(color.bold(scorecard.title ?? file));
  const facts = [file, scorecard.framework];
  if (scorecard.period) facts.push(scorecard.period.label);
  facts.push(`today ${isoFromDay(scorecard.today)}` + (scorecard.expected !== undefined ? ` (${Math.round(scorecard.expected * 100)}% elapsed)` : ""));
  lines.push(color.dim(facts.join(" · ")));
  lines.push("");
  lines.push(gradeLine(color.bold(padEnd("Scorecard", offset)), scorecard.grade, scorecard.status, color));

  for (const row of rows) {
    if (row.section !== undefined) {
      lines.push("");
      const name = color.bold(padEnd(truncate(row.section, offset), offset));
      lines.push(row.grade === undefined ? name : gradeLine(name, row.grade, row.status, color));
      continue;
    }
    const [c0, c1, c2] = row.cells;
    const left = padEnd(c0, w0) + "  " + padEnd(truncate(c1, w1), w1) + (w2 ? "  " + padEnd(c2, w2) : "");
    lines.push(gradeLine(left, row.grade ?? null, row.status, color));
  }
  if (scorecard.objectives.length === 0) lines.push("", color.dim("(no objectives)"));
  return lines.map((l) => l.replace(/\s+$/, "")).join("\n") + "\n";
}

function sectionRow(p: Perspective): Row {
  return { section: p.name, cells: ["", "", ""], grade: p.grade, status: p.status };
}

function gradeLine(left: string, grade: number | null, status: Status | undefined, color: Palette): string {
  if (grade === null) return `${left}  ${color.dim("  –")}  ${color.dim("·".repeat(BAR_CELLS))}  ${color.dim("ungraded")}`;
  const paint = bandPaint(grade, color);
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round(grade * BAR_CELLS)));
  const bar = paint("█".repeat(filled)) + color.dim("░".repeat(BAR_CELLS - filled));
  return `${left}  ${paint((Math.round(grade * 10) / 10).toFixed(1).padStart(3))}  ${bar}  ${status ? statusText(status, color) : ""}`;
}

function bandPaint(grade: number, color: Palette): (s: string) => string {
  const band = bandOf(grade);
  return band === "red" ? color.red : band === "yellow" ? color.yellow : color.green;
}

function statusText(status: Status, color: Palette): string {
  const text = status.replace("-", " ");
  return status === "on-track" ? color.green(text) : status === "at-risk" ? color.yellow(text) : color.red(text);
}

/** The KR text without its `@owner`. */
function krText(kr: KeyResult): string {
  return withoutOwner(kr.text);
}

/** Drops an `@handle` that ends the text or comes before `— current …` / `(now …)`. */
function withoutOwner(text: string): string {
  return text.replace(/\s+@[\w.-]+(?=\s*(?:[—–-]\s|\(|$))/u, "").replace(/\s+/g, " ").trim();
}

/** `baseline → current → target` in the KR's own notation; `done` / `not done` for a checkbox. */
function krValues(kr: KeyResult): string {
  if (kr.binary) return kr.checked ? "done" : "not done";
  if (kr.score !== undefined && !kr.target && !kr.relative) return `score ${kr.score}`;
  const { baseline, target } = numbers(kr);
  const like = kr.target ?? kr.current ?? kr.baseline;
  const show = (amount: number | null | undefined, own?: Value) =>
    amount === null || amount === undefined ? "?" : formatAmount({ amount, currency: (own ?? like)?.currency, percent: (own ?? like)?.percent ?? false });
  const unit = (kr.target ?? kr.current ?? kr.baseline)?.unit;
  if (baseline === null && target === null && kr.current === undefined) return "";
  return `${show(baseline, kr.baseline)} → ${show(kr.current?.amount, kr.current)} → ${show(target, kr.target)}${unit ? " " + unit : ""}`;
}
