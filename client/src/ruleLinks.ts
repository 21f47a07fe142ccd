// Diagnostics link their rule code to its documentation page. The server would send the link with
// every diagnostic (a third of each publish on a big file); the client says it does not want them
// and adds them here, one Uri per rule.
import * as vscode from "vscode";
import type { ClientCapabilities, FeatureState, Middleware, StaticFeature } from "vscode-languageclient/node";
import { ruleDocUrl } from "../../server/src/engine/rules/docs";

const SOURCE = "okr";

/** Declares that published diagnostics need no `codeDescription`. */
export class RuleLinksFeature implements StaticFeature {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    const publish = capabilities.textDocument?.publishDiagnostics;
    if (publish) publish.codeDescriptionSupport = false;
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

/** Gives each okr diagnostic its rule's page as the code's link target. */
export const ruleLinksMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    for (const d of diagnostics) {
      if (d.source === SOURCE && typeof d.code === "string") d.code = { value: d.code, target: ruleDocUri(d.code) };
    }
    next(uri, diagnostics);
  },
};
