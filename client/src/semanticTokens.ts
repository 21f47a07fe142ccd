// Semantic tokens of a big document: those of the lines in view only.
import * as vscode from "vscode";
import type { Middleware } from "vscode-languageclient/node";

/**
 * Past this many lines, the client declines a document's whole tokens. VS Code applies a whole
 * document's tokens, after every edit, as a change to every line's tokens: it then parses the whole
 * document again for bracket pairs and redraws the lines in view. On the benchmark's 1 MB file (36,000
 * lines) that took 27 ms of the editor's own thread per keystroke, and the parse grows with the line
 * count. Declined (a cancellation, which VS Code takes silently), VS Code asks the server for the
 * tokens of the lines in view (`semanticTokens/range`) after each edit and scroll; those change only
 * the lines they cover. The samples have at most a few hundred lines.
 */
export const WHOLE_DOCUMENT_TOKENS_MAX_LINES = 5000;

function declinedFor(document: vscode.TextDocument): boolean {
  return document.lineCount > WHOLE_DOCUMENT_TOKENS_MAX_LINES;
}

export const semanticTokensMiddleware: Middleware = {
  provideDocumentSemanticTokens(document, token, next) {
    return declinedFor(document) ? Promise.reject(new vscode.CancellationError()) : next(document, token);
  },
  provideDocumentSemanticTokensEdits(document, previousResultId, token, next) {
    return declinedFor(document) ? Promise.reject(new vscode.CancellationError()) : next(document, previousResultId, token);
  },
};
