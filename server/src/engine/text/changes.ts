/**
 * Where a new version of a text differs from an old one, in UTF-16 offsets: the old text's
 * [start, oldEnd) became the new text's [start, newEnd), and everything before and after is equal.
 * An editor knows this for free (its change events say where the user typed); it lets the engine
 * take the rest of the old analysis over without comparing texts.
 */
export interface ChangedRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** One replacement: `length` characters at `start` became `inserted` characters. */
export function replacement(start: number, length: number, inserted: number): ChangedRegion {
  return { start, oldEnd: start + length, newEnd: start + inserted };
}

/** The region of two changes made one after the other (`then` is in the coordinates of `first`'s new text). */
export function mergeChanges(first: ChangedRegion, then: ChangedRegion): ChangedRegion {
  // The end of both, in the coordinates of the text between them; past both ends, texts only shift.
  const end = Math.max(first.newEnd, then.oldEnd);
  return {
    start: Math.min(first.start, then.start),
    oldEnd: end + first.oldEnd - first.newEnd,
    newEnd: end + then.newEnd - then.oldEnd,
  };
}

/** Whether the region can describe a change from a text of `oldLength` characters to one of `newLength`. */
export function fitsLengths(change: ChangedRegion, oldLength: number, newLength: number): boolean {
  const { start, oldEnd, newEnd } = change;
  return start >= 0 && start <= oldEnd && start <= newEnd && oldLength - oldEnd === newLength - newEnd && oldLength - oldEnd >= 0;
}
