// Timings measured by the extension-host tests: printed in the test titles (the runner relays them)
// and merged into test-artifacts/extension-timings.json. Never asserted on.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vscode from "vscode";
import { REPO_ROOT } from "./helpers";

export const TIMINGS_FILE = path.join(REPO_ROOT, "test-artifacts", "extension-timings.json");

export function resetTimings(): void {
  fs.rmSync(TIMINGS_FILE, { force: true });
}

/** Merges `entries` into test-artifacts/extension-timings.json. */
export function recordTimings(entries: Record<string, number | string>): void {
  let all: Record<string, number | string> = {};
  try {
    all = JSON.parse(fs.readFileSync(TIMINGS_FILE, "utf8"));
  } catch {
    /* first entry */
  }
  fs.mkdirSync(path.dirname(TIMINGS_FILE), { recursive: true });
  fs.writeFileSync(TIMINGS_FILE, JSON.stringify({ ...all, ...entries, vscode: vscode.version, at: new Date().toISOString() }, null, 2) + "\n");
}
