/**
 * `okr/preview`: the scorecard view of a document, rendered here (the client never imports the
 * engine). The client asks for the whole page once (`document`, with its nonce and the webview's
 * cspSource), then for the body on each change (`body`, posted to the webview as an update); `report`
 * is the self-contained static page of `OKR: Export Scorecard as HTML`.
 */
import { RequestType } from "vscode-languageserver";
import { buildViewModel, countProblems, renderBody, renderDocument, renderMessageBody, ScorecardView } from "../engine/render";
import { DocumentStore } from "./documents";
import { errorText, Logger } from "./log";

export interface PreviewParams {
  uri: string;
  part: "body" | "document" | "report";
  /** Required for `document` and `report`: a fresh random value (letters, digits, + / = _ -). */
  nonce?: string;
  /** The webview's cspSource, for `document`. */
  cspSource?: string;
}

export interface PreviewResult {
  uri: string;
  /** The page title (scorecard title and grade). */
  title: string;
  html: string;
  /** The version of the open document the view was made from (-1 when read from disk). */
  version: number;
  /** False when the document could not be read: html then holds a message. */
  ok: boolean;
}

export const PreviewRequest = new RequestType<PreviewParams, PreviewResult, void>("okr/preview");

/** The view model of a document: the graded scorecard, its diagnostics counts and aligned children. */
export function previewModel(store: DocumentStore, uri: string): ScorecardView | undefined {
  const analysis = store.analysis(uri);
  if (!analysis) return undefined;
  const key = store.key(uri);
  const workspace = store.workspace;
  return buildViewModel(analysis.scorecard, {
    problems: countProblems(workspace.diagnostics(key)),
    children: (o) => workspace.childrenOf(o),
  });
}

export function preview(store: DocumentStore, params: PreviewParams, generator = "okr-md"): PreviewResult {
  const version = store.document(params.uri)?.version ?? -1;
  const view = previewModel(store, params.uri);
  if (!view) {
    const html = renderMessageBody(`Cannot read ${params.uri}.`);
    return { uri: params.uri, title: "OKR Preview", html, version, ok: false };
  }
  const title = `${view.title}${view.grade.value !== null ? ` — ${view.grade.shown}` : ""}`;
  let html: string;
  if (params.part === "body") html = renderBody(view);
  else {
    if (!params.nonce) throw new Error("okr/preview: a nonce is required for a whole page");
    html = renderDocument(view, { nonce: params.nonce, mode: params.part === "report" ? "static" : "webview", cspSource: params.cspSource, generator });
  }
  return { uri: params.uri, title, html, version, ok: true };
}

interface RequestConnection {
  onRequest<P, R, E>(type: RequestType<P, R, E>, handler: (params: P) => R): unknown;
}

/**
 * Registers the handler. server.ts calls this once: `registerPreview(connection, () => store, log)`
 * (the store is replaced when settings change, hence the getter).
 */
export function registerPreview(connection: RequestConnection, store: () => DocumentStore, log: Logger): void {
  connection.onRequest(PreviewRequest, (params) => {
    try {
      return preview(store(), params);
    } catch (err) {
      log.error(`okr: preview failed: ${errorText(err)}`);
      return { uri: params.uri, title: "OKR Preview", html: renderMessageBody("The preview could not be rendered; see the OKR Language Server output."), version: -1, ok: false };
    }
  });
}
