import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** The repository root (tests run compiled from out/server/test/cli). */
export const ROOT = resolve(__dirname, "../../../..");
export const BIN = join(ROOT, "bin", "okr.js");

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real bundled CLI (`node bin/okr.js …`), without colours unless env asks. */
export function okr(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: "utf8" });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary directory with the given files (path → text); removed by `cleanup`. */
export function tempTree(files: Record<string, string>): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "okr-cli-"));
  for (const [path, text] of Object.entries(files)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One objective, one measurable KR, owners everywhere: only the lines under test produce diagnostics. */
export const CLEAN_OKR = `---
period: 2027-Q1
today: 2027-02-15
---
# Team OKRs

## O1: Grow usage
owner: "@ana"

- KR1: Weekly users from 100 to 200 @ana
  - current: 150
- KR2: Paying teams from 10 to 20 @ana
  - current: 15
`;

/** A file with exactly one invalid-value error (line 14, `confidence: high`). */
export const INVALID_VALUE_OKR = CLEAN_OKR + "  - confidence: high\n";

/** A file with exactly one parse-error (line 14: `from $40M to` with no number after it). */
export const PARSE_ERROR_OKR = CLEAN_OKR + "- KR3: Revenue from $40M to @ana\n  - current: $41M\n";
