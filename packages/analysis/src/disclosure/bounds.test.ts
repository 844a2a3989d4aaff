import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedCountPinned, hiddenCountPinned } from './bounds.js';
import { lineGivenAway, suppressLine } from './line.js';
import { DEFAULT_DISCLOSURE_RULES as rules, type CellStatus } from './rules.js';

/**
 * The values a reader can give each hidden count: every assignment of the hidden marks (1 or 2
 * for "< 3", 0 or 3 and more for "×") adding up to the hidden sum, enumerated.
 */
function readings(marks: readonly (CellStatus | null)[], sum: number, bounds?: readonly { min: number; max: number }[]): Set<number>[] {
  const seen = marks.map(() => new Set<number>());
  const walk = (i: number, left: number, taken: number[]) => {
    if (i === marks.length) {
      if (left === 0) taken.forEach((v, j) => seen[j]!.add(v));
      return;
    }
    for (let v = 0; v <= left; v++) {
      const fits = (marks[i] === null || (marks[i] === 'small' ? v >= 1 && v < rules.minCell : v === 0 || v >= rules.minCell)) && (!bounds || (v >= bounds[i]!.min && v <= bounds[i]!.max));
      if (fits) walk(i + 1, left - v, [...taken, v]);
    }
  };
  walk(0, sum, []);
  return seen;
}

describe('hiddenCountPinned', () => {
  it('finds the counts that "< 3" and "×" with their sum give away', () => {
    expect(hiddenCountPinned(['small', 'small', 'small'], 3, rules)).toBe(true);
    expect(hiddenCountPinned(['small', 'small'], 4, rules)).toBe(true);
    expect(hiddenCountPinned(['small', 'small'], 3, rules)).toBe(false);
    expect(hiddenCountPinned(['small', 'complementary'], 4, rules)).toBe(true);
    expect(hiddenCountPinned(['complementary', 'small'], 5, rules)).toBe(false);
    expect(hiddenCountPinned(['small'], 2, rules)).toBe(true);
  });

  it('agrees with every reading of the marks', () => {
    const mark = fc.constantFrom<CellStatus>('small', 'complementary');
    fc.assert(fc.property(fc.array(mark, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 25 }), (marks, sum) => {
      const seen = readings(marks, sum);
      fc.pre(seen.every((s) => s.size > 0));
      expect(hiddenCountPinned(marks, sum, rules)).toBe(seen.some((s) => s.size === 1));
    }));
  });
});

describe('boundedCountPinned', () => {
  const free = (mark: CellStatus | null) => ({ mark, min: 0, max: Infinity });
  it('agrees with hiddenCountPinned without bounds', () => {
    const mark = fc.constantFrom<CellStatus>('small', 'complementary');
    fc.assert(fc.property(fc.array(mark, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 20 }), (marks, sum) => {
      fc.pre(readings(marks, sum).every((s) => s.size > 0));
      expect(boundedCountPinned(marks.map(free), sum, rules)).toBe(hiddenCountPinned(marks, sum, rules));
    }));
  });

  it('agrees with every reading of the marks within random bounds', () => {
    const count = fc.record({ mark: fc.constantFrom<CellStatus | null>('small', 'complementary', null), min: fc.integer({ min: 0, max: 6 }), span: fc.option(fc.integer({ min: 0, max: 8 })) });
    fc.assert(fc.property(fc.array(count, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 18 }), (cells, sum) => {
      const hidden = cells.map((c) => ({ mark: c.mark, min: c.min, max: c.span === null ? Infinity : c.min + c.span }));
      const seen = readings(hidden.map((c) => c.mark), sum, hidden);
      fc.pre(seen.every((v) => v.size > 0));
      expect(boundedCountPinned(hidden, sum, rules)).toBe(seen.some((v) => v.size === 1));
    }));
  });

  it('finds a count pinned by a bound from a nested territory', () => {
    // "< 3" and "×" making 5: 1 and 4, or 2 and 3; the EPCI's 3 for the "×" code leaves 2 and 3.
    expect(boundedCountPinned([free('small'), free('complementary')], 5, rules)).toBe(false);
    expect(boundedCountPinned([free('small'), { mark: 'complementary', min: 0, max: 3 }], 5, rules)).toBe(true);
    // A commune's 4 under the EPCI's "×": at least 4, so 4 and 1 — no longer two readings.
    expect(boundedCountPinned([free('small'), { mark: 'complementary', min: 4, max: Infinity }], 5, rules)).toBe(true);
    expect(boundedCountPinned([free('small'), { mark: 'complementary', min: 3, max: Infinity }], 5, rules)).toBe(false);
  });

  it('pins unmarked counts (a previous-wave column) only where the bounds leave no room', () => {
    // Two counts hidden without marks making 11, at least 4 and 7 by the commune's: 4 and 7.
    expect(boundedCountPinned([{ mark: null, min: 4, max: Infinity }, { mark: null, min: 7, max: Infinity }], 11, rules)).toBe(true);
    expect(boundedCountPinned([{ mark: null, min: 4, max: Infinity }, { mark: null, min: 6, max: Infinity }], 11, rules)).toBe(false);
    // The EPCI's 3 that fixed a "< 3" and a "×" making 5 leaves unmarked counts 2 to 5 and 0 to 3.
    expect(boundedCountPinned([free(null), { mark: null, min: 0, max: 3 }], 5, rules)).toBe(false);
  });
});

describe('suppressLine against a reader of the marks', () => {
  it('hides a complement where three "< 3" make 3, and another where "< 3" and "×" make 4', () => {
    // Column « oui » of secteur × employeur in the demo's Lorient Agglomération: 5 + three 1s = 8.
    expect(suppressLine([5, 1, 1, 1, 0], rules, true)).toEqual(['complementary', 'small', 'small', 'small', 'shown']);
    // Lorient Agglomération's sectors in the demo: a 1 hidden with a 3 was 1 and 3.
    expect(suppressLine([19, 1, 3, 5, 40], rules, true)).toEqual(['shown', 'small', 'shown', 'complementary', 'shown']);
  });

  it('leaves no hidden count of a published additive line with a single reading', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 8 }), (counts) => {
      fc.pre(counts.reduce((s, n) => s + n, 0) >= rules.minBase);
      const status = suppressLine(counts, rules, true);
      const hidden = status.flatMap((s, i) => (s === 'shown' ? [] : [i]));
      if (lineGivenAway(counts, status, rules)) return; // nothing left to hide with: withheld, not published
      const sum = hidden.reduce((s, i) => s + counts[i]!, 0);
      for (const values of readings(hidden.map((i) => status[i]!), sum)) expect(values.size).toBeGreaterThan(1);
    }));
  });
});
