import {
  ClientCapabilities,
  Diagnostic as LspDiagnostic,
  DiagnosticRelatedInformation,
  DiagnosticSeverity,
} from "vscode-languageserver";
import { Diagnostic, LineIndex, Objective, Range, RangeLike, ruleDocUrl, Scorecard, Severity, toRangeLike, uriFileName } from "../engine";
import { DIAGNOSTIC_SOURCE, okrClientCapabilities } from "./clientExtensions";
import { DocumentStore } from "./documents";
import { movedFrom } from "./encoder";
import { keptAt } from "./keptItems";
import { Logger, errorText } from "./log";
import { SettingsStore } from "./settings";

/** Longer messages are cut: nobody reads them in a hover, and they cost JSON on every keystroke. */
const MAX_MESSAGE = 1000;

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

/** Whether an LSP range (one sent, or one a client sends back) says where the engine's range is. */
export function sameRange(sent: RangeLike, r: Range): boolean {
  return sent.start.line === r.startLine && sent.start.character === r.startCharacter && sent.end.line === r.endLine && sent.end.character === r.endCharacter;
}

function inside(p: RangeLike["start"], lines: LineIndex): boolean {
  return p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineLength(p.line);
}

/** Keeps a range inside a document of these line lengths (the engine promises it; we make sure). */
export function clampRange(range: RangeLike, lines: LineIndex): { range: RangeLike; clamped: boolean } {
  const { start: s, end: e } = range;
  if (inside(s, lines) && inside(e, lines) && (s.line < e.line || (s.line === e.line && s.character <= e.character))) return { range, clamped: false };
  const clampPos = (p: RangeLike["start"]) => {
    const line = Math.max(0, Math.min(p.line, lines.lineCount - 1));
    const length = lines.lineLength(line);
    const character = Math.max(0, Math.min(line === p.line ? p.character : p.line > line ? length : 0, length));
    return { line, character };
  };
  const start = clampPos(range.start);
  let end = clampPos(range.end);
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  const clamped =
    start.line !== range.start.line || start.character !== range.start.character || end.line !== range.end.line || end.character !== range.end.character;
  return { range: { start, end }, clamped };
}

/**
 * Conversions of the engine's diagnostics. A diagnostic of a section an edit did not touch is the same
 * object in the next analysis (its range moved in place with the section), so its conversion is too;
 * fixes stay in the engine, where code actions look them up by code and range.
 */
const converted = new WeakMap<Diagnostic, LspDiagnostic>();

/** What a client wants in each diagnostic besides its range, severity, code and message. */
export interface DiagnosticExtras {
  /**
   * Whether each diagnostic links its code to the rule's page (the client's `codeDescriptionSupport`).
   * Our VS Code client turns it off and adds the links itself: a third of every publish's bytes.
   */
  codeLinks: boolean;
  /** Whether each diagnostic names its source. Our VS Code client sets it itself (`addsDiagnosticSource`): 7% of the bytes. */
  source: boolean;
}

export function diagnosticExtras(capabilities: ClientCapabilities): DiagnosticExtras {
  return {
    codeLinks: !!capabilities.textDocument?.publishDiagnostics?.codeDescriptionSupport,
    source: !okrClientCapabilities(capabilities.experimental).addsDiagnosticSource,
  };
}

/** What a conversion needs: the document's lines, the URIs the client uses, what the client shows. */
export interface Conversion extends DiagnosticExtras {
  lines: LineIndex;
  clientUri: (key: string) => string;
  log?: Logger;
}

