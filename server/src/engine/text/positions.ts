/** LSP-shaped positions without depending on LSP: 0-based lines, UTF-16 code units (JS string indices). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export function range(line: number, startCharacter: number, endLine: number, endCharacter: number): Range {
  return { start: { line, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}

/** A range within one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}
