// Shared helpers for extension-host tests (files named *.test.ts next to this one).
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import * as fs from "node:fs";
import * as os from "node:os";
import * as vscode from "vscode";

/** The repository root (tests run from out/client/test/suite). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");
export const EXTENSION_ID = "okr-md.okr-md";

/** Absolute path of a file in the repo, e.g. repoFile("samples/x.okr.md"). */
export function repoFile(rel: string): string {
  return path.join(REPO_ROOT, rel);
}

/** A fixture under client/test/fixtures/ (the source folder, not out/). */
export function fixture(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(REPO_ROOT, "client", "test", "fixtures", name));
}

/** The .okr.md files in samples/ (sorted), or [] while samples/ is empty. */
export function sampleFiles(): vscode.Uri[] {
  const dir = path.join(REPO_ROOT, "samples");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".okr.md"))
    .sort()
    .map((f) => vscode.Uri.file(path.join(dir, f)));
}

/** A finding as `okr lint --format json` writes it. */
export interface CliDiagnostic {
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** `okr lint --format json <paths>` with the bundled CLI (the same engine, run outside VS Code), from the repo root. */
export function okrLint(paths: string[]): { file: string; diagnostics: CliDiagnostic[] }[] {
  const r = spawnSync(process.execPath, [repoFile("bin/okr.js"), "lint", "--format", "json", ...paths], { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`okr lint exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === "object" ? String(d.code.value) : String(d.code);
}

/** `code@line:char-line:char` (0-based): comparable with the CLI's JSON. */
export function keyOf(code: string, r: CliDiagnostic["range"]): string {
  return `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** An editor diagnostic as `key severity message`, to compare with `describeCliDiagnostic`. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${keyOf(codeOf(d), d.range)} ${d.severity} ${d.message}`;
}

export function describeCliDiagnostic(d: CliDiagnostic): string {
  return `${keyOf(d.code, d.range)} ${SEVERITY[d.severity]} ${d.message}`;
}

/** Opens a document in an editor and returns it. */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Polls `probe` until it returns a truthy value (bounded); for states no event announces. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeoutMs = 10_000, everyMs = 50): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Resolves with the diagnostics of `uri` once `accept` holds (event-driven, bounded). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (d: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  timeoutMs = 15_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (accept(d)) {
        done();
        resolve(d);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics on ${uri.fsPath}: ${JSON.stringify(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const done = () => {
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

/** Reverts and closes every editor, so no "save changes?" dialog can block (use in afterEach). */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty) continue;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  }
  await vscode.commands.executeCommand("workbench.action.closeAllEditors");
}

/**
 * Waits (bounded) until Enter on a list item after headings continues the list. The first time the
 * OKR grammar (and the Markdown/HTML grammars it includes) is used, VS Code tokenizes while they are
 * still loading and onEnterRules can miss for a moment. Call once in before() of editing tests.
 */
export async function warmUpGrammar(timeoutMs = 15_000): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(scratchFile("# T\n## Financial\n### O1: Grow\n- KR1: a 1"));
  await vscode.window.showTextDocument(doc);
  try {
    await waitFor(
      async () => {
        await vscode.commands.executeCommand("cursorBottom");
        await vscode.commands.executeCommand("type", { text: "\n" });
        const ok = doc.lineAt(doc.lineCount - 1).text === "- ";
        await vscode.commands.executeCommand("undo");
        return ok;
      },
      "onEnterRules to apply after the grammar loaded",
      timeoutMs,
      100,
    );
  } finally {
    await vscode.commands.executeCommand("workbench.action.revertAndCloseActiveEditor");
  }
}

/**
 * Opens an untitled okr document, presses Enter at its end and returns the new last line. On a
 * freshly opened document VS Code sometimes applies Enter before the line's tokens are ready, and
 * onEnterRules miss (seen in Code 1.100.3, with or without async tokenization); so while the new line
 * differs from `expected`, this undoes and presses Enter again (bounded). Pass no `expected` for one try.
 */
let scratchCount = 0;
/** Writes `content` to a new scratch .okr.md file (outside the workspace) and returns its URI. */
export function scratchFile(content: string): vscode.Uri {
  const dir = path.join(os.tmpdir(), `okr-md-tests-${process.pid}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `scratch-${++scratchCount}.okr.md`);
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

export async function enterAtEnd(content: string, expected?: string, timeoutMs = 5_000): Promise<string> {
  // A real .okr.md file, as users have: untitled documents given a language afterwards showed
  // onEnterRules missing for seconds on some runs.
  const doc = await vscode.workspace.openTextDocument(scratchFile(content));
  await vscode.window.showTextDocument(doc);
  await waitFor(() => vscode.window.activeTextEditor?.document === doc, "the new editor to be active");
  const end = Date.now() + timeoutMs;
  for (;;) {
    // Commands run in order in the workbench; setting editor.selection from here would race with `type`.
    await vscode.commands.executeCommand("cursorBottom");
    await vscode.commands.executeCommand("type", { text: "\n" });
    const last = doc.lineAt(doc.lineCount - 1).text;
    if (expected === undefined || last === expected || Date.now() > end) return last;
    await vscode.commands.executeCommand("undo");
    await new Promise((r) => setTimeout(r, 100));
  }
}
