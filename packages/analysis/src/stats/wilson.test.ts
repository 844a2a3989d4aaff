import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from './wilson.js';

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I,
  // method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i / %i → [%f, %f]', (count, base, low, high) => {
    const interval = wilsonInterval(count, base)!;
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('solves |p̂ − p| = z·√(p(1 − p)/n) at both bounds (the definition of the score interval)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), ([count, base]) => {
      const { low, high } = wilsonInterval(count, base)!;
      const share = count / base;
      expect(low).toBeLessThanOrEqual(share);
      expect(high).toBeGreaterThanOrEqual(share);
      for (const bound of [low, high]) {
        if (bound === 0 || bound === 1) continue;
        const gap = Math.abs(share - bound);
        expect(gap * gap).toBeCloseTo((1.959963984540054 ** 2 * bound * (1 - bound)) / base, 10);
      }
    }));
  });

  it('has no interval on an empty base and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});
