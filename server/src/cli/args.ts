import { parseArgs, ParseArgsConfig } from "node:util";
import { CliError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs with strict checking; its errors become one-line usage errors (exit 2). */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = (e as Error).message.split("\n")[0].replace(/\. To specify a positional argument.*$/, "");
    throw new CliError(`${command}: ${message} (see okr ${command} --help)`);
  }
}

/** A string option limited to `choices`. */
export function oneOf(command: string, option: string, value: string | undefined, choices: readonly string[], fallback: string): string {
  if (value === undefined) return fallback;
  if (!choices.includes(value)) throw new CliError(`${command}: --${option} must be one of ${choices.join(", ")}, not '${value}'`);
  return value;
}
