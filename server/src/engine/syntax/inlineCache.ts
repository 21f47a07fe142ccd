/**
 * Inline parse results of a document's previous analysis, reused for texts that did not change, so
 * a keystroke re-parses only the lines it touched. Results are never mutated by their readers.
 * Each analysis keeps only what it used, so the cache never outgrows the document.
 */
export class InlineCache {
  private previous = new Map<string, unknown>();
  private current = new Map<string, unknown>();

  get<T>(kind: string, text: string, parse: (text: string) => T): T {
    const key = kind + text;
    let result = this.current.get(key);
    if (result === undefined) {
      result = this.previous.get(key) ?? parse(text);
      this.current.set(key, result);
    }
    return result as T;
  }

  /** Ends an analysis: what it used becomes the cache of the next one. */
  commit(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
