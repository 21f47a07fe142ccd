// What the client adds to each published diagnostic: its source, and its rule code's link to the
// rule's page. The server would send both with every diagnostic (about 40% of a publish on a big
// file, on every keystroke); the client says it does not want them and adds them here.
import * as vscode from "vscode";
import type { ClientCapabilities, FeatureState, Middleware, StaticFeature } from "vscode-languageclient/node";
import { declareOurClient, DIAGNOSTIC_SOURCE } from "../../server/src/lsp/clientExtensions";
import { ruleDocUrl } from "../../server/src/engine/rules/docs";

/** Declares that published diagnostics need no `codeDescription` and no `source`. */
export class PublishedDiagnosticsFeature implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    declareOurClient(capabilities);
  }
  getState(): FeatureState {
    return { kind: "static" };
  }
  initialize(): void {}
  clear(): void {}
}

const targets = new Map<string, vscode.Uri>();

function ruleDocUri(code: string): vscode.Uri {
  let uri = targets.get(code);
  if (!uri) targets.set(code, (uri = vscode.Uri.parse(ruleDocUrl(code))));
  return uri;
}

/** Gives each diagnostic of the okr server its source, and its rule's page as the code's link target. */
export const publishedDiagnosticsMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const d of diagnostics) {
      d.source = DIAGNOSTIC_SOURCE;
      if (typeof d.code === "string") d.code = { value: d.code, target: ruleDocUri(d.code) };
    }
    next(uri, diagnostics);
  },
};
