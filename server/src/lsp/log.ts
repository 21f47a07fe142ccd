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
 *
 * The result is not copied. A message is written later than it is made (the writer queues behind a
 * large publish), and a newer analysis shifts the engine's ranges in place meanwhile, so nothing sent
 * may share them: every range of a message is made by `toRangeLike` or `startOf` where the message is
 * built. The types see to it (an engine range has no `start` or `end`, so it fits no LSP range),
 * where a walk over every result, copying out the ranges it found, did before.
 */
export function guard<T>(log: Logger, name: string, fallback: T, run: () => T): T {
  try {
    return run();
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
