import { describe, expect, it } from 'vitest';
import { ValueStore } from './value-store.js';
import { prng } from '@olva/test-support/prng';

describe('ValueStore', () => {
  it('keeps every value up to its capacity: exact quartiles', () => {
    const store = new ValueStore(10);
    for (const v of [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]) store.add(v);
    expect(store.exact).toBe(true);
    expect(store.quartiles()).toEqual({ q1: 3.25, median: 5.5, q3: 7.75 });
  });

  it('past its capacity keeps a uniform sample of fixed size and says the quartiles are estimates', () => {
    const random = prng(42);
    const values = Array.from({ length: 20_000 }, (_, i) => i).sort(() => random() - 0.5);
    const store = new ValueStore(2_000);
    for (const v of values) store.add(v);
    expect(store.count).toBe(20_000);
    expect(store.exact).toBe(false);
    const q = store.quartiles()!;
    // A uniform sample of 2,000 puts the median of 0..19,999 within a few hundred of 9,999.5
    // (its standard error is about 20,000 × 0.5 / √2,000 ≈ 224); the seed makes it reproducible.
    expect(Math.abs(q.median - 9_999.5)).toBeLessThan(700);
    expect(Math.abs(q.q1 - 4_999.75)).toBeLessThan(700);
    expect(Math.abs(q.q3 - 14_999.25)).toBeLessThan(700);
  });

  it('has no quartiles without values', () => {
    expect(new ValueStore().quartiles()).toBeNull();
    expect(() => new ValueStore(0)).toThrow(RangeError);
  });
});
