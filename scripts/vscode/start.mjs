#!/usr/bin/env node
// `npm start`: runs the real VS Code (code-server 4.100.3 = Code 1.100.3) with this extension
// installed (the repo is symlinked into its extensions dir, so after `npm run build` a window reload
// picks up the new dist/) and samples/ open. Prints the URL; Ctrl+C stops it.
//   npm start [-- --port 8080] [-- --folder DIR]
import { join, resolve } from "node:path";
import { ensure } from "./ensure.mjs";
import { ROOT, launchCodeServer } from "./launch.mjs";
import { option } from "../checks.mjs";

ensure();
const server = await launchCodeServer({
  name: "start",
  install: true,
  folder: resolve(option("--folder", join(ROOT, "samples"))),
  port: option("--port") ? Number(option("--port")) : undefined,
});
console.log(`\nOKR Markdown in VS Code ${"1.100.3"} (code-server), ready in ${(server.startupMs / 1000).toFixed(1)}s:\n\n  ${server.url}\n`);
console.log(`Open it in a browser (forward the port if this is a remote machine). Logs: ${server.logFile}`);
console.log("After `npm run build`, run \"Developer: Reload Window\" in VS Code. Ctrl+C stops the server.\n");
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log("\nstopping code-server…");
  await server.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
const { code, signal } = await server.exited;
if (!stopping) {
  console.error(`code-server exited (${code ?? signal}); see ${server.logFile}`);
  process.exit(1);
}
