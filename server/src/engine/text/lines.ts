import { ChangedRegion } from "./changes";
import { Position } from "./positions";

/** About how long a piece of the text is (see `LineIndex`). */
const PIECE_LENGTH = 16 * 1024;

/**
 * The text split into lines. CRLF, CR and LF all end a line; the line text never holds the line
 * break, so CRLF files give the same columns as LF files. A leading BOM stays in the text (positions
 * must match the text the caller holds) but is skipped by `contentStart`.
 *
 * Only the line starts are found up front; a line's text is cut when asked for. After an edit to a
 * big file most lines are never looked at (their sections are reused), and cutting all of them was
 * the largest cost of a keystroke.
 *
 * The text is held in pieces of about `pieceLength` characters, each ending with a line feed but the
 * last, so that a line lies in one piece; each piece knows where its lines start. `edited` makes the
 * next version from this one, sharing every piece the edit did not touch, and finding line starts
 * only in the one it did. (As one string, an edited text is a rope of the two sides and the inserted
 * text until something reads it, and the first read copies it whole: 2 MB for a 1 MB text with one
 * character past Latin-1, which makes every character two bytes. As one array of line starts, every
 * edit copied and shifted the whole array: 36,000 numbers in a 1 MB text.)
 */
export class LineIndex {
  private static readonly LARGEST_CHANGE = 50_000;
  readonly length: number;
  private readonly pieces: string[] = [];
  /** Where each piece starts in the text. */
  private readonly starts: number[] = [];
  /** Where each piece's lines start, in the piece. */
  private readonly pieceLines: number[][] = [];
  /** The number of each piece's first line. */
  private readonly firstLines: number[] = [];
  /** The piece the last lookup by offset, and by line, found: a text is mostly read in order. */
  private atPiece = 0;
  private lineInPiece = 0;
  private joined: string | undefined;

  /**
   * A text, or (for `edited`) how long one is whose pieces are still to be appended. `pieceLength`:
   * about how long a piece is (shorter in tests, to have many).
   */
  constructor(
    text: string | { length: number },
    private readonly pieceLength = PIECE_LENGTH,
  ) {
    this.length = text.length;
    if (typeof text !== "string") return;
    this.joined = text;
    this.append(text, 0, true);
    this.nonEmpty();
  }

  /** The index of a new version of the text, given where it changed: see `edited`. */
  static afterChange(old: LineIndex, text: string, change: ChangedRegion): LineIndex {
    return old.edited(change.start, change.oldEnd, text.slice(change.start, change.newEnd));
  }

  /** The index of the text with [start, oldEnd) replaced by `inserted`: see the class. */
  edited(start: number, oldEnd: number, inserted: string): LineIndex {
    // A big paste is read whole, in new pieces.
    if (inserted.length > LineIndex.LARGEST_CHANGE) return new LineIndex(this.cut(0, start) + inserted + this.cut(oldEnd, this.length), this.pieceLength);
    const first = this.pieceAt(start);
    const last = this.pieceAt(oldEnd);
    const shift = inserted.length - (oldEnd - start);
    const next = new LineIndex({ length: this.length + shift }, this.pieceLength);
    for (let k = 0; k < first; k++) next.push(this.pieces[k], this.starts[k], this.pieceLines[k]);
    // From the start of the first piece touched to the end of the last: it ends with a line feed, as that piece did.
    const touched = this.pieces[first].slice(0, start - this.starts[first]) + inserted + this.pieces[last].slice(oldEnd - this.starts[last]);
    const atEnd = last === this.pieces.length - 1;
    next.append(touched, this.starts[first], atEnd);
    for (let k = last + 1; k < this.pieces.length; k++) next.push(this.pieces[k], this.starts[k] + shift, this.pieceLines[k]);
    const end = next.pieces.length - 1;
    // The end of the text was cut off: the piece before is the last now, and the line after its line feed is the last line.
    if (atEnd && !touched && end >= 0) next.pieceLines[end] = [...next.pieceLines[end], next.pieces[end].length];
    return next.nonEmpty();
  }

  /** Appends `text`, which starts at `base`, in pieces cut after line feeds (none for the empty text); `atEnd`: it ends the whole text. */
  private append(text: string, base: number, atEnd: boolean): void {
    for (let at = 0; at < text.length; ) {
      const cut = text.length - at > 2 * this.pieceLength ? text.indexOf("\n", at + this.pieceLength) : -1;
      const end = cut < 0 ? text.length : cut + 1;
      const piece = at === 0 && end === text.length ? text : text.slice(at, end);
      const lines = lineStarts(piece);
      // A line that starts where the piece ends starts in the next piece, or, at the end of the text, is the last line.
      if (!(atEnd && end === text.length)) lines.pop();
      this.push(piece, base + at, lines);
      at = end;
    }
  }

