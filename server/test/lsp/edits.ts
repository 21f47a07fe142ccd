import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ChangeTracker, DocumentStore, OpenDocument } from "../../src/lsp/documents";
import { LspHost } from "../../src/lsp/host";
import { Logger } from "../../src/lsp/log";
import { SettingsStore } from "../../src/lsp/settings";
import { REPO } from "../protocol/client";
import { mulberry32 } from "../support/random";

/** LSP features in process: a document store as the server keeps one, and edits as an editor sends them. */

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
export const URI = "file:///t/doc.okr.md";
export const SAMPLES = ["commuter-rail.okr.md", "every-rule.okr.md", "saas-okrs.okr.md", "commuter-rail-grid.okr.md"];

export const sample = (name: string) => readFileSync(join(REPO, "samples", name), "utf8");

const tracker = new ChangeTracker();

export function storeWith(text: string): { store: DocumentStore; doc: OpenDocument } {
  const store = new DocumentStore(new LspHost(new SettingsStore(undefined, quiet), quiet), quiet);
  const doc = tracker.create(URI, "okr", 1, text);
  store.changed(doc);
  return { store, doc };
}

/** Replaces `remove` characters at offset `at` with `insert` as an editor tells the server (`ChangeTracker`): the document's next version. */
export function typeInto(store: DocumentStore, doc: OpenDocument, at: number, remove: number, insert: string, version: number): OpenDocument {
  const range = { start: doc.lines.positionAt(at), end: doc.lines.positionAt(at + remove) };
  const next = tracker.update(doc, [{ range, text: insert }], version);
  store.changed(next, tracker.take(next.uri));
  return next;
}

const INSERTIONS = ["x", "\n", "\n\n", "- KR9: Churn from 5% to 3% by Mar 1 @ana\n", "  - 2027-01-10: 4%\n", "### O9: New\nowner: @b\n", "## Customer\n", "", "🚀"];

/**
 * Edits `text` `count` times at random places (seeded), each told to the store as the server tells
 * it; after each, `check` gets the store and the text it now holds.
 */
export function editRandomly(text: string, seed: number, count: number, check: (store: DocumentStore, text: string, version: number) => void): void {
  const random = mulberry32(seed);
  const opened = storeWith(text);
  const { store } = opened;
  let { doc } = opened;
  for (let version = 2; version < count + 2; version++) {
    const at = Math.floor(random() * (text.length + 1));
    const remove = random() < 0.3 ? Math.min(Math.floor(random() * 30), text.length - at) : 0;
    const insert = INSERTIONS[Math.floor(random() * INSERTIONS.length)];
    doc = typeInto(store, doc, at, remove, insert, version);
    text = text.slice(0, at) + insert + text.slice(at + remove);
    check(store, text, version);
  }
}