export function toLspDiagnostic(d: Diagnostic, conversion: Conversion): LspDiagnostic {
  const { lines, clientUri, log } = conversion;
  const cached = converted.get(d);
  const alike = cached !== undefined && !!cached.codeDescription === conversion.codeLinks && !!cached.source === conversion.source;
  // Kept with its section, whose lines are unchanged: a range inside them before still is.
  if (alike && sameRange(cached.range, d.range)) return cached;
  const diagnostic = lspDiagnostic(d, lspRange(d, lines, log), conversion);
  if (d.related?.length) {
    diagnostic.relatedInformation = d.related.map((r) =>
      DiagnosticRelatedInformation.create({ uri: clientUri(r.uri), range: toRangeLike(r.range) }, r.message),
    );
  } else if (alike) {
    // Moved with its section by a line break above: the same but for its range (related
    // information, which can be in another document, is made again instead).
    movedFrom(diagnostic, cached);
  }
  converted.set(d, diagnostic);
  return diagnostic;
}

/** A document's last published diagnostics: the engine's, and what they were sent as. */
export interface Published {
  found: readonly Diagnostic[];
  sent: readonly LspDiagnostic[];
}

/**
 * `toLspDiagnostic` of every finding, taking those published last time as they were sent (`keptAt`:
 * a comparison or a few instead of a weak-map lookup each, which for the 1 MB benchmark file's 3,600
 * findings was the server's largest cost of a keystroke). What is taken is what `toLspDiagnostic`
 * would return; the engine never changes a list of findings it has returned.
 */
export function toLspDiagnostics(found: readonly Diagnostic[], previous: Published | undefined, conversion: Conversion): LspDiagnostic[] {
  const sent = new Array<LspDiagnostic>(found.length);
  let next = 0;
  for (let i = 0; i < found.length; i++) {
    const d = found[i];
    const at = previous ? keptAt(previous.found, d, next) : -1;
    if (at >= 0) {
      next = at + 1;
      const before = previous!.sent[at];
      if (sameRange(before.range, d.range)) {
        sent[i] = before;
        continue;
      }
    }
    sent[i] = toLspDiagnostic(d, conversion);
  }
  return sent;
}

/** An LSP diagnostic at this range, without related information. */
function lspDiagnostic(d: Diagnostic, range: RangeLike, extras: DiagnosticExtras): LspDiagnostic {
  const message = d.message.length > MAX_MESSAGE ? d.message.slice(0, MAX_MESSAGE - 1) + "…" : d.message;
  // One literal per shape, members in the order JSON has always had them (the encoder's cache assumes range first).
  const diagnostic: LspDiagnostic = extras.source
    ? { range, severity: lspSeverity(d.severity), code: d.code, source: DIAGNOSTIC_SOURCE, message }
    : { range, severity: lspSeverity(d.severity), code: d.code, message };
  if (extras.codeLinks) diagnostic.codeDescription = { href: ruleDocUrl(d.code) };
  return diagnostic;
}

/** A diagnostic's range as LSP's, kept inside the document. */
function lspRange(d: Diagnostic, lines: LineIndex, log: Logger | undefined): RangeLike {
  const reported = toRangeLike(d.range);
  const { range, clamped } = clampRange(reported, lines);
  if (clamped) log?.warn(`okr: ${d.code} reported a range outside the document (${JSON.stringify(reported)})`);
  return range;
}

/** Per objective, kept while an edit elsewhere reuses it (without the id, which a reused objective without a number can change). */
const objectiveSignatures = new WeakMap<Objective, string>();

function objectiveSignature(o: Objective): string {
  let signature = objectiveSignatures.get(o);
  if (signature === undefined) {
    signature = [o.slug, o.aligns.map((l) => l.text).join(","), o.supports.map((l) => l.text).join(",")].join("|");
    objectiveSignatures.set(o, signature);
  }
  return `${o.id}|${signature}`;
}

/** What other documents' diagnostics can depend on: labels, slugs and links of this one. */
export function linkSignature(scorecard: Scorecard): string {
  return [scorecard.parent?.text ?? "", ...scorecard.objectives.map(objectiveSignature)].join("|");
}

export type Publish = (clientUri: string, version: number, diagnostics: LspDiagnostic[]) => void;

/** Shows a progress with this title until the returned function is called; resolves once it shows. */
export type ShowProgress = (title: string) => Promise<() => void>;

