// Writes schemas/okrrc.schema.json from the engine's rule registry and limits (run after `npm run build`).
// `--check` exits 1 instead when the file is out of date. server/test/cli/schema.test.ts checks it too.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const { buildConfigSchema } = require(`${root}out/server/src/cli/schema.js`);
const file = `${root}schemas/okrrc.schema.json`;
const text = JSON.stringify(buildConfigSchema(), null, 2) + "\n";

if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current !== text) {
    console.error("schemas/okrrc.schema.json is out of date: run `npm run build && node scripts/gen-schema.mjs`");
    process.exit(1);
  }
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
