// The scorecard preview: a webview beside the source that shows the server's rendering of the
// document (okr/preview), following the active .okr.md editor. First render immediate, later ones
// throttled to 300 ms and sent as typed `update` messages (no reload, scroll and focus kept); a
// serializer restores previews after a window reload; clicks in the view reveal the source line.
// A big file is shown a window at a time (okr.preview.maxObjectives objectives), the one around the
// top of the editor, and the window follows the editor as it scrolls.
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
// The request's shapes, from the server that answers it (types only: nothing of the server is bundled).
import type { PreviewParams, PreviewResult } from "../../../server/src/lsp/preview";

export const PREVIEW_VIEW_TYPE = "okr.preview";
const THROTTLE_MS = 300;

/** Which objectives of `total` a preview of a big file shows, and the source lines of the first and last. */
type PreviewWindow = NonNullable<PreviewResult["window"]>;
/** What the webview keeps in its state (acquireVsCodeApi().setState) for the serializer. */
interface PreviewState {
  uri?: string;
  scrollY?: number;
}
type FromWebview = { type: "reveal"; line: number; uri?: string } | { type: "command"; command: string };

/** What the extension-host tests read through the `_okr.preview.state` command. */
export interface PreviewSnapshot {
  uri: string;
  title: string;
  html: string;
  page: string;
  updates: number;
  visible: boolean;
  viewColumn?: number;
  window?: PreviewWindow;
}

function nonce(): string {
  return randomBytes(18).toString("base64");
}

function isOkr(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && (doc.languageId === "okr" || /\.okr\.md$/i.test(doc.uri.path));
}

