import { detached } from "./detach";

/** Where handlers report what went wrong; the server wires it to the client's output channel. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function errorText(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/**
 * Runs a handler; an exception is logged and becomes `fallback`, never a crash or an error response.
 * The result is detached from the engine's ranges (see `detached`).
 */
export function guard<T>(log: Logger, name: string, fallback: T, run: () => T): T {
  try {
    return detached(run());
  } catch (err) {
    log.error(`okr: ${name} failed: ${errorText(err)}`);
    return fallback;
  }
}

export async function guardAsync<T>(log: Logger, name: string, fallback: T, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    log.error(`okr: ${name} failed: ${errorText(err)}`);
    return fallback;
  }
}
