/** LSP-shaped positions without depending on LSP: 0-based lines, UTF-16 code units (JS string indices). */
export interface Position {
  line: number;
  character: number;
}

/** Any `{ start, end }`: an LSP range, or one made of an engine range by `toRangeLike`. */
export interface RangeLike {
  start: Position;
  end: Position;
}

/**
 * A range, held as four numbers in one object: a big document's model has hundreds of thousands
 * of them, and three objects each (a range and two positions) cost a third of its memory. A plain
 * record made by one object literal in `range`, not a class instance: V8 allocates straight into
 * the old generation only from an allocation site it has seen survive, and `new` of a class has no
 * such site, so every range of a build was copied by the young-generation collector first.
 * Read as LSP's `{ start, end }` through `startOf`, `endOf` and `toRangeLike`.
 */
export interface Range {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/** Where a range starts, as a new position. */
export function startOf(r: Range): Position {
  return { line: r.startLine, character: r.startCharacter };
}

/** Where a range ends (exclusive), as a new position. */
export function endOf(r: Range): Position {
  return { line: r.endLine, character: r.endCharacter };
}

/** A range as a new LSP-shaped `{ start, end }`, sharing nothing with it (it may be shifted in place later). */
export function toRangeLike(r: Range): RangeLike {
  return { start: startOf(r), end: endOf(r) };
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
  const r: Range = { startLine: line, startCharacter, endLine, endCharacter };
  sink?.push(r);
  return r;
}

/** A range within one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}

/** An empty range at a position. */
export function emptyRange(line: number, character: number): Range {
  return range(line, character, line, character);
}
