import * as assert from "node:assert/strict";
import { LineIndex, startOf, toRangeLike } from "../../src/engine";
import { lint, TODAY } from "./helpers";
import { readFileSync } from "node:fs";
import { analyzeText, defaultConfig } from "../../src/engine";

const sample = readFileSync("samples/every-rule.okr.md", "utf8");

describe("positions: 0-based lines, UTF-16 characters, any line ending", () => {
  const strip = (ds: ReturnType<typeof lint>) => ds.map((d) => ({ code: d.code, range: d.range, message: d.message }));

  it("gives CRLF and CR files the same diagnostics as LF", () => {
    const lf = strip(lint(sample));
    assert.ok(lf.length > 20);
    assert.deepEqual(strip(lint(sample.replace(/\n/g, "\r\n"))), lf);
    assert.deepEqual(strip(lint(sample.replace(/\n/g, "\r"))), lf);
  });

  it("reads a file with a BOM like one without, shifting only line 0", () => {
    const withBom = strip(lint("\uFEFF" + sample));
    const plain = strip(lint(sample));
    assert.deepEqual(
      withBom.map((d) => d.code),
      plain.map((d) => d.code),
    );
    assert.deepEqual(withBom.filter((d) => d.range.startLine > 0), plain.filter((d) => d.range.startLine > 0));
  });

  it("indents with tabs like with four spaces", () => {
    const tabs = "## O1: a\n- KR1: x from 1 to 2\n\t- current: 1.5\n\t- confidence: 7\n";
    const model = analyzeText(tabs, { uri: "file:///t.okr.md", config: defaultConfig(), today: TODAY }).scorecard;
    const kr = model.objectives[0].keyResults[0];
    assert.equal(kr.current?.amount, 1.5);
    assert.equal(kr.confidence, 0.7);
    assert.deepEqual(toRangeLike(kr.current!.range), { start: { line: 2, character: 12 }, end: { line: 2, character: 15 } });
  });

  it("counts emoji as two UTF-16 code units", () => {
    const text = "## O1: 🚀 launch\n- KR1: 🎯 revenue from $1M to[[]]\n".replace("[[]]", "");
    const d = lint(text).find((x) => x.code === "parse-error")!;
    assert.deepEqual(startOf(d.range), { line: 1, character: "- KR1: 🎯 revenue from $1M to".length });
    assert.equal("🎯".length, 2);
  });

  it("converts offsets and positions both ways", () => {
    const index = new LineIndex("ab\r\ncd\ne");
    assert.deepEqual(index.positionAt(5), { line: 1, character: 1 });
    assert.equal(index.offsetAt({ line: 2, character: 0 }), 7);
    assert.equal(index.offsetAt({ line: 9, character: 9 }), 8);
    assert.deepEqual(index.positionAt(99), { line: 2, character: 1 });
  });
});
