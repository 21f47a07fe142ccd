import { SemanticTokens, SemanticTokensBuilder, SemanticTokensDelta, SemanticTokensLegend } from "vscode-languageserver";
import { LineIndex, Objective, Range } from "../engine";
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

/**
 * Per open document, the builder of its last tokens: an editor asks again after every edit, and a
 * delta request is answered with what changed since (a few numbers instead of the 1 MB benchmark
 * file's 570 KB). Kept with the document object, which lives while the document is open.
 */
const builders = new WeakMap<object, SemanticTokensBuilder>();

export function semanticTokens(store: DocumentStore, uri: string): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const doc = store.document(uri);
  if (doc) builders.set(doc, builder);
  fill(builder, store, uri);
  return builder.build();
}

/** The tokens as edits of those of `previousResultId`, or all of them when that is not the last result. */
export function semanticTokensDelta(store: DocumentStore, uri: string, previousResultId: string): SemanticTokens | SemanticTokensDelta {
  const doc = store.document(uri);
  const builder = (doc && builders.get(doc)) ?? new SemanticTokensBuilder();
  if (doc) builders.set(doc, builder);
  builder.previousResult(previousResultId);
  fill(builder, store, uri);
  return builder.buildEdits();
}

/**
 * Every token of the document in order. An objective's lie on its own lines, after those of the
 * objectives before it, so the few of the document itself (front matter keys, perspective headings)
 * are merged in between objectives' runs instead of sorting thousands of tokens again.
 */
function fill(builder: SemanticTokensBuilder, store: DocumentStore, uri: string): void {
  const analysis = store.analysis(uri);
  if (!analysis) return;
  const s = analysis.scorecard;
  const out = new Tokens(s.lines);
  for (const e of s.frontMatter?.entries ?? []) out.range(e.keyRange, "property");
  for (const p of s.perspectives) if (p.level > 0) out.range(p.nameRange, "namespace", modifier("declaration"));
  if (s.parent) out.range(s.parent.range, "macro");
  const own = inOrder(out.list);
  let next = 0;
  const pushOwn = () => {
    const t = own[next++];
    builder.push(t.line, t.start, t.length, t.type, t.modifiers);
  };
  for (const o of s.objectives) {
    const packed = tokensOf(o, s.lines);
    if (packed.length === 0) continue;
    while (next < own.length && own[next].line < packed[0]) pushOwn();
    for (let i = 0; i < packed.length; i += FIELDS) builder.push(packed[i], packed[i + 1], packed[i + 2], packed[i + 3], packed[i + 4]);
  }
  while (next < own.length) pushOwn();
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

/** A kept token is five numbers in a row: line, start, length, type, modifiers. */
const FIELDS = 5;

/**
 * An objective's tokens, kept while an edit elsewhere reuses the objective: they lie in its section,
 * whose text is then the same, and move with it (`line` is where the objective started when they
 * were made). Made again for every request, they were most of its 30 ms on the 1 MB benchmark file.
 * In order, packed (`FIELDS` numbers each): as objects they held 7 MB for that file's 30,000 tokens.
 */
const objectiveTokens = new WeakMap<Objective, { line: number; tokens: Int32Array }>();

function tokensOf(o: Objective, lines: LineIndex): Int32Array {
  const line = o.range.startLine;
  const kept = objectiveTokens.get(o);
  if (kept?.line === line) return kept.tokens;
  let tokens: Int32Array;
  if (kept) {
    tokens = kept.tokens.slice();
    for (let i = 0; i < tokens.length; i += FIELDS) tokens[i] += line - kept.line;
  } else {
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
    tokens = new Int32Array(ordered.length * FIELDS);
    ordered.forEach((t, k) => {
      const i = k * FIELDS;
      tokens[i] = t.line;
      tokens[i + 1] = t.start;
      tokens[i + 2] = t.length;
      tokens[i + 3] = t.type;
      tokens[i + 4] = t.modifiers;
    });
  }
  objectiveTokens.set(o, { line, tokens });
  return tokens;
}

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
