import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chiSquareSurvival } from './chi-square-distribution.js';
import { logGamma, regularizedGammaP, regularizedGammaQ } from './gamma.js';

describe('chiSquareSurvival', () => {
  // Critical values from the printed chi-square table (upper-tail probability, df).
  it.each([
    [3.841459, 1, 0.05],
    [6.634897, 1, 0.01],
    [10.827566, 1, 0.001],
    [5.991465, 2, 0.05],
    [7.814728, 3, 0.05],
    [9.487729, 4, 0.05],
    [13.276704, 4, 0.01],
    [18.307038, 10, 0.05],
    [31.410433, 20, 0.05],
    [2.705543, 1, 0.1],
    [0.454936, 1, 0.5],
    [124.342113, 100, 0.05],
  ])('χ² = %f with %i df has p = %f', (x, df, p) => {
    expect(chiSquareSurvival(x, df)).toBeCloseTo(p, 6);
  });

  it('is 1 at 0 and tends to 0', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(500, 3)).toBeLessThan(1e-100);
    expect(chiSquareSurvival(500, 3)).toBeGreaterThanOrEqual(0);
  });

  it('matches the closed form of even degrees of freedom: e^(−x/2) Σ_{i<k} (x/2)^i / i!', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 15 }), fc.double({ min: 0, max: 80, noNaN: true }), (k, x) => {
      let term = 1;
      let sum = 1;
      for (let i = 1; i < k; i++) {
        term *= x / 2 / i;
        sum += term;
      }
      const expected = Math.exp(-x / 2) * sum;
      expect(Math.abs(chiSquareSurvival(x, 2 * k) - expected)).toBeLessThan(1e-12 + 1e-10 * expected);
    }));
  });

  it('refuses negative statistics and degrees of freedom', () => {
    expect(() => chiSquareSurvival(-1, 1)).toThrow(RangeError);
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError);
  });
});

describe('the incomplete gamma functions', () => {
  it('give ln Γ of known values', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(logGamma(0.1)).toBeCloseTo(Math.log(9.513507698668732), 12);
  });

  it('P + Q = 1 on both sides of the switch between series and continued fraction', () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 60, noNaN: true }), fc.double({ min: 0, max: 120, noNaN: true }), (a, x) => {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 10);
    }));
  });
});
