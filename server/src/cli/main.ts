/**
 * `okr`: the command-line face of the engine. `okr lint`, `okr grade`; each subcommand is a Command
 * in its own file, listed in `commands` below.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command, CommandContext } from "./command";
import { gradeCommand } from "./grade";
import { CliError, CliIO } from "./io";
import { lintCommand } from "./lint";
import { reportCommand } from "./report";

/** Every subcommand, in the order `okr --help` lists them. Add `okr report` here. */
export const commands: Command[] = [lintCommand, gradeCommand, reportCommand];

function usage(): string {
  const names = Math.max(...commands.map((c) => c.name.length));
  return (
    `Usage: okr <command> [options]\n\nCommands:\n` +
    commands.map((c) => `  ${c.name.padEnd(names)}  ${c.summary}`).join("\n") +
    `\n\nOptions:\n  -h, --help     show this help (okr <command> --help for a command's options)\n  -v, --version  print the version\n`
  );
}

/** Runs `okr` with `argv` (without node and the script); resolves to the exit status. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const context: CommandContext = { version: version() };
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(usage());
      return 2;
    }
    if (first === "-h" || first === "--help" || first === "help") {
      const command = first === "help" && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
      io.stdout(command ? command.usage : usage());
      return 0;
    }
    if (first === "-v" || first === "--version") {
      io.stdout(context.version + "\n");
      return 0;
    }
    if (first.startsWith("-")) throw new CliError(`unknown option '${first}' (see okr --help)`);
    const command = commands.find((c) => c.name === first);
    if (!command) throw new CliError(`unknown command '${first}' (commands: ${commands.map((c) => c.name).join(", ")})`);
    return await command.run(rest, io, context);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`okr: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`okr: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return 2;
  }
}

let cachedVersion: string | undefined;

/** The version in the package.json above this file (dist/ when bundled, out/server/src/cli/ when compiled). */
export function version(): string {
  if (cachedVersion) return cachedVersion;
  let dir = __dirname;
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, "utf8"));
        if (pkg.name === "okr-md" && typeof pkg.version === "string") return (cachedVersion = pkg.version as string);
      } catch {
        // keep looking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return (cachedVersion = "0.0.0");
    dir = parent;
  }
}

/** The process entry point (bin/okr.js): real stdio, exit status via process.exitCode. */
export function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  const io: CliIO = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
  return run(argv, io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) void main();
