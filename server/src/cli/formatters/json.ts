import { toRangeLike } from "../../engine";
import { Formatter } from "./types";

/**
 * `[{"file", "diagnostics": [{"code", "severity", "message", "range"}]}]`, one entry per linted file
 * (clean files too). Ranges are the engine's: 0-based line and UTF-16 character, end exclusive.
 */
export const formatJson: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        range: toRangeLike(d.range),
      })),
    })),
    null,
    2,
  ) + "\n";
