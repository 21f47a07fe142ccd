/** LSP-shaped positions without depending on LSP: 0-based lines, UTF-16 code units (JS string indices). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * Positions made while a section of the document is read or checked, so that a section reused at
 * another line (an edit above it added or removed lines) can be moved with it. A module-level sink
 * rather than a parameter: every range of the model and of the rules is made through `range`.
 */
let sink: Position[] | undefined;

/** Runs `make` and returns, with its result, every position made meanwhile. */
export function collectPositions<T>(make: () => T, into: Position[] = []): { result: T; positions: Position[] } {
  const outer = sink;
  sink = into;
  try {
    return { result: make(), positions: into };
  } finally {
    sink = outer;
  }
}

/** Moves positions made by `collectPositions` down by `delta` lines (up when negative). */
export function shiftPositions(positions: readonly Position[], delta: number): void {
  for (const p of positions) p.line += delta;
}

export function range(line: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  const start = { line, character: startCharacter };
  const end = { line: endLine, character: endCharacter };
  if (sink) sink.push(start, end);
  return { start, end };
}

/** A range within one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}
