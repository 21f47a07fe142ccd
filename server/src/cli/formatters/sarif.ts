import { pathToFileURL } from "node:url";
import { isAbsolute } from "node:path";
import { allRules, Range, REPOSITORY_URL, ruleDocUrl } from "../../engine";
import { sarifLevel } from "../rules";
import { Formatter } from "./types";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/**
 * SARIF 2.1.0 (GitHub code scanning): every rule in tool.driver.rules with its doc page and default
 * level; results with 1-based regions (columns in UTF-16 code units, end column exclusive), paths
 * relative to %SRCROOT% (the working directory) where they can be.
 */
export const formatSarif: Formatter = (results, context) => {
  const rules = allRules.map((rule) => ({
    id: rule.code,
    name: camel(rule.code),
    shortDescription: { text: rule.summary },
    helpUri: ruleDocUrl(rule.code),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { okrSeverity: rule.defaultSeverity },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const location = (file: string, range: Range) => ({
    physicalLocation: {
      artifactLocation: artifact(file),
      region: region(range),
    },
  });
  const sarifResults = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      const index = ruleIndex.get(d.code);
      sarifResults.push({
        ruleId: d.code,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: sarifLevel(d.severity),
        message: { text: d.message },
        locations: [location(result.file, d.range)],
        ...(d.related?.length
          ? {
              relatedLocations: d.related.map((r, i) => ({
                id: i,
                ...location(context.displayPath(r.uri), r.range),
                message: { text: r.message },
              })),
            }
          : {}),
        properties: { severity: d.severity },
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "okr-md",
            informationUri: REPOSITORY_URL,
            version: context.version,
            rules,
          },
        },
        originalUriBaseIds: {
          "%SRCROOT%": { uri: directoryUri(context.cwd) },
        },
        results: sarifResults,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split(/[\\/]/).map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

function region(range: Range) {
  return {
    startLine: range.startLine + 1,
    startColumn: range.startCharacter + 1,
    endLine: range.endLine + 1,
    endColumn: range.endCharacter + 1,
  };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : href + "/";
}

function camel(code: string): string {
  return code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/^[a-z]/, (c) => c.toUpperCase());
}
