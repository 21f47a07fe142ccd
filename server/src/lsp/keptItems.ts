/** How far ahead in a previous list an item is looked for, past items an edit removed. */
const LOOK_AHEAD = 32;

/**
 * Where `item` is in `previous`, looked for from `from` and a little further on, else -1. An edit keeps
 * almost all of a document's findings in the same order, so walking the new list while this follows
 * the previous one finds each kept item with a comparison or a few.
 */
export function keptAt<T>(previous: readonly T[], item: T, from: number): number {
  for (let k = from, end = Math.min(previous.length, from + LOOK_AHEAD); k < end; k++) if (previous[k] === item) return k;
  return -1;
}
