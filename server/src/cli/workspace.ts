import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Day, Workspace, dayFromIso } from "../engine";
import { NodeHost, stripBom } from "../host/nodeHost";
import { InputFile, collectFiles, describeError } from "./files";
import { CliError, CliIO } from "./io";

export interface LoadedFile extends InputFile {
  uri: string;
}

export interface LoadedWorkspace {
  workspace: Workspace;
  host: NodeHost;
  files: LoadedFile[];
  /** Call again after more analysis (files read to resolve links may bring more `.okrrc.json`s). */
  checkConfig(): void;
}

/** `--today YYYY-MM-DD` → Day; anything else is a usage error. */
export function parseToday(value: string | undefined): Day | undefined {
  if (value === undefined) return undefined;
  const day = dayFromIso(value);
  if (day === undefined) throw new CliError(`--today expects a date like 2027-02-15, not '${value}'`);
  return day;
}

/**
 * Reads every file into one Workspace (so `aligns` links resolve across them). An unreadable file or
 * a `.okrrc.json` that cannot be used is a CliError (exit 2); config warnings go to stderr.
 */
export function loadWorkspace(inputs: readonly InputFile[], io: CliIO, today: Day | undefined): LoadedWorkspace {
  const host = new NodeHost({ today });
  const workspace = new Workspace(host);
  const files: LoadedFile[] = [];
  for (const input of inputs) {
    let text: string;
    try {
      text = stripBom(readFileSync(input.absolute, "utf8"));
    } catch (e) {
      throw new CliError(`cannot read ${input.display}: ${describeError(e)}`);
    }
    const uri = pathToFileURL(input.absolute).href;
    workspace.set(uri, text);
    host.configFor(uri);
    files.push({ ...input, uri });
  }
  const printed = new Set<string>();
  const check = () => checkConfig(host, io, printed);
  check();
  return { workspace, host, files, checkConfig: check };
}

/** `okr grade` and `okr report` take exactly one file: load it (and what it links to). */
export function loadOneFile(command: string, positionals: string[], io: CliIO, today: Day | undefined): { loaded: LoadedWorkspace; file: LoadedFile } {
  if (positionals.length !== 1) throw new CliError(`${command}: expected one FILE, got ${positionals.length} (see okr ${command} --help)`);
  const inputs = collectFiles(positionals, io.cwd);
  if (inputs.length !== 1) throw new CliError(`${command}: ${positionals[0]} is a directory; give one .okr.md file`);
  const loaded = loadWorkspace(inputs, io, today);
  return { loaded, file: loaded.files[0] };
}

/** Throws on the first unusable `.okrrc.json`; prints each config warning once. */
function checkConfig(host: NodeHost, io: CliIO, warned: Set<string>): void {
  const errors = host.errors();
  if (errors.length) throw new CliError(errors[0].message);
  for (const problem of host.problems()) {
    const line = `okr: warning: ${problem.message}`;
    if (warned.has(line)) continue;
    warned.add(line);
    io.stderr(line + "\n");
  }
}

