import { ChangedRegion } from "./changes";
import { Position } from "./positions";

/**
 * The text split into lines. CRLF, CR and LF all end a line; the line text never holds the line
 * break, so CRLF files give the same columns as LF files. A leading BOM stays in the text (positions
 * must match the text the caller holds) but is skipped by `contentStart`.
 *
 * Only the line starts are found up front; a line's text is cut when asked for. After an edit to a
 * big file most lines are never looked at (their sections are reused), and cutting all of them was
 * the largest cost of a keystroke.
 */
export class LineIndex {
  readonly offsets: number[];
  private static readonly LARGEST_CHANGE = 50_000;

  constructor(
    readonly text: string,
    offsets?: number[],
  ) {
    this.offsets = offsets ?? lineStarts(text);
  }

  /** The index of a new version of the text: line starts are looked for only where it changed. */
  static afterChange(old: LineIndex, text: string, change: ChangedRegion): LineIndex {
    const { start, oldEnd, newEnd } = change;
    // A big paste is scanned whole: its line starts would overflow `splice`'s arguments below.
    if (newEnd - start > LineIndex.LARGEST_CHANGE) return new LineIndex(text);
    const changed: number[] = [];
    // Whether a line starts at p depends on the characters at p - 1 and p (a CR before an LF does not end a line).
    for (let p = start, last = Math.min(newEnd + 1, text.length); p <= last; p++) {
      if (p === 0 || startsLine(text, p)) changed.push(p);
    }
    const from = firstAtOrAfter(old.offsets, start);
    const to = firstAtOrAfter(old.offsets, oldEnd + 2);
    // A copy cut to size, changed in place: growing a new array by `push` allocated twice the size.
    const offsets = old.offsets.slice();
    offsets.splice(from, to - from, ...changed);
    const shift = newEnd - oldEnd;
    for (let k = from + changed.length; k < offsets.length; k++) offsets[k] += shift;
    return new LineIndex(text, offsets);
  }

  get lineCount(): number {
    return this.offsets.length;
  }

  /** Where line `line` ends, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.offsets.length) return this.text.length;
    const next = this.offsets[line + 1];
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineLength(line: number): number {
    return this.lineEnd(line) - this.offsets[line];
  }

  /** The text of a line, without its line break ("" past the last line). */
  line(line: number): string {
    if (line < 0 || line >= this.offsets.length) return "";
    return this.text.slice(this.offsets[line], this.lineEnd(line));
  }

  /** Columns `start` to `end` of a line, cut from the text without cutting the line first. */
  slice(line: number, start: number, end: number): string {
    const lineStart = this.offsets[line];
    const length = this.lineEnd(line) - lineStart;
    return this.text.slice(lineStart + Math.min(start, length), lineStart + Math.min(end, length));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = firstAtOrAfter(this.offsets, clamped + 1) - 1;
    return { line, character: Math.min(clamped - this.offsets[line], this.lineLength(line)) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.offsets.length) return this.text.length;
    const line = Math.max(0, position.line);
    return this.offsets[line] + Math.max(0, Math.min(position.character, this.lineLength(line)));
  }

  /** Where the text of a line starts once a BOM is skipped (only line 0 can have one). */
  contentStart(line: number): number {
    return line === 0 && this.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }
}

/** Where every line starts. */
function lineStarts(text: string): number[] {
  const offsets: number[] = [];
  let start = 0;
  if (text.indexOf("\r") < 0) {
    // Only LF: the native search is twice as fast as a loop over the characters.
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", start)) {
      offsets.push(start);
      start = i + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        offsets.push(start);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  offsets.push(start);
  return offsets;
}

/** Whether a line starts at `offset` (> 0): after an LF, or after a CR that no LF follows. */
function startsLine(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return before === 10 || (before === 13 && text.charCodeAt(offset) !== 10);
}

/** The first index whose value is at least `value`, in ascending values. */
function firstAtOrAfter(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
