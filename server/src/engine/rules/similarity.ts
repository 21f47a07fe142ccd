/** Edit distance (Levenshtein), for "did you mean" messages and near-miss perspective names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Two rows, swapped after each character of `a`: a row per character was most of the garbage of
  // checking a document's headings against the perspective names.
  let previous: number[] = [];
  let current: number[] = [];
  for (let j = 0; j <= b.length; j++) previous.push(j);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    const done = previous;
    previous = current;
    current = done;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word` (case-insensitive), with its distance; only candidates within
 * `within` edits are considered.
 */
export function closest(word: string, candidates: Iterable<string>, within = Infinity): { match: string; distance: number } | undefined {
  let best: { match: string; distance: number } | undefined;
  const w = word.toLowerCase();
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip what cannot be nearer.
    const lengthDifference = Math.abs(w.length - candidate.length);
    if (lengthDifference > within || (best && lengthDifference >= best.distance)) continue;
    const distance = editDistance(w, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { match: candidate, distance };
  }
  return best;
}
