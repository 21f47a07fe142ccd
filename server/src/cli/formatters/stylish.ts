import { Severity } from "../../engine";
import { Palette, padEnd, width } from "../color";
import { Formatter } from "./types";

/**
 * Like ESLint's stylish: per file a header, then `line:col  severity  message  code` rows aligned
 * across the output, and a summary `✖ N problems (E errors, W warnings, I infos, H hints)`.
 * Nothing at all when there is no problem.
 */
export const formatStylish: Formatter = (results, { color }) => {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const rows: { file: string; cells: string[][] }[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const cells = result.diagnostics.map((d) => {
      counts[d.severity]++;
      return [`${d.range.startLine + 1}:${d.range.startCharacter + 1}`, d.severity, d.message.replace(/\s*\n\s*/g, " "), d.code];
    });
    rows.push({ file: result.file, cells });
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return "";

  const widths = [0, 0, 0];
  for (const { cells } of rows) for (const row of cells) for (let i = 0; i < 3; i++) widths[i] = Math.max(widths[i], width(row[i]));

  let out = "";
  for (const { file, cells } of rows) {
    out += `\n${color.underline(file)}\n`;
    for (const [position, severity, message, code] of cells) {
      out +=
        "  " +
        color.dim(padEnd(position, widths[0])) +
        "  " +
        paintSeverity(severity as Severity, padEnd(severity, widths[1]), color) +
        "  " +
        padEnd(message, widths[2]) +
        "  " +
        color.dim(code) +
        "\n";
    }
  }
  const summary =
    `✖ ${total} ${plural(total, "problem")} (` +
    `${counts.error} ${plural(counts.error, "error")}, ${counts.warning} ${plural(counts.warning, "warning")}, ` +
    `${counts.info} ${plural(counts.info, "info")}, ${counts.hint} ${plural(counts.hint, "hint")})`;
  const paint = counts.error ? color.red : counts.warning ? color.yellow : color.blue;
  out += `\n${color.bold(paint(summary))}\n`;
  return out;
};

function paintSeverity(severity: Severity, text: string, color: Palette): string {
  switch (severity) {
    case "error":
      return color.red(text);
    case "warning":
      return color.yellow(text);
    case "info":
      return color.blue(text);
    default:
      return color.dim(text);
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? word : word + "s";
}
