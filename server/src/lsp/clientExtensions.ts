// What our VS Code client declares beyond LSP, under `ClientCapabilities.experimental.okr`, and what
// it then adds to each published diagnostic itself. No imports but types: the client bundle takes
// this module too.
import type { ClientCapabilities } from "vscode-languageserver-protocol";

/** Every okr diagnostic's `source`: sent by the server, or set by our client when it says so. */
export const DIAGNOSTIC_SOURCE = "okr";

export interface OkrClientCapabilities {
  /** The client sets each okr diagnostic's `source` itself, so the server leaves it out of every publish. */
  addsDiagnosticSource?: boolean;
}

export function okrClientCapabilities(experimental: unknown): OkrClientCapabilities {
  const okr = (experimental as { okr?: unknown } | null | undefined)?.okr;
  return okr !== null && typeof okr === "object" ? (okr as OkrClientCapabilities) : {};
}

/**
 * Changes a client's capabilities into our VS Code client's: published diagnostics need no
 * `codeDescription` and no `source`, which the client adds (client/src/publishedDiagnostics.ts).
 */
export function declareOurClient(capabilities: ClientCapabilities): void {
  const publish = capabilities.textDocument?.publishDiagnostics;
  if (publish) publish.codeDescriptionSupport = false;
  const okr: OkrClientCapabilities = { addsDiagnosticSource: true };
  capabilities.experimental = { ...(capabilities.experimental as object | undefined), okr };
}
