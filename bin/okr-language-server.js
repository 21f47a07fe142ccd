#!/usr/bin/env node
// The okr language server over stdio (`okr-language-server --stdio`), node IPC or a socket.
// Defaults to stdio when no transport is given, so editors that only pass the command work too.
if (!process.argv.some((a) => a === "--stdio" || a.startsWith("--node-ipc") || a.startsWith("--socket") || a.startsWith("--pipe"))) {
  process.argv.push("--stdio");
}
require("../dist/server.js");
