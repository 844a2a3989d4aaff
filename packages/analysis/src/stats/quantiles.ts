/**
 * Quantiles by linear interpolation between order statistics: Hyndman & Fan's definition 7,
 * the default of R's `quantile`, of numpy's `percentile` and of spreadsheets' `QUARTILE.INC`,
 * so that a reader recomputing a published median or quartile in any of them finds the same
 * figure. For sorted values x₀ ≤ … ≤ xₙ₋₁ and a probability p: h = (n − 1)·p, then
 * Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
 */

/** A sorted copy of numeric values, as quantiles need them. */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  // A typed array sorts numerically (not as strings) and without boxing.
  return Float64Array.from(values).sort();
}

/**
 * The quantile of probability p of values already sorted in increasing order (definition 7).
 * @returns the quantile, or null when there is no value.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile's probability is in [0, 1], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  if (below + 1 >= n) return lower;
  return lower + (h - below) * (sorted[below + 1]! - lower);
}

/** The three quartiles of a distribution. */
export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}

/**
 * First quartile, median and third quartile of values (any order), by definition 7.
 * @returns the quartiles, or null when there is no value.
 */
export function quartiles(values: ArrayLike<number>): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = sortedValues(values);
  return { q1: quantileOfSorted(sorted, 0.25)!, median: quantileOfSorted(sorted, 0.5)!, q3: quantileOfSorted(sorted, 0.75)! };
}
