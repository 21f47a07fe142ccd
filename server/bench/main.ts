/**
 * `npm run bench`: the performance budgets of issue 5, measured and printed.
 *   --quick   small sizes and few runs (CI, so the benchmark cannot rot)
 *   --json    one JSON object instead of the table
 * Run with `node --expose-gc` (the npm script does) so retained heap can be measured.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Session } from "node:inspector/promises";
import { PerformanceObserver, performance } from "node:perf_hooks";
import MarkdownIt from "markdown-it";
import { defaultConfig, Workspace } from "../src/engine";
import { buildScorecard } from "../src/engine/model/build";
import { buildViewModel, countProblems, renderBody, ViewModelOptions } from "../src/engine/render";
import { mulberry32 } from "../test/support/random";
import { generateScorecard } from "./generate";
import { measureServer } from "./server";
import { median } from "./stats";

const quick = process.argv.includes("--quick");
const asJson = process.argv.includes("--json");
const REPO = join(__dirname, "../../..");
const MB = 1024 * 1024;

/** The process's garbage collections, as the `gc` performance entries report them (a tick late). */
const collections: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) collections.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ["gc"] });

interface Timing {
  /** Median wall time of a call, ms. */
  ms: number;
  /** The fastest call, ms: the least disturbed by the machine's neighbours. */
  minMs: number;
  /** When each timed call started and ended (`performance.now()`). */
  calls: { start: number; end: number }[];
}

/**
 * Wall times of `runs` calls of each function, after warm-up: at least two calls and a second, so
 * that small texts are timed on optimised code (a 10 KB analysis takes 2–12 ms for its first
 * half-second of calls while the JIT compiles, then 0.7 ms). The functions take turns, call by call:
 * on these shared machines a burst of a neighbour's load lasts seconds, and timed one after the
 * other, one function's runs met it and the other's did not (the ratio of two medians swung by ±30%).
 */
function timeTogether(fns: (() => unknown)[], runs: number): Timing[] {
  const warmUntil = Date.now() + (quick ? 200 : 1000);
  for (let i = 0; i < 2 || (Date.now() < warmUntil && i < 1000); i++) for (const fn of fns) fn();
  const samples = fns.map(() => [] as number[]);
  const calls = fns.map(() => [] as { start: number; end: number }[]);
  for (let run = 0; run < runs; run++) {
    fns.forEach((fn, i) => {
      const start = performance.now();
      fn();
      const end = performance.now();
      samples[i].push(end - start);
      calls[i].push({ start, end });
    });
  }
  return fns.map((_, i) => ({ ms: median(samples[i]), minMs: samples[i].reduce((a, b) => Math.min(a, b)), calls: calls[i] }));
}

/** The share of a timing's calls spent collecting garbage. */
async function gcShare({ calls }: Timing): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 10));
  const inCall = (t: number) => calls.some((c) => t >= c.start && t < c.end);
  const collected = collections.filter((c) => inCall(c.start)).reduce((sum, c) => sum + c.duration, 0);
  return collected / calls.reduce((sum, c) => sum + c.end - c.start, 0);
}

/** Full collections until the heap stops shrinking: one is not enough after a 10 MB run (weak maps clear in steps). */
function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return;
  for (let i = 0, used = Infinity; i < 10 && process.memoryUsage().heapUsed < used; i++) {
    used = process.memoryUsage().heapUsed;
    collect();
  }
}

/**
 * Megabytes allocated by `make`, garbage included, as V8's sampling heap profiler counts them (one
 * sample per 4 KB on average). Unlike times on these shared machines, it hardly moves from run to
 * run: it is the figure to compare when a change is meant to make less garbage.
 */
async function allocatedMb(make: () => unknown): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.enable");
    await session.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    make();
    const { profile } = await session.post("HeapProfiler.stopSampling");
    let bytes = 0;
    const nodes = [profile.head];
    for (let node = nodes.pop(); node; node = nodes.pop()) {
      bytes += node.selfSize;
      for (const child of node.children) nodes.push(child);
    }
    return bytes / MB;
  } finally {
    session.disconnect();
  }
}

function retainedMb(make: () => unknown): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = make();
  gc();
  const after = process.memoryUsage().heapUsed;
  void kept;
  return (after - before) / MB;
}

