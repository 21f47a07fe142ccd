import { emptyRange } from "../text/positions";
import { KeyResult } from "../model/scorecard";
import { Fix } from "./rule";

/** "Make it an Initiative": relabel the item so it is tracked as work, not graded. */
export function makeInitiativeFix(kr: KeyResult): Fix {
  const edit = kr.labelRange
    ? { range: kr.labelRange, newText: "Initiative" }
    : { range: emptyRange(kr.textRange.startLine, kr.textRange.startCharacter), newText: "Initiative: " };
  return { title: "Make it an Initiative", edits: [edit] };
}
