import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { EXTENSION_ID, closeAllEditors, fixture, open, enterAtEnd, sampleFiles, waitFor, warmUpGrammar } from "./helpers";

describe("okr-md extension", () => {
  afterEach(closeAllEditors);

  it("opens a .okr.md file as language okr and activates on it", async () => {
    const uri = sampleFiles()[0] ?? fixture("smoke.okr.md");
    const editor = await open(uri);
    assert.equal(editor.document.languageId, "okr");
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    // Activation only for the language, plus restoring a preview panel after a reload.
    assert.deepEqual(ext.packageJSON.activationEvents, ["onLanguage:okr", "onWebviewPanel:okr.preview"]);
    await waitFor(() => ext.isActive, "the extension to activate", 15_000);
  });

  it("contributes okr.trace.server (default off)", () => {
    assert.equal(vscode.workspace.getConfiguration("okr").get("trace.server"), "off");
  });
});

describe("language configuration: list continuation on Enter", () => {
  before(() => warmUpGrammar());
  afterEach(closeAllEditors);

  it("continues a KR item under an objective heading", async () => {
    assert.equal(await enterAtEnd("## Financial\n### O1: Grow\n- KR1: Revenue from $1M to $2M", "- "), "- ");
  });

  it("continues nested and starred items at their indentation", async () => {
    assert.equal(await enterAtEnd("- KR1: x\n  - current: 3", "  - "), "  - ");
    assert.equal(await enterAtEnd("* KR1: x", "* "), "* ");
  });

  it("continues a task item with an unchecked box", async () => {
    assert.equal(await enterAtEnd("  - [x] Launched", "  - [ ] "), "  - [ ] ");
  });

  it("numbers the next ordered item", async () => {
    assert.equal(await enterAtEnd("1. KR: first", "2. "), "2. ");
  });

  it("does not continue an empty item", async () => {
    assert.notEqual((await enterAtEnd("- ")).trim(), "-");
  });
});
