import * as assert from "node:assert/strict";
import { generateScorecard } from "../../bench/generate";
import { DiagnosticsScheduler, LONG_READ_CHARS, ShowProgress } from "../../src/lsp/diagnostics";
import { Logger } from "../../src/lsp/log";
import { SettingsStore } from "../../src/lsp/settings";
import { storeWith, URI } from "./edits";

/** The scheduler in process, with what it publishes and what it logs. */
function schedulerFor(text: string, showProgress: ShowProgress) {
  const { store } = storeWith(text);
  const published: { version: number; count: number }[] = [];
  const warnings: string[] = [];
  const log: Logger = { info: () => undefined, warn: (m) => void warnings.push(m), error: (m) => assert.fail(m) };
  const scheduler = new DiagnosticsScheduler(store, new SettingsStore(undefined, log), (_uri, version, d) => void published.push({ version, count: d.length }), log, { codeLinks: false, source: false }, showProgress);
  return { scheduler, key: store.key(URI), published, warnings };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
};

describe("diagnostics scheduler: the progress of a big document's reading", () => {
  const big = generateScorecard(LONG_READ_CHARS + 10_000, 3);

  it("publishes between the progress's start and its end", async () => {
    const order: string[] = [];
    const { scheduler, key, published } = schedulerFor(big, async (title) => {
      order.push(`begin ${title}`);
      return () => void order.push(`end after ${published.length} publish(es)`);
    });
    scheduler.schedule(key, 0);
    await until(() => order.length === 2);
    assert.deepEqual(order, ["begin Checking doc.okr.md", "end after 1 publish(es)"]);
    assert.ok(published[0].count > 1000);
  });

  it("still publishes when the progress cannot be shown, and says why", async () => {
    const { scheduler, key, published, warnings } = schedulerFor(big, () => Promise.reject(new Error("no window")));
    scheduler.schedule(key, 0);
    await until(() => published.length > 0);
    assert.ok(published[0]?.count > 1000, `published ${JSON.stringify(published)}`);
    assert.match(warnings.join("\n"), /no progress shown: .*no window/);
  });
});
