import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { Message, PublishDiagnosticsNotification, PublishDiagnosticsParams, StreamMessageWriter } from "vscode-languageserver/node";
import { defaultConfig, LineIndex, Workspace } from "../../src/engine";
import { replacement } from "../../src/engine/text/changes";
import { DiagnosticExtras, toLspDiagnostic } from "../../src/lsp/diagnostics";
import { asciiJson, encodeMessage, messageEncoder, movedFrom, unchangingPart, withUnchangingParts } from "../../src/lsp/encoder";
import { documentSymbols } from "../../src/lsp/symbols";
import { REPO } from "../protocol/client";
import { storeWith, typeInto, URI as LSP_URI } from "./edits";

const SAMPLE = readFileSync(join(REPO, "samples", "every-rule.okr.md"), "utf8");
// Non-ASCII in the URI as well as in messages: Content-Length counts bytes.
const URI = "file:///tmp/F%C3%A4hren/every-rule.okr.md";
const CLIENT_URI = "file:///tmp/Fähren/every-rule.okr.md";

/** A publish as the server's notification makes it (vscode-jsonrpc's NotificationMessage around our params). */
function publish(params: Partial<PublishDiagnosticsParams>): Message {
  return { jsonrpc: "2.0", method: PublishDiagnosticsNotification.method, params } as Message;
}

/** What a generic client gets in each diagnostic, and what our VS Code client asks for (it adds the rest itself). */
const EVERY_EXTRA: DiagnosticExtras = { codeLinks: true, source: true };
const OUR_CLIENT: DiagnosticExtras = { codeLinks: false, source: false };

/** The diagnostics the scheduler publishes for the workspace's document now. */
function published(ws: Workspace, text: string, extras: DiagnosticExtras): LspDiagnostic[] {
  const conversion = { ...extras, lines: new LineIndex(text), clientUri: () => CLIENT_URI };
  return ws.diagnostics(URI).map((d) => toLspDiagnostic(d, conversion));
}

/** What a stream writer with this encoder puts on the wire: its Content-Length and its body. */
async function written(msg: Message, encoder?: typeof messageEncoder): Promise<{ length: number; body: Buffer }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  await new StreamMessageWriter(stream, encoder && { contentTypeEncoder: encoder }).write(msg);
  const wire = Buffer.concat(chunks);
  const headerEnd = wire.indexOf("\r\n\r\n");
  const length = Number(/^Content-Length: (\d+)\r\n$/.exec(wire.subarray(0, headerEnd + 2).toString("ascii"))?.[1]);
  return { length, body: wire.subarray(headerEnd + 4) };
}

async function assertSameJson(msg: Message): Promise<void> {
  const ours = await written(msg, messageEncoder);
  const library = await written(msg);
  assert.equal(ours.length, ours.body.length, "Content-Length is the body's length in bytes");
  assert.ok(ours.body.every((byte) => byte < 0x80), "only ASCII on the wire: a reader then decodes a one-byte string");
  assert.deepEqual(JSON.parse(ours.body.toString("utf8")), JSON.parse(JSON.stringify(msg)));
  assert.deepEqual(JSON.parse(ours.body.toString("utf8")), JSON.parse(library.body.toString("utf8")));
}

function workspace(): Workspace {
  const ws = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined });
  ws.set(URI, SAMPLE);
  return ws;
}

