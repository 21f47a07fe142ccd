import { CliIO } from "./io";

export interface CommandContext {
  version: string;
}

/**
 * One `okr` subcommand. `run` returns the exit status (0, 1) or throws a CliError (2). To add one
 * (e.g. `okr report --html OUT FILE`), write `report.ts` exporting a Command and list it in
 * `commands` in main.ts.
 */
export interface Command {
  name: string;
  /** One line for `okr --help`. */
  summary: string;
  /** The full `okr <name> --help` text. */
  usage: string;
  run(args: string[], io: CliIO, context: CommandContext): number | Promise<number>;
}
