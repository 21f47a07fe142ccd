import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { DocumentStore } from "../../src/lsp/documents";
import { LspHost } from "../../src/lsp/host";
import { inlayHints } from "../../src/lsp/inlayHints";
import { Logger } from "../../src/lsp/log";
import { SettingsStore } from "../../src/lsp/settings";
import { generateScorecard } from "../../bench/generate";
import { REPO } from "../protocol/client";

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function storeWith(uri: string, text: string): DocumentStore {
  const settings = new SettingsStore(undefined, quiet);
  const store = new DocumentStore(new LspHost(settings, quiet), quiet);
  store.changed(TextDocument.create(uri, "okr", 1, text));
  return store;
}

const lines = (from: number, to: number) => ({ start: { line: from, character: 0 }, end: { line: to, character: 0 } });

/** An editor asks for the lines it shows: the hints of a range are those of the whole file on its lines. */
describe("inlay hints of a range", () => {
  const texts = readdirSync(join(REPO, "samples"))
    .filter((f) => f.endsWith(".okr.md"))
    .map((f) => [f, readFileSync(join(REPO, "samples", f), "utf8")] as const);
  texts.push(["a generated 64 KB scorecard", generateScorecard(64 * 1024, 5)]);

  for (const [name, text] of texts) {
    it(`are the whole file's on those lines: ${name}`, () => {
      const uri = "file:///t/hints.okr.md";
      const store = storeWith(uri, text);
      const count = text.split("\n").length;
      const all = inlayHints(store, uri, lines(0, count));
      assert.ok(all.length > 0);
      for (let from = 0; from < count; from += 7) {
        for (const size of [0, 3, 40]) {
          const to = from + size;
          const expected = all.filter((h) => h.position.line >= from && h.position.line <= to);
          const got = inlayHints(store, uri, lines(from, to));
          assert.deepEqual(
            got.map((h) => [h.position.line, h.label]).sort((a, b) => Number(a[0]) - Number(b[0])),
            expected.map((h) => [h.position.line, h.label]).sort((a, b) => Number(a[0]) - Number(b[0])),
            `lines ${from}–${to}`,
          );
        }
      }
    });
  }
});
