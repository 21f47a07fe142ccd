// Activation timing, measured cold. This file is named so that index.ts (sorted file names) runs it
// before any other suite opens a .okr.md file: the extension activates on `onLanguage:okr` only.
// The numbers are printed in the test titles (the runner relays titles) and written to
// test-artifacts/extension-timings.json. No timed assertions.
//
// The budget's figure is VS Code's own: what "Developer: Show Running Extensions" shows as
// "Activation: N ms", the time to load the extension's code plus the time its activate() ran, both
// measured by the extension host around those two calls. The time this test waits for
// `ext.activate()` is recorded beside it: it also holds whatever else the extension host was busy
// with meanwhile (on a fresh profile, other extensions starting), which is why it swung 58–201 ms.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as vscode from "vscode";
import { EXTENSION_ID, closeAllEditors, open, repoFile, waitFor, waitForDiagnostics } from "./helpers";
import { recordTimings, resetTimings } from "./timings";

describe("activation (cold, timed)", () => {
  before(resetTimings);
  after(closeAllEditors);

  it("the extension is okr-md.okr-md (publisher.name) and not active before an okr file opens", function () {
    const pkg = JSON.parse(fs.readFileSync(repoFile("package.json"), "utf8"));
    assert.equal(`${pkg.publisher}.${pkg.name}`, EXTENSION_ID);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    if (ext.isActive) this.test!.title += " (already active: another suite opened an okr file first)";
  });

  it("activate() starts the client and the language server", async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const wasActive = ext.isActive;
    const t0 = performance.now();
    await ext.activate();
    const ms = Math.round(performance.now() - t0);
    assert.ok(ext.isActive);
    this.test!.title += ` — activate(): ${ms} ms${wasActive ? " (was already active)" : ""}`;
    recordTimings({ activateMs: ms, activateWasCold: wasActive ? "no" : "yes" });
  });

  it("VS Code's own activation figures (Developer: Startup Performance)", async function () {
    const { loadCodeMs, callActivateMs, finishActivateMs } = await vscodeActivationTimes(EXTENSION_ID);
    const activationMs = loadCodeMs + callActivateMs;
    this.test!.title += ` — activation ${activationMs} ms: load code ${loadCodeMs}, call activate ${callActivateMs}, finish activate ${finishActivateMs}`;
    recordTimings({ activationMs, loadCodeMs, callActivateMs, finishActivateMs });
  });

  it("opening commuter-rail.okr.md to its first diagnostics", async function () {
    const uri = vscode.Uri.file(repoFile("samples/commuter-rail.okr.md"));
    const t0 = performance.now();
    await open(uri);
    const opened = Math.round(performance.now() - t0);
    const diagnostics = await waitForDiagnostics(uri);
    const ms = Math.round(performance.now() - t0);
    assert.ok(diagnostics.length > 0);
    this.test!.title += ` — editor shown after ${opened} ms, first diagnostics after ${ms} ms`;
    recordTimings({ openToEditorMs: opened, openToFirstDiagnosticsMs: ms });
  });
});

/**
 * The extension's row of the "Extension Activation Stats" table in VS Code's Startup Performance
 * document (command `perfview.show`, which also registers the document's `perf:` scheme). The
 * same numbers are the extension host's `activationTimes`, which no API exposes.
 */
async function vscodeActivationTimes(extensionId: string): Promise<{ loadCodeMs: number; callActivateMs: number; finishActivateMs: number }> {
  await vscode.commands.executeCommand("perfview.show");
  const report = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: "perf", path: "Startup Performance" }));
  const cells = (line: string) => line.split("|").slice(1, -1).map((cell) => cell.trim());
  const rowOf = (id: string) => report.getText().split("\n").find((line) => cells(line)[0] === id);
  // The report reads "Loading..." until the workbench has finished starting.
  const row = await waitFor(() => rowOf(extensionId), `the activation row of ${extensionId} in the Startup Performance report`);
  const header = cells(rowOf("Extension")!);
  const column = (name: string) => {
    const value = Number(cells(row)[header.indexOf(name)]);
    assert.ok(Number.isFinite(value), `${name} of ${extensionId} is not a number in: ${row}`);
    return value;
  };
  return { loadCodeMs: column("Load Code"), callActivateMs: column("Call Activate"), finishActivateMs: column("Finish Activate") };
}
