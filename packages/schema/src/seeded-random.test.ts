import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

const draw = (next: () => number, count: number): number[] => Array.from({ length: count }, () => next());

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    expect(draw(seededRandom(42), 20)).toEqual(draw(seededRandom(42), 20));
    expect(draw(seededRandom(42), 20)).not.toEqual(draw(seededRandom(43), 20));
  });

  it('keeps the sequence of earlier versions (the demo derives its submission ids from it)', () => {
    // The first draws for seed 20261206, as multiples of 2⁻³², recorded when the demo's copy
    // and the tests' copy of mulberry32 were folded into this one.
    expect(draw(seededRandom(20261206), 3).map((x) => x * 2 ** 32)).toEqual([3139491760, 78123288, 3015243577]);
  });

  it('reads the seed as an unsigned 32-bit integer', () => {
    expect(draw(seededRandom(2 ** 32 + 1), 5)).toEqual(draw(seededRandom(1), 5));
    expect(draw(seededRandom(-1), 5)).toEqual(draw(seededRandom(2 ** 32 - 1), 5));
  });

  it('returns multiples of 2⁻³² in [0, 1), spread over the interval', () => {
    const values = draw(seededRandom(7), 10_000);
    for (const x of values) {
      expect(x >= 0 && x < 1 && Number.isInteger(x * 2 ** 32)).toBe(true);
    }
    const tenths = new Array<number>(10).fill(0);
    for (const x of values) tenths[Math.floor(x * 10)]! += 1;
    // Each tenth holds about 1,000 draws; a generator stuck in part of the interval would not.
    for (const count of tenths) expect(count).toBeGreaterThan(850);
  });

  it('keeps one state per generator', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    const first = a();
    a();
    expect(b()).toBe(first);
  });
});
