import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { allRules, defaultConfig, Diagnostic, Workspace } from "../../src/engine";
import { lint, TODAY } from "./helpers";

/** The repository root: compiled tests run from out/server/test/engine, sources from server/test/engine. */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "samples", "every-rule.okr.md"))) {
    const up = resolve(dir, "..");
    if (up === dir) throw new Error("samples/ not found above " + __dirname);
    dir = up;
  }
  return dir;
}

const SAMPLES = join(repoRoot(), "samples");

function readFromDisk(uri: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(uri), "utf8");
  } catch {
    return undefined;
  }
}

function workspaceOf(paths: string[]): { ws: Workspace; uris: string[] } {
  const ws = new Workspace({ configFor: () => defaultConfig(), readFile: readFromDisk, today: TODAY });
  const uris = paths.map((p) => pathToFileURL(p).href);
  paths.forEach((p, i) => ws.set(uris[i], readFileSync(p, "utf8")));
  return { ws, uris };
}

function errors(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity === "error").map((d) => `${d.range.startLine + 1}: ${d.code}: ${d.message}`);
}

describe("samples/every-rule.okr.md", () => {
  const text = readFileSync(join(SAMPLES, "every-rule.okr.md"), "utf8");
  const lines = text.split("\n");
  const { ws, uris } = workspaceOf([join(SAMPLES, "every-rule.okr.md")]);
  const diagnostics = ws.diagnostics(uris[0]);

  /** `<!-- fires: a, b -->` annotations with the 0-based line they point at. */
  const annotations: { line: number; annotationLine: number; codes: string[] }[] = [];
  lines.forEach((line, i) => {
    const m = /<!--\s*fires:\s*(.*?)\s*-->/.exec(line);
    if (!m) return;
    let target = i + 1;
    while (target < lines.length && (lines[target].trim() === "" || /^\s*<!--.*-->\s*$/.test(lines[target]))) target++;
    annotations.push({ line: target, annotationLine: i, codes: m[1].split(/\s*,\s*/).filter(Boolean) });
  });

  it("has annotations", () => {
    assert.ok(annotations.length >= 25, `only ${annotations.length} annotations`);
  });

  for (const { line, annotationLine, codes } of annotations) {
    for (const code of codes) {
      it(`line ${annotationLine + 1}: ${code} fires on line ${line + 1}`, () => {
        const onLine = diagnostics.filter((d) => d.range.startLine === line);
        assert.ok(
          onLine.some((d) => d.code === code),
          `${code} not on line ${line + 1} (${JSON.stringify(lines[line])}); found there: ${onLine.map((d) => d.code).join(", ") || "nothing"}`,
        );
      });
    }
  }

  it("the annotations name every rule, and every rule fires somewhere in the file", () => {
    const annotated = new Set(annotations.flatMap((a) => a.codes));
    const fired = new Set(diagnostics.map((d) => d.code));
    for (const rule of allRules) {
      assert.ok(annotated.has(rule.code), `no annotation for ${rule.code}`);
      assert.ok(fired.has(rule.code), `${rule.code} does not fire`);
    }
    assert.equal(allRules.length, 25);
    for (const code of annotated) assert.ok(allRules.some((r) => r.code === code), `annotation names unknown code ${code}`);
  });

  it("the single-document lint helper gives the same diagnostics (the sample links to no existing file)", () => {
    assert.deepEqual(
      lint(text, defaultConfig(), uris[0]).map((d) => [d.code, d.range.startLine]),
      diagnostics.map((d) => [d.code, d.range.startLine]),
    );
  });
});

describe("the other samples have no errors", () => {
  for (const name of ["commuter-rail.okr.md", "commuter-rail-grid.okr.md", "saas-okrs.okr.md"]) {
    it(name, () => {
      const { ws, uris } = workspaceOf([join(SAMPLES, name)]);
      assert.deepEqual(errors(ws.diagnostics(uris[0])), []);
    });
  }

  it("samples/company/* together (links resolved across the files)", () => {
    const dir = join(SAMPLES, "company");
    const paths = readdirSync(dir)
      .filter((f) => f.endsWith(".okr.md"))
      .map((f) => join(dir, f));
    assert.ok(paths.length >= 3);
    const { ws, uris } = workspaceOf(paths);
    for (const uri of uris) assert.deepEqual(errors(ws.diagnostics(uri)), [], uri);
    // The team files really are linked to the company file (a broken link would be an error above; check one resolves).
    const company = uris.find((u) => u.endsWith("/company.okr.md"))!;
    const o2 = ws.analysis(company)!.scorecard.objectives.find((o) => o.id === "O2")!;
    assert.ok(ws.childrenOf(o2).length > 0, "some team objective aligns with Company O2");
  });

  it("a company team file alone still resolves its links from disk", () => {
    const dir = join(SAMPLES, "company");
    const { ws, uris } = workspaceOf([join(dir, "team-payments.okr.md")]);
    assert.deepEqual(errors(ws.diagnostics(uris[0])), []);
  });
});
