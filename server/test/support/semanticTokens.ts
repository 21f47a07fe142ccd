import { SemanticTokensEdit } from "vscode-languageserver";

/** A semantic tokens result with a delta's edits applied, as a client applies them. */
export function applyTokenEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const result = [...data];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) result.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return result;
}
