import * as assert from "node:assert/strict";
import { analyzeText, checkScorecard, defaultConfig, Diagnostic, endOf, LineIndex, OkrConfig, Position, RangeLike, startOf, TextEdit, toRangeLike, Workspace } from "../../src/engine";
import { dayFromIso } from "../../src/engine/model/dates";

/**
 * Test text with markers, Langium style: `<|>` marks a position, `[[` … `]]` a range. The markers are
 * removed and their positions (in the clean text) returned.
 */
export function markers(marked: string): { text: string; positions: Position[]; ranges: RangeLike[] } {
  const positions: Position[] = [];
  const ranges: RangeLike[] = [];
  const open: Position[] = [];
  let text = "";
  let line = 0;
  let character = 0;
  for (let i = 0; i < marked.length; ) {
    if (marked.startsWith("<|>", i)) {
      positions.push({ line, character });
      i += 3;
    } else if (marked.startsWith("[[", i)) {
      open.push({ line, character });
      i += 2;
    } else if (marked.startsWith("]]", i)) {
      ranges.push({ start: open.pop()!, end: { line, character } });
      i += 2;
    } else {
      const c = marked[i++];
      text += c;
      if (c === "\n") {
        line++;
        character = 0;
      } else character++;
    }
  }
  return { text, positions, ranges };
}

/** Removes the common indentation of a template literal, so tests can indent their documents. */
export function doc(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, "");
  const indent = Math.min(...raw.split("\n").filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return raw
    .split("\n")
    .map((l) => l.slice(indent))
    .join("\n")
    .replace(/\s+$/, "\n");
}

export const TODAY = dayFromIso("2027-02-15")!;

export function analyze(text: string, config: OkrConfig = defaultConfig(), uri = "file:///test/doc.okr.md") {
  return analyzeText(text, { uri, config, today: TODAY });
}

/** Diagnostics of one document on its own (links to other files are unknown). */
export function lint(text: string, config: OkrConfig = defaultConfig(), uri = "file:///test/doc.okr.md"): Diagnostic[] {
  const ws = new Workspace({ configFor: () => config, readFile: () => undefined, today: TODAY });
  ws.set(uri, text);
  return ws.diagnostics(uri);
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** Asserts that `code` fires exactly on the `[[ ]]` ranges of the marked text, and nowhere else. */
export function expectRule(code: string, marked: string, config?: OkrConfig): Diagnostic[] {
  const { text, ranges } = markers(marked);
  const found = lint(text, config).filter((d) => d.code === code);
  assert.deepEqual(
    found.map((d) => toRangeLike(d.range)),
    ranges,
    `${code}: expected ${JSON.stringify(ranges)}, got ${JSON.stringify(found.map((d) => [toRangeLike(d.range), d.message]))}`,
  );
  return found;
}

/** Applies text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => index.offsetAt(startOf(b.range)) - index.offsetAt(startOf(a.range)));
  let result = text;
  for (const e of sorted) result = result.slice(0, index.offsetAt(startOf(e.range))) + e.newText + result.slice(index.offsetAt(endOf(e.range)));
  return result;
}

export { checkScorecard };
