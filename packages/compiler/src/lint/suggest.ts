/**
 * "Did you mean …?" for misspelt ids, codes and extension point names: the closest known name
 * by optimal string alignment distance (Levenshtein plus the swap of two neighbours, the most
 * common typing slip), when it is close enough to be a typo rather than another name.
 */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `name`, if it is a plausible typo of it: at most 1 edit for names
 * of up to 4 characters, 2 up to 8, then a quarter of the length. Ties go to the first listed.
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const limit = name.length <= 4 ? 1 : name.length <= 8 ? 2 : Math.floor(name.length / 4);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate === name) continue;
    // The distance is at least the difference of lengths: skip who cannot be close enough (a
    // 60,000-character name posted to the collector took a minute against every schema name).
    if (Math.abs(candidate.length - name.length) > limit) continue;
    // Case alone is a typo too ("Sport" for "sport").
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance < bestDistance) { best = candidate; bestDistance = distance; }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `vouliez-vous dire "x" ? ` / `did you mean "x"? ` when a close name exists, else empty texts. */
export function didYouMean(name: unknown, known: Iterable<unknown>): [fr: string, en: string] {
  const names = [...known].filter((k): k is string => typeof k === 'string');
  const match = typeof name === 'string' ? closest(name, names) : undefined;
  return match === undefined ? ['', ''] : [`vouliez-vous dire ${JSON.stringify(match)} ? `, `did you mean ${JSON.stringify(match)}? `];
}
