import { describe, expect, it } from 'vitest';
import { sampleStats } from './sample.js';
import { findExpected, type ExpectedDistribution } from './expected.js';
import { fixtureCore, fixtureCore2027, fixtureResponse, iterate } from '@olva/test-support/export-fixtures';

const lorient = { level: 'epci' as const, code: '200042174' };

function responses() {
  const out = [];
  let i = 0;
  // Rennes 2026: 6 sport, 3 culture, 1 without sector; channels and sources vary.
  for (let k = 0; k < 6; k++) out.push(fixtureResponse(i++, { secteur_principal: 'sport' }, { channel: k < 4 ? 'web' : 'paper' }));
  for (let k = 0; k < 3; k++) out.push(fixtureResponse(i++, { secteur_principal: 'culture' }, { channel: 'phone', source: 'mairie' }));
  out.push(fixtureResponse(i++, {}, { channel: 'kiosk', source: undefined }));
  // Rennes 2025: 2 social.
  for (let k = 0; k < 2; k++) out.push(fixtureResponse(i++, { secteur_principal: 'social' }, { wave: '2025' }));
  // Lorient 2026: 1 sport, 1 "other" (the choice the compiler adds), its text aside.
  out.push(fixtureResponse(i++, { secteur_principal: 'sport' }, { territory: lorient }));
  out.push(fixtureResponse(i++, { secteur_principal: 'other', secteur_principal_other: 'Sport adapté' }, { territory: lorient }));
  return out;
}

const expected: ExpectedDistribution[] = [
  { territory: { level: 'commune' as const, code: '35238' }, wave: '2026', source: 'RNA 2025', sectors: { sport: 400, culture: 400, social: 200 } },
  { territory: { level: 'commune' as const, code: '35238' }, sectors: { sport: 1, culture: 1 } },
];

describe('sampleStats', () => {
  it('counts by territory and wave, by sector, source and channel', async () => {
    const stats = await sampleStats(iterate(responses()), { compiled: [fixtureCore()], expected });
    expect(stats.total).toBe(14);
    expect(stats.sectorQuestion).toBe('secteur_principal');
    expect(stats.byTerritory.map((t) => [t.territory.level, t.territory.code, t.wave, t.total])).toEqual([
      ['commune', '35238', '2025', 2], ['commune', '35238', '2026', 10], ['epci', '200042174', '2026', 2],
    ]);
    const rennes = stats.byTerritory.find((t) => t.territory.code === '35238' && t.wave === '2026')!;
    expect(rennes.sectorAnswered).toBe(9);
    const sector = (code: string) => rennes.bySector.find((s) => s.code === code)!;
    expect(rennes.bySector.map((s) => s.code)).toEqual(['sport', 'culture', 'social', 'formule', 'other']);
    expect(sector('sport')).toMatchObject({ count: 6, share: 0.6667, label: { fr: 'Sport', en: 'Sport' } });
    expect(sector('culture').count).toBe(3);
    expect(sector('social').count).toBe(0);
    // "other" is counted like any code.
    const lor = stats.byTerritory.find((t) => t.territory.code === lorient.code)!;
    expect(lor.bySector.find((x) => x.code === 'other')).toMatchObject({ count: 1, share: 0.5, label: { fr: 'Autre (précisez)' } });
    expect(rennes.byChannel).toEqual([
      { code: 'web', count: 4, share: 0.4 }, { code: 'paper', count: 2, share: 0.2 },
      { code: 'phone', count: 3, share: 0.3 }, { code: 'kiosk', count: 1, share: 0.1 },
    ]);
    expect(rennes.bySource).toEqual([
      { code: 'forum-2026', count: 6, share: 0.6 }, { code: 'mairie', count: 3, share: 0.3 }, { code: null, count: 1, share: 0.1 },
    ]);
  });

  it('compares sectors with the expected distribution of the territory', async () => {
    const stats = await sampleStats(iterate(responses()), { compiled: [fixtureCore()], expected });
    const rennes = stats.byTerritory.find((t) => t.territory.code === '35238' && t.wave === '2026')!;
    expect(rennes.expectedSource).toBe('RNA 2025');
    const sector = (code: string) => rennes.bySector.find((s) => s.code === code)!;
    expect(sector('sport').expected).toEqual({ count: 400, share: 0.4 });
    expect(sector('sport').gap).toBeCloseTo(6 / 9 - 0.4, 4);
    expect(sector('culture').gap).toBeCloseTo(3 / 9 - 0.4, 4);
    expect(sector('social').gap).toBeCloseTo(-0.2, 4);
    expect(sector('formule').expected).toEqual({ count: 0, share: 0 });
    // Another wave falls back to the distribution given for every wave.
    const rennes2025 = stats.byTerritory.find((t) => t.territory.code === '35238' && t.wave === '2025')!;
    expect(rennes2025.bySector.find((s) => s.code === 'social')).toMatchObject({ count: 2, share: 1, expected: { count: 0, share: 0 }, gap: 1 });
    expect(rennes2025.bySector.find((s) => s.code === 'sport')!.gap).toBeCloseTo(-0.5, 4);
    // A territory without a distribution has no expected figures.
    const lor = stats.byTerritory.find((t) => t.territory.code === lorient.code)!;
    expect(lor.bySector.every((s) => s.expected === undefined && s.gap === undefined)).toBe(true);
  });

  it('reads another sector question when configured, and keeps unknown codes', async () => {
    const stats = await sampleStats(iterate([fixtureResponse(1, { mon_secteur: 'zz' })]), { sectorQuestion: 'mon_secteur' });
    expect(stats.sectorQuestion).toBe('mon_secteur');
    expect(stats.byTerritory[0].bySector).toEqual([{ code: 'zz', count: 1, share: 1 }]);
  });

  it('finds the wave-specific distribution before the one for every wave', () => {
    expect(findExpected(expected, { level: 'commune', code: '35238' }, '2026')?.source).toBe('RNA 2025');
    expect(findExpected(expected, { level: 'commune', code: '35238' }, '2027')?.sectors).toEqual({ sport: 1, culture: 1 });
    expect(findExpected(expected, lorient, '2026')).toBeUndefined();
  });

  it('lists each wave the sectors of the core versions it answered, not the other wave\'s', async () => {
    const v2027 = { questionnaire: { id: 'olva-core', version: '2027.0.0' }, wave: '2027' };
    const stats = await sampleStats(iterate([
      fixtureResponse(0, { secteur_principal: 'social' }),
      fixtureResponse(1, { secteur_principal: 'sante' }, v2027),
    ]), { compiled: [fixtureCore(), fixtureCore2027()] });
    const codes = (wave: string) => stats.byTerritory.find((t) => t.wave === wave)!.bySector.map((s) => s.code);
    expect(codes('2026')).toContain('social');
    expect(codes('2026')).not.toContain('action_sociale');
    expect(codes('2027')).toEqual(expect.arrayContaining(['action_sociale', 'sante']));
    expect(codes('2027')).not.toContain('social');
  });
});
