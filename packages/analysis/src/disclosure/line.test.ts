import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineGivenAway, suppressLine } from './line.js';
import { baseStatus, disclosureRuleProblems, disclosureRules, DEFAULT_DISCLOSURE_RULES as rules } from './rules.js';

describe('suppressLine', () => {
  it('hides a second count when the counts add up to a shown total', () => {
    expect(suppressLine([2, 10, 5, 0], rules, true)).toEqual(['small', 'shown', 'complementary', 'shown']);
    expect(suppressLine([2, 1, 9], rules, true)).toEqual(['small', 'small', 'shown']);
    expect(suppressLine([4, 10, 5], rules, true)).toEqual(['shown', 'shown', 'shown']);
  });

  it('prefers a non-zero complement: a hidden zero beside "< 3" gives the small value away', () => {
    expect(suppressLine([1, 0, 12], rules, true)).toEqual(['small', 'shown', 'complementary']);
  });

  it('hides a forced count as a complement, and another so that the total does not give it back', () => {
    // 40 is hidden for a nested publication's sake; 6 joins it, else 40 = 60 − 14 − 6.
    expect(suppressLine([40, 14, 6], rules, true, new Set([0]))).toEqual(['complementary', 'shown', 'complementary']);
    // A forced small count stays "< 3"; a forced zero is a complement (0 or at least minCell).
    expect(suppressLine([2, 0, 12, 9], rules, true, new Set([0, 1]))).toEqual(['small', 'complementary', 'shown', 'complementary']);
    // A multiple choice's counts add up to nothing: the forced count alone.
    expect(suppressLine([40, 14, 6], rules, false, new Set([0]))).toEqual(['complementary', 'shown', 'shown']);
  });

  it('hides only small counts of a multiple choice, whose counts add up to nothing shown', () => {
    expect(suppressLine([2, 10, 5], rules, false)).toEqual(['small', 'shown', 'shown']);
  });

  it('never leaves exactly one hidden count in a published additive line', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 12 }), (counts) => {
      // Only a total of at least minBase is published.
      fc.pre(counts.reduce((s, n) => s + n, 0) >= rules.minBase);
      const status = suppressLine(counts, rules, true);
      const hidden = status.filter((s) => s !== 'shown').length;
      expect(hidden).not.toBe(1);
      counts.forEach((n, i) => { if (n > 0 && n < 3) expect(status[i]).not.toBe('shown'); });
    }));
  });
});

describe('lineGivenAway', () => {
  it('finds a line whose counts are all hidden and still fixed by their marks and total', () => {
    // Five "< 3" making 10 are five 2s; nothing is left to hide with.
    const counts = [2, 2, 2, 2, 2];
    const status = suppressLine(counts, rules, true);
    expect(status).toEqual(Array(5).fill('small'));
    expect(lineGivenAway(counts, status, rules)).toBe(true);
    // A zero hidden beside them leaves several readings (0 and five 2s, or 3 and 1, 1, 1, 2, 2…).
    expect(suppressLine([2, 2, 2, 2, 2, 0], rules, true)).toEqual([...Array(5).fill('small'), 'complementary']);
    expect(lineGivenAway([2, 2, 2, 2, 2, 0], suppressLine([2, 2, 2, 2, 2, 0], rules, true), rules)).toBe(false);
    // Several readings, or a count shown: published as they are.
    expect(lineGivenAway([2, 2, 1, 2, 1, 2], suppressLine([2, 2, 1, 2, 1, 2], rules, true), rules)).toBe(false);
    expect(lineGivenAway([2, 9], suppressLine([2, 9], rules, true), rules)).toBe(false);
  });
});

describe('disclosure rules', () => {
  it('default to 3, 30 and 10 and take configured thresholds', () => {
    expect(disclosureRules()).toEqual({ minCell: 3, smallBase: 30, minBase: 10 });
    expect(disclosureRules({ minCell: 5 })).toEqual({ minCell: 5, smallBase: 30, minBase: 10 });
    expect(() => disclosureRules({ minBase: 0 })).toThrow('/minBase');
    expect(() => disclosureRules({ smallBase: 2.5 })).toThrow('/smallBase');
    expect(() => disclosureRules({ minBase: 4, minCell: 5 })).toThrow('/minBase: the smallest published base (4) must be at least minCell (5)');
    expect(() => disclosureRules({ minBase: 40 })).toThrow('/smallBase: the "small base" threshold (30) must be at least minBase (40)');
    expect(disclosureRuleProblems({ minCell: 0, smallBase: 'x' })).toEqual([
      { pointer: '/minCell', rule: 'disclosure/threshold', message: { fr: 'un seuil du secret statistique est un nombre entier ≥ 1, pas 0', en: 'a disclosure threshold is a whole number ≥ 1, got 0' } },
      { pointer: '/smallBase', rule: 'disclosure/threshold', message: { fr: 'un seuil du secret statistique est un nombre entier ≥ 1, pas "x"', en: 'a disclosure threshold is a whole number ≥ 1, got "x"' } },
    ]);
    expect(disclosureRuleProblems({ minCell: 12, minBase: 10, smallBase: 5 }).map((p) => p.pointer)).toEqual(['/minBase', '/smallBase']);
  });

  it('withhold a base under 10 and mark one under 30', () => {
    expect([9, 10, 29, 30].map((n) => baseStatus(n, rules))).toEqual(['withheld', 'small', 'small', 'ok']);
  });
});
