/** What a command needs from the process, so that tests can run commands in memory. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours, terminal width). */
  isTTY: boolean;
  columns?: number;
}

/** A usage or I/O failure: exit status 2, the message on one line of stderr. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/** Colours on a terminal unless NO_COLOR is set; FORCE_COLOR (not "0") turns them on anywhere. */
export function useColor(io: CliIO): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "" && force !== "0" && force !== "false") return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return io.isTTY;
}
