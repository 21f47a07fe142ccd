import * as fs from "node:fs";
import * as path from "node:path";
import { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from "vscode-languageserver";
import { Analysis, Diagnostic, LineIndex, Workspace } from "../engine";
import { ChangedRegion, mergeChanges, replacement } from "../engine/text/changes";
import { LspHost } from "./host";
import { Logger, errorText } from "./log";
import { pathFromUri } from "../host/nodeHost";
import { canonicalUri, isOkrUri, pathToUri } from "./uris";

export interface IndexProgress {
  report(message: string, percentage?: number): void;
  isCancelled(): boolean;
}

const MAX_FILES = 20_000;
const MAX_BYTES = 4 * 1024 * 1024;
const SKIP_DIRS = new Set(["node_modules", "out", "dist", "bower_components"]);

/**
 * An open editor's document: its text as the engine's index of its lines, which each change replaces
 * by an edited one sharing the pieces the change did not touch (`LineIndex.edited`).
 * vscode-languageserver-textdocument keeps the text as one string, which every keystroke made again
 * and its first read copied whole (2 MB a keystroke in a 1 MB file).
 */
export class OpenDocument {
  /** One object while the document is open, like vscode-languageserver-textdocument's: features keep results with it. */
  constructor(
    readonly uri: string,
    public version: number,
    public lines: LineIndex,
  ) {}
}

/**
 * How `TextDocuments` keeps open documents up to date, remembering where each change landed: the
 * engine then takes everything outside that region over without comparing text.
 */
export class ChangeTracker implements TextDocumentsConfiguration<OpenDocument> {
  private readonly regions = new Map<string, ChangedRegion | undefined>();

  create(uri: string, _languageId: string, version: number, content: string): OpenDocument {
    return new OpenDocument(uri, version, new LineIndex(content));
  }

  update(document: OpenDocument, changes: TextDocumentContentChangeEvent[], version: number): OpenDocument {
    let region: ChangedRegion | undefined;
    let known = true;
    let lines = document.lines;
    // One change at a time: each change's range is in the text the ones before it made.
    for (const change of changes) {
      if (TextDocumentContentChangeEvent.isIncremental(change)) {
        const a = lines.offsetAt(change.range.start);
        const b = lines.offsetAt(change.range.end);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const one = replacement(start, end - start, change.text.length);
        region = region ? mergeChanges(region, one) : one;
        lines = lines.edited(start, end, change.text);
      } else {
        known = false;
        lines = new LineIndex(change.text);
      }
    }
    this.regions.set(document.uri, known ? region : undefined);
    document.lines = lines;
    document.version = version;
    return document;
  }

  /** Where the document's last change landed (once: the next call says nothing). */
  take(uri: string): ChangedRegion | undefined {
    const region = this.regions.get(uri);
    this.regions.delete(uri);
    return region;
  }
}

/**
 * The documents the server knows: open editors (their live text) and every `*.okr.md` of the
 * workspace folders (read from disk), all in one engine Workspace keyed by canonical URI.
 */
export class DocumentStore {
  readonly workspace: Workspace;
  private readonly open = new Map<string, OpenDocument>();
  private readonly onDisk = new Set<string>();
  /** Bumped on every change to any document or configuration: diagnostics can depend on other files. */
  private generation = 0;
  private readonly diagnosticCache = new Map<string, { generation: number; diagnostics: Diagnostic[] }>();

  constructor(
    readonly host: LspHost,
    private readonly log: Logger,
  ) {
    this.workspace = new Workspace(host);
  }

  key(uri: string): string {
    return canonicalUri(uri);
  }

  /** An open document's text (opened or changed); `change` says where it differs from the text before. */
  changed(doc: OpenDocument, change?: ChangedRegion): void {
    this.generation++;
    const key = this.key(doc.uri);
    this.open.set(key, doc);
    this.workspace.set(key, doc.lines, change);
  }

  closed(uri: string): void {
    this.generation++;
    const key = this.key(uri);
    this.open.delete(key);
    const text = this.onDisk.has(key) ? this.host.readFile(key) : undefined;
    if (text !== undefined) this.workspace.set(key, text);
    else {
      this.onDisk.delete(key);
      this.workspace.delete(key);
    }
  }

  /** The open document for a URI in any spelling. */
  document(uri: string): OpenDocument | undefined {
    return this.open.get(this.key(uri));
  }

  openKeys(): string[] {
    return [...this.open.keys()];
  }

  isOpen(uri: string): boolean {
    return this.open.has(this.key(uri));
  }

  /** The URI to show the client: its own spelling for open documents. */
  clientUri(key: string): string {
    return this.open.get(key)?.uri ?? key;
  }

  analysis(uri: string): Analysis | undefined {
    return this.workspace.analysis(this.key(uri));
  }

  /** Whether the document's next analysis reads its whole text (as when it was just opened). */
  readsWhole(uri: string): boolean {
    return this.workspace.readsWhole(this.key(uri));
  }

  /** The engine's diagnostics for a document, computed once per state of the workspace (code actions ask often). */
  diagnostics(uri: string): Diagnostic[] {
    const key = this.key(uri);
    const cached = this.diagnosticCache.get(key);
    if (cached && cached.generation === this.generation) return cached.diagnostics;
    const diagnostics = this.workspace.diagnostics(key);
    this.diagnosticCache.set(key, { generation: this.generation, diagnostics });
    return diagnostics;
  }

  /** Settings, `.okrrc.json` or files on disk changed: every analysis is redone on next use. */
  invalidate(): void {
    this.generation++;
    this.diagnosticCache.clear();
    this.workspace.invalidateLinked();
  }

  /** Every document of the workspace (open or indexed). */
  keys(): string[] {
    return this.workspace.uris();
  }

  /** A watched file changed on disk. Returns whether the workspace changed. */
  diskChanged(uri: string, deleted: boolean): boolean {
    this.generation++;
    const key = this.key(uri);
    if (!isOkrUri(key)) return false;
    if (deleted) {
      this.onDisk.delete(key);
      if (!this.open.has(key)) this.workspace.delete(key);
      this.workspace.invalidateLinked();
      return true;
    }
    this.onDisk.add(key);
    if (this.open.has(key)) return false;
    const text = this.host.readFile(key);
    if (text === undefined) return false;
    this.workspace.set(key, text);
    this.workspace.invalidateLinked();
    return true;
  }

  /** Reads every `**\/*.okr.md` under the folders. */
  async index(folderUris: string[], progress?: IndexProgress): Promise<number> {
    const files: string[] = [];
    for (const folder of folderUris) {
      const root = pathFromUri(folder);
      if (root) await this.collect(root, files, progress);
    }
    let done = 0;
    for (const file of files) {
      if (progress?.isCancelled()) break;
      const key = pathToUri(file);
      done++;
      if (this.open.has(key)) {
        this.onDisk.add(key);
        continue;
      }
      try {
        const stat = await fs.promises.stat(file);
        if (stat.size > MAX_BYTES) continue;
        const text = await fs.promises.readFile(file, "utf8");
        if (this.open.has(key)) continue; // opened while reading
        this.onDisk.add(key);
        this.generation++;
        this.workspace.set(key, text);
      } catch (err) {
        this.log.warn(`okr: could not read ${file}: ${errorText(err).split("\n")[0]}`);
      }
      if (done % 25 === 0) progress?.report(`${done}/${files.length} files`, Math.round((done / files.length) * 100));
    }
    return done;
  }

  private async collect(dir: string, files: string[], progress?: IndexProgress): Promise<void> {
    if (files.length >= MAX_FILES || progress?.isCancelled()) return;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith(".") || SKIP_DIRS.has(entry.name)) continue;
        await this.collect(full, files, progress);
      } else if (entry.isFile() && /\.okr\.md$/i.test(entry.name)) files.push(full);
    }
  }
}
