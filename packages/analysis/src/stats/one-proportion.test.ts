import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareWithReference } from './one-proportion.js';
import { wilsonInterval } from './wilson.js';

describe('compareWithReference', () => {
  it('computes the score test by hand', () => {
    // 20 of 100 against 10.6%: z = (0.2 − 0.106) / √(0.106 · 0.894 / 100) = 3.05356…
    const r = compareWithReference({ count: 20, base: 100 }, 0.106);
    expect(r.z).toBeCloseTo(0.094 / Math.sqrt((0.106 * 0.894) / 100), 10);
    expect(r.z).toBeCloseTo(3.05356, 4);
    // Two-sided normal tail, erfc(z/√2) (Python math.erfc): 0.0022617.
    expect(r.p).toBeCloseTo(0.0022617, 6);
    expect(r.notable).toBe(true);
  });

  it('gives no verdict under the minimum base, and says "not notable" inside the interval', () => {
    expect(compareWithReference({ count: 5, base: 20 }, 0.106).notable).toBeNull();
    expect(compareWithReference({ count: 11, base: 100 }, 0.106).notable).toBe(false);
  });

  it('agrees with the Wilson interval: notable exactly when the reference is outside it', () => {
    fc.assert(fc.property(fc.integer({ min: 30, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (base, f, reference) => {
      const count = Math.round(f * base);
      const interval = wilsonInterval(count, base);
      expect(interval).not.toBeNull();
      const { low, high } = interval!;
      // Away from the interval's ends, where rounding decides.
      fc.pre(Math.abs(reference - low) > 1e-6 && Math.abs(reference - high) > 1e-6);
      expect(compareWithReference({ count, base }, reference).notable).toBe(reference < low || reference > high);
    }));
  });

  it('refuses impossible input', () => {
    expect(() => compareWithReference({ count: 3, base: 0 }, 0.5)).toThrow(RangeError);
    expect(() => compareWithReference({ count: 3, base: 10 }, 1.5)).toThrow(RangeError);
  });
});
