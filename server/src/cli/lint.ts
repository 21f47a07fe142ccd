import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCommandArgs, oneOf } from "./args";
import { palette } from "./color";
import { collectFiles } from "./files";
import { formatters, LintResult } from "./formatters";
import { CliError, useColor } from "./io";
import { Command } from "./command";
import { loadWorkspace, parseToday } from "./workspace";

const USAGE = `Usage: okr lint [options] PATH...

Checks .okr.md files. A PATH is a file or a directory (every *.okr.md below it, skipping
node_modules and dot-directories). All files are analysed together, so aligns links resolve
across them.

Options:
  -f, --format FORMAT    stylish (default), json, sarif or github
  --max-warnings N       exit 1 when there are more than N warnings
  --today YYYY-MM-DD     the date for pace and staleness when the front matter has no today
  -h, --help             show this help

Configuration: the nearest .okrrc.json above each file, then its front matter.
Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O failure.
JSON ranges are 0-based (line, UTF-16 character), end exclusive; other formats are 1-based.
`;

export const lintCommand: Command = {
  name: "lint",
  summary: "check .okr.md files (stylish, json, sarif or github output)",
  usage: USAGE,
  run(args, io, context) {
    const { values, positionals } = parseCommandArgs("lint", args, {
      format: { type: "string", short: "f" },
      "max-warnings": { type: "string" },
      today: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const format = oneOf("lint", "format", values.format as string | undefined, Object.keys(formatters), "stylish");
    const maxWarnings = parseMaxWarnings(values["max-warnings"] as string | undefined);
    const today = parseToday(values.today as string | undefined);
    if (positionals.length === 0) throw new CliError("lint: no PATH given (see okr lint --help)");

    const inputs = collectFiles(positionals, io.cwd);
    if (inputs.length === 0) throw new CliError(`lint: no ${".okr.md"} files found in ${positionals.join(", ")}`);
    const loaded = loadWorkspace(inputs, io, today);
    const results: LintResult[] = loaded.files.map((file) => ({
      file: file.display,
      uri: file.uri,
      diagnostics: loaded.workspace.diagnostics(file.uri),
    }));
    loaded.checkConfig();

    const displayPath = (uri: string) => {
      const own = loaded.files.find((f) => f.uri === uri);
      if (own) return own.display;
      try {
        return relative(io.cwd, fileURLToPath(uri)) || uri;
      } catch {
        return uri;
      }
    };
    io.stdout(formatters[format](results, { cwd: io.cwd, color: palette(useColor(io)), version: context.version, displayPath }));

    let errors = 0;
    let warnings = 0;
    for (const r of results) {
      for (const d of r.diagnostics) {
        if (d.severity === "error") errors++;
        else if (d.severity === "warning") warnings++;
      }
    }
    if (errors > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`okr: too many warnings (${warnings}); at most ${maxWarnings} allowed by --max-warnings\n`);
      return 1;
    }
    return 0;
  },
};

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CliError(`lint: --max-warnings expects a whole number ≥ 0, not '${value}'`);
  return Number(value);
}
