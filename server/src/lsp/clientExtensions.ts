// What our VS Code client declares beyond LSP, under `ClientCapabilities.experimental.okr`. No imports:
// the client bundle takes this module too.

export interface OkrClientCapabilities {
  /** The client sets each okr diagnostic's `source` itself, so the server leaves it out of every publish. */
  addsDiagnosticSource?: boolean;
}

export function okrClientCapabilities(experimental: unknown): OkrClientCapabilities {
  const okr = (experimental as { okr?: unknown } | null | undefined)?.okr;
  return okr !== null && typeof okr === "object" ? (okr as OkrClientCapabilities) : {};
}
