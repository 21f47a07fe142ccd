import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseCommandArgs } from "./args";
import { Command } from "./command";
import { describeError } from "./files";
import { CliError } from "./io";
import { loadOneFile, parseToday } from "./workspace";
import { buildViewModel, countProblems, renderDocument } from "../engine/render";

const USAGE = `Usage: okr report --html OUT.html [options] FILE

Writes the scorecard preview of one .okr.md file as a single self-contained HTML page (inline CSS,
no network, no other files): the grade, the Balanced Scorecard grid, the objective/KR tree, the
strategy map and a burn-up chart per key result. Meant for CI artifacts.

Options:
  --html OUT.html        where to write the page ('-' for stdout)
  --today YYYY-MM-DD     the date for pace when the front matter has no today
  -h, --help             show this help

Exit status: 0 written, 2 usage or I/O failure.
`;

export const reportCommand: Command = {
  name: "report",
  summary: "write the scorecard preview of a .okr.md file as one static HTML page",
  usage: USAGE,
  run(args, io, context) {
    const { values, positionals } = parseCommandArgs("report", args, {
      html: { type: "string" },
      today: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    const out = values.html as string | undefined;
    if (!out) throw new CliError("report: --html OUT.html is required (see okr report --help)");
    const today = parseToday(values.today as string | undefined);
    const { loaded, file } = loadOneFile("report", positionals, io, today);
    const html = reportHtml(loaded.workspace, file.uri, `okr ${context.version}`);
    loaded.checkConfig();
    if (out === "-") {
      io.stdout(html);
      return 0;
    }
    const target = resolve(io.cwd, out);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, html);
    } catch (e) {
      throw new CliError(`cannot write ${out}: ${describeError(e)}`);
    }
    io.stderr(`okr: wrote ${out}\n`);
    return 0;
  },
};

/** The static report of one document of a workspace: the same view as the preview. */
export function reportHtml(
  workspace: import("../engine").Workspace,
  uri: string,
  generator: string,
  nonce: string = randomBytes(18).toString("base64"),
): string {
  const analysis = workspace.analysis(uri);
  if (!analysis) throw new CliError(`cannot read ${uri}`);
  const view = buildViewModel(analysis.scorecard, {
    problems: countProblems(workspace.diagnostics(uri)),
    children: (o) => workspace.childrenOf(o),
  });
  return renderDocument(view, { nonce, mode: "static", generator });
}
