/**
 * The okr language server: wires the LSP protocol to the engine. Every feature lives in one file under
 * lsp/ and is protocol-light (store + params in, LSP-typed result out); this file only connects them,
 * guards every handler and owns the lifecycle. Works over `--stdio`, `--node-ipc`, `--socket` and `--pipe`
 * (lsp/connection.ts).
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from "vscode-languageserver/node";
import { codeActions, FIX_ALL_KIND } from "./lsp/codeActions";
import { completion, COMPLETION_TRIGGERS } from "./lsp/completion";
import { createServerConnection } from "./lsp/connection";
import { definition } from "./lsp/definition";
import { DiagnosticExtras, diagnosticExtras, DiagnosticsScheduler } from "./lsp/diagnostics";
import { ChangeTracker, DocumentStore } from "./lsp/documents";
import { foldingRanges } from "./lsp/folding";
import { LspHost } from "./lsp/host";
import { hover } from "./lsp/hover";
import { inlayHints } from "./lsp/inlayHints";
import { errorText, guard, guardAsync, Logger } from "./lsp/log";
import { references } from "./lsp/references";
import { prepareRename, rename } from "./lsp/rename";
import { registerPreview } from "./lsp/preview";
import { legend, semanticTokens, semanticTokensDelta, semanticTokensInRange } from "./lsp/semanticTokens";
import { SettingsStore } from "./lsp/settings";
import { documentSymbols, workspaceSymbols } from "./lsp/symbols";
import { canonicalUri } from "./lsp/uris";
import { prepareErrorRecovery } from "./engine";

const connection = createServerConnection();
const log: Logger = {
  info: (m) => connection.console.info(m),
  warn: (m) => connection.console.warn(m),
  error: (m) => connection.console.error(m),
};

process.on("uncaughtException", (err) => log.error(`okr: uncaught exception: ${errorText(err)}`));
process.on("unhandledRejection", (err) => log.error(`okr: unhandled rejection: ${errorText(err)}`));

const changeTracker = new ChangeTracker();
const documents = new TextDocuments(changeTracker);
let settings = new SettingsStore(undefined, log);
let host = new LspHost(settings, log);
let store = new DocumentStore(host, log);
let scheduler: DiagnosticsScheduler;
let folders: string[] = [];
let canPullConfiguration = false;
let canRegisterConfiguration = false;
let canShowProgress = false;
let publishedExtras: DiagnosticExtras = { codeLinks: true, source: true };
/** How many folding ranges the client takes (`rangeLimit`; VS Code's is 5,000). */
let foldingRangeLimit = Infinity;
const justOpened = new Set<string>();

function rebuild(): void {
  host = new LspHost(settings, log);
  store = new DocumentStore(host, log);
  settings.onResolved = () => {
    host.invalidate(false);
    store.invalidate();
  };
  scheduler = new DiagnosticsScheduler(
    store,
    settings,
    (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version: version >= 0 ? version : undefined, diagnostics }),
    log,
    publishedExtras,
    canShowProgress ? showProgress : undefined,
  );
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  canPullConfiguration = !!caps.workspace?.configuration;
  canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
  publishedExtras = diagnosticExtras(caps);
  canShowProgress = !!caps.window?.workDoneProgress;
  foldingRangeLimit = caps.textDocument?.foldingRange?.rangeLimit ?? Infinity;
  folders = (params.workspaceFolders ?? []).map((f) => canonicalUri(f.uri));
  if (!folders.length && params.rootUri) folders = [canonicalUri(params.rootUri)];
  settings = new SettingsStore(
    canPullConfiguration ? { fetch: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: "okr" }) } : undefined,
    log,
  );
  settings.folders = folders;
  const init = params.initializationOptions as { settings?: unknown } | undefined;
  if (!canPullConfiguration && init?.settings) settings.changed({ okr: init.settings });
  rebuild();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      semanticTokensProvider: { legend, full: { delta: true }, range: true },
      inlayHintProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: "okr-language-server", version: "0.1.0" },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: "okr" }).catch(() => undefined);
  if (folders.length) {
    connection.workspace.onDidChangeWorkspaceFolders((e) =>
      guard(log, "workspace folders", undefined, () => {
        const removed = new Set(e.removed.map((f) => canonicalUri(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => canonicalUri(f.uri))];
        settings.folders = folders;
        void indexWorkspace(e.added.map((f) => canonicalUri(f.uri)));
      }),
    );
  }
  void indexWorkspace(folders);
  // Off the request path: the first text with an error would otherwise build the recovering parser (30 ms).
  setImmediate(() => guard(log, "prepare error recovery", undefined, prepareErrorRecovery));
});

/** A progress in the client while a long synchronous task runs: its start is written before the task takes the thread. */
async function showProgress(title: string): Promise<() => void> {
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin(title);
  // The connection writes on the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  return () => progress.done();
}

