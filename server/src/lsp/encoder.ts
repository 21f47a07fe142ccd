import { ContentTypeEncoder, ContentTypeEncoderOptions, Message, NotificationMessage, PublishDiagnosticsNotification, PublishDiagnosticsParams } from "vscode-languageserver/node";

/**
 * The JSON of each published diagnostic (`asciiJson`), made once. A finding an edit did not change is
 * published as the same object again (toLspDiagnostic), and a published object is never changed, so
 * its JSON stays true; keyed by identity, it can only ever serve that object. Bytes, not strings: a
 * publish is then one copy of them, where joining strings and encoding the whole cost as much again.
 */
const diagnosticBytes = new WeakMap<object, Uint8Array>();

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

function bytesOf(diagnostic: object): Uint8Array {
  let bytes = diagnosticBytes.get(diagnostic);
  if (bytes === undefined) {
    bytes = Buffer.from(asciiJson(diagnostic), "latin1");
    diagnosticBytes.set(diagnostic, bytes);
  }
  return bytes;
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

const COMMA = Buffer.from(",");

/**
 * The message as JSON: what JSON.stringify makes (a publish's `params` and `diagnostics` moved to the
 * end of their objects), with a publish's diagnostics taken from their cached JSON. On a keystroke in
 * a large file almost all of them are unchanged, and stringifying them again cost more than the analysis.
 */
export function encodeMessage(msg: Message, charset: ContentTypeEncoderOptions["charset"] = "utf-8"): Buffer {
  if (charset !== "utf-8") return Buffer.from(JSON.stringify(msg), charset);
  if (!isPublishDiagnostics(msg)) return Buffer.from(asciiJson(msg), "latin1");
  // `undefined` members are left out, as JSON.stringify leaves out an absent `version`.
  const envelope = asciiJson({ ...msg, params: undefined });
  const params = asciiJson({ ...msg.params, diagnostics: undefined });
  const parts: Uint8Array[] = [Buffer.from(`${openMember(envelope, "params")}${openMember(params, "diagnostics")}[`, "latin1")];
  for (const diagnostic of msg.params.diagnostics) {
    if (parts.length > 1) parts.push(COMMA);
    parts.push(bytesOf(diagnostic));
  }
  parts.push(Buffer.from("]}}"));
  return Buffer.concat(parts);
}

/** For vscode-jsonrpc's stream writers, in place of their `application/json` encoder (same charset handling, same headers). */
export const messageEncoder: ContentTypeEncoder = {
  name: "application/json",
  encode: async (msg, options) => encodeMessage(msg, options.charset),
};
