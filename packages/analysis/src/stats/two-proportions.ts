/**
 * Comparing two shares (a territory against the network, or against its previous wave): the
 * two-proportion z-test with a pooled variance, two-sided. z² is the Pearson chi-square of the
 * 2 × 2 table (without continuity correction), so its p-value is that of a chi-square with one
 * degree of freedom: one home for the tail function.
 */
import { chiSquareSurvival } from './chi-square-distribution.js';

/** One share: successes out of a base. */
export interface Proportion {
  count: number;
  base: number;
}

/** What the comparison of two shares says. */
export interface ProportionComparison {
  /** count / base of each side. */
  shares: [number, number];
  /** The z statistic of share 1 − share 2; null when the pooled share is 0 or 1 (no variance). */
  z: number | null;
  /** Two-sided p-value; null with z. */
  p: number | null;
  /**
   * True when the difference is notable: both bases at least `minBase` and p below `alpha`.
   * False when the test ran and found nothing at that level; null when the bases are too
   * small to say (the two figures then stand side by side without a verdict).
   */
  notable: boolean | null;
}

/** Thresholds of the comparison. */
export interface ComparisonRules {
  /** Smallest base on each side for a verdict (30). */
  minBase: number;
  /** Level of the test (0.05). */
  alpha: number;
}

/** The network's rule: a verdict only with both bases ≥ 30, at the 5% level. */
export const DEFAULT_COMPARISON_RULES: Readonly<ComparisonRules> = Object.freeze({ minBase: 30, alpha: 0.05 });

function checkProportion(side: string, p: Proportion): void {
  if (!Number.isInteger(p.base) || p.base < 1) throw new RangeError(`${side}: a base is a whole number ≥ 1, got ${p.base}`);
  if (!Number.isInteger(p.count) || p.count < 0 || p.count > p.base) throw new RangeError(`${side}: a count is a whole number in [0, ${p.base}], got ${p.count}`);
}

/**
 * Two-sided two-proportion z-test of `a` against `b`.
 * @throws RangeError when a base is below 1 or a count outside [0, base].
 */
export function compareProportions(a: Proportion, b: Proportion, rules: ComparisonRules = DEFAULT_COMPARISON_RULES): ProportionComparison {
  checkProportion('first share', a);
  checkProportion('second share', b);
  const shares: [number, number] = [a.count / a.base, b.count / b.base];
  const pooled = (a.count + b.count) / (a.base + b.base);
  const variance = pooled * (1 - pooled) * (1 / a.base + 1 / b.base);
  const z = variance > 0 ? (shares[0] - shares[1]) / Math.sqrt(variance) : null;
  const p = z === null ? null : chiSquareSurvival(z * z, 1);
  const comparable = a.base >= rules.minBase && b.base >= rules.minBase;
  // Identical extreme shares (0 vs 0, 1 vs 1) have no variance and no difference: not notable.
  const notable = !comparable ? null : p === null ? false : p < rules.alpha;
  return { shares, z, p, notable };
}
