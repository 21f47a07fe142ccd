import {
  Diagnostic as LspDiagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
} from "vscode-languageserver";
import { Diagnostic, Fix, Range, Scorecard, Severity } from "../engine";
import { DocumentStore } from "./documents";
import { Logger, errorText } from "./log";
import { SettingsStore } from "./settings";

export const RULE_DOCS = "https://github.com/okr-md/okr-md/blob/main/docs/rules/";
export const SOURCE = "okr";
/** Longer messages are cut: nobody reads them in a hover, and they cost JSON on every keystroke. */
const MAX_MESSAGE = 1000;

/** What a diagnostic carries for code actions: the fixes, valid for one document version. */
export interface DiagnosticData {
  code: string;
  version: number;
  fixes?: Fix[];
}

export function lspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    case "info":
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

/** Keeps a range inside a document of these line lengths (the engine promises it; we make sure). */
export function clampRange(range: Range, lines: readonly string[]): { range: Range; clamped: boolean } {
  const clampPos = (p: Range["start"]) => {
    const line = Math.max(0, Math.min(p.line, lines.length - 1));
    const character = Math.max(0, Math.min(line === p.line ? p.character : p.line > line ? lines[line].length : 0, lines[line].length));
    return { line, character };
  };
  const start = clampPos(range.start);
  let end = clampPos(range.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  const clamped =
    start.line !== range.start.line || start.character !== range.start.character || end.line !== range.end.line || end.character !== range.end.character;
  return { range: { start, end }, clamped };
}

export function toLspDiagnostic(d: Diagnostic, version: number, lines: readonly string[], clientUri: (key: string) => string, log?: Logger): LspDiagnostic {
  const { range, clamped } = clampRange(d.range, lines);
  if (clamped) log?.warn(`okr: ${d.code} reported a range outside the document (${JSON.stringify(d.range)})`);
  const data: DiagnosticData = { code: d.code, version, fixes: d.fixes };
  const diagnostic: LspDiagnostic = {
    range,
    severity: lspSeverity(d.severity),
    code: d.code,
    codeDescription: { href: RULE_DOCS + d.code + ".md" },
    source: SOURCE,
    message: d.message.length > MAX_MESSAGE ? d.message.slice(0, MAX_MESSAGE - 1) + "…" : d.message,
    data,
  };
  if (d.related?.length) {
    diagnostic.relatedInformation = d.related.map((r) =>
      DiagnosticRelatedInformation.create({ uri: clientUri(r.uri), range: r.range }, r.message),
    );
  }
  return diagnostic;
}

/** What other documents' diagnostics can depend on: labels, slugs and links of this one. */
export function linkSignature(scorecard: Scorecard): string {
  const parts: string[] = [scorecard.parent?.text ?? ""];
  for (const o of scorecard.objectives) {
    parts.push(o.id, o.slug, o.aligns.map((l) => l.text).join(","), o.supports.map((l) => l.text).join(","));
  }
  return parts.join("|");
}

export type Publish = (clientUri: string, version: number, diagnostics: LspDiagnostic[]) => void;

/**
 * Debounced validation: every change restarts the document's timer (`okr.validation.delay`), so typing
 * never waits on analysis. A run publishes for the version it analysed only if that is still the
 * latest; if the document's labels or links changed, the other open documents are re-validated.
 */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly signatures = new Map<string, string>();
  private disposed = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsStore,
    private readonly publish: Publish,
    private readonly log: Logger,
  ) {}

  schedule(key: string, delay?: number): void {
    if (this.disposed) return;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const wait = delay ?? this.settings.get(key).validation.delay;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      void this.run(key);
    }, wait);
    this.timers.set(key, timer);
  }

  scheduleAll(except?: string): void {
    for (const key of this.store.openKeys()) if (key !== except) this.schedule(key);
  }

  closed(key: string, clientUri: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
    this.signatures.delete(key);
    this.publish(clientUri, -1, []);
    this.scheduleAll(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async run(key: string): Promise<void> {
    try {
      const doc = this.store.document(key);
      if (!doc) return;
      const version = doc.version;
      await this.settings.ensure(key);
      // A newer edit arrived while waiting: its own timer will publish.
      if (this.store.document(key)?.version !== version) return;
      const analysis = this.store.analysis(key);
      if (!analysis) return;
      const diagnostics = this.store.diagnostics(key);
      const lines = analysis.scorecard.lines.lines;
      const converted = diagnostics.map((d) => toLspDiagnostic(d, version, lines, (k) => this.store.clientUri(k), this.log));
      this.publish(doc.uri, version, converted);
      const signature = linkSignature(analysis.scorecard);
      const previous = this.signatures.get(key);
      this.signatures.set(key, signature);
      if (previous !== undefined && previous !== signature) this.scheduleAll(key);
      else if (previous === undefined && this.store.openKeys().length > 1) this.scheduleAll(key);
    } catch (err) {
      this.log.error(`okr: validating ${key} failed: ${errorText(err)}`);
    }
  }
}
