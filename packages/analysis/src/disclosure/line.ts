/**
 * Disclosure control of one distribution (the counts of the codes of one question, or of one
 * matrix row). When the counts add up to a published total (single choice, boolean, scale,
 * matrix row), a hidden count must not be recomputable from that total: neither alone (a single
 * hidden count is the total minus the others) nor from its mark (bounds.ts: three "< 3" summing
 * to 3 are three 1s). Complements, the smallest non-zero counts left, are hidden with them until
 * none is (complementary suppression). The counts of a multiple choice do not add up to anything
 * published, so only their small cells are hidden. A count hidden for a reason outside the line
 * (a nested territory's publication would subtract from it into a small count) is a complement
 * from the start: its mark says what a complement's does (0 or at least `minCell`, since a
 * small count stays `small`), and the line hides more until it cannot be recomputed either.
 */
import { hiddenCountPinned } from './bounds.js';
import { isSmallCell, type CellStatus, type DisclosureRules } from './rules.js';

/**
 * The status of each count of a distribution.
 * @param counts the counts, in display order.
 * @param additive true when the counts add up to a published total.
 * @param forced the indexes of counts to hide whatever their value.
 */
export function suppressLine(counts: readonly number[], rules: DisclosureRules, additive: boolean, forced: ReadonlySet<number> = new Set()): CellStatus[] {
  const status: CellStatus[] = counts.map((n, i) => (isSmallCell(n, rules) ? 'small' : forced.has(i) ? 'complementary' : 'shown'));
  if (!additive) return status;
  const pinned = () => {
    const hidden = status.filter((s) => s !== 'shown');
    const sum = counts.reduce((s, n, i) => (status[i] === 'shown' ? s : s + n), 0);
    return hidden.length > 0 && hiddenCountPinned(hidden, sum, rules);
  };
  while (pinned()) {
    // A zero hidden beside a small cell tells its value (the hidden sum is the small cell): a
    // zero is taken only when nothing else is left. Among the rest, the smallest count that
    // protects the line by itself, else the smallest (and round again).
    const order = [...counts.keys()].filter((i) => status[i] === 'shown')
      .sort((a, b) => Number(counts[a] === 0) - Number(counts[b] === 0) || counts[a]! - counts[b]!);
    // Everything hidden and still pinned (five "< 3" making 10): no complement is left to take.
    if (!order.length) break;
    const protects = order.find((i) => {
      status[i] = 'complementary';
      const ok = !pinned();
      status[i] = 'shown';
      return ok;
    });
    status[protects ?? order[0]!] = 'complementary';
  }
  return status;
}

/**
 * True when a line whose counts add up to its published total hides every count and their
 * marks still fix one (five "< 3" making 10 are five 2s): no complement is left to take, so the
 * line cannot be published as it is. Its figures are withheld instead (the total with them:
 * without the marks, the total says nothing of any count).
 */
export function lineGivenAway(counts: readonly number[], status: readonly CellStatus[], rules: DisclosureRules): boolean {
  if (!counts.length || status.some((s) => s === 'shown')) return false;
  return hiddenCountPinned(status, counts.reduce((s, n) => s + n, 0), rules);
}

