import { ContentTypeEncoder, Message, NotificationMessage, PublishDiagnosticsNotification, PublishDiagnosticsParams } from "vscode-languageserver/node";

/**
 * The JSON of each published diagnostic, made once. A finding an edit did not change is published as
 * the same object again (toLspDiagnostic), and a published object is never changed, so its JSON stays
 * true; keyed by identity, it can only ever serve that object.
 */
const diagnosticJson = new WeakMap<object, string>();

function jsonOf(diagnostic: object): string {
  let json = diagnosticJson.get(diagnostic);
  if (json === undefined) {
    json = JSON.stringify(diagnostic);
    diagnosticJson.set(diagnostic, json);
  }
  return json;
}

type PublishDiagnosticsMessage = NotificationMessage & { params: PublishDiagnosticsParams };

function isPublishDiagnostics(msg: Message): msg is PublishDiagnosticsMessage {
  return (
    Message.isNotification(msg) &&
    msg.method === PublishDiagnosticsNotification.method &&
    Array.isArray((msg.params as Partial<PublishDiagnosticsParams> | undefined)?.diagnostics)
  );
}

/** An object's JSON with one more member at its end. */
function withMember(objectJson: string, key: string, valueJson: string): string {
  const member = `${JSON.stringify(key)}:${valueJson}`;
  return objectJson === "{}" ? `{${member}}` : `${objectJson.slice(0, -1)},${member}}`;
}

/**
 * The message as JSON: what JSON.stringify makes (a publish's `params` and `diagnostics` moved to the
 * end of their objects), with a publish's diagnostics taken from their cached JSON. On a keystroke in
 * a large file almost all of them are unchanged, and stringifying them again cost more than the analysis.
 */
export function encodeMessage(msg: Message): string {
  if (!isPublishDiagnostics(msg)) return JSON.stringify(msg);
  // `undefined` members are left out, as JSON.stringify leaves out an absent `version`.
  const params = withMember(JSON.stringify({ ...msg.params, diagnostics: undefined }), "diagnostics", `[${msg.params.diagnostics.map(jsonOf).join(",")}]`);
  return withMember(JSON.stringify({ ...msg, params: undefined }), "params", params);
}

/** For vscode-jsonrpc's stream writers, in place of their `application/json` encoder (same charset handling, same headers). */
export const messageEncoder: ContentTypeEncoder = {
  name: "application/json",
  encode: async (msg, options) => Buffer.from(encodeMessage(msg), options.charset),
};
