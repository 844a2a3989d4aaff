import { describe, expect, it } from 'vitest';
import { compareWaves } from './waves.js';
import { aggregateResponses } from '../aggregate/aggregate.js';
import { builds, generateFor, stream } from '../__fixtures__/responses.js';
import { prng } from '@olva/test-support/prng';
import type { Category, DistributionFigures, GroupResults } from '../results.js';

const category = (code: string, count: number | null, base: number): Category =>
  count === null ? { code, count: null, share: null, interval: null, suppressed: 'small' } : { code, count, share: count / base, interval: null };

function group(wave: string, questions: GroupResults['questions']): GroupResults {
  return { territory: { level: 'commune', code: '35238' }, wave, referenceDate: null, responses: 100, versions: [], questions };
}

function employer(base: number, yes: number | null, no: number | null, type = 'boolean'): DistributionFigures {
  return { id: 'employeur', type, label: { fr: 'Employeur' }, conditional: false, kind: 'distribution', status: base < 30 ? 'small' : 'ok',
    base: { asked: base, answered: base, noAnswer: 0 }, categories: [category('true', yes, base), category('false', no, base)] };
}

describe('compareWaves', () => {
  it('tests each share against the previous wave by hand: 45/100 against 30/100 is notable', () => {
    const [yes, no] = compareWaves(group('2026', [employer(100, 45, 55)]), group('2025', [employer(100, 30, 70)]));
    expect(yes).toMatchObject({ question: 'employeur', code: 'true', current: { count: 45, base: 100, share: 0.45 }, previous: { count: 30, base: 100, share: 0.3 }, notable: true });
    expect(yes!.p).toBeCloseTo(0.02846, 5);
    expect(no!.p).toBeCloseTo(yes!.p!, 12);
  });

  it('gives no verdict on small bases, and says why a share is not compared', () => {
    expect(compareWaves(group('2026', [employer(25, 20, 5)]), group('2025', [employer(100, 10, 90)]))[0]).toMatchObject({ notable: null });
    expect(compareWaves(group('2026', [employer(100, 2, 98)]), group('2025', [employer(100, null, null)]))[0]).toMatchObject({ missing: 'hidden', previous: null, p: null });
    expect(compareWaves(group('2026', [employer(100, 45, 55)]), group('2025', []))[0]).toMatchObject({ missing: 'not-in-previous' });
    expect(compareWaves(group('2026', [employer(100, 45, 55)]), group('2025', [employer(100, 30, 70, 'single')]))[0]).toMatchObject({ missing: 'type-changed', previous: null });
  });

  it('compares every published line of two generated waves of one territory', async () => {
    const b = builds();
    const random = prng(51);
    const rennes = { level: 'commune', code: '35238' } as const;
    const doc = await aggregateResponses(stream([...generateFor(b.core, rennes, '2025', 60, random), ...generateFor(b.rennes, rennes, '2026', 80, random)]), { compiled: [b.core, b.rennes] });
    const [before, now] = doc.groups;
    const list = compareWaves(now!, before!);
    // Rennes' own questions did not exist in 2025; core questions compare code by code.
    expect(list.filter((c) => c.question.startsWith('rennes.')).every((c) => c.missing === 'not-in-previous')).toBe(true);
    const compared = list.filter((c) => !c.missing);
    expect(compared.length).toBeGreaterThan(50);
    expect(compared.some((c) => c.notable !== null)).toBe(true);
    for (const c of compared) {
      // A verdict exactly when both bases reach 30.
      expect(c.notable === null).toBe(c.current!.base < 30 || c.previous!.base < 30);
      expect(c.current!.share).toBeCloseTo(c.current!.count / c.current!.base, 12);
    }
    expect(list.filter((c) => c.missing === 'hidden').every((c) => c.current === null || c.previous === null)).toBe(true);
  });
});
