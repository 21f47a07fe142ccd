import { DocumentSymbol, Range, SymbolInformation, SymbolKind } from "vscode-languageserver";
import { KeyResult, Objective, Scorecard, startOf, toRangeLike } from "../engine";
import { DocumentStore } from "./documents";
import { unchangingPart, withUnchangingParts } from "./encoder";
import { gradeText } from "./format";
import { keyResultEndLine, objectiveNameRange, sane, scorecards } from "./model";

/**
 * An objective's symbol, kept while an edit elsewhere reuses the objective: it lies in the
 * objective's section, whose text is then the same, and moves with it (`line` is where the objective
 * started when it was made). Its id can change in place (numbered by position), and is in the name.
 * Made again for every request, the 1 MB benchmark file's 2,600 objectives took 13–40 ms.
 */
const objectiveSymbols = new WeakMap<Objective, { line: number; id: string; symbol: DocumentSymbol }>();

/** Outline: perspective → objective → key result (initiatives and indicators as leaves). */
export function documentSymbols(store: DocumentStore, uri: string): DocumentSymbol[] {
  const analysis = store.analysis(uri);
  if (!analysis) return [];
  const s = analysis.scorecard;
  const lineEnd = (line: number) => s.lines.lineLength(Math.max(0, Math.min(line, s.lines.lineCount - 1)));
  const span = (startLine: number, endLine: number): Range => ({ start: { line: startLine, character: 0 }, end: { line: endLine, character: lineEnd(endLine) } });

  const objectiveSymbol = (o: Objective): DocumentSymbol => {
    const line = o.range.startLine;
    const kept = objectiveSymbols.get(o);
    if (kept?.id === o.id && kept.line === line) return kept.symbol;
    // Never changed once made: the encoder keeps its JSON, 32–42 ms of an outline's 3.3 MB otherwise.
    const symbol = unchangingPart(kept?.id === o.id ? moved(kept.symbol, line - kept.line) : newObjectiveSymbol(o));
    objectiveSymbols.set(o, { line, id: o.id, symbol });
    return symbol;
  };

  const newObjectiveSymbol = (o: Objective): DocumentSymbol => {
    const end = Math.max(o.range.endLine, o.endLine);
    const range = span(o.range.startLine, end);
    const children: DocumentSymbol[] = o.keyResults.map((kr) => keyResultSymbol(kr, o.source === "table" ? toRangeLike(kr.range) : span(kr.range.startLine, keyResultEndLine(kr))));
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
    return {
      name: `${o.label ?? o.id}: ${o.title}`,
      detail: `${gradeText(o.grade)} · ${o.type}`,
      kind: SymbolKind.Class,
      range: contain(range, sane(o.range)),
      selectionRange: sane(objectiveNameRange(o)),
      children,
    };
  };

  const result: DocumentSymbol[] = [];
  const inPerspective = new Set<Objective>();
  for (const p of s.perspectives) {
    const children = p.objectives.map(objectiveSymbol);
    p.objectives.forEach((o) => inPerspective.add(o));
    const end = Math.max(p.endLine, p.range.endLine, ...children.map((c) => c.range.end.line));
    const range = p.level > 0 ? span(p.range.startLine, end) : contain({ start: startOf(p.range), end: { line: end, character: lineEnd(end) } }, toRangeLike(p.range));
    result.push({
      name: p.name,
      detail: `perspective · ${gradeText(p.grade)}`,
      kind: SymbolKind.Namespace,
      range: children.reduce((r, c) => contain(r, c.range), range),
      selectionRange: sane(p.nameRange),
      children,
    });
  }
  for (const o of s.objectives) if (!inPerspective.has(o)) result.push(objectiveSymbol(o));
  result.sort((a, b) => a.range.start.line - b.range.start.line);
  return withUnchangingParts(result);
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
