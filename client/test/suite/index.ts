// In-host test runner: VS Code loads this module (extensionTestsPath) inside the real extension host
// and calls run(). It runs mocha (bdd: describe/it) over every out/client/test/suite/**/*.test.js and
// writes the results as JSON for scripts/vscode/run-extension-tests.mjs, which waits for that file.
//   OKR_TEST_RESULTS  where to write the JSON (default .vscode-test/results/extension-tests.json)
//   OKR_TEST_GREP     only run tests whose full title matches this regexp
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";

export interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  state: "passed" | "failed" | "pending";
  durationMs?: number;
  error?: { message: string; stack?: string; expected?: string; actual?: string };
}
export interface TestResults {
  passed: number;
  failed: number;
  pending: number;
  durationMs: number;
  vscodeVersion: string;
  tests: TestResult[];
}

const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");

function testFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".test.js"))
    .map((f) => path.join(dir, f))
    .sort();
}

function show(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  try {
    return typeof v === "string" ? v : JSON.stringify(v, null, 2);
  } catch {
    return String(v);
  }
}

export async function run(): Promise<void> {
  const resultsFile = process.env.OKR_TEST_RESULTS || path.join(REPO_ROOT, ".vscode-test", "results", "extension-tests.json");
  const grep = process.env.OKR_TEST_GREP;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscodeVersion: string = require("vscode").version;
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 30_000, reporter: "spec", ...(grep ? { grep } : {}) });
  for (const f of testFiles(__dirname)) mocha.addFile(f);

  const results: TestResults = { passed: 0, failed: 0, pending: 0, durationMs: 0, vscodeVersion, tests: [] };
  const started = Date.now();
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on("pass", (t) => {
        results.passed++;
        results.tests.push({ title: t.title, fullTitle: t.fullTitle(), file: t.file, state: "passed", durationMs: t.duration });
      });
      runner.on("pending", (t) => {
        results.pending++;
        results.tests.push({ title: t.title, fullTitle: t.fullTitle(), file: t.file, state: "pending" });
      });
      runner.on("fail", (t, err: Error & { expected?: unknown; actual?: unknown }) => {
        results.failed++;
        results.tests.push({
          title: t.title,
          fullTitle: t.fullTitle(),
          file: t.file,
          state: "failed",
          durationMs: t.duration,
          error: { message: String(err?.message ?? err), stack: err?.stack, expected: show(err?.expected), actual: show(err?.actual) },
        });
      });
    });
  } catch (err) {
    // Loading a test file threw (syntax error, bad import): report it as a failure.
    const e = err as Error;
    results.failed++;
    results.tests.push({ title: "load test files", fullTitle: "load test files", state: "failed", error: { message: e.message, stack: e.stack } });
  }
  results.durationMs = Date.now() - started;
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const tmp = `${resultsFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, resultsFile); // atomic: the runner never reads half a file
  if (results.failed > 0) throw new Error(`${results.failed} extension test(s) failed`);
}
