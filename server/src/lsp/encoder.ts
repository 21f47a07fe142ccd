import { ContentTypeEncoder, ContentTypeEncoderOptions, Message, NotificationMessage, PublishDiagnosticsNotification, PublishDiagnosticsParams } from "vscode-languageserver/node";

/**
 * The UTF-8 JSON of each published diagnostic, made once. A finding an edit did not change is
 * published as the same object again (toLspDiagnostic), and a published object is never changed, so
 * its JSON stays true; keyed by identity, it can only ever serve that object. Bytes, not strings: a
 * publish is then one copy of them, where joining strings and encoding the whole cost as much again.
 */
const diagnosticBytes = new WeakMap<object, Uint8Array>();

function bytesOf(diagnostic: object): Uint8Array {
  let bytes = diagnosticBytes.get(diagnostic);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(diagnostic), "utf-8");
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
  if (charset !== "utf-8" || !isPublishDiagnostics(msg)) return Buffer.from(JSON.stringify(msg), charset);
  // `undefined` members are left out, as JSON.stringify leaves out an absent `version`.
  const envelope = JSON.stringify({ ...msg, params: undefined });
  const params = JSON.stringify({ ...msg.params, diagnostics: undefined });
  const parts: Uint8Array[] = [Buffer.from(`${openMember(envelope, "params")}${openMember(params, "diagnostics")}[`)];
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
