import * as assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigProblem, NodeHost, loadConfigFile } from "../../src/host/nodeHost";
import { tempTree } from "./helpers";

describe("NodeHost", () => {
  let tree: ReturnType<typeof tempTree>;
  const uri = (path: string) => pathToFileURL(join(tree.dir, path)).href;
  before(() => {
    tree = tempTree({
      ".okrrc.json": JSON.stringify({ rules: { "missing-owner": "off", "invalid-value": "warn" }, limits: { maxObjectives: 3 } }),
      "a/b/c.okr.md": "\uFEFF# With a BOM\n",
      "d/.okrrc.json": JSON.stringify({ rules: { "missing-owner": "error" } }),
      "d/e.okr.md": "# E\n",
      "bad/.okrrc.json": "{ \"rules\": { ",
      "bad/x.okr.md": "# X\n",
      "array/.okrrc.json": "[]",
      "array/y.okr.md": "# Y\n",
    });
  });
  after(() => tree.cleanup());

  it("reads files and strips a UTF-8 BOM; undefined for a missing file or another scheme", () => {
    const host = new NodeHost();
    assert.equal(host.readFile(uri("a/b/c.okr.md")), "# With a BOM\n");
    assert.equal(host.readFile(uri("a/nope.okr.md")), undefined);
    assert.equal(host.readFile("untitled:Untitled-1"), undefined);
  });

  it("uses the nearest .okrrc.json walking up, merged over the defaults", () => {
    const host = new NodeHost();
    const config = host.configFor(uri("a/b/c.okr.md"));
    assert.equal(config.rules["missing-owner"], "off");
    assert.equal(config.rules["invalid-value"], "warning");
    assert.equal(config.limits.maxObjectives, 3);
    assert.equal(config.limits.maxKeyResults, 5);
    // The nearest file wins outright (no cascading of .okrrc.json files).
    const d = host.configFor(uri("d/e.okr.md"));
    assert.equal(d.rules["missing-owner"], "error");
    assert.equal(d.rules["invalid-value"], undefined);
    assert.equal(host.configFileFor(join(tree.dir, "a", "b")), join(tree.dir, ".okrrc.json"));
  });

  it("caches per directory until invalidate()", () => {
    const host = new NodeHost();
    const first = host.configFor(uri("a/b/c.okr.md"));
    assert.equal(host.configFor(uri("a/b/other.okr.md")), first);
    host.invalidate();
    assert.notEqual(host.configFor(uri("a/b/c.okr.md")), first);
  });

  it("lays .okrrc.json over a base layer (the editor settings)", () => {
    let settings = { rules: { "missing-owner": "info", "too-many-objectives": "error" } };
    const host = new NodeHost({ base: () => settings });
    const config = host.configFor(uri("a/b/c.okr.md"));
    assert.equal(config.rules["missing-owner"], "off"); // .okrrc.json wins
    assert.equal(config.rules["too-many-objectives"], "error"); // from settings
    settings = { rules: { "missing-owner": "info", "too-many-objectives": "hint" } };
    host.invalidate();
    assert.equal(host.configFor(uri("a/b/c.okr.md")).rules["too-many-objectives"], "hint");
    assert.equal(host.configFor("untitled:Untitled-1").rules["too-many-objectives"], "hint");
  });

  it("stops at a root", () => {
    const host = new NodeHost({ roots: [join(tree.dir, "a")] });
    assert.equal(host.configFileFor(join(tree.dir, "a", "b")), undefined);
    assert.equal(host.configFor(uri("a/b/c.okr.md")).rules["missing-owner"], undefined);
  });

  it("reports malformed JSON once, as an error naming the file, and falls back to the defaults", () => {
    const seen: ConfigProblem[] = [];
    const host = new NodeHost({ onProblem: (p) => seen.push(p) });
    const config = host.configFor(uri("bad/x.okr.md"));
    host.configFor(uri("bad/other.okr.md"));
    assert.deepEqual(config.rules, {});
    assert.equal(seen.length, 1);
    assert.equal(seen[0].severity, "error");
    assert.equal(seen[0].file, join(tree.dir, "bad", ".okrrc.json"));
    assert.match(seen[0].message, /^invalid JSON in .*\.okrrc\.json: /);
    assert.doesNotMatch(seen[0].message, /\n/);
    assert.deepEqual(host.errors(), seen);
  });

  it("an .okrrc.json that is not an object is an error", () => {
    const loaded = loadConfigFile(join(tree.dir, "array", ".okrrc.json"));
    assert.equal(loaded.problems[0].severity, "error");
    assert.deepEqual(loaded.layer, {});
  });

  it("wrong values are warnings, and skipped", () => {
    const t = tempTree({ ".okrrc.json": JSON.stringify({ rules: { "missing-owner": 3 }, limits: { maxKeyResults: "four", nope: 1 }, perspectives: { Financial: "Money" } }) });
    try {
      const loaded = loadConfigFile(join(t.dir, ".okrrc.json"));
      assert.ok(loaded.problems.every((p) => p.severity === "warning"));
      assert.equal(loaded.problems.length, 4, loaded.problems.map((p) => p.message).join("\n"));
    } finally {
      t.cleanup();
    }
  });
});
