import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TextDocumentContentChangeEvent } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { mulberry32 } from "../support/random";
import { REPO, TestClient } from "./client";

const PIECES = ["x", " ", "\n", "\n\n", "## ", "### O7: New\n", "- KR1: Revenue from 1 to 2\n", "  - current: 1.5\n", "owner: @a\n", "<!-- ", " -->", "\r\n", "🚀"];

/**
 * The server tells the engine where each didChange landed, and the engine takes everything else over
 * from the previous analysis without comparing it. Edits of every kind (one or two changes per
 * event, analysed after each or after several) must leave the diagnostics a fresh open of the same
 * text gives.
 */
describe("incremental didChange", function () {
  this.timeout(60_000);

  for (const sample of ["every-rule.okr.md", "commuter-rail.okr.md"]) {
    it(`publishes what a fresh open publishes, after random edits of ${sample}`, async () => {
      const { client } = await TestClient.start({ settings: { validation: { delay: 0 } } });
      try {
        const uri = "file:///virtual/edited.okr.md";
        let mirror = TextDocument.create(uri, "okr", 1, fs.readFileSync(path.join(REPO, "samples", sample), "utf8"));
        await client.open(uri, mirror.getText(), 1);
        const random = mulberry32(sample.length);
        const int = (n: number) => Math.floor(random() * n);
        let compared = 0;
        for (let v = 2; v <= 120; v++) {
          const changes: TextDocumentContentChangeEvent[] = [];
          // Each change's range is in the text the changes before it in the same event made.
          for (let n = 1 + int(2); n > 0; n--) {
            const length = mirror.getText().length;
            const from = int(length + 1);
            const to = Math.min(length, from + (random() < 0.3 ? int(30) : 0));
            const change = { range: { start: mirror.positionAt(from), end: mirror.positionAt(to) }, text: PIECES[int(PIECES.length)] };
            mirror = TextDocument.update(mirror, [change], v);
            changes.push(change);
          }
          await client.change(uri, v, changes);
          // Sometimes several events before the server looks (it merges their regions).
          if (random() < 0.6) continue;
          const incremental = (await client.diagnosticsFor(uri, v, 10_000)).diagnostics;
          const freshUri = `file:///virtual/fresh-${v}.okr.md`;
          await client.open(freshUri, mirror.getText(), 1);
          const fresh = (await client.diagnosticsFor(freshUri, 1, 10_000)).diagnostics;
          await client.close(freshUri);
          const got = incremental.map((d) => JSON.stringify(d));
          const want = fresh.map((d) => JSON.stringify(d).split(freshUri).join(uri));
          const at = got.findIndex((d, i) => d !== want[i]);
          assert.ok(at < 0 && got.length === want.length, `after v${v}, diagnostic ${at}: ${got[at]} where a fresh open has ${want[at]}`);
          assert.ok(fresh.length > 0);
          compared++;
        }
        assert.ok(compared > 20, `${compared} comparisons`);
        assert.deepEqual(client.errors(), []);
      } finally {
        await client.stop();
      }
    });
  }
});
