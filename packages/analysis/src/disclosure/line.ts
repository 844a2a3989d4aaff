/**
 * Disclosure control of one distribution (the counts of the codes of one question, or of one
 * matrix row). When the counts add up to a published total (single choice, boolean, scale,
 * matrix row), a single hidden count could be recomputed by subtraction: a second count, the
 * smallest non-zero one left, is hidden with it (complementary suppression). The counts of a
 * multiple choice do not add up to anything published, so only their small cells are hidden.
 */
import { isSmallCell, type CellStatus, type DisclosureRules } from './rules.js';

/**
 * The status of each count of a distribution.
 * @param counts the counts, in display order.
 * @param additive true when the counts add up to a published total.
 */
export function suppressLine(counts: readonly number[], rules: DisclosureRules, additive: boolean): CellStatus[] {
  const status: CellStatus[] = counts.map((n) => (isSmallCell(n, rules) ? 'small' : 'shown'));
  if (!additive || status.filter((s) => s !== 'shown').length !== 1) return status;
  let pick = -1;
  for (const [i, n] of counts.entries()) {
    if (status[i] !== 'shown') continue;
    // A zero hidden beside a small cell tells its value (the hidden sum is the small cell):
    // a zero is taken only when nothing else is left.
    const better = pick < 0 || (n > 0 && (counts[pick] === 0 || n < counts[pick]!));
    if (better) pick = i;
  }
  // A published total is at least minBase ≥ minCell, so beside one small count the others
  // add up to something non-zero: a complement always exists for a published line.
  if (pick >= 0) status[pick] = 'complementary';
  return status;
}
