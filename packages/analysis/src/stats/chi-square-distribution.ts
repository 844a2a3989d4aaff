/** The chi-square distribution's upper tail, the p-value of every chi-square statistic. */
import { regularizedGammaQ } from './gamma.js';

/**
 * P(X ≥ x) for X following a chi-square distribution with `df` degrees of freedom:
 * Q(df / 2, x / 2), the regularized upper incomplete gamma function.
 * @param x the statistic (≥ 0).
 * @param df the degrees of freedom (> 0; need not be an integer).
 * @returns the p-value, in [0, 1].
 */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (!(x >= 0)) throw new RangeError(`a chi-square statistic is ≥ 0, got ${x}`);
  return regularizedGammaQ(df / 2, x / 2);
}
