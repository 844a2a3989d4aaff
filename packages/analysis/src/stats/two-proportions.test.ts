import { describe, expect, it } from 'vitest';
import { compareProportions } from './two-proportions.js';

describe('compareProportions', () => {
  it('computes the pooled z-test by hand: 45/100 against 30/100', () => {
    // pooled 0.375; se = √(0.375 × 0.625 × (1/100 + 1/100)) = 0.0684653; z = 0.15 / se = 2.19089;
    // z² = 4.8 = R's prop.test(c(45, 30), c(100, 100), correct = FALSE) X-squared, p = 0.02846.
    const c = compareProportions({ count: 45, base: 100 }, { count: 30, base: 100 });
    expect(c.shares).toEqual([0.45, 0.3]);
    expect(c.z).toBeCloseTo(2.19089, 5);
    expect(c.p).toBeCloseTo(0.02846, 5);
    expect(c.notable).toBe(true);
  });

  it('says nothing notable when the test does not reject at 5%', () => {
    // 12/40 against 15/45: pooled 27/85 = 0.317647; se = √(0.317647 × 0.682353 × (1/40 + 1/45))
    // = 0.101171; z = (0.3 − 0.333333) / se = −0.32948; p = 0.742.
    const c = compareProportions({ count: 12, base: 40 }, { count: 15, base: 45 });
    expect(c.z).toBeCloseTo(-0.32948, 4);
    expect(c.p).toBeCloseTo(0.742, 3);
    expect(c.notable).toBe(false);
  });

  it('gives no verdict unless both bases are at least 30, however large the gap', () => {
    const c = compareProportions({ count: 29, base: 29 }, { count: 0, base: 300 });
    expect(c.p).toBeLessThan(1e-10);
    expect(c.notable).toBeNull();
    expect(compareProportions({ count: 30, base: 30 }, { count: 0, base: 300 }).notable).toBe(true);
  });

  it('handles shares without variance', () => {
    expect(compareProportions({ count: 0, base: 50 }, { count: 0, base: 40 })).toEqual({ shares: [0, 0], z: null, p: null, notable: false });
    expect(() => compareProportions({ count: 1, base: 0 }, { count: 0, base: 4 })).toThrow(RangeError);
  });
});
