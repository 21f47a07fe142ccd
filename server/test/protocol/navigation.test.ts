import * as assert from "node:assert/strict";
import {
  CompletionItem,
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  LocationLink,
  MarkupContent,
  PrepareRenameRequest,
  PublishDiagnosticsParams,
  ReferencesRequest,
  RenameRequest,
  TextEdit,
} from "vscode-languageserver-protocol/node";
import { applyEdits, markers, TestClient, tempFolder, within } from "./client";

const COMPANY = [
  "# Company 2027",
  "",
  "## <|>O1: Grow",
  "owner: @ceo",
  "",
  "- KR1: Revenue from 10 to 20",
  "  - current: 15",
  "",
  "## O2: Other",
  "owner: @cfo",
  "",
  "- KR1: Cost from 10 to 5",
  "  - current: 10",
  "",
].join("\n");

const TEAM = [
  "# Team",
  "",
  "## O1: Help grow",
  "aligns: ../company.okr.md#<|>o1",
  "",
  "- KR1: Sales from 0 to 10",
  "  - current: 10",
  "",
  "## O2: Also",
  "aligns: [Company O1](../company.okr.md#o1-grow)",
  "supports: O1",
  "",
  "- KR1: Leads from 0 to 10",
  "  - current: 5",
  "",
].join("\n");

describe("definition, references and rename across files", function () {
  this.timeout(30_000);
  const company = markers(COMPANY);
  const team = markers(TEAM);
  const ws = tempFolder({ "company.okr.md": company.text, "team/team.okr.md": team.text });
  const companyUri = ws.uri("company.okr.md");
  const teamUri = ws.uri("team/team.okr.md");
  let client: TestClient;

  before(async () => {
    client = (await TestClient.start({ folder: ws.dir })).client;
    await client.open(teamUri, team.text);
    await client.diagnosticsFor(teamUri, 1);
  });

  after(async () => {
    await client.stop();
    ws.cleanup();
    assert.deepEqual(client.errors(), []);
  });

  it("goes from an aligns link to the objective in the other file", async () => {
    const result = (await within(5000, "definition", client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: teamUri }, position: team.positions[0] }))) as LocationLink[];
    assert.equal(result.length, 1);
    assert.equal(result[0].targetUri, companyUri);
    assert.deepEqual(result[0].targetSelectionRange, { start: { line: 2, character: 3 }, end: { line: 2, character: 5 } });
    assert.deepEqual(result[0].originSelectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 28 } });
  });

  it("finds every link to an objective, by label and by heading slug, from a file that is not open", async () => {
    const refs = await within(
      5000,
      "references",
      client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: companyUri }, position: company.positions[0], context: { includeDeclaration: true } }),
    );
    const shown = (refs ?? []).map((r) => `${r.uri === companyUri ? "company" : r.uri === teamUri ? "team" : r.uri}:${r.range.start.line}:${r.range.start.character}-${r.range.end.character}`).sort();
    assert.deepEqual(shown, ["company:2:3-5", "team:3:26-28", "team:9:39-46"]);
    // From the link side too, without the declaration.
    const fromLink = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: teamUri }, position: team.positions[0], context: { includeDeclaration: false } });
    assert.equal(fromLink?.length, 2);
  });

  it("shows aligned children (indexed from disk) in the parent's hover", async () => {
    await client.open(companyUri, company.text);
    await client.diagnosticsFor(companyUri, 1);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: companyUri }, position: company.positions[0] });
    const text = (hover!.contents as MarkupContent).value;
    assert.match(text, /\*\*Aligned children\*\*/);
    assert.match(text, /🟩 1\.0 — O1 Help grow \*\(team\/team\.okr\.md\)\*/);
    assert.match(text, /🟨 0\.5 — O2 Also/);
  });

  it("renames an objective label: the heading and every link in every file", async () => {
    const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: companyUri }, position: company.positions[0] });
    assert.deepEqual(prepared, { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 5 } }, placeholder: "O1" });
    const edit = await within(5000, "rename", client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: companyUri }, position: company.positions[0], newName: "O7" }));
    const changes = edit!.changes!;
    assert.deepEqual(Object.keys(changes).sort(), [companyUri, teamUri].sort());
    const newCompany = applyEdits(company.text, changes[companyUri] as TextEdit[]);
    const newTeam = applyEdits(team.text, changes[teamUri] as TextEdit[]);
    assert.match(newCompany, /^## O7: Grow$/m);
    assert.match(newTeam, /^aligns: \.\.\/company\.okr\.md#o7$/m);
    assert.match(newTeam, /^aligns: \[Company O1\]\(\.\.\/company\.okr\.md#o7-grow\)$/m);
    assert.match(newTeam, /^supports: O1$/m, "a same-file link to the team's own O1 is untouched");

    // Applied, the links still resolve: no broken-alignment anywhere.
    await client.change(companyUri, 2, [{ text: newCompany }]);
    await client.change(teamUri, 2, [{ text: newTeam }]);
    const latest = (uri: string, version: number) => client.diagnosticsFor(uri, version);
    const [c, t]: PublishDiagnosticsParams[] = await Promise.all([latest(companyUri, 2), latest(teamUri, 2)]);
    assert.ok(![...c.diagnostics, ...t.diagnostics].some((d) => d.code === "broken-alignment"), JSON.stringify(t.diagnostics));
  });

  it("completes aligns targets from the whole workspace and supports targets from the file", async () => {
    const uri = teamUri.replace("team.okr.md", "new.okr.md");
    await client.open(uri, "# New\n\n## O1: First\naligns: \n\n## O2: Second\nsupports: \n", 1);
    const aligns = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 8 } });
    const labels = ((aligns as CompletionItem[]) ?? []).map((i) => i.label);
    assert.ok(labels.includes("../company.okr.md#o2"), String(labels));
    assert.ok(labels.includes("team.okr.md#o1"), String(labels));
    const supports = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 6, character: 10 } });
    assert.deepEqual(((supports as CompletionItem[]) ?? []).map((i) => i.label), ["O1"]);
    await client.close(uri);
  });

  it("rejects a rename to something that is not a label, or to a label in use", async () => {
    const ask = (newName: string) => client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: companyUri }, position: { line: 8, character: 4 }, newName });
    await assert.rejects(ask("Grow"), /not an objective label/);
    await assert.rejects(ask("O7"), /already has an objective O7/);
  });

  it("re-validates other open files when a link target disappears", async () => {
    // Rename the company's O7 heading away by hand: the team's links break.
    const text = applyEdits(
      (await import("node:fs")).readFileSync(ws.dir + "/company.okr.md", "utf8").replace("## O1: Grow", "## O9: Grow"),
      [],
    );
    await client.change(companyUri, 3, [{ text }]);
    const broken = await client.waitFor(
      () => (client.diagnostics.get(teamUri) ?? []).find((p) => p.diagnostics.some((d) => d.code === "broken-alignment")),
      5000,
      "broken-alignment in the team file",
    );
    assert.equal(broken.diagnostics.filter((d) => d.code === "broken-alignment").length, 2);
  });
});
