import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { pathFromUri } from "../host/nodeHost";

/**
 * One spelling per file URI. VS Code (`file:///a%40b/x`), node (`file:///a@b/x`) and the engine's link
 * resolution (each segment through encodeURIComponent) spell some paths differently; the workspace keys
 * documents by the canonical form below, which is the engine's, so links resolve to open documents.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith("file:")) return uri;
  try {
    const url = new URL(uri);
    const segments = url.pathname.split("/").map((s) => encodeURIComponent(safeDecode(s)));
    return `file://${url.host}${segments.join("/")}`;
  } catch {
    return uri;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}


export function pathToUri(fsPath: string): string {
  return canonicalUri(pathToFileURL(path.resolve(fsPath)).href);
}

export function isOkrUri(uri: string): boolean {
  return /\.okr\.md$/i.test(uri);
}

/** A path relative to the directory of `fromUri`, with forward slashes (for `aligns` links). */
export function relativeLink(fromUri: string, toUri: string): string {
  const from = pathFromUri(fromUri);
  const to = pathFromUri(toUri);
  if (!from || !to) return toUri;
  const rel = path.relative(path.dirname(from), to).split(path.sep).join("/");
  return rel || path.basename(to);
}
