import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic as LspDiagnostic, TextEdit as LspTextEdit } from "vscode-languageserver";
import { Diagnostic, emptyRange, Fix, lineRange, Scorecard, TextEdit, toRangeLike } from "../engine";
import { DIAGNOSTIC_SOURCE } from "./clientExtensions";
import { Conversion, DiagnosticExtras, sameRange, toLspDiagnostic } from "./diagnostics";
import { DocumentStore } from "./documents";

export const FIX_ALL_KIND = "source.fixAll.okr";

/**
 * Quick fixes: every fix the rules attach, "Disable <code> for this file" (front matter `rules:`), and
 * `source.fixAll.okr` (the preferred fix of every diagnostic, non-overlapping).
 */
/** `extras`: what the diagnostics hold besides their message (as published, see `Conversion`). */
export function codeActions(store: DocumentStore, params: CodeActionParams, extras: DiagnosticExtras, cancelled: () => boolean = () => false): CodeAction[] {
  const doc = store.document(params.textDocument.uri);
  const analysis = store.analysis(params.textDocument.uri);
  if (!doc || !analysis) return [];
  const uri = doc.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + "."));
  const current = store.diagnostics(uri);
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const disabled = new Set<string>();
    for (const d of params.context.diagnostics) {
      if (cancelled()) return [];
      if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== "string") continue;
      for (const fix of fixesFor(d, current)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred === true,
          edit: { changes: { [uri]: fix.edits.map(toLspEdit) } },
        });
      }
      if (!disabled.has(d.code)) {
        disabled.add(d.code);
        const edits = disableRuleEdits(analysis.scorecard, d.code);
        if (edits.length) {
          actions.push({
            title: `Disable ${d.code} for this file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: { changes: { [uri]: edits.map(toLspEdit) } },
          });
        }
      }
    }
  }

  const explicitFixAll = only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + "."));
  if (explicitFixAll || (!only && params.context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE))) {
    const edits = fixAllEdits(current);
    if (edits.length || explicitFixAll) {
      const conversion: Conversion = { ...extras, lines: analysis.scorecard.lines, clientUri: (k) => store.clientUri(k) };
      actions.push({
        title: "Fix all auto-fixable OKR problems",
        kind: FIX_ALL_KIND,
        diagnostics: current.filter((d) => d.fixes?.some((f) => f.preferred)).map((d) => toLspDiagnostic(d, conversion)),
        edit: { changes: { [uri]: edits.map(toLspEdit) } },
      });
    }
  }
  return actions;
}

function toLspEdit(e: TextEdit): LspTextEdit {
  return { range: toRangeLike(e.range), newText: e.newText };
}

/** The fixes of the diagnostic as it is now: the current one with the same code and range. */
function fixesFor(d: LspDiagnostic, current: Diagnostic[]): Fix[] {
  const same = current.find((c) => c.code === d.code && sameRange(d.range, c.range));
  return same?.fixes ?? [];
}

/** The preferred fix of every diagnostic, skipping any whose edits overlap one already taken. */
export function fixAllEdits(diagnostics: Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const d of diagnostics) {
    const fix = d.fixes?.find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) continue;
    taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startCharacter - b.range.startCharacter);
}

/** Whether a position (line, character) is before another. */
function before(aLine: number, aCharacter: number, bLine: number, bCharacter: number): boolean {
  return aLine < bLine || (aLine === bLine && aCharacter < bCharacter);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at one point conflict too (their order would be arbitrary).
  const aStartsBeforeBEnds = before(a.range.startLine, a.range.startCharacter, b.range.endLine, b.range.endCharacter);
  const bStartsBeforeAEnds = before(b.range.startLine, b.range.startCharacter, a.range.endLine, a.range.endCharacter);
  if (!aStartsBeforeBEnds && !bStartsBeforeAEnds) {
    const aEmpty = a.range.startLine === a.range.endLine && a.range.startCharacter === a.range.endCharacter;
    const bEmpty = b.range.startLine === b.range.endLine && b.range.startCharacter === b.range.endCharacter;
    const samePoint = a.range.startLine === b.range.startLine && a.range.startCharacter === b.range.startCharacter;
    return aEmpty && bEmpty && samePoint;
  }
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/**
 * Sets `rules: { <code>: off }` in the front matter: creates the front matter when there is none, adds
 * `rules:` when absent, adds to (or overwrites in) an existing block or flow map.
 */
export function disableRuleEdits(scorecard: Scorecard, code: string): TextEdit[] {
  const lines = scorecard.lines;
  const entry = `${code}: off`;
  const fm = scorecard.frontMatter;
  if (!fm) {
    const start = lines.line(0).charCodeAt(0) === 0xfeff ? 1 : 0;
    return [{ range: emptyRange(0, start), newText: `---\nrules:\n  ${entry}\n---\n\n` }];
  }
  const first = fm.range.startLine + 1;
  const closeLine = fm.range.endLine;
  const closed = closeLine > fm.range.startLine && /^(---|\.\.\.)\s*$/.test(lines.line(closeLine));
  const lastInside = closed ? closeLine - 1 : closeLine;
  const rules = fm.entries.find((e) => e.key === "rules");
  if (!rules) {
    if (closed) return [{ range: emptyRange(closeLine, 0), newText: `rules:\n  ${entry}\n` }];
    return [{ range: emptyRange(lastInside, lines.lineLength(lastInside)), newText: `\nrules:\n  ${entry}` }];
  }
  const keyLine = rules.keyRange.startLine;
  const keyText = lines.line(keyLine);
  const afterColon = keyText.indexOf(":", rules.keyRange.endCharacter);
  const inlineValue = afterColon >= 0 ? keyText.slice(afterColon + 1).replace(/\s+#.*$/, "").trim() : "";
  if (inlineValue.startsWith("{")) {
    // Flow map on the key's line: `rules: { a: off }`.
    const open = keyText.indexOf("{", afterColon);
    const close = keyText.lastIndexOf("}");
    if (close > open) {
      const inner = keyText.slice(open + 1, close);
      const existing = new RegExp(`(^|,)(\\s*)(["']?)${escapeRegExp(code)}\\3\\s*:\\s*[^,}\\s]*`).exec(inner);
      if (existing) {
        const s = open + 1 + existing.index + existing[1].length;
        const e = open + 1 + existing.index + existing[0].length;
        return [{ range: lineRange(keyLine, s, e), newText: `${existing[2]}${entry}` }];
      }
      if (inner.trim() === "") return [{ range: lineRange(keyLine, open + 1, close), newText: ` ${entry} ` }];
      return [{ range: emptyRange(keyLine, open + 1 + inner.trimEnd().length), newText: `, ${entry}` }];
    }
  }
  if (inlineValue !== "" && !inlineValue.startsWith("{")) {
    // A scalar where a map belongs: replace it.
    const start = keyText.indexOf(inlineValue, afterColon);
    return [{ range: lineRange(keyLine, start, start + inlineValue.length), newText: `{ ${entry} }` }];
  }
  // Block map (or nothing yet) under `rules:`: the indented lines that follow.
  const keyIndent = /^\s*/.exec(keyText)![0].length;
  let last = keyLine;
  let indent: string | undefined;
  for (let line = keyLine + 1; line <= lastInside && line >= first; line++) {
    const text = lines.line(line);
    if (text.trim() === "" || /^\s*#/.test(text)) continue;
    const lead = /^\s*/.exec(text)![0];
    if (lead.length <= keyIndent) break;
    indent ??= lead;
    last = line;
    const m = new RegExp(`^(\\s*)(["']?)${escapeRegExp(code)}\\2\\s*:`).exec(text);
    if (m) return [{ range: lineRange(line, lead.length, text.length), newText: entry }];
  }
  return [{ range: emptyRange(last, lines.lineLength(last)), newText: `\n${indent ?? " ".repeat(keyIndent + 2)}${entry}` }];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
