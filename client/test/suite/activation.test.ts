// Activation timing, measured cold. This file is named so that index.ts (sorted file names) runs it
// before any other suite opens a .okr.md file: the extension activates on `onLanguage:okr` only.
// The numbers are printed in the test titles (the runner relays titles) and written to
// test-artifacts/extension-timings.json. No timed assertions.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as vscode from "vscode";
import { EXTENSION_ID, closeAllEditors, open, repoFile, waitForDiagnostics } from "./helpers";
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
