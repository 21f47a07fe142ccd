import { Console } from "node:console";
import { createConnection as connectSocket } from "node:net";
import { Writable } from "node:stream";
import { format } from "node:util";
import {
  createConnection,
  MessageWriterOptions,
  ProposedFeatures,
  RemoteConsole,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageWriter,
} from "vscode-languageserver/node";
import { messageEncoder } from "./encoder";

const writerOptions: MessageWriterOptions = { charset: "utf-8", contentTypeEncoder: messageEncoder };

/** A stream transport named on the command line, read as vscode-languageserver reads it (the first transport argument wins). */
type StreamTransport = { kind: "stdio" } | { kind: "socket"; port: number } | { kind: "pipe"; name: string };

function streamTransport(argv: string[]): StreamTransport | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--stdio") return { kind: "stdio" };
    if (arg === "--node-ipc") return undefined;
    const [flag, inline] = arg.split("=");
    const value = inline ?? argv[i + 1];
    if (flag === "--socket") {
      const port = parseInt(value);
      return port > 0 ? { kind: "socket", port } : undefined;
    }
    if (flag === "--pipe") return value ? { kind: "pipe", name: value } : undefined;
  }
  return undefined;
}

/**
 * The server's connection over the transport on the command line. Stream transports write with our
 * encoder, so we make their reader and writer here; node IPC serialises messages itself (process.send),
 * and it, like a missing or malformed transport, is left to vscode-languageserver.
 */
export function createServerConnection(argv = process.argv.slice(2)) {
  const transport = streamTransport(argv);
  if (!transport) return createConnection(ProposedFeatures.all);
  if (transport.kind === "stdio") {
    // Given stdin itself, the library still exits when it ends. Its overloads pair streams with streams
    // and readers with writers, but it wraps a stream and takes a writer as it is (vscode-jsonrpc's node
    // createMessageConnection).
    const writer = new StreamMessageWriter(process.stdout, writerOptions) as unknown as NodeJS.WritableStream;
    const connection = createConnection(ProposedFeatures.all, process.stdin, writer);
    redirectConsole(connection.console);
    return connection;
  }
  const socket = transport.kind === "socket" ? connectSocket(transport.port, "127.0.0.1") : connectSocket(transport.name);
  return createConnection(ProposedFeatures.all, new SocketMessageReader(socket), new SocketMessageWriter(socket, writerOptions));
}

/**
 * Stdout is the protocol: console output goes to the client's log instead, as vscode-languageserver
 * does when it picks stdio itself (it only does when it makes the writer too).
 */
function redirectConsole(remote: RemoteConsole): void {
  const lines = (send: (line: string) => void) =>
    new Writable({
      decodeStrings: false,
      write(chunk: string, _encoding, done) {
        send(chunk.replace(/\n$/, ""));
        done();
      },
    });
  const redirected = new Console({ stdout: lines((m) => remote.log(m)), stderr: lines((m) => remote.error(m)) });
  const target = console as unknown as Record<string, unknown>;
  for (const [method, fn] of Object.entries(redirected)) target[method] = fn;
  console.warn = (...args: unknown[]) => remote.warn(format(...args));
}
