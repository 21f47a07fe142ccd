import { pathToFileURL } from "node:url";
import { CompletionRequest, HoverRequest } from "vscode-languageserver-protocol/node";
import { CAPABILITIES, TestClient } from "../test/protocol/client";
import { mulberry32 } from "../test/support/random";
import { percentile } from "./stats";

export interface Latency {
  count: number;
  p50: number;
  p95: number;
}

function latency(samples: number[]): Latency {
  return { count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * The bundled server over stdio with a 1 MB document: single-character edits at random places, each
 * timed from didChange to the publishDiagnostics of that version (debounce set to 0); then line
 * breaks at the ends of random lines, timed alike (they move every line below, which no other edit
 * does; not a budget of issue 5, whose edits are the first kind); then hovers and completions at
 * random key-result lines.
 */
export async function measureServer(text: string, edits: number): Promise<{ keystroke: Latency; lineBreak: Latency; hover: Latency; completion: Latency }> {
  // As our VS Code client declares: it links rule codes itself (client/src/ruleLinks.ts).
  const publishDiagnostics = { ...CAPABILITIES.textDocument!.publishDiagnostics, codeDescriptionSupport: false };
  const capabilities = { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, publishDiagnostics } };
  const { client } = await TestClient.start({ settings: { validation: { delay: 0 } }, capabilities });
  try {
    const uri = pathToFileURL("/bench/big.okr.md").href;
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1, 60_000);
    const random = mulberry32(99);
    const lines = text.split("\n");
    const keystrokes: number[] = [];
    for (let version = 2; version < edits + 2; version++) {
      const line = Math.floor(random() * lines.length);
      const character = Math.floor(random() * (lines[line].length + 1));
      const start = now();
      await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: "x" }]);
      await client.diagnosticsFor(uri, version, 30_000);
      keystrokes.push(now() - start);
      // An editor keeps only the latest diagnostics; the test client keeps every publish unless told.
      client.diagnostics.delete(uri);
      lines[line] = lines[line].slice(0, character) + "x" + lines[line].slice(character);
    }
    const lineBreaks: number[] = [];
    for (let version = edits + 2; version < edits + 2 + edits / 4; version++) {
      const line = Math.floor(random() * lines.length);
      const character = lines[line].length;
      const start = now();
      await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: "\n" }]);
      await client.diagnosticsFor(uri, version, 30_000);
      lineBreaks.push(now() - start);
      client.diagnostics.delete(uri);
      lines.splice(line + 1, 0, "");
    }
    const krLines = lines.map((l, i) => (/^- KR\d+:/.test(l) ? i : -1)).filter((i) => i >= 0);
    const hovers: number[] = [];
    const completions: number[] = [];
    for (let i = 0; i < 100; i++) {
      const line = krLines[Math.floor(random() * krLines.length)];
      let start = now();
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 4 } });
      hovers.push(now() - start);
      start = now();
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: line + 1, character: 2 } });
      completions.push(now() - start);
    }
    return { keystroke: latency(keystrokes), lineBreak: latency(lineBreaks), hover: latency(hovers), completion: latency(completions) };
  } finally {
    await client.stop();
  }
}
