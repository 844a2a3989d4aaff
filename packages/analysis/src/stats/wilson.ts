/** The Wilson score interval of a share: the interval every published share carries. */

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

/** A confidence interval of a share, both bounds fractions in [0, 1]. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson's score interval (Wilson 1927; Newcombe 1998, method 3, without continuity
 * correction) for `count` successes out of `base`. Unlike the textbook p ± z·√(p(1−p)/n) it
 * stays inside [0, 1] and keeps its coverage on small bases and shares near 0 or 1, which
 * is what territorial samples of a few dozen associations produce.
 * @param count successes, an integer in [0, base].
 * @param base the number of trials (respondents), an integer ≥ 0.
 * @param z the normal quantile; 95% two-sided by default.
 * @returns the interval, or null when the base is 0 (no share to bound).
 */
export function wilsonInterval(count: number, base: number, z: number = Z_95): Interval | null {
  if (!Number.isInteger(base) || base < 0) throw new RangeError(`a base is a whole number ≥ 0, got ${base}`);
  if (!Number.isInteger(count) || count < 0 || count > base) throw new RangeError(`a count is a whole number in [0, ${base}], got ${count}`);
  if (base === 0) return null;
  const p = count / base;
  const z2 = z * z;
  const denominator = 1 + z2 / base;
  const centre = (p + z2 / (2 * base)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / base + z2 / (4 * base * base));
  // The bounds are exactly 0 and 1 at the extremes; rounding must not push them past.
  return {
    low: count === 0 ? 0 : Math.max(0, centre - half),
    high: count === base ? 1 : Math.min(1, centre + half),
  };
}
