import * as assert from "node:assert/strict";
import { Diagnostic, range, toRangeLike } from "../../src/engine";
import { colors, plain } from "../../src/cli/color";
import { formatters, LintResult, FormatContext } from "../../src/cli/formatters";
import { escapeData, escapeProperty } from "../../src/cli/formatters/github";

const diagnostics: Diagnostic[] = [
  { code: "invalid-value", severity: "error", message: "'high' is not a number.", range: range(13, 16, 13, 20) },
  { code: "missing-owner", severity: "hint", message: "O1 has no owner.", range: range(6, 0, 6, 14), fixes: [{ title: "x", edits: [] }] },
  { code: "too-many-key-results", severity: "warning", message: "Five is plenty: 50%, really", range: range(2, 4, 3, 0) },
  { code: "behind-pace", severity: "info", message: "O1 KR1 is at risk.", range: range(9, 2, 9, 5), related: [{ uri: "file:///repo/other.okr.md", range: range(0, 0, 0, 3), message: "here" }] },
];

const results: LintResult[] = [
  { file: "team/a.okr.md", uri: "file:///repo/team/a.okr.md", diagnostics },
  { file: "b.okr.md", uri: "file:///repo/b.okr.md", diagnostics: [] },
];

const context: FormatContext = { cwd: "/repo", color: plain, version: "9.9.9", displayPath: (uri) => uri.replace("file:///repo/", "") };

describe("formatters (synthetic diagnostics)", () => {
  describe("json", () => {
    it("keeps file order, clean files, and only code/severity/message/range", () => {
      const parsed = JSON.parse(formatters.json(results, context));
      assert.deepEqual(parsed, [
        {
          file: "team/a.okr.md",
          diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message, range: toRangeLike(d.range) })),
        },
        { file: "b.okr.md", diagnostics: [] },
      ]);
    });
  });

  describe("stylish", () => {
    const out = formatters.stylish(results, context);
    const lines = out.split("\n");

    it("lists each file with problems once, underlined when coloured", () => {
      assert.ok(lines.includes("team/a.okr.md"));
      assert.ok(!lines.includes("b.okr.md"));
      assert.match(formatters.stylish(results, { ...context, color: colors }), /\u001b\[4mteam\/a\.okr\.md\u001b\[24m/);
    });

    it("aligns line:col, severity, message and code", () => {
      const rows = lines.filter((l) => l.startsWith("  "));
      assert.deepEqual(rows, [
        "  14:17  error    'high' is not a number.      invalid-value",
        "  7:1    hint     O1 has no owner.             missing-owner",
        "  3:5    warning  Five is plenty: 50%, really  too-many-key-results",
        "  10:3   info     O1 KR1 is at risk.           behind-pace",
      ]);
    });

    it("ends with the summary line", () => {
      assert.equal(lines.filter(Boolean).pop(), "✖ 4 problems (1 error, 1 warning, 1 info, 1 hint)");
      const two = formatters.stylish([{ ...results[0], diagnostics: [diagnostics[0], diagnostics[0]] }], context);
      assert.match(two, /✖ 2 problems \(2 errors, 0 warnings, 0 infos, 0 hints\)\n$/);
    });

    it("prints nothing without problems", () => {
      assert.equal(formatters.stylish([results[1]], context), "");
    });
  });

  describe("github", () => {
    it("maps severities to error/warning/notice with 1-based positions and escapes", () => {
      const lines = formatters.github(results, context).trimEnd().split("\n");
      assert.deepEqual(lines, [
        "::error file=team/a.okr.md,line=14,col=17,endLine=14,endColumn=21,title=invalid-value::'high' is not a number.",
        "::notice file=team/a.okr.md,line=7,col=1,endLine=7,endColumn=15,title=missing-owner::O1 has no owner.",
        "::warning file=team/a.okr.md,line=3,col=5,endLine=4,endColumn=1,title=too-many-key-results::Five is plenty: 50%25, really",
        "::notice file=team/a.okr.md,line=10,col=3,endLine=10,endColumn=6,title=behind-pace::O1 KR1 is at risk.",
      ]);
      assert.equal(escapeData("a%b\r\nc"), "a%25b%0D%0Ac");
      assert.equal(escapeProperty("a:b,c"), "a%3Ab%2Cc");
      assert.equal(formatters.github([results[1]], context), "");
    });
  });

  describe("sarif", () => {
    const log = JSON.parse(formatters.sarif(results, context));
    const run = log.runs[0];

    it("is a SARIF 2.1.0 log with the tool and its rules", () => {
      assert.equal(log.version, "2.1.0");
      assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
      assert.equal(run.tool.driver.version, "9.9.9");
      assert.equal(run.originalUriBaseIds["%SRCROOT%"].uri, "file:///repo/");
    });

    it("maps levels (info and hint → note) and regions to 1-based", () => {
      assert.deepEqual(
        run.results.map((r: { level: string }) => r.level),
        ["error", "note", "warning", "note"],
      );
      assert.deepEqual(run.results[2].locations[0].physicalLocation, {
        artifactLocation: { uri: "team/a.okr.md", uriBaseId: "%SRCROOT%" },
        region: { startLine: 3, startColumn: 5, endLine: 4, endColumn: 1 },
      });
      assert.equal(run.results[0].message.text, "'high' is not a number.");
    });

    it("carries related information as relatedLocations", () => {
      const related = run.results[3].relatedLocations;
      assert.equal(related.length, 1);
      assert.equal(related[0].physicalLocation.artifactLocation.uri, "other.okr.md");
      assert.equal(related[0].message.text, "here");
    });

    it("encodes paths as URIs", () => {
      const spaced = JSON.parse(formatters.sarif([{ ...results[0], file: "my team/a b.okr.md" }], context));
      assert.equal(spaced.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "my%20team/a%20b.okr.md");
    });
  });
});