class Preview {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private sequence = 0;
  private disposed = false;
  private wasVisible = true;
  /** Whether the webview holds a page of the current document (updates need one). */
  private pageReady = false;
  /** The last html the webview shows (whole body), for tests. */
  lastHtml = "";
  /** The last whole page set as webview.html (first render, switch, shown again). */
  lastPage = "";
  lastTitle = "";
  updates = 0;
  /** What the webview shows of a big file; undefined when it shows every objective. */
  window: PreviewWindow | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    private readonly manager: PreviewManager,
  ) {
    panel.webview.options = manager.webviewOptions();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      panel.onDidChangeViewState((e) => {
        // Without retainContextWhenHidden the page is rebuilt when shown again: render it whole.
        const visible = e.webviewPanel.visible;
        if (visible && !this.wasVisible) void this.load();
        this.wasVisible = visible;
      }),
    );
  }

  /** Whole page (first render, after a switch of document or when shown again). */
  async load(uri: vscode.Uri = this.uri): Promise<void> {
    this.uri = uri;
    this.pageReady = false;
    const seq = ++this.sequence;
    const result = await this.manager.request({ uri: uri.toString(), part: "document", nonce: nonce(), cspSource: this.panel.webview.cspSource, ...windowParams(uri) });
    if (this.disposed || seq !== this.sequence || !result) return;
    this.panel.webview.html = result.html;
    this.setTitle(result.title);
    this.window = result.window;
    this.lastHtml = result.html;
    this.lastPage = result.html;
    this.pageReady = true;
    this.updates++;
  }

  /** A change in the source: update now, then at most once per THROTTLE_MS (the last change always lands). */
  schedule(): void {
    if (this.timer) {
      this.dirty = true;
      return;
    }
    void this.update();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.dirty) {
        this.dirty = false;
        this.schedule();
      }
    }, THROTTLE_MS);
  }

  private async update(): Promise<void> {
    // A body update needs the page; a later request also supersedes a pending load, so load again.
    if (!this.pageReady) return this.load();
    const seq = ++this.sequence;
    const result = await this.manager.request({ uri: this.uri.toString(), part: "body", ...windowParams(this.uri) });
    if (this.disposed || seq !== this.sequence || !result) return;
    // An unchanged view is not posted: the view replaced between a press and a release loses the click.
    if (result.html === this.lastHtml && result.title === this.lastTitle) return;
    await this.panel.webview.postMessage({ type: "update", html: result.html, title: result.title });
    this.setTitle(result.title);
    this.lastHtml = result.html;
    this.window = result.window;
    this.updates++;
  }

  /** The editor showing the source scrolled to `topLine`: a window that no longer holds it moves. */
  scrolled(topLine: number): void {
    const w = this.window;
    if (!w) return;
    if ((topLine < w.firstLine && w.first > 1) || (topLine > w.lastLine && w.last < w.total)) this.schedule();
  }

  private setTitle(title: string): void {
    this.lastTitle = title;
    this.panel.title = `Preview ${title}`;
  }

  private async onMessage(message: FromWebview): Promise<void> {
    if (!message || typeof message !== "object") return;
    if (message.type === "reveal" && Number.isInteger(message.line) && message.line >= 0) await this.manager.reveal(this.uri, message.line, this.panel);
    else if (message.type === "command" && message.command === "problems") await vscode.commands.executeCommand("workbench.actions.view.problems");
  }

  snapshot(): PreviewSnapshot {
    return { uri: this.uri.toString(), title: this.lastTitle, html: this.lastHtml, page: this.lastPage, updates: this.updates, visible: this.panel.visible, viewColumn: this.panel.viewColumn, window: this.window };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.manager.forget(this);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

export class PreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  private readonly previews = new Set<Preview>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        for (const p of this.previews) if (p.uri.toString() === e.document.uri.toString()) p.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        // Problem counts (and cross-file grades) change when other files do.
        const changed = new Set(e.uris.map((u) => u.toString()));
        for (const p of this.previews) if (changed.has(p.uri.toString())) p.schedule();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        const top = e.visibleRanges[0]?.start.line;
        if (top === undefined) return;
        for (const p of this.previews) if (p.uri.toString() === e.textEditor.document.uri.toString()) p.scrolled(top);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        for (const p of this.previews) if (e.affectsConfiguration("okr.preview.maxObjectives", p.uri)) p.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isOkr(editor.document)) return;
        for (const p of this.previews) if (p.uri.toString() !== editor.document.uri.toString()) void p.load(editor.document.uri);
      }),
    );
  }

  webviewOptions(): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, "media")],
    };
  }

  async request(params: PreviewParams): Promise<PreviewResult | undefined> {
    try {
      return await this.client.sendRequest<PreviewResult>("okr/preview", params);
    } catch (err) {
      void vscode.window.showErrorMessage(`OKR preview: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  /** `OKR: Open Preview` (same column) and `OKR: Open Preview to the Side`. */
  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const target = uri ?? activeOkrUri();
    if (!target) {
      void vscode.window.showInformationMessage("Open a .okr.md file to preview its scorecard.");
      return;
    }
    // The server must know the document (a restored preview, or a file opened from the Explorer context).
    await vscode.workspace.openTextDocument(target);
    const existing = [...this.previews][0];
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn, true);
      if (existing.uri.toString() !== target.toString()) await existing.load(target);
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, "OKR Preview", { viewColumn: column, preserveFocus: toSide }, {
      ...this.webviewOptions(),
      enableFindWidget: true,
    });
    const preview = this.track(new Preview(panel, target, this));
    await preview.load();
  }

  /** Restores a preview after a window reload. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
    const uri = state?.uri ? vscode.Uri.parse(state.uri) : activeOkrUri();
    if (!uri) {
      panel.dispose();
      return;
    }
    try {
      await vscode.workspace.openTextDocument(uri);
    } catch {
      panel.dispose();
      return;
    }
    const preview = this.track(new Preview(panel, uri, this));
    await preview.load();
  }

  /** Shows `line` of `uri` in a text editor (the one already showing it, else beside the preview). */
  async reveal(uri: vscode.Uri, line: number, panel: vscode.WebviewPanel): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(uri);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column = visible?.viewColumn ?? (panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    const at = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
    const text = doc.lineAt(at.line).text;
    const start = at.with(undefined, text.length - text.trimStart().length);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** `OKR: Export Scorecard as HTML`: the static report of the active document. */
  async exportHtml(uri: vscode.Uri | undefined, to?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const source = uri ?? activeOkrUri() ?? [...this.previews][0]?.uri;
    if (!source) {
      void vscode.window.showInformationMessage("Open a .okr.md file to export its scorecard.");
      return undefined;
    }
    await vscode.workspace.openTextDocument(source);
    const result = await this.request({ uri: source.toString(), part: "report", nonce: nonce() });
    if (!result?.ok) return undefined;
    const suggested = source.with({ path: source.path.replace(/\.okr\.md$/i, "").replace(/\.md$/i, "") + ".html" });
    const target = to ?? await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { HTML: ["html"] }, saveLabel: "Export" });
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, Buffer.from(result.html, "utf8"));
    void vscode.window.showInformationMessage(`Scorecard exported to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  snapshots(): PreviewSnapshot[] {
    return [...this.previews].map((p) => p.snapshot());
  }

  private track(preview: Preview): Preview {
    this.previews.add(preview);
    return preview;
  }

  forget(preview: Preview): void {
    this.previews.delete(preview);
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** How much of a document a preview shows: `okr.preview.maxObjectives` objectives around the top of its editor. */
function windowParams(uri: vscode.Uri): Pick<PreviewParams, "maxObjectives" | "line"> {
  const key = uri.toString();
  const editor = [vscode.window.activeTextEditor, ...vscode.window.visibleTextEditors].find((e) => e?.document.uri.toString() === key);
  return {
    maxObjectives: vscode.workspace.getConfiguration("okr.preview", uri).get<number>("maxObjectives", 100),
    line: editor?.visibleRanges[0]?.start.line,
  };
}

function activeOkrUri(): vscode.Uri | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  if (isOkr(doc)) return doc.uri;
  return vscode.window.visibleTextEditors.find((e) => isOkr(e.document))?.document.uri;
}

/** Registers the preview commands and the serializer. Call once from activate(). */
export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): PreviewManager {
  const manager = new PreviewManager(context, client);
  const asUri = (arg: unknown) => (arg instanceof vscode.Uri ? arg : undefined);
  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    vscode.commands.registerCommand("okr.showPreview", (arg?: unknown) => manager.open(asUri(arg), false)),
    vscode.commands.registerCommand("okr.showPreviewToSide", (arg?: unknown) => manager.open(asUri(arg), true)),
    vscode.commands.registerCommand("okr.exportHtml", (arg?: unknown, to?: unknown) => manager.exportHtml(asUri(arg), asUri(to))),
    // For extension-host tests: what the previews show (not contributed, so not in the palette).
    vscode.commands.registerCommand("_okr.preview.state", () => manager.snapshots()),
  );
  return manager;
}
