/** LSP-shaped positions without depending on LSP: 0-based lines, UTF-16 code units (JS string indices). */
export interface Position {
  line: number;
  character: number;
}

/** Any `{ start, end }`: an LSP range, or an engine `Range`. */
export interface RangeLike {
  start: Position;
  end: Position;
}

/**
 * A range, held as four numbers in one object: a big document's model has hundreds of thousands
 * of them, and three objects each (a range and two positions) cost a third of its memory. It reads
 * and serialises as LSP's `{ start, end }`.
 */
export class Range {
  constructor(
    public startLine: number,
    public startCharacter: number,
    public endLine: number,
    public endCharacter: number,
  ) {}

  get start(): Position {
    return { line: this.startLine, character: this.startCharacter };
  }

  get end(): Position {
    return { line: this.endLine, character: this.endCharacter };
  }

  toJSON(): { start: Position; end: Position } {
    return { start: this.start, end: this.end };
  }
}

/**
 * Ranges made while a section of the document is read or checked, so that a section reused at
 * another line (an edit above it added or removed lines) can be moved with it. A module-level sink
 * rather than a parameter: every range of the model and of the rules is made through `range`.
 */
let sink: Range[] | undefined;

/** Runs `make` and returns, with its result, every range made meanwhile. */
export function collectRanges<T>(make: () => T, into: Range[] = []): { result: T; ranges: Range[] } {
  const outer = sink;
  sink = into;
  try {
    return { result: make(), ranges: into };
  } finally {
    sink = outer;
  }
}

/** Moves ranges made by `collectRanges` down by `delta` lines (up when negative). */
export function shiftRanges(ranges: readonly Range[], delta: number): void {
  for (const r of ranges) {
    r.startLine += delta;
    r.endLine += delta;
  }
}

export function range(line: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  const r = new Range(line, startCharacter, endLine, endCharacter);
  sink?.push(r);
  return r;
}

/** A range within one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

/** An empty range at a position. */
export function emptyRange(p: Position): Range {
  return range(p.line, p.character, p.line, p.character);
}
