import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chiSquareTest } from './chi-square-test.js';

describe('chiSquareTest', () => {
  it('computes a 2 × 2 table by hand', () => {
    // Expected 12, 18, 28, 42; X² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651; V = |ad − bc| / √(r1 r2 c1 c2) = 0.089087.
    const t = chiSquareTest([[10, 20], [30, 40]])!;
    expect(t.statistic).toBeCloseTo(0.793651, 6);
    expect(t.df).toBe(1);
    expect(t.p).toBeCloseTo(0.373, 3);
    expect(t.cramersV).toBeCloseTo(0.089087, 6);
    expect(t.minExpected).toBe(12);
  });

  it('computes a 2 × 3 table by hand', () => {
    // Totals: rows 60, 40; columns 30, 40, 30; n = 100. Expected 18 24 18 / 12 16 12.
    // X² = 4/18 + 4/24 + 64/18 + 4/12 + 4/16 + 64/12 = 9.9074; df 2; p = e^(−X²/2) = 0.007057; V = √(X²/100).
    const t = chiSquareTest([[20, 26, 14], [10, 14, 16]])!;
    const x2 = 4 / 18 + 4 / 24 + 16 / 18 + 4 / 12 + 4 / 16 + 16 / 12;
    expect(t.statistic).toBeCloseTo(x2, 10);
    expect(t.df).toBe(2);
    expect(t.p).toBeCloseTo(Math.exp(-x2 / 2), 10);
    expect(t.cramersV).toBeCloseTo(Math.sqrt(x2 / 100), 10);
  });

  it('drops empty rows and columns from the degrees of freedom', () => {
    const t = chiSquareTest([[10, 0, 20], [0, 0, 0], [30, 0, 40]])!;
    expect(t.df).toBe(1);
    expect(t.statistic).toBeCloseTo(0.793651, 6);
    expect(chiSquareTest([[3, 4]])).toBeNull();
    expect(chiSquareTest([[3, 0], [4, 0]])).toBeNull();
  });

  it('is 0 for proportional rows, symmetric under transposition, and V stays in [0, 1]', () => {
    expect(chiSquareTest([[2, 4, 6], [3, 6, 9]])!.statistic).toBeCloseTo(0, 12);
    const table = fc.integer({ min: 2, max: 5 }).chain((r) => fc.integer({ min: 2, max: 5 }).chain((c) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));
    fc.assert(fc.property(table, (t) => {
      const test = chiSquareTest(t);
      const transposed = chiSquareTest(t[0]!.map((_, j) => t.map((row) => row[j]!)));
      // No test on either side (an empty table): the property holds; returning the matcher's
      // value would hand fast-check a falsy result and fail it.
      if (!test) {
        expect(transposed).toBeNull();
        return;
      }
      expect(transposed!.statistic).toBeCloseTo(test.statistic, 8);
      expect(test.cramersV).toBeGreaterThanOrEqual(0);
      expect(test.cramersV).toBeLessThanOrEqual(1);
    }));
  });

  it('refuses ragged tables and non-counts', () => {
    expect(() => chiSquareTest([[1, 2], [3]])).toThrow(/row 1/);
    expect(() => chiSquareTest([[1, -2], [3, 4]])).toThrow(/\[0\]\[1\]/);
  });
});
