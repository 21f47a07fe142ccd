import { Position } from "./positions";

/**
 * The text split into lines. CRLF, CR and LF all end a line; the line text never holds the line
 * break, so CRLF files give the same columns as LF files. A leading BOM stays in the text (positions
 * must match the text the caller holds) but is skipped by `contentStart`.
 */
export class LineIndex {
  readonly lines: string[] = [];
  readonly offsets: number[] = [];

  constructor(readonly text: string) {
    let start = 0;
    if (text.indexOf("\r") < 0) {
      // Only LF: the native search is several times faster than a loop over the characters.
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", start)) {
        this.lines.push(text.slice(start, i));
        this.offsets.push(start);
        start = i + 1;
      }
      this.lines.push(text.slice(start));
      this.offsets.push(start);
      return;
    }
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lines.push(text.slice(start, i));
        this.offsets.push(start);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
    this.lines.push(text.slice(start));
    this.offsets.push(start);
  }

  get lineCount(): number {
    return this.lines.length;
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
    return { line: lo, character: Math.min(clamped - this.offsets[lo], this.lines[lo].length) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lines.length) return this.text.length;
    const line = Math.max(0, position.line);
    return this.offsets[line] + Math.max(0, Math.min(position.character, this.lines[line].length));
  }

  /** Where the text of a line starts once a BOM is skipped (only line 0 can have one). */
  contentStart(line: number): number {
    return line === 0 && this.lines[0].charCodeAt(0) === 0xfeff ? 1 : 0;
  }
}
