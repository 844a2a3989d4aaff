import { describe, expect, it } from 'vitest';
import { flattenResults, FLAT_COLUMNS } from './flat.js';
import { aggregateResponses } from './aggregate/aggregate.js';
import { builds, generate, stream } from './__fixtures__/responses.js';
import type { Category } from './results.js';
import { filteredQuestionnaire, payloadOf } from './__fixtures__/filtered.js';

describe('flattenResults', () => {
  it('gives one row per published figure, and hidden counts as empty cells with the reason', async () => {
    const b = builds();
    const doc = await aggregateResponses(stream(generate(41)), { compiled: [b.core, b.rennes, b.lorient], classes: { annee_creation: [5, 10] } });
    const { header, rows } = flattenResults(doc);
    expect(header).toEqual(FLAT_COLUMNS);
    const col = (name: string) => header.indexOf(name);
    const of = (code: string, wave: string, question: string) => rows.filter((r) => r[col('territory_code')] === code && r[col('wave')] === wave && r[col('question')] === question);
    // Every category of every published distribution, and nothing more.
    const group = doc.groups.find((g) => g.territory.code === '35238' && g.wave === '2026')!;
    const sector = group.questions.find((f) => f.id === 'secteur_principal') as { categories: Category[] };
    const sectorRows = of('35238', '2026', 'secteur_principal');
    expect(sectorRows.map((r) => r[col('code')])).toEqual(sector.categories.map((c) => c.code));
    sectorRows.forEach((r, i) => {
      const c = sector.categories[i]!;
      expect([r[col('count')], r[col('share')], r[col('ci_low')], r[col('suppressed')]]).toEqual([c.count, c.share, c.interval?.low ?? null, c.suppressed ?? null]);
    });
    // A matrix gives a row per row and code; a numeric question its statistics and classes.
    const matrix = of('35238', '2026', 'besoins_par_domaine');
    expect(new Set(matrix.map((r) => r[col('matrix_row')])).size).toBe(10);
    const years = of('35238', '2026', 'annee_creation');
    expect(years.map((r) => r[col('statistic')])).toEqual(['n_age', 'sum_age', 'mean_age', 'q1_age', 'median_age', 'q3_age', 'class_age', 'class_age', 'class_age']);
    // A withheld question keeps one row that says so and gives no figure.
    const withheld = of('29019', '2026', 'secteur_principal');
    expect(withheld).toHaveLength(1);
    expect(withheld[0]![col('status')]).toBe('withheld');
    expect(withheld[0]!.slice(col('base_asked'), col('withheld_reason'))).toEqual(new Array(col('withheld_reason') - col('base_asked')).fill(null));
    expect(withheld[0]![col('withheld_reason')]).toBe('small-base');
    // A question withheld for its filter says so too.
    const linked = rows.filter((r) => r[col('withheld_reason')] === 'filter-suppressed');
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((r) => r[col('conditional')] === 1 && r[col('base_answered')] === null && r[col('count')] === null)).toBe(true);
    expect(rows.every((r) => r.length === FLAT_COLUMNS.length)).toBe(true);
  });

  it('says why a matrix row is withheld when its base is not the reason', async () => {
    const q = filteredQuestionnaire();
    // Row r1: 2 u and 2 v, all « < 3 » making 4 (two 2s): withheld; r2 too few to publish.
    const payloads = ['u', 'v', 'u', 'v'].map((r1) => payloadOf(q, { f1: 'a', f2: true, m: { r1 } }));
    const { header, rows } = flattenResults(await aggregateResponses(payloads, { compiled: [q], rules: { minBase: 3 } }));
    const col = (name: string) => header.indexOf(name);
    expect(rows.filter((r) => r[col('question')] === 'm').map((r) => [r[col('matrix_row')], r[col('status')], r[col('withheld_reason')]]))
      .toEqual([['r1', 'withheld', 'complementary'], ['r2', 'withheld', null]]);
  });
});
