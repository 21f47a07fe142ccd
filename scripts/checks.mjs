// What the UI test scripts share: their command-line options, a log tagged with the script's name
// that counts seconds, checks that count failures, and the build they run first.
import { spawnSync } from "node:child_process";
import { ROOT } from "./vscode/launch.mjs";

const argv = process.argv.slice(2);

/** Whether `--name` was given. */
export const flag = (name) => argv.includes(name);

/** The value after `--name`, or `fallback`. */
export const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);

/** `npm run build`, unless `--no-build` was given. */
export function buildUnlessTold() {
  if (flag("--no-build")) return;
  const b = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (b.status !== 0) throw new Error("build failed");
}

export class Checks {
  failures = 0;
  start = Date.now();

  constructor(tag) {
    this.tag = tag;
  }

  /** Seconds since `from` (by default the start), as "1.2s". */
  secs = (from = this.start) => ((Date.now() - from) / 1000).toFixed(1) + "s";

  log = (message) => console.log(`[${this.tag}] ${message}`);

  check = (ok, what) => {
    console.log(`  ${ok ? "✔" : "✗"} ${what}`);
    if (!ok) this.failures++;
  };

  /** An error that ended the run early: counted and said. */
  error = (e) => {
    this.failures++;
    console.error(`[${this.tag}] ERROR: ${e.message}`);
  };
}
