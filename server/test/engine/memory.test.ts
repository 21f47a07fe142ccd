import * as assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { defaultConfig, Workspace } from "../../src/engine";
import { replacement } from "../../src/engine/text/changes";
import { mulberry32 } from "../support/random";
import { TODAY } from "./helpers";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

function heapMb(): number {
  for (let i = 0; i < 3; i++) collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe("memory", () => {
  it("keeps no old version of the text alive through the sections an edit re-read", () => {
    // 6,000 sections, about 0.5 MB; the arrow makes it a two-byte string (1 MB), like most real scorecards.
    const sections = Array.from({ length: 6000 }, (_, i) => `## O${i + 1}: Grow market ${i}\n- KR1: Revenue from 10 to 20 → current 15 @team${i}\n`);
    let text = sections.join("\n");
    const uri = "file:///memory.okr.md";
    const workspace = new Workspace({ configFor: () => defaultConfig(), readFile: () => undefined, today: TODAY });
    workspace.set(uri, text);
    workspace.diagnostics(uri);
    const before = heapMb();
    const random = mulberry32(5);
    for (let edit = 0; edit < 100; edit++) {
      // Typed into a key result of a random section: each edit re-reads another section.
      const at = text.indexOf("Revenue", Math.floor(random() * text.length * 0.99));
      text = text.slice(0, at) + "x" + text.slice(at);
      workspace.set(uri, text, replacement(at, 0, 1));
      workspace.diagnostics(uri);
    }
    const grown = heapMb() - before;
    // Each kept version would be 1 MB: 100 edits kept about 100 MB before sections were read from their own text.
    assert.ok(grown < 15, `the heap grew by ${grown.toFixed(1)} MB over 100 edits`);
  });
});
