/**
 * A share against a reference taken as known (a national figure from a large survey): the
 * score test, z = (p̂ − p₀) / √(p₀(1 − p₀)/n), two-sided. It is the test the Wilson interval
 * inverts: p < 5% exactly when p₀ lies outside the share's 95% Wilson interval, so a report's
 * interval and its verdict never disagree.
 */
import { chiSquareSurvival } from './chi-square-distribution.js';
import { DEFAULT_COMPARISON_RULES, type ComparisonRules, type Proportion } from './two-proportions.js';

/** What the comparison of a share with a reference says. */
export interface ReferenceComparison {
  z: number | null;
  /** Two-sided p-value; null when the reference is 0 or 1 (no variance under it). */
  p: number | null;
  /** True/false with a base ≥ the comparison's minimum base; null otherwise (no verdict). */
  notable: boolean | null;
}

/**
 * Score test of `share` against the reference proportion `reference`.
 * @throws RangeError when the base is below 1, the count outside [0, base] or the reference outside [0, 1].
 */
export function compareWithReference(share: Proportion, reference: number, rules: ComparisonRules = DEFAULT_COMPARISON_RULES): ReferenceComparison {
  if (!Number.isInteger(share.base) || share.base < 1) throw new RangeError(`a base is a whole number ≥ 1, got ${share.base}`);
  if (!Number.isInteger(share.count) || share.count < 0 || share.count > share.base) throw new RangeError(`a count is a whole number in [0, ${share.base}], got ${share.count}`);
  if (!(reference >= 0 && reference <= 1)) throw new RangeError(`a reference share is in [0, 1], got ${reference}`);
  const variance = (reference * (1 - reference)) / share.base;
  const z = variance > 0 ? (share.count / share.base - reference) / Math.sqrt(variance) : null;
  const p = z === null ? null : chiSquareSurvival(z * z, 1);
  const notable = share.base < rules.minBase ? null : p === null ? share.count / share.base !== reference : p < rules.alpha;
  return { z, p, notable };
}
