import { pathToFileURL } from "node:url";
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  Position,
  SemanticTokensRangeRequest,
} from "vscode-languageserver-protocol/node";
import { OUR_CLIENT_CAPABILITIES, TestClient } from "../test/protocol/client";
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

/** Inserts `text` at a position and waits for that version's diagnostics: ms from didChange to them. */
async function insert(client: TestClient, uri: string, version: number, at: Position, text: string): Promise<number> {
  const start = now();
  await client.change(uri, version, [{ range: { start: at, end: at }, text }]);
  await client.diagnosticsFor(uri, version, 30_000);
  const ms = now() - start;
  // An editor keeps only the latest diagnostics; the test client keeps every publish unless told.
  client.diagnostics.delete(uri);
  return ms;
}

/** Types a letter at a random place of `lines` (the text as it is now, kept so): where, and `insert`'s ms. */
async function typeLetter(client: TestClient, uri: string, version: number, lines: string[], random: () => number): Promise<Position & { ms: number }> {
  const line = Math.floor(random() * lines.length);
  const character = Math.floor(random() * (lines[line].length + 1));
  const ms = await insert(client, uri, version, { line, character }, "x");
  lines[line] = lines[line].slice(0, character) + "x" + lines[line].slice(character);
  return { line, character, ms };
}

type FollowUp = "semanticTokensRange" | "documentSymbol" | "foldingRange" | "inlayHint" | "codeAction";
/** Each request VS Code makes of a document after an edit, and `all` of them one after the other: latency and KB of response. */
export type FollowUps = Record<FollowUp | "all", Latency & { kb: number }>;

/**
 * After each of `count` letters typed at random places: the requests VS Code sends for the document
 * (the semantic tokens of the 60 lines in view, which is what our client has VS Code ask of a document
 * this big, see client/src/semanticTokens.ts; the outline, folding, inlay hints for the lines in view,
 * code actions at the cursor), each timed from request to response. They run one after the
 * other on the server, so their sum is how long a keystroke keeps it busy besides its diagnostics.
 */
async function measureFollowUps(client: TestClient, uri: string, lines: string[], firstVersion: number, count: number, random: () => number): Promise<FollowUps> {
  const textDocument = { uri };
  const kinds: FollowUp[] = ["semanticTokensRange", "documentSymbol", "foldingRange", "inlayHint", "codeAction"];
  const samples = new Map<FollowUp | "all", number[]>([...kinds, "all" as const].map((k) => [k, []]));
  const bytes = new Map<FollowUp, number>(kinds.map((k) => [k, 0]));
  const timed = async <R>(kind: FollowUp, request: () => Promise<R>): Promise<R> => {
    const start = now();
    const result = await request();
    samples.get(kind)!.push(now() - start);
    bytes.set(kind, bytes.get(kind)! + JSON.stringify(result ?? null).length);
    return result;
  };
  for (let version = firstVersion; version < firstVersion + count; version++) {
    const { line, character } = await typeLetter(client, uri, version, lines, random);
    const top = Math.max(0, line - 30);
    const view = { start: { line: top, character: 0 }, end: { line: top + 60, character: 0 } };
    const start = now();
    await timed("semanticTokensRange", () => client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range: view }));
    await timed("documentSymbol", () => client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
    await timed("foldingRange", () => client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }));
    await timed("inlayHint", () => client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: view }));
    const cursor = { line, character: character + 1 };
    await timed("codeAction", () => client.connection.sendRequest(CodeActionRequest.type, { textDocument, range: { start: cursor, end: cursor }, context: { diagnostics: [] } }));
    samples.get("all")!.push(now() - start);
  }
  const kb = (kind: FollowUp) => bytes.get(kind)! / count / 1024;
  const result = Object.fromEntries(kinds.map((k) => [k, { ...latency(samples.get(k)!), kb: kb(k) }])) as FollowUps;
  result.all = { ...latency(samples.get("all")!), kb: kinds.reduce((sum, k) => sum + kb(k), 0) };
  return result;
}

/**
 * The bundled server over stdio with a 1 MB document: single-character edits at random places, each
 * timed from didChange to the publishDiagnostics of that version (debounce set to 0); then line
 * breaks at the ends of random lines, timed alike (they move every line below, which no other edit
 * does; not a budget of issue 5, whose edits are the first kind); then hovers and completions at
 * random key-result lines; then, after more letters typed, what VS Code asks next (`followUps`).
 */
export async function measureServer(
  text: string,
  edits: number,
): Promise<{ keystroke: Latency; lineBreak: Latency; hover: Latency; completion: Latency; followUps: FollowUps }> {
  const { client } = await TestClient.start({ settings: { validation: { delay: 0 } }, capabilities: OUR_CLIENT_CAPABILITIES });
  try {
    const uri = pathToFileURL("/bench/big.okr.md").href;
    await client.open(uri, text, 1);
    await client.diagnosticsFor(uri, 1, 60_000);
    const random = mulberry32(99);
    const lines = text.split("\n");
    const keystrokes: number[] = [];
    for (let version = 2; version < edits + 2; version++) keystrokes.push((await typeLetter(client, uri, version, lines, random)).ms);
    const lineBreaks: number[] = [];
    for (let version = edits + 2; version < edits + 2 + edits / 4; version++) {
      const line = Math.floor(random() * lines.length);
      lineBreaks.push(await insert(client, uri, version, { line, character: lines[line].length }, "\n"));
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
    const followUps = await measureFollowUps(client, uri, lines, edits + 2 + edits / 4, edits / 5, random);
    return { keystroke: latency(keystrokes), lineBreak: latency(lineBreaks), hover: latency(hovers), completion: latency(completions), followUps };
  } finally {
    await client.stop();
  }
}