describe("the message encoder writes what JSON.stringify would, in ASCII", () => {
  const ws = workspace();

  it("for publishes of a real document, with and without rule links and sources", async () => {
    for (const extras of [EVERY_EXTRA, OUR_CLIENT]) {
      const diagnostics = published(ws, SAMPLE, extras);
      assert.ok(diagnostics.some((d) => d.relatedInformation?.length), "a diagnostic with related information");
      assert.ok(diagnostics.some((d) => /[^\x00-\x7f]/.test(d.message)), "a non-ASCII message");
      assert.equal(diagnostics.some((d) => d.codeDescription), extras.codeLinks);
      assert.equal(diagnostics.some((d) => d.source), extras.source);
      // Twice: the second publish takes every diagnostic's JSON from the cache.
      await assertSameJson(publish({ uri: CLIENT_URI, version: 3, diagnostics }));
      await assertSameJson(publish({ uri: CLIENT_URI, version: 4, diagnostics }));
    }
  });

  for (const publishedBefore of [true, false]) {
    it(`after edits, when some diagnostics are new objects and the rest are kept${publishedBefore ? "" : ", the first version never published"}`, async () => {
      const edited = workspace();
      const first = published(edited, SAMPLE, OUR_CLIENT);
      if (publishedBefore) await assertSameJson(publish({ uri: CLIENT_URI, version: 1, diagnostics: first }));
    // A line at the top moves every range; a letter at the end of the last heading keeps the sections above it.
      const moved = "\n" + SAMPLE;
      edited.set(URI, moved, replacement(0, 0, 1));
      const shifted = published(edited, moved, OUR_CLIENT);
      assert.ok(shifted.some((d) => !first.includes(d) && d.range.start.line > 0), "diagnostics moved by the line break are new objects");
      await assertSameJson(publish({ uri: CLIENT_URI, version: 2, diagnostics: shifted }));
      const at = moved.indexOf("\n", moved.lastIndexOf("\n### O") + 1);
      const typed = moved.slice(0, at) + "x" + moved.slice(at);
      edited.set(URI, typed, replacement(at, 0, 1));
      const after = published(edited, typed, OUR_CLIENT);
      assert.ok(after.some((d) => shifted.includes(d)), "some diagnostics are the same objects as before");
      await assertSameJson(publish({ uri: CLIENT_URI, version: 3, diagnostics: after }));
    });
  }

  it("without a version (a closed document's publish) or a URI, and with no diagnostics", async () => {
    const diagnostics = published(ws, SAMPLE, EVERY_EXTRA);
    await assertSameJson(publish({ uri: CLIENT_URI, version: undefined, diagnostics: [] }));
    await assertSameJson(publish({ uri: CLIENT_URI, diagnostics }));
    await assertSameJson(publish({ diagnostics }));
  });

  it("for publishes that keep some of the last one's diagnostics, drop some, add some and reorder some", async () => {
    const uri = "file:///t/kept.okr.md";
    const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });
    const d = Array.from({ length: 80 }, (_, i): LspDiagnostic => ({ range: at(i), severity: 3, code: "behind-pace", message: `finding ${i} → ${"x".repeat(i % 7)}` }));
    const added = (line: number): LspDiagnostic => ({ range: at(line), severity: 1, code: "parse-error", message: `new at ${line}` });
    const versions = [
      d.slice(0, 40),
      [...d.slice(0, 10), ...d.slice(11, 20), added(20), ...d.slice(20, 40)],
      [d[0], added(1), ...d.slice(2, 5), ...d.slice(39, 80)],
      [...d.slice(60, 80), ...d.slice(0, 20)],
      [d[79], ...d.slice(0, 79)],
      [],
      d.slice(5, 9),
    ];
    for (const [version, diagnostics] of versions.entries()) await assertSameJson(publish({ uri, version, diagnostics }));
  });

  it("for any other message", async () => {
    await assertSameJson({ jsonrpc: "2.0", id: 1, result: { contents: { kind: "markdown", value: "Fähre → 1.0 ≥ 😀 \u2028" } } } as Message);
    await assertSameJson({ jsonrpc: "2.0", method: "window/logMessage", params: { type: 3, message: "okr: indexed 3 file(s)" } } as Message);
    await assertSameJson({ jsonrpc: "2.0", method: PublishDiagnosticsNotification.method } as Message);
  });

  it("takes each diagnostic's JSON from that object only", () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const first: LspDiagnostic = { range, severity: 2, code: "missing-owner", source: "okr", message: "first" };
    const lookalike: LspDiagnostic = { ...first, message: "second" };
    const json = (diagnostics: LspDiagnostic[]) => JSON.parse(encodeMessage(publish({ uri: CLIENT_URI, diagnostics })).toString("utf8")).params.diagnostics;
    assert.deepEqual(json([first]), [first]);
    assert.deepEqual(json([lookalike, first]), [lookalike, first]);
    assert.deepEqual(json([{ ...first }]), [first], "an equal copy is written as itself");
    // Ranges JSON.stringify writes otherwise than a plain `{start, end}` of lines and characters.
    const oddRanges = [
      { ...first, range: { end: range.end, start: range.start } },
      { ...first, range: { start: { character: 0, line: 0 }, end: range.end } },
      { ...first, range: { ...range, extra: true } },
      { message: "range last", range },
    ];
    for (const odd of oddRanges) assert.deepEqual(json([odd as LspDiagnostic]), [JSON.parse(JSON.stringify(odd))]);
    const moved = { ...first, range: { start: { line: 7, character: 1 }, end: { line: 8, character: 0 } } };
    movedFrom(moved, first);
    assert.deepEqual(json([moved, first]), [{ ...first, range: moved.range }, first], "a moved copy has its own range and the original's rest");
  });

  it("for a result holding unchanging parts: byte for byte what JSON.stringify writes, in ASCII", async () => {
    const part = unchangingPart({ name: "O1: Fähre → 1.0", kind: 5, children: [unchangingPart({ name: "KR1", range: { start: { line: 1, character: 0 } } })] });
    const odd = { toJSON: () => "as toJSON says" };
    const result = withUnchangingParts([
      { name: "Financial ≥ 😀 \u2028", skipped: undefined, f: () => 1, children: [part, undefined, () => 1, NaN, null, { nested: [part] }] },
      part,
      odd,
      "text",
      7.25,
    ]);
    for (let i = 0; i < 2; i++) {
      const msg = { jsonrpc: "2.0", id: i, result } as Message;
      assert.equal(encodeMessage(msg).toString("latin1"), asciiJson(msg));
      await assertSameJson(msg);
    }
  });

  it("for a real outline, before and after edits that keep, move and renumber objectives", () => {
    let text = readFileSync(join(REPO, "samples", "commuter-rail.okr.md"), "utf8");
    const opened = storeWith(text);
    const { store } = opened;
    let { doc } = opened;
    const outline = (version: number) => encodeMessage({ jsonrpc: "2.0", id: version, result: documentSymbols(store, LSP_URI) } as Message).toString("latin1");
    const plain = (version: number) => asciiJson({ jsonrpc: "2.0", id: version, result: documentSymbols(storeWith(text).store, LSP_URI) });
    assert.equal(outline(1), plain(1));
    for (const [version, insert] of [[2, "\n"], [3, "x"], [4, "### Objective: New\n- KR1: a from 1 to 2\n"]] as const) {
      const at = text.indexOf("### O2");
      doc = typeInto(store, doc, at, 0, insert, version);
      text = text.slice(0, at) + insert + text.slice(at);
      assert.equal(outline(version), plain(version), `after edit ${version}`);
    }
  });
});
