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
 * The text itself is held in pieces (`Pieces`), and `edited` makes the next version from this one: an
 * editor's text as one string would be copied whole by the first read after every keystroke.
 */
export class LineIndex {
  readonly offsets: number[];
  private static readonly LARGEST_CHANGE = 50_000;
  private readonly pieces: Pieces;

  /** A text, or what `edited` made of one. `pieceLength`: about how long a piece is (shorter in tests, to have many). */
  constructor(text: string | { pieces: Pieces; offsets: number[] }, pieceLength = PIECE_LENGTH) {
    if (typeof text === "string") {
      this.pieces = Pieces.of(text, pieceLength);
      this.offsets = lineStarts(text);
    } else {
      this.pieces = text.pieces;
      this.offsets = text.offsets;
    }
  }

  /** The index of a new version of the text, given where it changed: see `edited`. */
  static afterChange(old: LineIndex, text: string, change: ChangedRegion): LineIndex {
    return old.edited(change.start, change.oldEnd, text.slice(change.start, change.newEnd));
  }

  /**
   * The index of the text with [start, oldEnd) replaced by `inserted`. It shares the pieces the edit
   * did not touch; line starts are looked for only where the text changed, the rest are copied and
   * shifted.
   */
  edited(start: number, oldEnd: number, inserted: string): LineIndex {
    // A big paste is read whole: its line starts would overflow `splice`'s arguments below.
    if (inserted.length > LineIndex.LARGEST_CHANGE) {
      return new LineIndex(this.cut(0, start) + inserted + this.cut(oldEnd, this.length), this.pieces.pieceLength);
    }
    const pieces = this.pieces.edited(start, oldEnd, inserted);
    const changed: number[] = [];
    // Whether a line starts at p depends on the characters at p - 1 and p (a CR before an LF does not end a line).
    for (let p = start, end = Math.min(start + inserted.length + 1, pieces.length); p <= end; p++) {
      if (p === 0 || startsLine(pieces, p)) changed.push(p);
    }
    const from = firstAtOrAfter(this.offsets, start);
    const to = firstAtOrAfter(this.offsets, oldEnd + 2);
    // A copy cut to size, changed in place: growing a new array by `push` allocated twice the size.
    const offsets = this.offsets.slice();
    offsets.splice(from, to - from, ...changed);
    const shift = inserted.length - (oldEnd - start);
    for (let k = from + changed.length; k < offsets.length; k++) offsets[k] += shift;
    return new LineIndex({ pieces, offsets });
  }

  get length(): number {
    return this.pieces.length;
  }

  /** The whole text (joined from its pieces, once). */
  get text(): string {
    return this.pieces.text();
  }

  /** The character code at an offset (NaN past the end), as `String.prototype.charCodeAt`. */
  charCodeAt(offset: number): number {
    return this.pieces.charCodeAt(offset);
  }

  /** The text between two offsets. */
  cut(start: number, end: number): string {
    return this.pieces.cut(start, end);
  }

  get lineCount(): number {
    return this.offsets.length;
  }

  /** Where line `line` ends, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.offsets.length) return this.length;
    const next = this.offsets[line + 1];
    return this.pieces.charCodeAt(next - 1) === 10 && this.pieces.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }

  lineLength(line: number): number {
    return this.lineEnd(line) - this.offsets[line];
  }

  /** The text of a line, without its line break ("" past the last line). */
  line(line: number): string {
    if (line < 0 || line >= this.offsets.length) return "";
    return this.pieces.cut(this.offsets[line], this.lineEnd(line));
  }

  /** Columns `start` to `end` of a line, cut from the text without cutting the line first. */
  slice(line: number, start: number, end: number): string {
    const lineStart = this.offsets[line];
    const length = this.lineEnd(line) - lineStart;
    return this.pieces.cut(lineStart + Math.min(start, length), lineStart + Math.min(end, length));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    const line = firstAtOrAfter(this.offsets, clamped + 1) - 1;
    return { line, character: Math.min(clamped - this.offsets[line], this.lineLength(line)) };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.offsets.length) return this.length;
    if (position.line < 0) return 0;
    return this.offsets[position.line] + Math.max(0, Math.min(position.character, this.lineLength(position.line)));
  }

  /** Where the text of a line starts once a BOM is skipped (only line 0 can have one). */
  contentStart(line: number): number {
    return line === 0 && this.pieces.charCodeAt(0) === 0xfeff ? 1 : 0;
  }
}

/**
 * A text in pieces of about `pieceLength` characters, each ending with a line feed but the last, so
 * that a line lies in one piece. A version made by `edited` shares every piece the edit did not
 * touch. (As one string, an edited text is a rope of the two sides and the inserted text until
 * something reads it, and the first read copies it whole: 2 MB for a 1 MB text with one character
 * past Latin-1, which makes every character two bytes.)
 */
class Pieces {
  /** The piece the last lookup found: a text is mostly read in order. */
  private lastPiece = 0;
  private joined: string | undefined;

  private constructor(
    private readonly pieces: string[],
    /** Where each piece starts in the text. */
    private readonly starts: number[],
    readonly length: number,
    readonly pieceLength: number,
  ) {}

  static of(text: string, pieceLength: number): Pieces {
    const pieces = new Pieces([], [], text.length, pieceLength);
    pieces.joined = text;
    pieces.append(text, 0);
    return pieces.nonEmpty();
  }

  /** The text with [start, oldEnd) replaced by `inserted`. */
  edited(start: number, oldEnd: number, inserted: string): Pieces {
    const first = this.pieceAt(start);
    const last = this.pieceAt(oldEnd);
    const shift = inserted.length - (oldEnd - start);
    const next = new Pieces(this.pieces.slice(0, first), this.starts.slice(0, first), this.length + shift, this.pieceLength);
    // From the start of the first piece touched to the end of the last: it ends with a line feed, as that piece did.
    next.append(this.pieces[first].slice(0, start - this.starts[first]) + inserted + this.pieces[last].slice(oldEnd - this.starts[last]), this.starts[first]);
    for (let k = last + 1; k < this.pieces.length; k++) {
      next.pieces.push(this.pieces[k]);
      next.starts.push(this.starts[k] + shift);
    }
    return next.nonEmpty();
  }

  /** Appends `text`, which starts at `base`, in pieces cut after line feeds (none for the empty text). */
  private append(text: string, base: number): void {
    for (let at = 0; at < text.length; ) {
      const cut = text.length - at > 2 * this.pieceLength ? text.indexOf("\n", at + this.pieceLength) : -1;
      const end = cut < 0 ? text.length : cut + 1;
      this.pieces.push(at === 0 && end === text.length ? text : text.slice(at, end));
      this.starts.push(base + at);
      at = end;
    }
  }

  /** The empty text is one empty piece: every offset is in a piece. */
  private nonEmpty(): this {
    if (!this.pieces.length) {
      this.pieces.push("");
      this.starts.push(0);
    }
    return this;
  }

  text(): string {
    return (this.joined ??= this.pieces.join(""));
  }

  charCodeAt(offset: number): number {
    const k = this.pieceAt(offset);
    return this.pieces[k].charCodeAt(offset - this.starts[k]);
  }

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
    const k = this.lastPiece;
    if (offset >= starts[k] && (k + 1 === starts.length || offset < starts[k + 1])) return k;
    return (this.lastPiece = Math.max(0, firstAtOrAfter(starts, offset + 1) - 1));
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

/** Whether a line starts at `offset` (> 0): after an LF, or after a CR that no LF follows. */
function startsLine(text: Pieces, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return before === 10 || (before === 13 && text.charCodeAt(offset) !== 10);
}
