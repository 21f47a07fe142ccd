import { KeyResult, Scorecard } from "../model/scorecard";
import { Fix } from "./rule";

/** "Make it an Initiative": relabel the item so it is tracked as work, not graded. */
export function makeInitiativeFix(kr: KeyResult): Fix {
  const edit = kr.labelRange
    ? { range: kr.labelRange, newText: "Initiative" }
    : { range: { start: kr.textRange.start, end: kr.textRange.start }, newText: "Initiative: " };
  return { title: "Make it an Initiative", edits: [edit] };
}

/** Where a new section goes: the end of the document, after a blank line. */
export function endOfDocument(scorecard: Scorecard): { line: number; character: number; needsNewline: boolean } {
  const lines = scorecard.lines.lines;
  const line = lines.length - 1;
  return { line, character: lines[line].length, needsNewline: lines[line].length > 0 };
}
