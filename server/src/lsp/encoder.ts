import { ContentTypeEncoder, ContentTypeEncoderOptions, Diagnostic as LspDiagnostic, Message, NotificationMessage, PublishDiagnosticsNotification, PublishDiagnosticsParams } from "vscode-languageserver/node";
import { RangeLike } from "../engine";
import { keptAt } from "./keptItems";

const HAS_NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * JSON.stringify's text with every character past ASCII written as a `\uXXXX` escape: the same
 * value to any JSON reader. A reader in Node (vscode-jsonrpc's, in our VS Code client as in any
 * other) turns the bytes into one string before parsing it, and a single `≥` among a publish's 800 KB
 * made that a two-byte string: 3 ms more to decode and 1 ms more to parse, on every keystroke.
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  return HAS_NON_ASCII.test(json) ? json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

/**
 * A published diagnostic's JSON (`asciiJson`), made once. A finding an edit did not change is
 * published as the same object again (toLspDiagnostic), and a published object is never changed,
 * so its JSON stays true; keyed by identity, it can only ever serve that object. Bytes, not
 * strings: a publish is then a copy of them.
 *
 * One a line break moved is published as a copy with another range (`movedFrom`). It starts
 * with what follows the range in the original's JSON, and has its range written before it on its
 * first publish, which then keeps the whole.
 */
interface CachedJson {
  whole?: Uint8Array;
  /** What follows the range in `whole`; null when its JSON does not start with a range as `writeRange` writes it. */
  afterRange?: Uint8Array | null;
}

const cachedJson = new WeakMap<object, CachedJson>();

/** A diagnostic's JSON up to the end of its range as JSON.stringify writes `{ range: { start, end } }`, in pieces around its four numbers. */
const RANGE_PIECES = ['{"range":{"start":{"line":', ',"character":', '},"end":{"line":', ',"character":', "}}"].map((piece) => Buffer.from(piece, "latin1"));
/** JSON.stringify writes no number longer than this (`-1.2345678901234567e-308`). */
const LONGEST_NUMBER = 24;
const RANGE_BOUND = RANGE_PIECES.reduce((sum, piece) => sum + piece.length, 0) + 4 * LONGEST_NUMBER;

/** Writes ASCII bytes at `at`; returns where they end. A loop: `set` costs more for a few bytes. */
function writeBytes(bytes: Buffer, at: number, piece: Uint8Array): number {
  for (let i = 0; i < piece.length; i++) bytes[at++] = piece[i];
  return at;
}

/** Writes a number as JSON.stringify does (digits by hand for the integers lines and characters are); returns where it ends. */
function writeNumber(bytes: Buffer, at: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 0 && n < 1e15)) return at + bytes.write(JSON.stringify(n), at, "latin1");
  let end = at + 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) end++;
  for (let i = end - 1, rest = n; i >= at; i--, rest = Math.floor(rest / 10)) bytes[i] = 0x30 + (rest % 10);
  return end;
}

/** Writes a diagnostic's JSON up to the end of its range; returns where it ends. */
function writeRange(bytes: Buffer, at: number, { start, end }: RangeLike): number {
  at = writeNumber(bytes, writeBytes(bytes, at, RANGE_PIECES[0]), start.line);
  at = writeNumber(bytes, writeBytes(bytes, at, RANGE_PIECES[1]), start.character);
  at = writeNumber(bytes, writeBytes(bytes, at, RANGE_PIECES[2]), end.line);
  at = writeNumber(bytes, writeBytes(bytes, at, RANGE_PIECES[3]), end.character);
  return writeBytes(bytes, at, RANGE_PIECES[4]);
}

function jsonOf(value: object): CachedJson {
  let cached = cachedJson.get(value);
  if (cached === undefined) {
    cached = { whole: Buffer.from(asciiJson(value), "latin1") };
    cachedJson.set(value, cached);
  }
  return cached;
}

const scratch = Buffer.allocUnsafe(RANGE_BOUND);

/** What follows the range in a diagnostic's JSON, if it starts with its range as `writeRange` writes it. */
function afterRangeOf(diagnostic: LspDiagnostic, cached: CachedJson): Uint8Array | null {
  if (cached.afterRange === undefined) {
    const whole = cached.whole!;
    const end = writeRange(scratch, 0, diagnostic.range);
    cached.afterRange = end <= whole.length && scratch.compare(whole, 0, end, 0, end) === 0 ? whole.subarray(end) : null;
  }
  return cached.afterRange;
}

