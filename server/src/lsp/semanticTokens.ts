import { SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from "vscode-languageserver";
import { LineIndex, Range, RangeLike } from "../engine";
import { DocumentStore } from "./documents";
import { objectivesInLines, PerObjective, perspectiveHeadings } from "./model";

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

/**
 * Per open document, its last result: an editor asks again after every edit, and a delta request
 * is answered with what changed since (a few numbers instead of the 1 MB benchmark file's 570 KB).
 * Kept with the document object, which lives while the document is open.
 */
const lastResults = new WeakMap<object, { resultId: string; data: number[] }>();
let resultCount = 0;

export function semanticTokens(store: DocumentStore, uri: string): SemanticTokens {
  const result = { resultId: String(++resultCount), data: encode(store, uri) };
  const doc = store.document(uri);
  if (doc) lastResults.set(doc, result);
  return result;
}

/**
 * The tokens of the objectives on a range's lines, and of the document's own headings and keys
 * there: what an editor asks for the lines in view. VS Code asks it of big documents, for which our
 * client declines the whole document's (see client/src/semanticTokens.ts).
 */
export function semanticTokensInRange(store: DocumentStore, uri: string, range: RangeLike): SemanticTokens {
  return { data: encode(store, uri, { from: range.start.line, to: range.end.line }) };
}

/** The tokens as edits of those of `previousResultId`, or all of them when that is not the last result. */
export function semanticTokensDelta(store: DocumentStore, uri: string, previousResultId: string): SemanticTokens | SemanticTokensDelta {
  const doc = store.document(uri);
  const previous = doc && lastResults.get(doc);
  const result = semanticTokens(store, uri);
  return previous?.resultId === previousResultId ? { resultId: result.resultId, edits: edits(previous.data, result.data) } : result;
}

/** The one edit that turns `before` into `after`: what lies between what they start and end with alike. */
function edits(before: readonly number[], after: readonly number[]): SemanticTokensEdit[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (start === before.length && start === after.length) return [];
  return [{ start, deleteCount: before.length - start - end, data: after.slice(start, after.length - end) }];
}

/**
 * Every token of the document in LSP's encoding, or those of the objectives on `lines` and of the
 * document on them: five numbers each, line and start relative to the token before. An objective's
 * tokens lie on its own lines, after those of the objectives before it, so its run of numbers is
 * copied as kept but for its first token's line and start; the few tokens of the document itself
 * (front matter keys, perspective headings) are merged in between.
 */
function encode(store: DocumentStore, uri: string, lines?: { from: number; to: number }): number[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  const found = new Tokens(s.lines);
  for (const e of s.frontMatter?.entries ?? []) found.range(e.keyRange, "property");
  for (const { heading } of perspectiveHeadings(s)) found.range(heading.range, "namespace", modifier("declaration"));
  if (s.parent) found.range(s.parent.range, "macro");
  const own = lines ? inOrder(found.list).filter((t) => t.line >= lines.from && t.line <= lines.to) : inOrder(found.list);
  const objectives = lines ? objectivesInLines(s, lines.from, lines.to) : s.objectives;
  const runs = objectives.map((o) => objectiveTokens.get(o, s.lines));
  const out = new RelativeWriter(new Array<number>(FIELDS * runs.reduce((n, r) => n + r.tokens.length / FIELDS, own.length)));
  let next = 0;
  for (const run of runs) {
    if (run.tokens.length === 0) continue;
    while (next < own.length && own[next].line < run.first.line) out.token(own[next++]);
    out.run(run);
  }
  for (; next < own.length; next++) out.token(own[next]);
  return out.data;
}

/** Writes tokens in LSP's encoding, each relative to the one written before it. */
class RelativeWriter<D extends number[] | Int32Array> {
  private at = 0;
  private line = 0;
  private start = 0;

  constructor(readonly data: D) {}

  token({ line, start, length, type, modifiers }: Token): void {
    this.put(line, start, length, type, modifiers);
  }

  /** An objective's tokens, as kept: only the first is written anew, relative to the token before it. */
  run({ tokens, first, last }: ObjectiveTokens): void {
    this.put(first.line, first.start, tokens[2], tokens[3], tokens[4]);
    for (let i = FIELDS; i < tokens.length; i++) this.data[this.at++] = tokens[i];
    this.line = last.line;
    this.start = last.start;
  }

  private put(line: number, start: number, length: number, type: number, modifiers: number): void {
    const data = this.data;
    data[this.at++] = line - this.line;
    data[this.at++] = line === this.line ? start - this.start : start;
    data[this.at++] = length;
    data[this.at++] = type;
    data[this.at++] = modifiers;
    this.line = line;
    this.start = start;
  }
}

const type = (t: TokenType) => TOKEN_TYPES.indexOf(t);
const modifier = (m: Modifier) => 1 << TOKEN_MODIFIERS.indexOf(m);

/** Tokens cut to their lines' text. */
class Tokens {
  readonly list: Token[] = [];

  constructor(private readonly lines: LineIndex) {}

  /** A token from `from` to `to` on a line. */
  span(line: number, from: number, to: number, tokenType: TokenType, modifiers = 0): void {
    if (line < 0 || line >= this.lines.lineCount) return;
    const length = this.lines.lineLength(line);
    const start = Math.max(0, Math.min(from, length));
    const end = Math.max(start, Math.min(to, length));
    if (end > start) this.list.push({ line, start, length: end - start, type: type(tokenType), modifiers });
  }

  /** A token over a range of one line (a range over several lines is not one token). */
  range(range: Range | undefined, tokenType: TokenType, modifiers = 0): void {
    if (range && range.startLine === range.endLine) this.span(range.startLine, range.startCharacter, range.endCharacter, tokenType, modifiers);
  }
}

/** A token is five numbers in a row: line, start, length, type, modifiers. */
const FIELDS = 5;

/**
 * An objective's tokens in LSP's encoding (each relative to the one before, the first as made), and
 * where its first and last tokens are. The encoding holds no line but relative ones, so a moved
 * objective's tokens are the same numbers: only `first` and `last` move. As token objects, the 1 MB
 * benchmark file's 30,000 held 7 MB.
 */
interface ObjectiveTokens {
  tokens: Int32Array;
  first: { line: number; start: number };
  last: { line: number; start: number };
}

const objectiveTokens = new PerObjective<ObjectiveTokens>(
  (o, lines) => {
    const out = new Tokens(lines);
    out.range(o.labelRange, "class", modifier("declaration"));
    for (const a of o.attributes) out.range(a.keyRange, "property");
    if (o.owner) out.range(o.owner.range, "variable", modifier("owner"));
    if (o.due) out.range(o.due.range, "string", modifier("date"));
    for (const l of o.aligns) out.range(l.range, "macro");
    for (const l of o.supports) out.range(l.range, "macro");
    for (const kr of o.keyResults) {
      out.range(kr.labelRange, "enumMember", modifier("declaration"));
      for (const v of [kr.baseline, kr.target, kr.relative, kr.current]) out.range(v?.range, "number");
      if (kr.deadline) out.range(kr.deadline.range, "string", modifier("date"));
      if (kr.owner) out.range(kr.owner.range, "variable", modifier("owner"));
      for (const a of kr.attributes) out.range(a.keyRange, "property");
      for (const c of kr.checkIns) {
        const at = c.range.startLine;
        const m = /\d{4}-\d{2}-\d{2}/.exec(lines.line(at).slice(c.range.startCharacter));
        if (m) {
          const start = c.range.startCharacter + m.index;
          out.span(at, start, start + 10, "string", modifier("date"));
        }
        out.range(c.value.range, "number");
      }
    }
    const ordered = inOrder(out.list);
    // The first token is written relative to the document's start, as `run` expects.
    const writer = new RelativeWriter(new Int32Array(ordered.length * FIELDS));
    for (const t of ordered) writer.token(t);
    const [first, last] = [ordered[0], ordered[ordered.length - 1]];
    return { tokens: writer.data, first: { line: first?.line ?? 0, start: first?.start ?? 0 }, last: { line: last?.line ?? 0, start: last?.start ?? 0 } };
  },
  ({ tokens, first, last }, delta) => ({ tokens, first: { ...first, line: first.line + delta }, last: { ...last, line: last.line + delta } }),
);

/** Tokens by position, a longer one first where two start together, without overlaps (the first of them stays). */
function inOrder(tokens: Token[]): Token[] {
  tokens.sort((a, b) => a.line - b.line || a.start - b.start || b.length - a.length);
  const result: Token[] = [];
  for (const t of tokens) {
    const last = result[result.length - 1];
    if (last && last.line === t.line && t.start < last.start + last.length) continue;
    result.push(t);
  }
  return result;
}
