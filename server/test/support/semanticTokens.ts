import { SemanticTokensEdit } from "vscode-languageserver";

/** A semantic tokens result with a delta's edits applied, as a client applies them. */
export function applyTokenEdits(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
  const result = [...data];
  for (const e of [...edits].sort((a, b) => b.start - a.start)) result.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return result;
}

/** A token decoded from LSP's relative encoding: where it is, its text, and its type and modifiers by name. */
export interface DecodedToken {
  line: number;
  character: number;
  text: string;
  type: string;
  modifiers: string[];
}

/** Decodes `data` (five numbers a token) with a legend's names, cutting each token's text from `lineText`. */
export function decodeTokens(data: readonly number[], lineText: (line: number) => string, types: readonly string[], modifiers: readonly string[]): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({
      line,
      character,
      text: lineText(line).slice(character, character + data[i + 2]),
      type: types[data[i + 3]],
      modifiers: modifiers.filter((_, bit) => data[i + 4] & (1 << bit)),
    });
  }
  return out;
}
