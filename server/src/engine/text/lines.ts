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
  readonly offsets: number[] = [];
  private all: string[] | undefined;

  constructor(readonly text: string) {
    let start = 0;
    if (text.indexOf("\r") < 0) {
      // Only LF: the native search is twice as fast as a loop over the characters.
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", start)) {
        this.offsets.push(start);
        start = i + 1;
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) {
          this.offsets.push(start);
          if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
          start = i + 1;
        }
      }
    }
    this.offsets.push(start);
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

  /** The text of a line, without its line break. */
  line(line: number): string {
    return this.all ? this.all[line] : this.text.slice(this.offsets[line], this.lineEnd(line));
  }

  /** Every line's text, cut once on first use. */
  get lines(): readonly string[] {
    this.all ??= this.offsets.map((_, i) => this.text.slice(this.offsets[i], this.lineEnd(i)));
    return this.all;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(clamped - this.offsets[lo], this.lineLength(lo)) };
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
