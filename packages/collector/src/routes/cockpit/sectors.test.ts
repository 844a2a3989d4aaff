import { describe, expect, it } from 'vitest';
import type { ExpectedDistribution } from '../../stats/expected.js';
import { compareSectors } from './sectors.js';

const choices = new Map([['sport', { fr: 'Sport', en: 'Sport' }], ['culture', { fr: 'Culture', en: 'Culture' }], ['social', { fr: 'Social', en: 'Social' }]]);
// Half sport, 30 % culture, 20 % social.
const expected: ExpectedDistribution = { territory: { level: 'commune', code: '35238' }, sectors: { sport: 500, culture: 300, social: 200 } };
const counts = (sport: number, culture: number, social: number) => new Map([['sport', sport], ['culture', culture], ['social', social]]);

describe('sectors to chase', () => {
  it('names the sectors behind the territory’s progress, not every sector still short of the target', () => {
    // Target 100, 40 answered (progress 0.4): sport 24 of 50 (0.48), culture 12 of 30 (0.4), social 4 of 20 (0.2).
    const c = compareSectors(counts(24, 12, 4), choices, expected, 100);
    expect(c.lines.map((l) => l.missing)).toEqual([26, 18, 16]);
    expect(c.chase).toEqual(['social']);
  });

  it('names none when the sample follows the expected distribution, half-way or beyond the target', () => {
    expect(compareSectors(counts(20, 12, 8), choices, expected, 80).chase).toEqual([]);
    expect(compareSectors(counts(60, 36, 24), choices, expected, 100).chase).toEqual([]);
  });

  it('past the target, names the under-represented sectors, furthest behind first', () => {
    // 120 answered, target 100: quotas of 120 are 60, 36, 24.
    expect(compareSectors(counts(80, 30, 10), choices, expected, 100).chase).toEqual(['social', 'culture']);
  });

  it('names every sector while nobody has answered', () => {
    expect(compareSectors(counts(0, 0, 0), choices, expected, 100).chase).toEqual(['sport', 'culture', 'social']);
  });

  it('without an expected distribution, names the sectors with no response', () => {
    const c = compareSectors(counts(3, 0, 1), choices, undefined, 100);
    expect(c).toMatchObject({ basis: 'none', chase: ['culture'] });
  });
});