/**
 * Past this many characters, reading a whole document (its opening) takes a third of a second or
 * more (the 1 MB benchmark file 90–190 ms, 10 MB 0.9–1.4 s), and the client is shown a progress.
 */
export const LONG_READ_CHARS = 2_000_000;

/**
 * Debounced validation: every change restarts the document's timer (`okr.validation.delay`), so typing
 * never waits on analysis. A run publishes for the version it analysed only if that is still the
 * latest; if the document's labels or links changed, the other open documents are re-validated.
 */
export class DiagnosticsScheduler {
  /** Per document, how to cancel its pending run. */
  private readonly pending = new Map<string, () => void>();
  private readonly signatures = new Map<string, string>();
  private readonly published = new Map<string, Published>();
  private disposed = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SettingsStore,
    private readonly publish: Publish,
    private readonly log: Logger,
    private readonly extras: DiagnosticExtras,
    private readonly showProgress?: ShowProgress,
  ) {}

  schedule(key: string, delay?: number): void {
    if (this.disposed) return;
    this.cancel(key);
    const wait = delay ?? this.settings.get(key).validation.delay;
    const fire = () => {
      this.pending.delete(key);
      void this.run(key);
    };
    // No delay means now: `setTimeout(fn, 0)` waits a millisecond at least.
    if (wait <= 0) {
      const immediate = setImmediate(fire);
      this.pending.set(key, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(fire, wait);
      this.pending.set(key, () => clearTimeout(timer));
    }
  }

  private cancel(key: string): void {
    this.pending.get(key)?.();
    this.pending.delete(key);
  }

  scheduleAll(except?: string): void {
    for (const key of this.store.openKeys()) if (key !== except) this.schedule(key);
  }

  closed(key: string, clientUri: string): void {
    this.cancel(key);
    this.signatures.delete(key);
    this.published.delete(key);
    this.publish(clientUri, -1, []);
    this.scheduleAll(key);
  }

  dispose(): void {
    this.disposed = true;
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }

  private async run(key: string): Promise<void> {
    try {
      const doc = this.store.document(key);
      if (!doc) return;
      const version = doc.version;
      await this.settings.ensure(key);
      const long = this.showProgress && doc.lines.length > LONG_READ_CHARS && this.store.readsWhole(key);
      // A progress that cannot be shown must not keep the diagnostics back.
      const endProgress = long
        ? await this.showProgress!(`Checking ${uriFileName(doc.uri)}`).catch((err) => void this.log.warn(`okr: no progress shown: ${errorText(err)}`))
        : undefined;
      try {
        // A newer edit arrived while waiting: its own timer will publish.
        if (this.store.document(key)?.version === version) this.validate(key, doc.uri, version);
      } finally {
        endProgress?.();
      }
    } catch (err) {
      this.log.error(`okr: validating ${key} failed: ${errorText(err)}`);
    }
  }

  /** Publishes the document's diagnostics for `version`; re-validates the other open documents if its labels or links changed. */
  private validate(key: string, clientUri: string, version: number): void {
    const analysis = this.store.analysis(key);
    if (!analysis) return;
    const diagnostics = this.store.diagnostics(key);
    const conversion: Conversion = { ...this.extras, lines: analysis.scorecard.lines, clientUri: (k) => this.store.clientUri(k), log: this.log };
    const sent = toLspDiagnostics(diagnostics, this.published.get(key), conversion);
    this.published.set(key, { found: diagnostics, sent });
    this.publish(clientUri, version, sent);
    // Only other open documents are published; alone, there is no one to tell about link changes.
    if (this.store.openKeys().length < 2) {
      this.signatures.delete(key);
      return;
    }
    const signature = linkSignature(analysis.scorecard);
    const previous = this.signatures.get(key);
    this.signatures.set(key, signature);
    if (previous !== signature) this.scheduleAll(key);
  }
}
