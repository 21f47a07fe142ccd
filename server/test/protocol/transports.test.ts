import * as assert from "node:assert/strict";
import { ChildProcess, fork } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import {
  createClientPipeTransport,
  createClientSocketTransport,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  generateRandomPipeName,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  MessageReader,
  MessageType,
  MessageWriter,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
} from "vscode-languageserver-protocol/node";
import { REPO, SERVER, TestClient, within } from "./client";

const URI = "file:///virtual/transports.okr.md";
const TEXT = fs.readFileSync(path.join(REPO, "samples", "every-rule.okr.md"), "utf8");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function exited(proc: ChildProcess, ms: number): Promise<number | null> {
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
  return within(ms, "the server to exit", new Promise((resolve) => proc.once("exit", (code) => resolve(code))));
}

/** The server started as an editor starts it over this transport, and the client's end of it. */
async function startOver(transport: "node-ipc" | "socket" | "pipe"): Promise<{ proc: ChildProcess; reader: MessageReader; writer: MessageWriter }> {
  const start = (arg: string) => fork(SERVER, [arg, `--clientProcessId=${process.pid}`], { cwd: REPO, silent: true });
  if (transport === "node-ipc") {
    const proc = start("--node-ipc");
    return { proc, reader: new IPCMessageReader(proc), writer: new IPCMessageWriter(proc) };
  }
  if (transport === "socket") {
    const port = await freePort();
    const listening = await createClientSocketTransport(port);
    const proc = start(`--socket=${port}`);
    const [reader, writer] = await within(10_000, "the server to connect", listening.onConnected());
    return { proc, reader, writer };
  }
  const name = generateRandomPipeName();
  const listening = await createClientPipeTransport(name);
  const proc = start(`--pipe=${name}`);
  const [reader, writer] = await within(10_000, "the server to connect", listening.onConnected());
  return { proc, reader, writer };
}

/** Initializes, opens the sample, and returns its first diagnostics; then shuts the server down. */
async function diagnosticsOver(transport: "node-ipc" | "socket" | "pipe"): Promise<PublishDiagnosticsParams> {
  const { proc, reader, writer } = await startOver(transport);
  const connection = createProtocolConnection(reader, writer);
  try {
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.listen();
    await within(
      10_000,
      "initialize",
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } } },
        initializationOptions: { settings: { validation: { delay: 0 } } },
      }),
    );
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: "okr", version: 1, text: TEXT } });
    const diagnostics = await within(10_000, "diagnostics", published);
    await within(3000, "shutdown", connection.sendRequest(ShutdownRequest.type));
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited(proc, 5000), 0);
    return diagnostics;
  } finally {
    connection.dispose();
    proc.kill();
  }
}

describe("language server transports", function () {
  this.timeout(30_000);
  let overStdio: PublishDiagnosticsParams;

  before(async () => {
    const { client } = await TestClient.start({ capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } } } });
    try {
      await client.open(URI, TEXT, 1);
      overStdio = await client.diagnosticsFor(URI, 1);
    } finally {
      await client.stop();
    }
    assert.ok(overStdio.diagnostics.length > 20);
  });

  for (const transport of ["node-ipc", "socket", "pipe"] as const) {
    it(`publishes over ${transport} what it publishes over stdio`, async () => {
      assert.deepEqual(await diagnosticsOver(transport), overStdio);
    });
  }

  it("over stdio, exits when the client goes away (its stdin ends)", async () => {
    const { client } = await TestClient.start();
    try {
      client.proc.stdin.end();
      assert.equal(await exited(client.proc, 5000), 1, "without a shutdown first, the exit code says so");
    } finally {
      await client.stop();
    }
  });

  it("over stdio, console output goes to the client's log and leaves the protocol intact", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okr-console-"));
    const preload = path.join(dir, "console.js");
    // Once the server has started: what a stray console call in a dependency would do.
    fs.writeFileSync(preload, `setTimeout(() => { console.log("a log", 1); console.info("an info"); console.warn("a warning"); console.error("an error"); console.table([{ a: 1 }]); });`);
    const { client } = await TestClient.start({ execArgv: ["--require", preload] });
    try {
      await client.open(URI, TEXT, 1);
      assert.ok((await client.diagnosticsFor(URI, 1)).diagnostics.length > 20);
      const logged = (message: string) => client.logs.find((l) => l.message.includes(message))?.type;
      assert.equal(logged("a log 1"), MessageType.Log);
      assert.equal(logged("an info"), MessageType.Log);
      assert.equal(logged("a warning"), MessageType.Warning);
      assert.equal(logged("an error"), MessageType.Error);
      assert.equal(logged("(index)"), MessageType.Log);
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a server that cannot start fails the client's start at once, with its error", async () => {
    const started = Date.now();
    await assert.rejects(TestClient.start({ execArgv: ["--require", path.join(os.tmpdir(), "okr-no-such-preload.js")] }), (err: Error) => {
      assert.match(err.message, /the server did not start: the server exited/);
      assert.match(err.message, /Cannot find module/);
      return true;
    });
    // It noticed the exit: it did not wait out initialize's 10 s.
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});
