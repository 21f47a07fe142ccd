/**
 * `okr/preview`: the scorecard view of a document, rendered here (the client never imports the
 * engine). The client asks for the whole page once (`document`, with its nonce and the webview's
 * cspSource), then for the body on each change (`body`, posted to the webview as an update); `report`
 * is the self-contained static page of `OKR: Export Scorecard as HTML`. The preview shows at most
 * `maxObjectives` objectives, those around `line` (the top of the editor); a report shows them all.
 */
import { RequestType } from "vscode-languageserver";
import { buildViewModel, countProblems, renderBody, renderDocument, renderMessageBody, ScorecardView, ViewModelOptions } from "../engine/render";
import { DocumentStore } from "./documents";
import { errorText, Logger } from "./log";

export interface PreviewParams {
  uri: string;
  part: "body" | "document" | "report";
  /** Required for `document` and `report`: a fresh random value (letters, digits, + / = _ -). */
  nonce?: string;
  /** The webview's cspSource, for `document`. */
  cspSource?: string;
  /** For `body` and `document`: show at most this many objectives (the `okr.preview.maxObjectives` setting)… */
  maxObjectives?: number;
  /** …those around this 0-based source line (default: the first ones). */
  line?: number;
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
  /** Set when the view shows only some objectives: which (of `total`), and the source lines they start on. */
  window?: NonNullable<ScorecardView["window"]> & { total: number };
}

export const PreviewRequest = new RequestType<PreviewParams, PreviewResult, void>("okr/preview");

/** The view model of a document: the graded scorecard, its diagnostics counts and aligned children. */
export function previewModel(store: DocumentStore, uri: string, window?: ViewModelOptions["window"]): ScorecardView | undefined {
  const analysis = store.analysis(uri);
  if (!analysis) return undefined;
  const workspace = store.workspace;
  return buildViewModel(analysis.scorecard, {
    // The store's: published already, they are not checked again.
    problems: countProblems(store.diagnostics(uri)),
    children: (o) => workspace.childrenOf(o),
    window,
  });
}

export function preview(store: DocumentStore, params: PreviewParams, generator = "okr-md"): PreviewResult {
  const version = store.document(params.uri)?.version ?? -1;
  const { maxObjectives, line } = params;
  const windowed = params.part !== "report" && typeof maxObjectives === "number" && maxObjectives >= 1;
  const view = previewModel(store, params.uri, windowed ? { size: maxObjectives, line: typeof line === "number" ? line : undefined } : undefined);
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
  return { uri: params.uri, title, html, version, ok: true, window: view.window && { ...view.window, total: view.objectiveCount } };
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
