import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  MarkupContent,
  ReferencesRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
} from "vscode-languageserver-protocol/node";
import { REPO, TestClient, within } from "./client";

const SAMPLES = path.join(REPO, "samples");

function okrFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? okrFiles(path.join(dir, e.name)) : e.name.endsWith(".okr.md") ? [path.join(dir, e.name)] : [],
  );
}

/** Every feature at every line of every sample: answers come back, nothing is logged as an error. */
describe("every feature on the samples", function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    client = (await TestClient.start({ folder: SAMPLES })).client;
  });

  after(async () => {
    await client.stop();
    assert.deepEqual(client.errors(), []);
    assert.doesNotMatch(client.stderr, /Unhandled/i);
  });

  for (const file of okrFiles(SAMPLES)) {
    it(path.relative(SAMPLES, file), async () => {
      const uri = pathToFileURL(file).href;
      const text = fs.readFileSync(file, "utf8");
      const lines = text.split(/\r?\n/);
      await client.open(uri, text);
      const published = await client.diagnosticsFor(uri, 1);
      const doc = { uri };
      const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: doc });
      assert.ok((symbols ?? []).length > 0, "an outline");
      await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: doc });
      await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: doc });
      await client.connection.sendRequest(InlayHintRequest.type, { textDocument: doc, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } });
      await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: doc,
        range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
        context: { diagnostics: published.diagnostics },
      });
      let hovers = 0;
      const started = Date.now();
      for (let line = 0; line < lines.length; line++) {
        for (const character of [0, 4, Math.floor(lines[line].length / 2), lines[line].length]) {
          const position = { line, character };
          const [hover] = await within(5000, `requests at ${line}:${character}`, Promise.all([
            client.connection.sendRequest(HoverRequest.type, { textDocument: doc, position }),
            client.connection.sendRequest(CompletionRequest.type, { textDocument: doc, position }),
            client.connection.sendRequest(DefinitionRequest.type, { textDocument: doc, position }),
            client.connection.sendRequest(ReferencesRequest.type, { textDocument: doc, position, context: { includeDeclaration: true } }),
          ]));
          if (hover) {
            hovers++;
            assert.ok((hover.contents as MarkupContent).value.length > 0);
          }
        }
      }
      assert.ok(hovers > 0, "some hovers");
      assert.ok(Date.now() - started < 20_000);
    });
  }

  it("lists aligned children from the other files in an objective's hover", async () => {
    await client.indexed();
    const uri = pathToFileURL(path.join(SAMPLES, "company", "company.okr.md")).href;
    const lines = fs.readFileSync(path.join(SAMPLES, "company", "company.okr.md"), "utf8").split(/\r?\n/);
    const line = lines.findIndex((l) => /^#+ O1:/.test(l));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 4 } });
    const text = (hover!.contents as MarkupContent).value;
    assert.match(text, /\*\*Aligned children\*\*/);
    assert.match(text, /team-payments\.okr\.md/);
    assert.match(text, /team-platform\.okr\.md/);
  });

  it("finds objectives of every sample with workspace symbols", async () => {
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: "" });
    const files = new Set((symbols ?? []).map((s) => ("location" in s ? s.location.uri : "")));
    assert.ok(files.size >= okrFiles(SAMPLES).length - 1, `${files.size} files`);
  });
});
