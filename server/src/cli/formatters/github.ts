import { Severity } from "../../engine";
import { Formatter } from "./types";

/**
 * GitHub Actions workflow commands, one per diagnostic:
 * `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=code::message` (1-based; info and hint → notice).
 */
export const formatGithub: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      const properties = [
        `file=${escapeProperty(result.file.replace(/\\/g, "/"))}`,
        `line=${d.range.startLine + 1}`,
        `col=${d.range.startCharacter + 1}`,
        `endLine=${d.range.endLine + 1}`,
        `endColumn=${d.range.endCharacter + 1}`,
        `title=${escapeProperty(d.code)}`,
      ];
      lines.push(`::${githubCommand(d.severity)} ${properties.join(",")}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join("\n") + "\n" : "";
};

export function githubCommand(severity: Severity): "error" | "warning" | "notice" {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "notice";
}

/** As in @actions/core: `%`, CR and LF in the message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values also escape `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