/**
 * Tells that `copy` is `original` at another range (a plain `{ start, end }` of lines and characters),
 * the same in every other member: a line break above it moved it. The copy's JSON after the range is
 * then the original's, and is not made again: encoding every diagnostic below a line break anew was
 * 8–10 ms of a 1 MB file's publish.
 */
export function movedFrom(copy: LspDiagnostic, original: LspDiagnostic): void {
  const cached = cachedJson.get(original);
  const afterRange = cached && afterRangeOf(original, cached);
  if (afterRange) cachedJson.set(copy, { afterRange });
}

type PublishDiagnosticsMessage = NotificationMessage & { params: PublishDiagnosticsParams };

function isPublishDiagnostics(msg: Message): msg is PublishDiagnosticsMessage {
  return (
    Message.isNotification(msg) &&
    msg.method === PublishDiagnosticsNotification.method &&
    Array.isArray((msg.params as Partial<PublishDiagnosticsParams> | undefined)?.diagnostics)
  );
}

/** An object's JSON opened again for one more member at its end, up to that member's value. */
function openMember(objectJson: string, key: string): string {
  return `${objectJson === "{}" ? "{" : `${objectJson.slice(0, -1)},`}${JSON.stringify(key)}:`;
}

const COMMA = 0x2c;

/**
 * The last publish written for each URI: its diagnostics, its bytes, and where each diagnostic's JSON
 * ends in them. The next publish copies the runs of diagnostics it still holds (`keptAt`) from these
 * bytes at once, instead of looking each one's JSON up: on the 1 MB benchmark file, 3,600 lookups and
 * copies a keystroke.
 */
const lastPublished = new Map<string, { diagnostics: readonly LspDiagnostic[]; bytes: Uint8Array; ends: Uint32Array; head: number }>();

/**
 * The message as JSON: what JSON.stringify makes (a publish's `params` and `diagnostics`, a
 * response's `result`, moved to the end of their objects), with a publish's diagnostics and a
 * response's unchanging parts taken from their cached JSON. On a keystroke in
 * a large file almost all of them are unchanged, and stringifying them again cost more than the analysis.
 */
export function encodeMessage(msg: Message, charset: ContentTypeEncoderOptions["charset"] = "utf-8"): Buffer {
  if (charset !== "utf-8") return Buffer.from(JSON.stringify(msg), charset);
  if (isHolding(msg)) return encodeHolding(msg);
  if (!isPublishDiagnostics(msg)) return Buffer.from(asciiJson(msg), "latin1");
  // `undefined` members are left out, as JSON.stringify leaves out an absent `version`.
  const envelope = asciiJson({ ...msg, params: undefined });
  const params = asciiJson({ ...msg.params, diagnostics: undefined });
  const head = `${openMember(envelope, "params")}${openMember(params, "diagnostics")}[`;
  const tail = "]}}";
  const { diagnostics, uri } = msg.params;
  const previous = lastPublished.get(uri);
  // Where each diagnostic's JSON is: in the previous publish (its index there), or its own (-1).
  const keptFrom = new Int32Array(diagnostics.length).fill(-1);
  const own: (CachedJson | undefined)[] = new Array(diagnostics.length);
  // One buffer, at least as long as the JSON and cut to it: every part is ASCII (a character is a
  // byte), and a range takes at most RANGE_BOUND.
  let length = head.length + Math.max(0, diagnostics.length - 1) + tail.length;
  for (let k = 0, next = 0; k < diagnostics.length; k++) {
    const at = previous ? keptAt(previous.diagnostics, diagnostics[k], next) : -1;
    if (at >= 0) {
      keptFrom[k] = at;
      next = at + 1;
      length += previous!.ends[at] - jsonStart(previous!, at);
      continue;
    }
    const json = (own[k] = jsonOf(diagnostics[k]));
    length += json.whole ? json.whole.length : json.afterRange!.length + RANGE_BOUND;
  }
  const bytes = Buffer.allocUnsafe(length);
  const ends = new Uint32Array(diagnostics.length);
  let at = bytes.write(head, "latin1");
  for (let k = 0; k < diagnostics.length; k++) {
    if (k > 0) bytes[at++] = COMMA;
    const from = keptFrom[k];
    if (from >= 0) {
      // With the diagnostics after it that follow it in the previous publish too, commas and all.
      let last = k;
      while (last + 1 < diagnostics.length && keptFrom[last + 1] === keptFrom[last] + 1) last++;
      const start = jsonStart(previous!, from);
      bytes.set(previous!.bytes.subarray(start, previous!.ends[keptFrom[last]]), at);
      for (let j = k; j <= last; j++) ends[j] = at + previous!.ends[keptFrom[j]] - start;
      at = ends[last];
      k = last;
      continue;
    }
    const json = own[k]!;
    if (json.whole) {
      bytes.set(json.whole, at);
      at += json.whole.length;
      ends[k] = at;
      continue;
    }
    const start = at;
    const rangeEnd = writeRange(bytes, at, diagnostics[k].range);
    bytes.set(json.afterRange!, rangeEnd);
    at = rangeEnd + json.afterRange!.length;
    ends[k] = at;
    // Its own bytes from now on, and where its range ends in them, should it move again.
    json.whole = Buffer.from(bytes.subarray(start, at));
    json.afterRange = json.whole.subarray(rangeEnd - start);
  }
  const written = bytes.subarray(0, at + bytes.write(tail, at, "latin1"));
  if (diagnostics.length) lastPublished.set(uri, { diagnostics, bytes: written, ends, head: head.length });
  else lastPublished.delete(uri);
  return written;
}

