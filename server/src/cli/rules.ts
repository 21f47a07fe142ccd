/** Links and levels shared by the formatters. */
import { Severity } from "../engine";

export const REPOSITORY_URL = "https://github.com/okr-md/okr-md";

/** The documentation page of a rule (docs/rules/<code>.md). */
export function ruleDocUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${code}.md`;
}

/** SARIF result levels: info and hint are both `note`. */
export function sarifLevel(severity: Severity): "error" | "warning" | "note" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}