const config = defaultConfig();
const md = new MarkdownIt();

/** A document opened as the server opens it: analysed, graded and checked by every rule. */
function fullAnalysis(text: string) {
  const workspace = new Workspace({ configFor: () => config, readFile: () => undefined });
  workspace.set("file:///bench/doc.okr.md", text);
  return { workspace, diagnostics: workspace.diagnostics("file:///bench/doc.okr.md") };
}

interface SizeResult {
  size: string;
  bytes: number;
  fullMs: number;
  parseMs: number;
  markdownItMs: number;
  fullMBps: number;
  ratioVsMarkdownIt: number;
  /** The same ratio of the fastest calls. */
  minRatioVsMarkdownIt: number;
  retainedMbPerMb: number;
  /** Allocated by one full analysis, garbage included, per MB of text. */
  allocatedMbPerMb: number;
  /** Share of the full analysis's time spent collecting garbage. */
  gcShare: number;
}

async function measureSize(label: string, bytes: number): Promise<SizeResult> {
  const text = generateScorecard(bytes, 42);
  const runs = quick ? 3 : bytes >= 10 * MB ? 5 : 15;
  const [full, parse, markdownIt] = timeTogether(
    [() => fullAnalysis(text), () => buildScorecard(text, { uri: "file:///bench/doc.okr.md", config }), () => md.parse(text, {})],
    runs,
  );
  const gc = await gcShare(full);
  const fullMs = full.ms;
  const parseMs = parse.ms;
  const markdownItMs = markdownIt.ms;
  const megabytes = text.length / MB;
  // What the server keeps for an open document: its analysis and its diagnostics. Small texts are
  // analysed in as many copies as make a megabyte, or the figure is the heap's noise.
  const copies = Math.max(1, Math.round(MB / text.length));
  const analyseCopies = () => Array.from({ length: copies }, () => fullAnalysis(text));
  const retained = retainedMb(analyseCopies) / copies;
  const allocated = (await allocatedMb(analyseCopies)) / copies;
  return {
    size: label,
    bytes: text.length,
    fullMs,
    parseMs,
    markdownItMs,
    fullMBps: megabytes / (fullMs / 1000),
    ratioVsMarkdownIt: fullMs / markdownItMs,
    minRatioVsMarkdownIt: full.minMs / markdownIt.minMs,
    retainedMbPerMb: retained / megabytes,
    allocatedMbPerMb: allocated / megabytes,
    gcShare: gc,
  };
}

/**
 * The preview's body of a document, as the server renders it on each change: a window of the
 * default 100 objectives (okr.preview.maxObjectives) around the middle, and every objective (the
 * HTML report, and the preview before it drew a window).
 */
function measurePreview(text: string) {
  const { workspace } = fullAnalysis(text);
  const uri = "file:///bench/doc.okr.md";
  const { scorecard } = workspace.analysis(uri)!;
  const problems = countProblems(workspace.diagnostics(uri));
  const render = (window?: ViewModelOptions["window"]) => renderBody(buildViewModel(scorecard, { problems, children: (o) => workspace.childrenOf(o), window }));
  const window = { size: 100, line: Math.floor(scorecard.lines.lineCount / 2) };
  const [windowed] = timeTogether([() => render(window)], quick ? 3 : 15);
  const start = performance.now();
  const whole = render();
  const wholeMs = performance.now() - start;
  return { objectives: scorecard.objectives.length, windowMs: windowed.ms, windowKb: render(window).length / 1024, wholeMs, wholeKb: whole.length / 1024 };
}

