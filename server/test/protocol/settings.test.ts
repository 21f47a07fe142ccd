import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from "vscode-languageserver-protocol/node";
import { TestClient, tempFolder } from "./client";

const PLAN = ["# Plan", "", "## O1: Grow", "aligns: ../parent.okr.md#o1", "", "- KR1: Revenue from 1 to 2", "  - confidence: high", ""].join("\n");

describe("settings, .okrrc.json and watched files", function () {
  this.timeout(30_000);
  const ws = tempFolder({ "team/plan.okr.md": PLAN });
  const uri = ws.uri("team/plan.okr.md");
  let client: TestClient;
  let version = 1;

  const latest = async () => {
    const v = version;
    return (await client.diagnosticsFor(uri, v)).diagnostics;
  };
  /** Waits for a publish that satisfies `test` (re-validation after a settings or file change has no new version). */
  const until = (what: string, test: (codes: { code: string; severity: number }[]) => boolean) =>
    client.waitFor(
      () => {
        const list = client.diagnostics.get(uri) ?? [];
        const last = list[list.length - 1];
        const codes = last?.diagnostics.map((d) => ({ code: String(d.code), severity: d.severity ?? 0 })) ?? [];
        return last && test(codes) ? codes : undefined;
      },
      5000,
      what,
    );
  const severityOf = (codes: { code: string; severity: number }[], code: string) => codes.find((c) => c.code === code)?.severity;

  before(async () => {
    client = (await TestClient.start({ folder: ws.dir, settings: { rules: { "missing-owner": "error" }, validation: { delay: 0 } } })).client;
    await client.open(uri, PLAN, version);
  });

  after(async () => {
    await client.stop();
    ws.cleanup();
    assert.deepEqual(client.errors(), []);
  });

  it("applies okr.rules from the settings", async () => {
    const diagnostics = await latest();
    assert.equal(diagnostics.find((d) => d.code === "missing-owner")?.severity, 1);
    assert.ok(client.configurationRequests > 0);
  });

  it("lays the nearest .okrrc.json over the settings when it appears", async () => {
    fs.writeFileSync(path.join(ws.dir, ".okrrc.json"), JSON.stringify({ rules: { "missing-owner": "off", "invalid-value": "info" } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri(".okrrc.json"), type: FileChangeType.Created }] });
    const codes = await until("missing-owner off", (c) => !c.some((d) => d.code === "missing-owner"));
    assert.equal(severityOf(codes, "invalid-value"), 3);
  });

  it("lays the front matter over .okrrc.json", async () => {
    version++;
    await client.change(uri, version, [{ text: "---\nrules:\n  missing-owner: warning\n---\n" + PLAN }]);
    const diagnostics = await latest();
    assert.equal(diagnostics.find((d) => d.code === "missing-owner")?.severity, 2);
  });

  it("re-reads the settings on didChangeConfiguration", async () => {
    fs.rmSync(path.join(ws.dir, ".okrrc.json"));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri(".okrrc.json"), type: FileChangeType.Deleted }] });
    await until("invalid-value back to its default", (c) => severityOf(c, "invalid-value") === 1);
    client.settings = { rules: { "invalid-value": "hint" }, validation: { delay: 0 } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await until("invalid-value as a hint", (c) => severityOf(c, "invalid-value") === 4);
  });

  it("resolves a link once the target file is created on disk", async () => {
    const before = await until("broken-alignment", (c) => c.some((d) => d.code === "broken-alignment"));
    assert.ok(before);
    fs.writeFileSync(path.join(ws.dir, "parent.okr.md"), "# Parent\n\n## O1: Everything\n- KR1: x from 1 to 2\n");
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri("parent.okr.md"), type: FileChangeType.Created }] });
    await until("broken-alignment gone", (c) => !c.some((d) => d.code === "broken-alignment"));
  });

  it("waits okr.validation.delay after the last edit", async () => {
    client.settings = { validation: { delay: 700 } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await new Promise((r) => setTimeout(r, 300));
    version++;
    const sent = Date.now();
    await client.change(uri, version, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: " " }]);
    await client.diagnosticsFor(uri, version, 5000);
    const waited = Date.now() - sent;
    assert.ok(waited >= 600, `published after ${waited} ms`);
  });
});
