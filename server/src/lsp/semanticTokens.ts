import { SemanticTokens, SemanticTokensBuilder, SemanticTokensLegend } from "vscode-languageserver";
import { Range, Scorecard } from "../engine";
import { DocumentStore } from "./documents";

/**
 * Semantic tokens use standard types so every theme colours them:
 * objective label → class, KR label → enumMember, perspective → namespace, attribute / front-matter
 * key → property, number → number, date → string (modifier `date`), owner → variable (modifier
 * `owner`), link → macro.
 */
export const TOKEN_TYPES = ["class", "enumMember", "namespace", "property", "number", "string", "variable", "macro"] as const;
export const TOKEN_MODIFIERS = ["declaration", "date", "owner", "readonly"] as const;
export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];
type Modifier = (typeof TOKEN_MODIFIERS)[number];

interface Token {
  line: number;
  start: number;
  length: number;
  type: number;
  modifiers: number;
}

export function semanticTokens(store: DocumentStore, uri: string): SemanticTokens {
  const analysis = store.analysis(uri);
  const builder = new SemanticTokensBuilder();
  if (!analysis) return builder.build();
  for (const t of collect(analysis.scorecard)) builder.push(t.line, t.start, t.length, t.type, t.modifiers);
  return builder.build();
}

export function collect(s: Scorecard): Token[] {
  const lines = s.lines.lines;
  const tokens: Token[] = [];
  /** A token from `from` to `to` on a line, cut to the line's text. */
  const pushSpan = (line: number, from: number, to: number, type: TokenType, modifiers: Modifier[]) => {
    const text = lines[line];
    if (text === undefined) return;
    const start = Math.max(0, Math.min(from, text.length));
    const end = Math.max(start, Math.min(to, text.length));
    if (end <= start) return;
    tokens.push({ line, start, length: end - start, type: TOKEN_TYPES.indexOf(type), modifiers: modifiers.reduce((m, x) => m | (1 << TOKEN_MODIFIERS.indexOf(x)), 0) });
  };
  /** A token over a range of one line (a range over several lines is not one token). */
  const push = (range: Range | undefined, type: TokenType, ...modifiers: Modifier[]) => {
    if (range && range.startLine === range.endLine) pushSpan(range.startLine, range.startCharacter, range.endCharacter, type, modifiers);
  };
  for (const e of s.frontMatter?.entries ?? []) push(e.keyRange, "property");
  for (const p of s.perspectives) if (p.level > 0) push(p.nameRange, "namespace", "declaration");
  if (s.parent) push(s.parent.range, "macro");
  for (const o of s.objectives) {
    push(o.labelRange, "class", "declaration");
    for (const a of o.attributes) push(a.keyRange, "property");
    if (o.owner) push(o.owner.range, "variable", "owner");
    if (o.due) push(o.due.range, "string", "date");
    for (const l of [...o.aligns, ...o.supports]) push(l.range, "macro");
    for (const kr of o.keyResults) {
      push(kr.labelRange, "enumMember", "declaration");
      for (const v of [kr.baseline, kr.target, kr.relative, kr.current]) push(v?.range, "number");
      if (kr.deadline) push(kr.deadline.range, "string", "date");
      if (kr.owner) push(kr.owner.range, "variable", "owner");
      for (const a of kr.attributes) push(a.keyRange, "property");
      for (const c of kr.checkIns) {
        const line = c.range.startLine;
        const m = /\d{4}-\d{2}-\d{2}/.exec(lines[line]?.slice(c.range.startCharacter) ?? "");
        if (m) {
          const start = c.range.startCharacter + m.index;
          pushSpan(line, start, start + 10, "string", ["date"]);
        }
        push(c.value.range, "number");
      }
    }
  }
  tokens.sort((a, b) => a.line - b.line || a.start - b.start || b.length - a.length);
  const result: Token[] = [];
  for (const t of tokens) {
    const last = result[result.length - 1];
    if (last && last.line === t.line && t.start < last.start + last.length) continue; // no overlaps
    result.push(t);
  }
  return result;
}
