import { DocumentSymbol, Range, SymbolInformation, SymbolKind } from "vscode-languageserver";
import { KeyResult, LineIndex, Objective, Scorecard, startOf, toRangeLike } from "../engine";
import { DocumentStore } from "./documents";
import { unchangingPart, withUnchangingParts } from "./encoder";
import { gradeText } from "./format";
import { keyResultEndLine, objectiveNameRange, PerObjective, sane, scorecards } from "./model";

/** Lines `startLine` to `endLine` whole (a line past the last is the last). */
function span(lines: LineIndex, startLine: number, endLine: number): Range {
  return { start: { line: startLine, character: 0 }, end: { line: endLine, character: lines.lineLength(Math.max(0, Math.min(endLine, lines.lineCount - 1))) } };
}

/**
 * Past this many key results, initiatives and indicators in a document, the outline stops at its
 * objectives. VS Code asks for the outline after every change (breadcrumbs, sticky scroll), and in
 * the benchmark's 1 MB file its 13,300 symbols (3.3 MB) made VS Code take p50 about 700 ms to pass
 * each keystroke on to the extension host, and 63 ms with no outline asked.
 */
export const MAX_OUTLINE_LEAVES = 2000;

/** Never changed once made: the encoder keeps their JSON, 32–42 ms of the 1 MB file's 3.3 MB outline otherwise. */
function keptSymbols(withLeaves: boolean): PerObjective<DocumentSymbol> {
  return new PerObjective(
    (o, lines) => unchangingPart(objectiveSymbol(o, lines, withLeaves)),
    (symbol, delta) => unchangingPart(moved(symbol, delta)),
  );
}
const objectiveSymbols = keptSymbols(true);
const objectiveHeadingSymbols = keptSymbols(false);

/**
 * Outline: perspective → objective → key result (initiatives and indicators as leaves); objectives
 * without their leaves in a document with more than MAX_OUTLINE_LEAVES of them.
 */
export function documentSymbols(store: DocumentStore, uri: string): DocumentSymbol[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  let leaves = 0;
  for (const o of s.objectives) leaves += o.keyResults.length + o.initiatives.length + o.indicators.length;
  const symbols = leaves > MAX_OUTLINE_LEAVES ? objectiveHeadingSymbols : objectiveSymbols;
  const symbolOf = (o: Objective) => symbols.get(o, s.lines);
  const result: DocumentSymbol[] = [];
  const inPerspective = new Set<Objective>();
  for (const p of s.perspectives) {
    const children = p.objectives.map(symbolOf);
    p.objectives.forEach((o) => inPerspective.add(o));
    const end = Math.max(p.endLine, p.range.endLine, ...children.map((c) => c.range.end.line));
    const range = p.level > 0 ? span(s.lines, p.range.startLine, end) : contain({ start: startOf(p.range), end: span(s.lines, end, end).end }, toRangeLike(p.range));
    result.push({
      name: p.name,
      detail: `perspective · ${gradeText(p.grade)}`,
      kind: SymbolKind.Namespace,
      range: children.reduce((r, c) => contain(r, c.range), range),
      selectionRange: sane(p.nameRange),
      children,
    });
  }
  for (const o of s.objectives) if (!inPerspective.has(o)) result.push(symbolOf(o));
  result.sort((a, b) => a.range.start.line - b.range.start.line);
  return withUnchangingParts(result);
}

function objectiveSymbol(o: Objective, lines: LineIndex, withLeaves: boolean): DocumentSymbol {
  const end = Math.max(o.range.endLine, o.endLine);
  const range = span(lines, o.range.startLine, end);
  const symbol: DocumentSymbol = {
    name: `${o.label ?? o.id}: ${o.title}`,
    detail: `${gradeText(o.grade)} · ${o.type}`,
    kind: SymbolKind.Class,
    range: contain(range, sane(o.range)),
    selectionRange: sane(objectiveNameRange(o)),
  };
  if (!withLeaves) return symbol;
  const children: DocumentSymbol[] = o.keyResults.map((kr) => keyResultSymbol(kr, o.source === "table" ? toRangeLike(kr.range) : span(lines, kr.range.startLine, keyResultEndLine(kr))));
  for (const item of [...o.initiatives, ...o.indicators]) {
    children.push({
      name: item.text || item.kind,
      detail: item.kind,
      kind: item.kind === "initiative" ? SymbolKind.Event : SymbolKind.Constant,
      range: sane(item.range),
      selectionRange: sane(item.range),
    });
  }
  children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { ...symbol, children };
}

/** A copy of a symbol and its children `delta` lines down; a symbol sent is never changed. */
function moved(symbol: DocumentSymbol, delta: number): DocumentSymbol {
  const line = (r: Range): Range => ({ start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } });
  const copy = { ...symbol, range: line(symbol.range), selectionRange: line(symbol.selectionRange) };
  if (symbol.children) copy.children = symbol.children.map((c) => moved(c, delta));
  return copy;
}

function keyResultSymbol(kr: KeyResult, range: Range): DocumentSymbol {
  const selectionRange = sane(kr.labelRange ?? kr.textRange);
  return {
    name: kr.label ? `${kr.label}: ${kr.text}` : kr.text || kr.id,
    detail: gradeText(kr.grade),
    kind: SymbolKind.Property,
    range: contain(contain(range, sane(kr.range)), selectionRange),
    selectionRange,
  };
}

function contain(outer: Range, inner: Range): Range {
  const start = inner.start.line < outer.start.line || (inner.start.line === outer.start.line && inner.start.character < outer.start.character) ? inner.start : outer.start;
  const end = inner.end.line > outer.end.line || (inner.end.line === outer.end.line && inner.end.character > outer.end.character) ? inner.end : outer.end;
  return { start, end };
}

/** Objectives and key results of every workspace file whose name contains the query's characters in order. */
export function workspaceSymbols(store: DocumentStore, query: string, cancelled: () => boolean, limit = 2000): SymbolInformation[] {
  const result: SymbolInformation[] = [];
  const q = query.toLowerCase().replace(/\s+/g, "");
  const matches = (name: string) => {
    if (!q) return true;
    const n = name.toLowerCase();
    let i = 0;
    for (const c of n) if (c === q[i]) i++;
    return i === q.length;
  };
  for (const s of scorecards(store, cancelled)) {
    const uri = store.clientUri(s.uri);
    const container = s.title ?? uri.split("/").pop();
    for (const o of s.objectives) {
      const name = `${o.label ?? o.id}: ${o.title}`;
      if (matches(name)) result.push(SymbolInformation.create(name, SymbolKind.Class, toRangeLike(o.range), uri, container));
      for (const kr of o.keyResults) {
        const krName = `${o.id} ${kr.label ?? kr.id}: ${kr.text}`;
        if (matches(krName)) result.push(SymbolInformation.create(krName, SymbolKind.Property, toRangeLike(kr.range), uri, `${o.label ?? o.id}: ${o.title}`));
      }
      if (result.length >= limit) return result;
    }
  }
  return result;
}

export type { Scorecard };
