/** Levels shared by the formatters. */
import { Severity } from "../engine";

/** SARIF result levels: info and hint are both `note`. */
export function sarifLevel(severity: Severity): "error" | "warning" | "note" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}
