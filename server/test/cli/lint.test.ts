import * as assert from "node:assert/strict";
import { CLEAN_OKR, INVALID_VALUE_OKR, PARSE_ERROR_OKR, ROOT, okr, tempTree } from "./helpers";

interface JsonResult {
  file: string;
  diagnostics: { code: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

describe("okr lint", () => {
  let tree: ReturnType<typeof tempTree>;
  before(() => {
    tree = tempTree({
      "clean.okr.md": CLEAN_OKR,
      "invalid.okr.md": INVALID_VALUE_OKR,
      "parse.okr.md": PARSE_ERROR_OKR,
      "nested/deeper/also.okr.md": CLEAN_OKR,
      "nested/readme.md": "# not an okr file\n",
      "node_modules/pkg/skipped.okr.md": INVALID_VALUE_OKR,
      ".hidden/skipped.okr.md": INVALID_VALUE_OKR,
    });
  });
  after(() => tree.cleanup());

  describe("exit status", () => {
    it("is 0 for a file without errors", () => {
      const run = okr(["lint", "clean.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stderr, "");
    });

    it("is 1 when a file has an error", () => {
      assert.equal(okr(["lint", "invalid.okr.md"], { cwd: tree.dir }).status, 1);
      assert.equal(okr(["lint", "parse.okr.md"], { cwd: tree.dir }).status, 1);
    });

    it("is 2 with a one-line message for a missing file", () => {
      const run = okr(["lint", "missing.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 2);
      assert.equal(run.stdout, "");
      assert.match(run.stderr, /^okr: cannot read missing\.okr\.md: no such file or directory\n$/);
    });

    it("--max-warnings: 1 when warnings exceed it, 0 when they do not", () => {
      const t = tempTree({
        ".okrrc.json": JSON.stringify({ rules: { "invalid-value": "warn" } }),
        "a.okr.md": INVALID_VALUE_OKR,
      });
      try {
        const free = okr(["lint", "--format", "json", "a.okr.md"], { cwd: t.dir });
        assert.equal(free.status, 0, free.stderr);
        const warnings = (JSON.parse(free.stdout) as JsonResult[])[0].diagnostics.filter((d) => d.severity === "warning").length;
        assert.ok(warnings >= 1);
        assert.equal(okr(["lint", "--max-warnings", String(warnings), "a.okr.md"], { cwd: t.dir }).status, 0);
        const over = okr(["lint", "--max-warnings", String(warnings - 1), "a.okr.md"], { cwd: t.dir });
        assert.equal(over.status, 1);
        assert.match(over.stderr, /too many warnings/);
        assert.equal(okr(["lint", "--max-warnings", "lots", "a.okr.md"], { cwd: t.dir }).status, 2);
      } finally {
        t.cleanup();
      }
    });
  });

  describe("--format json", () => {
    it("prints exactly [{file, diagnostics: [{code, severity, message, range}]}]", () => {
      const run = okr(["lint", "--format", "json", "invalid.okr.md", "clean.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 1);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.deepEqual(
        results.map((r) => r.file),
        ["invalid.okr.md", "clean.okr.md"],
      );
      for (const result of results) {
        assert.deepEqual(Object.keys(result), ["file", "diagnostics"]);
        for (const d of result.diagnostics) {
          assert.deepEqual(Object.keys(d), ["code", "severity", "message", "range"]);
          assert.deepEqual(Object.keys(d.range), ["start", "end"]);
          assert.deepEqual(Object.keys(d.range.start), ["line", "character"]);
          assert.ok(["error", "warning", "info", "hint"].includes(d.severity));
        }
      }
      const invalid = results[0].diagnostics.filter((d) => d.code === "invalid-value");
      assert.equal(invalid.length, 1);
      assert.equal(invalid[0].severity, "error");
      assert.match(invalid[0].message, /'high'/);
      // 0-based like the engine: `  - confidence: high` is line 14, 'high' starts at column 17.
      assert.deepEqual(invalid[0].range, { start: { line: 13, character: 16 }, end: { line: 13, character: 20 } });
    });

    it("reports a parse error where the number is missing", () => {
      const run = okr(["lint", "-f", "json", "parse.okr.md"], { cwd: tree.dir });
      const diagnostics = (JSON.parse(run.stdout) as JsonResult[])[0].diagnostics.filter((d) => d.code === "parse-error");
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].range.start.line, 13);
    });

    it("rejects an unknown format with exit 2", () => {
      const run = okr(["lint", "--format", "xml", "clean.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--format must be one of stylish, json, sarif, github/);
    });
  });

  describe("--format sarif", () => {
    it("is SARIF 2.1.0 with rules, doc links and 1-based regions", () => {
      const run = okr(["lint", "--format", "sarif", "invalid.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 1);
      const log = JSON.parse(run.stdout);
      assert.equal(log.version, "2.1.0");
      assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
      assert.equal(log.runs.length, 1);
      const driver = log.runs[0].tool.driver;
      assert.equal(driver.name, "okr-md");
      const ids = driver.rules.map((r: { id: string }) => r.id);
      assert.ok(ids.includes("invalid-value") && ids.includes("parse-error"));
      for (const rule of driver.rules) {
        assert.equal(rule.helpUri, `https://github.com/okr-md/okr-md/blob/main/docs/rules/${rule.id}.md`);
        assert.equal(typeof rule.shortDescription.text, "string");
        assert.ok(["error", "warning", "note"].includes(rule.defaultConfiguration.level));
      }
      const invalidRule = driver.rules.find((r: { id: string }) => r.id === "invalid-value");
      assert.equal(invalidRule.defaultConfiguration.level, "error");
      const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "invalid-value");
      assert.equal(result.level, "error");
      assert.equal(driver.rules[result.ruleIndex].id, "invalid-value");
      assert.match(result.message.text, /'high'/);
      const location = result.locations[0].physicalLocation;
      assert.deepEqual(location.artifactLocation, { uri: "invalid.okr.md", uriBaseId: "%SRCROOT%" });
      assert.deepEqual(location.region, { startLine: 14, startColumn: 17, endLine: 14, endColumn: 21 });
      for (const r of log.runs[0].results) assert.ok(["error", "warning", "note"].includes(r.level));
    });
  });

  describe("--format github", () => {
    it("prints one workflow command per diagnostic with 1-based positions", () => {
      const run = okr(["lint", "--format", "github", "invalid.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 1);
      const lines = run.stdout.trimEnd().split("\n");
      for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/);
      const invalid = lines.filter((l) => l.includes("title=invalid-value"));
      assert.equal(invalid.length, 1);
      assert.ok(invalid[0].startsWith("::error file=invalid.okr.md,line=14,col=17,endLine=14,endColumn=21,title=invalid-value::'high' is not a number"));
    });
  });

  describe("--format stylish (default)", () => {
    it("prints the file, aligned rows and the summary line", () => {
      const run = okr(["lint", "invalid.okr.md", "parse.okr.md"], { cwd: tree.dir });
      assert.equal(run.status, 1);
      assert.doesNotMatch(run.stdout, /\u001b\[/, "no colours when stdout is not a terminal");
      const lines = run.stdout.split("\n");
      assert.ok(lines.includes("invalid.okr.md"));
      assert.ok(lines.includes("parse.okr.md"));
      const row = lines.find((l) => l.includes("invalid-value"))!;
      assert.match(row, /^ {2}14:17 +error +'high' is not a number.* {2}invalid-value$/);
      const summary = lines.find((l) => l.startsWith("✖"))!;
      const m = /^✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?, (\d+) infos?, (\d+) hints?\)$/.exec(summary);
      assert.ok(m, summary);
      assert.equal(+m[1], +m[2] + +m[3] + +m[4] + +m[5]);
      assert.ok(+m[2] >= 2);
      // The code column is aligned: every row's code starts at the same column.
      const rows = lines.filter((l) => /^ {2}\d+:\d+ /.test(l));
      const starts = new Set(rows.map((l) => l.length - l.split(/\s+/).pop()!.length));
      assert.equal(starts.size, 1, rows.join("\n"));
    });

    it("prints nothing for clean files", () => {
      const run = okr(["lint", "clean.okr.md"], { cwd: tree.dir });
      assert.equal(run.stdout, "");
    });

    it("colours with FORCE_COLOR and not with NO_COLOR", () => {
      assert.match(okr(["lint", "invalid.okr.md"], { cwd: tree.dir, env: { FORCE_COLOR: "1" } }).stdout, /\u001b\[31m/);
      assert.doesNotMatch(okr(["lint", "invalid.okr.md"], { cwd: tree.dir, env: { NO_COLOR: "1" } }).stdout, /\u001b\[/);
    });
  });

  describe("paths", () => {
    it("finds every *.okr.md below a directory, skipping node_modules and dot-directories", () => {
      const run = okr(["lint", "-f", "json", "."], { cwd: tree.dir });
      const files = (JSON.parse(run.stdout) as JsonResult[]).map((r) => r.file.replace(/\\/g, "/"));
      assert.deepEqual(files, ["clean.okr.md", "invalid.okr.md", "nested/deeper/also.okr.md", "parse.okr.md"]);
    });

    it("keeps a given directory as the prefix and drops duplicates", () => {
      const run = okr(["lint", "-f", "json", "nested", "nested/deeper/also.okr.md"], { cwd: tree.dir });
      const files = (JSON.parse(run.stdout) as JsonResult[]).map((r) => r.file.replace(/\\/g, "/"));
      assert.deepEqual(files, ["nested/deeper/also.okr.md"]);
      assert.equal(run.status, 0);
    });

    it("is 2 when a directory holds no .okr.md file", () => {
      const t = tempTree({ "notes.md": "# x\n" });
      try {
        const run = okr(["lint", "."], { cwd: t.dir });
        assert.equal(run.status, 2);
        assert.match(run.stderr, /no \.okr\.md files/);
      } finally {
        t.cleanup();
      }
    });

    it("analyses the files of a directory together (samples/company)", () => {
      const run = okr(["lint", "-f", "json", "samples/company"], { cwd: ROOT });
      assert.equal(run.status, 0, run.stdout + run.stderr);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.deepEqual(
        results.map((r) => r.file.replace(/\\/g, "/")),
        ["samples/company/company.okr.md", "samples/company/team-payments.okr.md", "samples/company/team-platform.okr.md"],
      );
      for (const r of results) assert.deepEqual(r.diagnostics.filter((d) => d.severity === "error"), []);
    });

    it("finds no error in the commuter-rail and SaaS samples", () => {
      const run = okr(["lint", "-f", "json", "samples/commuter-rail.okr.md", "samples/saas-okrs.okr.md"], { cwd: ROOT });
      assert.equal(run.status, 0, run.stdout);
    });
  });

  describe("configuration", () => {
    it("uses the nearest .okrrc.json walking up from the file", () => {
      const t = tempTree({
        ".okrrc.json": JSON.stringify({ rules: { "invalid-value": "off" } }),
        "team/a.okr.md": INVALID_VALUE_OKR,
        "other/.okrrc.json": JSON.stringify({ rules: { "invalid-value": "info" } }),
        "other/deep/b.okr.md": INVALID_VALUE_OKR,
      });
      try {
        const run = okr(["lint", "-f", "json", "."], { cwd: t.dir });
        assert.equal(run.status, 0, run.stdout + run.stderr);
        const results = JSON.parse(run.stdout) as JsonResult[];
        const byFile = new Map(results.map((r) => [r.file.replace(/\\/g, "/"), r.diagnostics.filter((d) => d.code === "invalid-value")]));
        assert.deepEqual(byFile.get("team/a.okr.md"), []);
        assert.equal(byFile.get("other/deep/b.okr.md")![0].severity, "info");
      } finally {
        t.cleanup();
      }
    });

    it("front matter rules win over .okrrc.json", () => {
      const t = tempTree({
        ".okrrc.json": JSON.stringify({ rules: { "invalid-value": "off" } }),
        "a.okr.md": INVALID_VALUE_OKR.replace("today: 2027-02-15\n", "today: 2027-02-15\nrules: { invalid-value: warning }\n"),
      });
      try {
        const run = okr(["lint", "-f", "json", "a.okr.md"], { cwd: t.dir });
        const invalid = (JSON.parse(run.stdout) as JsonResult[])[0].diagnostics.filter((d) => d.code === "invalid-value");
        assert.equal(invalid.length, 1);
        assert.equal(invalid[0].severity, "warning");
      } finally {
        t.cleanup();
      }
    });

    it("a .okrrc.json that is not JSON is exit 2 naming the file", () => {
      const t = tempTree({ ".okrrc.json": "{ rules: ", "a.okr.md": CLEAN_OKR });
      try {
        const run = okr(["lint", "a.okr.md"], { cwd: t.dir });
        assert.equal(run.status, 2);
        assert.equal(run.stdout, "");
        const lines = run.stderr.trimEnd().split("\n");
        assert.equal(lines.length, 1);
        assert.match(lines[0], /^okr: invalid JSON in .*\.okrrc\.json: /);
      } finally {
        t.cleanup();
      }
    });

    it("warns on stderr about unknown keys but still lints", () => {
      const t = tempTree({ ".okrrc.json": JSON.stringify({ rulez: {}, rules: { "no-such-rule": "off", "invalid-value": "loud" } }), "a.okr.md": CLEAN_OKR });
      try {
        const run = okr(["lint", "a.okr.md"], { cwd: t.dir });
        assert.equal(run.status, 0);
        assert.match(run.stderr, /okr: warning: .*unknown key "rulez"/);
        assert.match(run.stderr, /unknown rule "no-such-rule"/);
        assert.match(run.stderr, /"loud" is not a severity/);
      } finally {
        t.cleanup();
      }
    });
  });
});
