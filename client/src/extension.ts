// The VS Code client: starts the okr language server (dist/server.js) for `okr` documents.
// Everything language-aware lives in the server; previews and commands are added elsewhere.
import * as path from "node:path";
import * as vscode from "vscode";
import { registerPreview } from "./preview/preview";
import { PublishedDiagnosticsFeature, publishedDiagnosticsMiddleware } from "./publishedDiagnostics";
import { semanticTokensMiddleware } from "./semanticTokens";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const serverModule = context.asAbsolutePath(path.join("dist", "server.js"));
  // Over stdio, not node IPC: the server's own encoder writes a keystroke's diagnostics from their
  // cached JSON (server/src/lsp/encoder.ts), where process.send would stringify them all again.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ["--nolazy", "--inspect=6010"] } },
  };
  const outputChannel = vscode.window.createOutputChannel("OKR Language Server");
  context.subscriptions.push(outputChannel);
  const fileEvents = [
    vscode.workspace.createFileSystemWatcher("**/*.okr.md"),
    vscode.workspace.createFileSystemWatcher("**/.okrrc.json"),
  ];
  context.subscriptions.push(...fileEvents);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "okr" }],
    synchronize: { configurationSection: "okr", fileEvents },
    outputChannel,
    middleware: { ...publishedDiagnosticsMiddleware, ...semanticTokensMiddleware },
    // The client reads `okr.trace.server` itself (the id below + ".trace.server").
  };
  client = new LanguageClient("okr", "OKR Language Server", serverOptions, clientOptions);
  client.registerFeature(new PublishedDiagnosticsFeature());
  // Not awaited: activation returns at once and the server starts in the background (requests made
  // meanwhile wait for it). If it cannot start, the grammar and language configuration still work.
  client.start().catch((err) => outputChannel.appendLine(`The OKR language server failed to start: ${String(err)}`));
  registerPreview(context, client);
}

export async function deactivate(): Promise<void> {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop();
  }
}
