import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, okr } from "./helpers";
import { commands, run } from "../../src/cli/main";
import { CliIO } from "../../src/cli/io";

describe("okr (top level)", () => {
  it("--version prints the package version", () => {
    const result = okr(["--version"]);
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim(), JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });

  it("--help lists the commands", () => {
    const result = okr(["--help"]);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^Usage: okr <command>/);
    assert.match(result.stdout, /\n {2}lint {2}/);
    assert.match(result.stdout, /\n {2}grade {1}/);
  });

  it("<command> --help prints the command's usage", () => {
    assert.match(okr(["lint", "--help"]).stdout, /^Usage: okr lint/);
    assert.match(okr(["grade", "-h"]).stdout, /^Usage: okr grade/);
    assert.match(okr(["help", "grade"]).stdout, /^Usage: okr grade/);
  });

  for (const args of [[], ["frobnicate"], ["--frobnicate"], ["lint", "--frobnicate", "x"], ["lint"]]) {
    it(`exits 2 with a one-line message: okr ${args.join(" ")}`, () => {
      const result = okr(args);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, "");
      if (args.length) assert.match(result.stderr, /^okr: [^\n]+\n$/);
    });
  }

  it("has a command table that new commands extend", async () => {
    assert.deepEqual(
      commands.map((c) => c.name),
      ["lint", "grade", "report"],
    );
    let out = "";
    const io: CliIO = { stdout: (t) => (out += t), stderr: () => {}, cwd: ROOT, env: {}, isTTY: false };
    commands.push({ name: "echo", summary: "test", usage: "Usage: okr echo", run: (args, o) => (o.stdout(args.join(" ")), 0) });
    try {
      assert.equal(await run(["echo", "a", "b"], io), 0);
      assert.equal(out, "a b");
    } finally {
      commands.pop();
    }
  });
});