  private push(piece: string, start: number, lines: number[]): void {
    const k = this.pieces.length;
    this.firstLines.push(k === 0 ? 0 : this.firstLines[k - 1] + this.pieceLines[k - 1].length);
    this.pieces.push(piece);
    this.starts.push(start);
    this.pieceLines.push(lines);
  }

  /** The empty text is one empty piece holding one line: every offset and line is in a piece. */
  private nonEmpty(): this {
    if (!this.pieces.length) this.push("", 0, [0]);
    return this;
  }

  /** The whole text (joined from its pieces, once). */
  get text(): string {
    return (this.joined ??= this.pieces.join(""));
  }

  /** The character code at an offset (NaN past the end), as `String.prototype.charCodeAt`. */
  charCodeAt(offset: number): number {
    const k = this.pieceAt(offset);
    return this.pieces[k].charCodeAt(offset - this.starts[k]);
  }

  /** The text between two offsets. */
  cut(start: number, end: number): string {
    const k = this.pieceAt(start);
    const piece = this.pieces[k];
    const local = start - this.starts[k];
    if (end - start <= piece.length - local) return piece.slice(local, local + end - start);
    const parts = [piece.slice(local)];
    for (let j = k + 1; j < this.pieces.length && this.starts[j] < end; j++) parts.push(this.pieces[j].slice(0, end - this.starts[j]));
    return parts.join("");
  }

  /** The piece that holds the character at `offset` (the last one for the end of the text). */
  private pieceAt(offset: number): number {
    const { starts } = this;
    const k = this.atPiece;
    if (offset >= starts[k] && (k + 1 === starts.length || offset < starts[k + 1])) return k;
    return (this.atPiece = Math.max(0, firstAtOrAfter(starts, offset + 1) - 1));
  }

  /** The piece in which line `line` starts. */
  private pieceOfLine(line: number): number {
    const { firstLines } = this;
    const k = this.lineInPiece;
    if (line >= firstLines[k] && (k + 1 === firstLines.length || line < firstLines[k + 1])) return k;
    return (this.lineInPiece = Math.max(0, firstAtOrAfter(firstLines, line + 1) - 1));
  }

  get lineCount(): number {
    const last = this.pieces.length - 1;
    return this.firstLines[last] + this.pieceLines[last].length;
  }

  /** Where line `line` starts (0 ≤ line < lineCount). */
  lineStart(line: number): number {
    const k = this.pieceOfLine(line);
    return this.starts[k] + this.pieceLines[k][line - this.firstLines[k]];
  }

  /** Where every line starts (all of them made into one array: for tests and checks). */
  lineStarts(): number[] {
    return Array.from({ length: this.lineCount }, (_, line) => this.lineStart(line));
  }

  /** Where line `line` ends, before its line break. */
  lineEnd(line: number): number {
    const k = this.pieceOfLine(line);
    return this.starts[k] + this.endInPiece(k, line);
  }

  /** Where a line of piece `k` ends in it, before its line break: the piece holds the line and its break. */
  private endInPiece(k: number, line: number): number {
    const piece = this.pieces[k];
    if (line + 1 >= this.lineCount) return piece.length;
    const starts = this.pieceLines[k];
    const i = line - this.firstLines[k];
    const next = i + 1 < starts.length ? starts[i + 1] : piece.length;
    return piece.charCodeAt(next - 1) === 10 && piece.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineLength(line: number): number {
    const k = this.pieceOfLine(line);
    return this.endInPiece(k, line) - this.pieceLines[k][line - this.firstLines[k]];
  }

  /** The text of a line, without its line break ("" past the last line). */
  line(line: number): string {
    if (line < 0 || line >= this.lineCount) return "";
    const k = this.pieceOfLine(line);
    return this.pieces[k].slice(this.pieceLines[k][line - this.firstLines[k]], this.endInPiece(k, line));
  }

  /** Columns `start` to `end` of a line, cut from the text without cutting the line first. */
  slice(line: number, start: number, end: number): string {
    const k = this.pieceOfLine(line);
    const lineStart = this.pieceLines[k][line - this.firstLines[k]];
    const length = this.endInPiece(k, line) - lineStart;
    return this.pieces[k].slice(lineStart + Math.min(start, length), lineStart + Math.min(end, length));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const k = this.pieceAt(clamped);
    const line = this.firstLines[k] + firstAtOrAfter(this.pieceLines[k], clamped - this.starts[k] + 1) - 1;
    return { line, character: Math.min(clamped - this.lineStart(line), this.lineLength(line)) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.length;
    if (position.line < 0) return 0;
    return this.lineStart(position.line) + Math.max(0, Math.min(position.character, this.lineLength(position.line)));
  }

  /** Where the text of a line starts once a BOM is skipped (only line 0 can have one). */
  contentStart(line: number): number {
    return line === 0 && this.charCodeAt(0) === 0xfeff ? 1 : 0;
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
