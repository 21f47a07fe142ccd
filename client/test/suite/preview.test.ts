import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vscode from "vscode";
import { closeAllEditors, open, repoFile, scratchFile, waitFor } from "./helpers";
import type { PreviewSnapshot as Snapshot } from "../../src/preview/preview";

const previews = async (): Promise<Snapshot[]> => (await vscode.commands.executeCommand<Snapshot[]>("_okr.preview.state")) ?? [];
const sample = (name: string) => vscode.Uri.file(repoFile(`samples/${name}`));

async function previewShowing(what: (s: Snapshot) => boolean, description: string, timeoutMs = 15_000): Promise<Snapshot> {
  return (await waitFor(async () => (await previews()).find(what), description, timeoutMs))!;
}

describe("scorecard preview", () => {
  afterEach(async () => {
    await closeAllEditors();
  });

  it("contributes the commands, the editor-title button and Ctrl+K V for okr files", () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === "okr-md")!;
    const contributes = ext.packageJSON.contributes;
    const commands = contributes.commands.map((c: { command: string }) => c.command);
    for (const c of ["okr.showPreview", "okr.showPreviewToSide", "okr.exportHtml"]) assert.ok(commands.includes(c), c);
    assert.ok(contributes.menus["editor/title"].some((m: { command: string; when: string }) => m.command === "okr.showPreviewToSide" && /editorLangId == okr/.test(m.when)));
    assert.ok(contributes.keybindings.some((k: { command: string; key: string }) => k.command === "okr.showPreviewToSide" && k.key === "ctrl+k v"));
    assert.ok(ext.packageJSON.activationEvents.includes("onWebviewPanel:okr.preview"), "restoring a preview activates the extension");
  });

  it("opens beside the source with the graded scorecard, and updates as the source changes", async () => {
    // A copy: this test types into the document.
    const editor = await open(scratchFile(fs.readFileSync(repoFile("samples/commuter-rail.okr.md"), "utf8")));
    await vscode.commands.executeCommand("okr.showPreviewToSide");
    const first = await previewShowing((s) => s.html.includes("Commuter Rail 2027-Q1") && s.viewColumn !== undefined, "the preview of commuter-rail");
    assert.notEqual(first.viewColumn, editor.viewColumn, "beside the source");
    assert.equal(vscode.window.activeTextEditor?.document, editor.document, "the source keeps the focus");
    assert.match(first.page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-/);
    assert.match(first.page, /<script nonce="[A-Za-z0-9+/=]{20,}">/);
    assert.match(first.html, /class="strategy-map"/);
    assert.match(first.html, /class="burnup"/);
    assert.match(first.html, /<table class="grid">/);
    assert.match(first.title, /Commuter Rail 2027-Q1 — 0\.\d/);

    const line = editor.document.getText().split("\n").findIndex((l) => l.startsWith("### O1: Grow revenue from riders"));
    await editor.edit((b) => b.insert(new vscode.Position(line, "### O1: Grow revenue from riders".length), " and freight"));
    const updated = await previewShowing((s) => s.html.includes("O1: Grow revenue from riders and freight"), "the edit to reach the preview");
    assert.ok(updated.updates > first.updates);
    assert.doesNotMatch(updated.html, /<!DOCTYPE/, "an update replaces the body, not the page");

    // Typing fast: updates are throttled, and the last keystroke always lands.
    for (const ch of " by rail") await editor.edit((b) => b.insert(editor.document.lineAt(line).range.end, ch));
    await previewShowing((s) => s.html.includes("riders and freight by rail"), "the last keystroke to reach the preview");
  });

  it("follows the active okr editor", async () => {
    await open(sample("commuter-rail.okr.md"));
    await vscode.commands.executeCommand("okr.showPreviewToSide");
    await previewShowing((s) => s.html.includes("Commuter Rail 2027-Q1"), "the first preview");
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(sample("saas-okrs.okr.md")), vscode.ViewColumn.One);
    const followed = await previewShowing((s) => s.html.includes("Parcelwise"), "the preview to follow the active editor");
    assert.ok(followed.uri.endsWith("saas-okrs.okr.md"));
    assert.equal((await previews()).length, 1, "one preview, not one per file");
  });

  it("shows user text as text: a hostile title cannot inject markup", async () => {
    const uri = scratchFile("---\nperiod: 2027-Q1\ntoday: 2027-02-15\n---\n# Safe\n\n## O1: <img src=x onerror=alert(1)> Grow\n- KR1: Revenue from 1 to 2 — current 1.5\n");
    await open(uri);
    await vscode.commands.executeCommand("okr.showPreviewToSide");
    const s = await previewShowing((p) => p.html.includes("Grow"), "the preview of the hostile file");
    assert.ok(s.html.includes("O1: &lt;img src=x onerror=alert(1)&gt; Grow"));
    assert.ok(!s.html.includes("<img"));
  });

  it("shows a big file a window at a time, and the window follows the editor as it scrolls", async () => {
    const lines = ["---", "period: 2027-Q1", "today: 2027-02-15", "---", "# Company"];
    for (let i = 1; i <= 150; i++) lines.push("", `## O${i}: Goal number ${i}`, `- KR1: Metric ${i} from 0 to 10 — current ${i % 11}`);
    const editor = await open(scratchFile(lines.join("\n") + "\n"));
    await vscode.commands.executeCommand("okr.showPreviewToSide");
    const first = await previewShowing((s) => s.window?.total === 150, "the preview of the big file");
    assert.deepEqual([first.window?.first, first.window?.last], [1, 100], "okr.preview.maxObjectives is 100 by default");
    assert.match(first.html, /Objectives 1–100 of 150/);
    assert.match(first.html, /150 objectives, 150 KRs/, "the header counts the whole file");
    assert.ok(first.html.includes("O100: Goal number 100") && !first.html.includes("Goal number 101<"));

    const last = new vscode.Position(editor.document.lineCount - 1, 0);
    editor.revealRange(new vscode.Range(last, last), vscode.TextEditorRevealType.AtTop);
    const scrolled = await previewShowing((s) => s.window?.last === 150, "the window to follow the editor to the end");
    assert.equal(scrolled.window?.first, 51);
    assert.ok(scrolled.html.includes("O150: Goal number 150") && !scrolled.html.includes("Goal number 50<"));
    assert.doesNotMatch(scrolled.html, /<!DOCTYPE/, "an update, not a reload");
  });

  it("exports the scorecard as one self-contained HTML file", async () => {
    await open(sample("saas-okrs.okr.md"));
    const target = vscode.Uri.file(path.join(os.tmpdir(), `okr-export-${process.pid}.html`));
    const written = await vscode.commands.executeCommand<vscode.Uri>("okr.exportHtml", sample("saas-okrs.okr.md"), target);
    assert.equal(written?.fsPath, target.fsPath);
    const html = fs.readFileSync(target.fsPath, "utf8");
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /default-src &#39;none&#39;/);
    assert.match(html, /Parcelwise Engineering/);
    assert.doesNotMatch(html, /vscode-resource|vscode-webview/, "no webview resources in the static page");
    fs.rmSync(target.fsPath, { force: true });
  });
});
