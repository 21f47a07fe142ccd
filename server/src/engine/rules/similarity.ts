/** Edit distance (Levenshtein), for "did you mean" messages and near-miss perspective names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
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
