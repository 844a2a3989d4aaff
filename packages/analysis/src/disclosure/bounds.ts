/**
 * What a reader learns of hidden counts from their published sum and from what each mark says
 * of its count. "< 3" says 1 or 2; "×" (a complement) says it is not a small count, so 0 or at
 * least `minCell`. Where only one assignment of a hidden count fits the sum, that count is given
 * away although no linear combination of the published figures yields it: `employeur` at
 * [oui 5, non 75] beside three sectors whose "oui" shows "< 3" and whose column total is 8
 * leaves 3 for three counts of 1 or 2 (each is 1); a "< 3" beside a "×" summing to 4 can only be
 * 1 and 3.
 */
import type { CellStatus, DisclosureRules } from './rules.js';

/** True when some hidden count of a line is the only value its mark and the line's sum allow. */
export function hiddenCountPinned(hidden: readonly CellStatus[], sum: number, rules: DisclosureRules): boolean {
  const small = hidden.filter((s) => s === 'small').length;
  const complements = hidden.length - small;
  const top = rules.minCell - 1;
  // The sums the other hidden counts can make: k small ones any whole number in [k, k·top];
  // with a complement among them, that range shifted by 0 or by anything from minCell up.
  const othersMake = (k: number, c: number, rest: number): boolean =>
    rest >= 0 && ((rest >= k && rest <= k * top) || (c > 0 && rest >= k + rules.minCell));
  const fits = (value: number, mark: CellStatus): boolean =>
    mark === 'small' ? value >= 1 && value <= top : value === 0 || value >= rules.minCell;
  for (const mark of new Set(hidden)) {
    const k = small - (mark === 'small' ? 1 : 0);
    const c = complements - (mark === 'small' ? 0 : 1);
    let values = 0;
    for (let v = 0; v <= sum && values < 2; v++) if (fits(v, mark) && othersMake(k, c, sum - v)) values++;
    if (values < 2) return true;
  }
  return false;
}

/** A hidden count as a reader bounds it: its mark, and what another published figure says of it. */
export interface BoundedCount {
  /**
   * What its mark says of it; null for a count hidden without a mark (a previous-wave column
   * says only `hidden`): a small count or a complement, so any value, and only bounds fix it.
   */
  mark: CellStatus | null;
  /** The least value it can take (a count of a territory inside this one, shown: 0 otherwise). */
  min: number;
  /** The most (a count of a territory holding this one, shown: Infinity otherwise). */
  max: number;
}

/**
 * `hiddenCountPinned` with bounds from outside the line: a commune's count is at most its EPCI's,
 * which can leave a hidden count of either a single value ("< 3" and "×" making 5 in the commune
 * are 1 and 4 or 2 and 3; the EPCI's 3 for the "×" code leaves 2 and 3). Every value of each
 * count is tried against the sums the others can make (a subset-sum over the hidden sum).
 * Without marks (`mark: null`), bounds pin a count only where they leave it no room: the counts
 * a commune hides under its EPCI's shown ones that add up to the commune's hidden sum.
 */
export function boundedCountPinned(hidden: readonly BoundedCount[], sum: number, rules: DisclosureRules): boolean {
  // The values a count may take, as at most two ranges [from, to]: its mark's, within its bounds.
  const ranges = (c: BoundedCount): [number, number][] => {
    const within = ([a, b]: [number, number]): [number, number] => [Math.max(a, c.min), Math.min(b, c.max, sum)];
    const marks: [number, number][] = c.mark === 'small' ? [[1, rules.minCell - 1]] : c.mark === null ? [[0, sum]] : [[0, 0], [rules.minCell, sum]];
    return marks.map(within).filter(([a, b]) => a <= b);
  };
  /** The sums the counts of `list` can make together, up to `sum` (each range added through prefix sums: linear in `sum`). */
  const sums = (list: readonly BoundedCount[]): boolean[] => {
    let reach = Array.from({ length: sum + 1 }, (_, s) => s === 0);
    for (const c of list) {
      const before = [0];
      for (let s = 0; s <= sum; s++) before.push(before[s]! + (reach[s] ? 1 : 0));
      const some = (a: number, b: number) => (b < 0 ? false : before[b + 1]! - before[Math.max(a, 0)]! > 0);
      const rs = ranges(c);
      reach = Array.from({ length: sum + 1 }, (_, t) => rs.some(([a, b]) => some(t - b, t - a)));
    }
    return reach;
  };
  return hidden.some((c, i) => {
    const others = sums(hidden.filter((_, j) => j !== i));
    let values = 0;
    for (const [a, b] of ranges(c)) for (let v = a; v <= b && values < 2; v++) if (others[sum - v]) values++;
    return values < 2;
  });
}