/** 1,000 team files aligned to a company file: index them all and resolve every link. */
function measureWorkspace(files: number) {
  const random = mulberry32(7);
  const company = "# Company\n\n" + Array.from({ length: 5 }, (_, i) => `## O${i + 1}: Company goal ${i + 1}\n- KR1: Revenue from 1 to 2 — current 1.5\n`).join("\n");
  const teams = Array.from({ length: files }, (_, i) => {
    const body = generateScorecard(4000, i + 1).replace(/^(### O\d+: .*)$/gm, (heading) => `${heading}\naligns: ../company.okr.md#o${1 + Math.floor(random() * 5)}`);
    return { uri: `file:///bench/ws/teams/team-${i}.okr.md`, text: body };
  });
  const start = process.hrtime.bigint();
  const workspace = new Workspace({ configFor: () => config, readFile: () => undefined });
  workspace.set("file:///bench/ws/company.okr.md", company);
  for (const t of teams) workspace.set(t.uri, t.text);
  for (const t of teams) workspace.analysis(t.uri);
  const indexedMs = Number(process.hrtime.bigint() - start) / 1e6;
  const companyCard = workspace.analysis("file:///bench/ws/company.okr.md")!.scorecard;
  let children = 0;
  for (const o of companyCard.objectives) children += workspace.childrenOf(o).length;
  const linkedMs = Number(process.hrtime.bigint() - start) / 1e6 - indexedMs;
  let diagnostics = 0;
  for (const t of teams) diagnostics += workspace.diagnostics(t.uri).length;
  const lintedMs = Number(process.hrtime.bigint() - start) / 1e6 - indexedMs - linkedMs;
  return { files, indexMs: indexedMs, resolveLinksMs: linkedMs, children, lintAllMs: lintedMs, diagnostics };
}

function fileKb(path: string): number | null {
  try {
    return statSync(path).size / 1024;
  } catch {
    return null;
  }
}

function vsixKb(): number | null {
  const vsix = readdirSync(REPO).filter((f) => f.endsWith(".vsix"));
  return vsix.length ? fileKb(join(REPO, vsix.sort().pop()!)) : null;
}

/**
 * VS Code's own figure ("Activation: N ms" in Running Extensions: loading the code plus calling
 * activate()), read by the extension-host tests in the real VS Code (client/test/suite/activation.test.ts).
 */
function activationMs(): number | null {
  try {
    const timings = JSON.parse(readFileSync(join(REPO, "test-artifacts/extension-timings.json"), "utf8"));
    return timings.activateWasCold === "yes" ? timings.activationMs : null;
  } catch {
    return null;
  }
}

async function main() {
  const sizes: [string, number][] = quick
    ? [["10 KB", 10 * 1024], ["100 KB", 100 * 1024], ["1 MB", MB]]
    : [["10 KB", 10 * 1024], ["100 KB", 100 * 1024], ["1 MB", MB], ["10 MB", 10 * MB]];
  const engine: SizeResult[] = [];
  for (const [label, bytes] of sizes) engine.push(await measureSize(label, bytes));
  const workspace = measureWorkspace(quick ? 200 : 1000);
  const preview = measurePreview(generateScorecard(MB, 42));
  // The harness is the server's client: it starts with the garbage of the runs above collected.
  gc();
  // The 200 edits in quick mode too, so that CI reports the budget's own p95 (that of 100
  // was another figure, and a noisier one).
  const server = await measureServer(generateScorecard(MB, 42), 200);
  const oneMb = engine.find((r) => r.size === "1 MB")!;
  const tenMb = engine.find((r) => r.size === "10 MB");
  const result = {
    quick,
    engine,
    workspace,
    server,
    preview,
    bundles_kb: { client: fileKb(join(REPO, "dist/client.js")), server: fileKb(join(REPO, "dist/server.js")), cli: fileKb(join(REPO, "dist/cli.js")) },
    full_analysis_ratio_vs_markdown_it_1mb: oneMb.ratioVsMarkdownIt,
    scaling_10mb_over_1mb: tenMb ? tenMb.fullMs / oneMb.fullMs : null,
    retained_heap_mb_per_mb: oneMb.retainedMbPerMb,
    allocated_mb_per_mb_1mb: oneMb.allocatedMbPerMb,
    keystroke_p95_ms_1mb: server.keystroke.p95,
    line_break_p95_ms_1mb: server.lineBreak.p95,
    hover_p95_ms_1mb: server.hover.p95,
    completion_p95_ms_1mb: server.completion.p95,
    follow_ups_p95_ms_1mb: server.followUps.all.p95,
    preview_body_ms_1mb: preview.windowMs,
    preview_body_kb_1mb: preview.windowKb,
    vsix_kb: vsixKb(),
    activation_ms: activationMs(),
  };
  if (asJson) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const f = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? "—" : n.toFixed(digits));
  console.log(`okr-md benchmark${quick ? " (quick)" : ""} — node ${process.version}, medians after warm-up\n`);
  console.log("size     full ms   MB/s   GC %   parse ms   markdown-it ms   ratio   min ratio   retained MB/MB   allocated MB/MB");
  for (const r of engine) {
    console.log(
      `${r.size.padEnd(8)} ${f(r.fullMs).padStart(7)} ${f(r.fullMBps).padStart(6)} ${f(r.gcShare * 100, 0).padStart(6)} ${f(r.parseMs).padStart(10)} ${f(r.markdownItMs).padStart(16)} ${f(r.ratioVsMarkdownIt, 2).padStart(7)} ${f(r.minRatioVsMarkdownIt, 2).padStart(11)} ${f(r.retainedMbPerMb).padStart(16)} ${f(r.allocatedMbPerMb).padStart(17)}`,
    );
  }
  console.log(`\nworkspace: ${workspace.files} files indexed in ${f(workspace.indexMs)} ms, links resolved in ${f(workspace.resolveLinksMs)} ms (${workspace.children} children), all linted in ${f(workspace.lintAllMs)} ms`);
  console.log(`server, 1 MB file over stdio: keystroke → diagnostics p50 ${f(server.keystroke.p50)} ms, p95 ${f(server.keystroke.p95)} ms (${server.keystroke.count} edits), line break p50 ${f(server.lineBreak.p50)} / p95 ${f(server.lineBreak.p95)} ms (${server.lineBreak.count}); hover p50 ${f(server.hover.p50)} / p95 ${f(server.hover.p95)} ms; completion p50 ${f(server.completion.p50)} / p95 ${f(server.completion.p95)} ms`);
  const ups = server.followUps;
  const up = (name: string, l: { p50: number; p95: number; kb: number }) => `${name} ${f(l.p50)} / ${f(l.p95)} ms (${f(l.kb, 0)} KB)`;
  console.log(
    `after a keystroke, what VS Code asks next (p50 / p95, ${ups.all.count} edits): ${up("semantic tokens in view", ups.semanticTokensRange)}, ${up("outline", ups.documentSymbol)}, ` +
      `${up("folding", ups.foldingRange)}, ${up("inlay hints", ups.inlayHint)}, ${up("code actions", ups.codeAction)}; all ${f(ups.all.p50)} / ${f(ups.all.p95)} ms`,
  );
  console.log(`preview, 1 MB file: a window of 100 objectives ${f(preview.windowMs)} ms, ${f(preview.windowKb, 0)} KB of HTML (all ${preview.objectives}: ${f(preview.wholeMs, 0)} ms, ${f(preview.wholeKb, 0)} KB)`);
  console.log(`bundles: client ${f(result.bundles_kb.client)} KB, server ${f(result.bundles_kb.server)} KB, cli ${f(result.bundles_kb.cli)} KB; VSIX ${f(result.vsix_kb)} KB; activation ${f(result.activation_ms)} ms`);
  const budgets: [string, number | null, number, string][] = [
    ["full analysis / markdown-it at 1 MB", result.full_analysis_ratio_vs_markdown_it_1mb, 0.5, "≤"],
    ["10 MB time / 1 MB time", result.scaling_10mb_over_1mb, 12, "≤"],
    ["retained heap MB per MB", result.retained_heap_mb_per_mb, 20, "≤"],
    ["keystroke → diagnostics p95 ms (1 MB)", result.keystroke_p95_ms_1mb, 30, "≤"],
    ["hover p95 ms (1 MB)", result.hover_p95_ms_1mb, 5, "≤"],
    ["VSIX KB", result.vsix_kb, 1024, "≤"],
    ["activation ms", result.activation_ms, 100, "≤"],
  ];
  console.log("\nbudget                                   measured    budget   ");
  for (const [name, value, budget] of budgets) {
    const verdict = value === null ? "not measured" : value <= budget ? "met" : "MISSED";
    console.log(`${name.padEnd(40)} ${f(value, 2).padStart(9)} ${("≤ " + budget).padStart(9)}   ${verdict}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
