import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileOfSorted, quartiles } from './quantiles.js';

describe('quartiles (Hyndman & Fan definition 7, R’s default)', () => {
  it('matches R’s quantile() on textbook series', () => {
    // quantile(1:10) → 3.25 5.5 7.75
    expect(quartiles([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({ q1: 3.25, median: 5.5, q3: 7.75 });
    // quantile(c(7, 15, 36, 39, 40, 41)) → 20.25 37.5 39.75
    expect(quartiles([41, 7, 39, 15, 40, 36])).toEqual({ q1: 20.25, median: 37.5, q3: 39.75 });
    // quantile(c(6, 7, 15, 36, 39, 40, 41, 42, 43, 47, 49)) → 25.5 40 42.5
    expect(quartiles([6, 47, 49, 15, 42, 41, 7, 39, 43, 40, 36])).toEqual({ q1: 25.5, median: 40, q3: 42.5 });
    expect(quartiles([4])).toEqual({ q1: 4, median: 4, q3: 4 });
    expect(quartiles([])).toBeNull();
  });

  it('sorts numerically, not as text', () => {
    expect(quartiles([100, 9, 20])!.median).toBe(20);
  });

  it('agrees with a rank count: the median has at least half the values on each side', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), (values) => {
      const { q1, median, q3 } = quartiles(values)!;
      expect(q1).toBeLessThanOrEqual(median);
      expect(median).toBeLessThanOrEqual(q3);
      const below = values.filter((v) => v <= median).length;
      const above = values.filter((v) => v >= median).length;
      expect(below).toBeGreaterThanOrEqual(values.length / 2);
      expect(above).toBeGreaterThanOrEqual(values.length / 2);
    }));
  });

  it('interpolates linearly between neighbours', () => {
    expect(quantileOfSorted([0, 10], 0.3)).toBeCloseTo(3, 12);
    expect(quantileOfSorted([0, 10], 1)).toBe(10);
    expect(() => quantileOfSorted([1], 1.5)).toThrow(RangeError);
  });
});