/** Where the JSON of a previous publish's diagnostic starts in its bytes (after the comma before it). */
function jsonStart(published: { ends: Uint32Array; head: number }, k: number): number {
  return k === 0 ? published.head : published.ends[k - 1] + 1;
}

/**
 * Objects that responses send again and again, never changed once made (an outline's kept
 * objective symbols): their JSON is made once, as a diagnostic's is.
 */
const unchanging = new WeakSet<object>();
/** Results that hold such objects: written with those objects' JSON copied in. */
const holdingUnchanging = new WeakSet<object>();

/** Marks `value` as never changed from now on: its JSON, once made, is sent for it every time. */
export function unchangingPart<T extends object>(value: T): T {
  unchanging.add(value);
  return value;
}

/** Marks a result as holding `unchangingPart`s, to be copied in from their JSON when it is sent. */
export function withUnchangingParts<T extends object>(result: T): T {
  holdingUnchanging.add(result);
  return result;
}

/** A result's JSON as JSON.stringify writes it (then `asciiJson`), with its unchanging parts copied in as bytes. */
function writeHolding(value: unknown, text: string[], out: (string | Uint8Array)[]): void {
  if (value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function") {
    text.push(asciiJson(value) ?? "null");
  } else if (unchanging.has(value)) {
    out.push(text.join(""), jsonOf(value).whole!);
    text.length = 0;
  } else if (Array.isArray(value)) {
    text.push("[");
    value.forEach((item, i) => {
      if (i > 0) text.push(",");
      writeHolding(item, text, out);
    });
    text.push("]");
  } else {
    text.push("{");
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
      text.push(`${first ? "" : ","}${asciiJson(key)}:`);
      first = false;
      writeHolding(member, text, out);
    }
    text.push("}");
  }
}

function encodeHolding(msg: Message & { result: object }): Buffer {
  const text = [openMember(asciiJson({ ...msg, result: undefined }), "result")];
  const out: (string | Uint8Array)[] = [];
  writeHolding(msg.result, text, out);
  text.push("}");
  out.push(text.join(""));
  // Every part is ASCII: a character is a byte.
  return Buffer.concat(out.map((part) => (typeof part === "string" ? Buffer.from(part, "latin1") : part)));
}

function isHolding(msg: Message): msg is Message & { result: object } {
  const result = (msg as { result?: unknown }).result;
  return Message.isResponse(msg) && result !== null && typeof result === "object" && holdingUnchanging.has(result);
}

/** For vscode-jsonrpc's stream writers, in place of their `application/json` encoder (same charset handling, same headers). */
export const messageEncoder: ContentTypeEncoder = {
  name: "application/json",
  encode: async (msg, options) => encodeMessage(msg, options.charset),
};