async function indexWorkspace(roots: string[]): Promise<void> {
  if (!roots.length) return;
  await guardAsync(log, "indexing", undefined, async () => {
    const started = Date.now();
    const target = store;
    let count: number;
    if (canShowProgress) {
      const progress = await connection.window.createWorkDoneProgress();
      progress.begin("Indexing OKR files", 0, "", true);
      try {
        count = await target.index(roots, {
          report: (message, percentage) => progress.report(percentage ?? 0, message),
          isCancelled: () => progress.token.isCancellationRequested,
        });
      } finally {
        progress.done();
      }
    } else count = await target.index(roots);
    log.info(`okr: indexed ${count} file(s) in ${Date.now() - started} ms`);
    if (target === store) scheduler.scheduleAll();
  });
}

documents.onDidOpen((e) => justOpened.add(e.document.uri));
documents.onDidChangeContent((e) =>
  guard(log, "didChange", undefined, () => {
    store.changed(e.document, changeTracker.take(e.document.uri));
    const key = store.key(e.document.uri);
    scheduler.schedule(key, justOpened.delete(e.document.uri) ? 0 : undefined);
  }),
);
documents.onDidClose((e) =>
  guard(log, "didClose", undefined, () => {
    justOpened.delete(e.document.uri);
    store.closed(e.document.uri);
    scheduler.closed(store.key(e.document.uri), e.document.uri);
  }),
);

connection.onDidChangeConfiguration((params) =>
  guard(log, "didChangeConfiguration", undefined, () => {
    settings.changed(params.settings);
    host.invalidate(false);
    store.invalidate();
    // Fetch the new values at once, so the next keystroke already debounces with the new delay.
    void Promise.all(store.openKeys().map((key) => settings.ensure(key))).then(() => scheduler.scheduleAll());
  }),
);

connection.onDidChangeWatchedFiles((params) =>
  guard(log, "didChangeWatchedFiles", undefined, () => {
    let changed = false;
    for (const change of params.changes) {
      if (/(^|\/)\.okrrc\.json$/i.test(change.uri)) {
        host.invalidate(true);
        store.invalidate();
        changed = true;
      } else changed = store.diskChanged(change.uri, change.type === FileChangeType.Deleted) || changed;
    }
    if (changed) scheduler.scheduleAll();
  }),
);

const cancelledBy = (token: { isCancellationRequested: boolean }) => () => token.isCancellationRequested;

connection.onHover((p) => guard(log, "hover", null, () => hover(store, p.textDocument.uri, p.position)));
connection.onCompletion((p) => guard(log, "completion", [], () => completion(store, p.textDocument.uri, p.position)));
connection.onCodeAction((p, token) => guard(log, "codeAction", [], () => codeActions(store, p, publishedExtras, cancelledBy(token))));
connection.onDocumentSymbol((p) => guard(log, "documentSymbol", [], () => documentSymbols(store, p.textDocument.uri)));
connection.onWorkspaceSymbol((p, token) => guard(log, "workspaceSymbol", [], () => workspaceSymbols(store, p.query, cancelledBy(token))));
connection.onFoldingRanges((p) => guard(log, "foldingRange", [], () => foldingRanges(store, p.textDocument.uri, foldingRangeLimit)));
connection.languages.semanticTokens.on((p) => guard(log, "semanticTokens", { data: [] }, () => semanticTokens(store, p.textDocument.uri)));
connection.languages.semanticTokens.onRange((p) => guard(log, "semanticTokens/range", { data: [] }, () => semanticTokensInRange(store, p.textDocument.uri, p.range)));
connection.languages.semanticTokens.onDelta((p) =>
  guard(log, "semanticTokens/delta", { data: [] }, () => semanticTokensDelta(store, p.textDocument.uri, p.previousResultId)),
);
connection.languages.inlayHint.on((p) => guard(log, "inlayHint", [], () => inlayHints(store, p.textDocument.uri, p.range)));
connection.onDefinition((p) => guard(log, "definition", [], () => definition(store, p.textDocument.uri, p.position)));
connection.onReferences((p, token) =>
  guard(log, "references", [], () => references(store, p.textDocument.uri, p.position, p.context.includeDeclaration, cancelledBy(token))),
);
// Rename errors (a bad label, a clash) are meant for the user: they propagate as ResponseErrors.
connection.onPrepareRename((p) => rethrowResponse(() => prepareRename(store, p.textDocument.uri, p.position)));
connection.onRenameRequest((p, token) => rethrowResponse(() => rename(store, p.textDocument.uri, p.position, p.newName, cancelledBy(token))));

function rethrowResponse<T>(run: () => T): T | null {
  try {
    return run();
  } catch (err) {
    if (err instanceof ResponseError) throw err;
    log.error(`okr: rename failed: ${errorText(err)}`);
    return null;
  }
}

registerPreview(connection, () => store, log);

connection.onShutdown(() => scheduler?.dispose());

documents.listen(connection);
connection.listen();
