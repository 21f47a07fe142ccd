/**
 * A real LSP client for protocol tests: spawns `node bin/okr-language-server.js --stdio` and talks to
 * it through vscode-languageserver-protocol's node connection (no hand-rolled JSON-RPC). Every wait is
 * bounded.
 */
import { ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  InitializeResult,
  LogMessageNotification,
  MessageType,
  Position,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkDoneProgressCreateRequest,
} from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { declareOurClient } from "../../src/lsp/clientExtensions";

export const REPO = path.resolve(__dirname, "../../../..");
export const SERVER = path.join(REPO, "bin", "okr-language-server.js");

export const CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    symbol: {},
    workspaceEdit: { documentChanges: false },
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ["markdown", "plaintext"] },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } }, isPreferredSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    // As vscode-languageclient declares them.
    foldingRange: { rangeLimit: 5000, lineFoldingOnly: true },
    semanticTokens: { requests: { full: true }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
    inlayHint: {},
    definition: { linkSupport: true },
    references: {},
    rename: { prepareSupport: true },
  },
};

/** `CAPABILITIES` as our VS Code client changes them: it adds each diagnostic's rule link and source itself. */
export const OUR_CLIENT_CAPABILITIES: ClientCapabilities = structuredClone(CAPABILITIES);
declareOurClient(OUR_CLIENT_CAPABILITIES);

export interface StartOptions {
  /** Workspace folder (a directory path). */
  folder?: string;
  /** What `workspace/configuration` answers for section `okr`. */
  settings?: Record<string, unknown>;
  /** Instead of `CAPABILITIES`. */
  capabilities?: ClientCapabilities;
  /** Node options before the server's path (`--require` a script to run inside it). */
  execArgv?: string[];
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: { type: MessageType; message: string }[] = [];
  stderr = "";
  exited = false;
  settings: Record<string, unknown>;
  configurationRequests = 0;
  /**
   * Every `$/progress` begin and end (the server reports indexing and a big document's reading as
   * work-done progress) and publishDiagnostics, in the order they came: `begin: <title>`, `end`, `publish: <uri>`.
   */
  readonly events: string[] = [];
  private readonly waiters = new Set<() => void>();
  /** Extra observers of every publishDiagnostics (the connection allows one handler per method). */
  readonly diagnosticListeners: ((p: PublishDiagnosticsParams) => void)[] = [];

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
    proc.stderr.on("data", (d: Buffer) => (this.stderr += d.toString()));
    proc.on("exit", () => {
      this.exited = true;
      this.notify();
    });
    this.connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const listener of this.diagnosticListeners) listener(p);
      this.events.push(`publish: ${p.uri}`);
      this.notify();
    });
    this.connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p));
    this.connection.onRequest(ConfigurationRequest.type, (p) => {
      this.configurationRequests++;
      return p.items.map(() => this.settings);
    });
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    this.connection.onNotification("$/progress", (p: { value?: { kind?: string; title?: string } }) => {
      if (p.value?.kind === "begin") this.events.push(`begin: ${p.value.title}`);
      if (p.value?.kind === "end") {
        this.events.push("end");
        this.notify();
      }
    });
    this.connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    const proc = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, "--stdio"], { cwd: REPO, stdio: "pipe" });
    const client = new TestClient(proc, options.settings ?? { validation: { delay: 0 } });
    const folderUri = options.folder ? pathToFileURL(options.folder).href : null;
    const initialize = client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      capabilities: options.capabilities ?? CAPABILITIES,
      workspaceFolders: folderUri ? [{ uri: folderUri, name: "ws" }] : null,
    });
    try {
      const init = await within(10_000, "initialize", Promise.race([initialize, client.exit()]));
      await client.connection.sendNotification(InitializedNotification.type, {});
      return { client, init };
    } catch (err) {
      // A server left running would keep the test process (and CI) waiting for ever.
      client.proc.kill("SIGKILL");
      client.connection.dispose();
      throw new Error(`the server did not start: ${(err as Error).message}\n${client.stderr}`);
    }
  }

  /** Rejects when the server process exits (never resolves). */
  private exit(): Promise<never> {
    return new Promise((_, reject) => {
      const exited = () => reject(new Error("the server exited"));
      if (this.exited) exited();
      else this.proc.once("exit", exited);
    });
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves when `test` returns a value (checked on every published diagnostics), or rejects after `ms`. */
  waitFor<T>(test: () => T | undefined, ms: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined;
        try {
          value = test();
        } catch (err) {
          cleanup();
          reject(err);
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        } else if (this.exited) {
          cleanup();
          reject(new Error(`server exited while waiting for ${what}\n${this.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Resolves once the workspace indexing reported its end. */
  indexed(ms = 10_000): Promise<true> {
    return this.waitFor(() => (this.events.includes("end") ? true : undefined), ms, "indexing to end");
  }

  /** The first diagnostics published for `uri` at `version` or later. */
  diagnosticsFor(uri: string, version?: number, ms = 5000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => (this.diagnostics.get(uri) ?? []).find((p) => version === undefined || (p.version ?? -1) >= version),
      ms,
      `diagnostics for ${uri}${version !== undefined ? ` v${version}` : ""}`,
    );
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "okr", version, text } });
  }

  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  errors(): string[] {
    return this.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message);
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await within(3000, "shutdown", this.connection.sendRequest(ShutdownRequest.type));
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        /* killed below */
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.proc.kill("SIGKILL");
          resolve();
        }, 3000);
        this.proc.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        if (this.exited) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    this.connection.dispose();
  }
}

export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Langium-style cursor markers: `<|>` marks a position; returns the text without them and the positions. */
export function markers(textWithMarkers: string): { text: string; positions: Position[] } {
  const positions: Position[] = [];
  let text = "";
  let line = 0;
  let character = 0;
  for (let i = 0; i < textWithMarkers.length; ) {
    if (textWithMarkers.startsWith("<|>", i)) {
      positions.push({ line, character });
      i += 3;
      continue;
    }
    const c = textWithMarkers[i++];
    text += c;
    if (c === "\n") {
      line++;
      character = 0;
    } else character++;
  }
  return { text, positions };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "okr", 0, text), edits);
}

export function tempFolder(files: Record<string, string>): { dir: string; uri: (name: string) => string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okr-lsp-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return { dir, uri: (name) => pathToFileURL(path.join(dir, name)).href, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

