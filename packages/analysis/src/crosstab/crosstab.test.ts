import { describe, expect, it } from 'vitest';
import { allQuestions } from '@olva/runtime';
import { crossTabulate, publishCrosstab } from './crosstab.js';
import { aggregateResponses } from '../aggregate/aggregate.js';
import { builds, crosswalkCore, generate, generateFor, stream } from '../__fixtures__/responses.js';
import { prng } from '@olva/test-support/prng';
import { recomputable, withTotals } from '../__fixtures__/recomputable.js';
import { DEFAULT_DISCLOSURE_RULES as rules } from '../disclosure/rules.js';
import type { CatalogueEntry } from '../aggregate/catalogue.js';
import { NETWORK_TERRITORY } from '../network-territory.js';
import type { Crosstab, DistributionFigures, TerritoryRef } from '../results.js';

const entry = (id: string, codes: string[]): CatalogueEntry => ({ id, type: 'single', kind: 'distribution', label: { fr: id }, conditional: false, codes: codes.map((code) => ({ code })), rows: [] });

function counted(counts: number[][]) {
  const rowCodes = counts.map((_, i) => ({ code: `r${i}` }));
  const columnCodes = counts[0]!.map((_, j) => ({ code: `c${j}` }));
  return { rows: entry('lignes', rowCodes.map((c) => c.code)), columns: entry('colonnes', columnCodes.map((c) => c.code)), rowCodes, columnCodes, counts };
}

/** The hidden entries of a published crosstab, laid out as in the table with its totals. */
function hiddenIn(t: Crosstab): boolean[][] {
  return [...t.cells!.map((row, i) => [...row.map((c) => c.count === null), t.rowTotals![i]!.count === null]), [...t.columnTotals!.map((c) => c.count === null), false]];
}

describe('publishCrosstab', () => {
  it('gives counts, row and column shares and the chi-square test computed by hand', () => {
    const t = publishCrosstab(counted([[10, 20], [30, 40]]), {}, rules);
    expect(t.base).toBe(100);
    expect(t.status).toBe('ok');
    expect(t.cells![0]![1]).toEqual({ count: 20, rowShare: 20 / 30, columnShare: 20 / 60 });
    expect(t.rowTotals).toEqual([{ count: 30, share: 0.3 }, { count: 70, share: 0.7 }]);
    expect(t.columnTotals).toEqual([{ count: 40, share: 0.4 }, { count: 60, share: 0.6 }]);
    expect(t.test!.statistic).toBeCloseTo(0.793651, 6);
    expect(t.test!.cramersV).toBeCloseTo(0.089087, 6);
    expect(t.test!.df).toBe(1);
    expect(t.test!.lowExpected).toBe(false);
    expect(t.testOmitted).toBeUndefined();
  });

  it('hides small cells with their complements, and omits the test that would reveal them', () => {
    const counts = [[1, 5, 7], [6, 8, 9], [10, 12, 4]];
    const t = publishCrosstab(counted(counts), {}, rules);
    expect(t.cells![0]![0]).toEqual({ count: null, rowShare: null, columnShare: null, suppressed: 'small' });
    expect(t.cells!.flat().filter((c) => c.suppressed === 'complementary')).toHaveLength(3);
    expect(recomputable(withTotals(counts).slice(0, -1).map((r) => r.slice(0, -1)), hiddenIn(t))).toEqual([]);
    expect(t.test).toBeNull();
    expect(t.testOmitted).toBe('suppressed-cells');
  });

  it('withholds a table on a base under 10 and flags doubtful expected counts', () => {
    expect(publishCrosstab(counted([[3, 3], [3, 0]]), {}, rules)).toMatchObject({ base: null, status: 'withheld', test: null, testOmitted: 'withheld' });
    expect(publishCrosstab(counted([[3, 3], [3, 0]]), {}, rules).cells).toBeUndefined();
    const t = publishCrosstab(counted([[3, 4], [5, 20]]), {}, rules);
    expect(t.status).toBe('ok');
    expect(t.status === 'ok' && t.test!.lowExpected).toBe(true);
  });
});

describe('crossTabulate', () => {
  const b = builds();
  const compiled = [b.core, b.rennes, b.lorient];

  it('counts the respondents who answered both questions, per territory and wave (naive recount)', async () => {
    const items = generate(11);
    for (const [code, wave] of [['35238', '2026'], ['200042174', '2026']] as const) {
      const level = code === '35238' ? 'commune' : 'epci';
      // Under rules that hide nothing every count is the naive one; the default rules' table is checked below.
      const t = await crossTabulate(stream(items), { compiled, rows: 'secteur_principal', columns: 'employeur', territory: { level, code }, wave, rules: { minCell: 1 } });
      const guarded = await crossTabulate(stream(items), { compiled, rows: 'secteur_principal', columns: 'employeur', territory: { level, code }, wave });
      const sector = b.core.sections[0]!.questions.find((q) => q.id === 'secteur_principal')! as { choices: { code: string }[]; other?: unknown };
      // The "other, please specify" code comes last, once, whether or not the build lists it.
      const codes = [...new Set([...sector.choices.map((c) => c.code), ...(sector.other ? ['other'] : [])])];
      expect(t.rows.codes.map((c) => c.code)).toEqual(codes);
      expect(t.columns.codes.map((c) => c.code)).toEqual(['true', 'false']);
      const mine = items.filter((g) => g.payload.territory.code === code && g.payload.wave === wave)
        .map((g) => g.payload.answers).filter((a) => a.secteur_principal !== undefined && a.employeur !== undefined);
      expect(t.base).toBe(mine.length);
      const naive = t.rows.codes.map((r) => t.columns.codes.map((c) => mine.filter((a) => a.secteur_principal === r.code && String(a.employeur) === c.code).length));
      expect(t.cells!.map((row) => row.map((cell) => cell.count))).toEqual(naive);
      if (guarded.status === 'withheld') continue;
      guarded.cells!.forEach((row, i) => row.forEach((cell, j) => {
        const n = naive[i]![j]!;
        if (n > 0 && n < 3) expect(cell.suppressed).toBe('small');
        if (cell.count !== null) expect(cell.count).toBe(n);
      }));
      expect(recomputable(naive, hiddenIn(guarded))).toEqual([]);
    }
  });

  it('lists the codes of the versions answered in its scope, counts kept with their codes', async () => {
    // The next core merges caritatif_humanitaire and social_sante into solidarite (crosswalk).
    const next = crosswalkCore();
    const random = prng(23);
    const [onNew, onBoth] = [{ level: 'commune', code: '35238' }, { level: 'commune', code: '29019' }] as const;
    const items = [...generateFor(next, onNew, '2026', 60, random), ...generateFor(b.core, onBoth, '2026', 40, random), ...generateFor(next, onBoth, '2026', 40, random)];
    // A file (not the collector) may carry a code its version lacks: it is counted under its own code, after the others.
    const stray = items.find((g) => g.payload.territory.code === onNew.code && g.payload.answers.secteur_principal !== undefined && g.payload.answers.employeur !== undefined)!;
    stray.payload.answers.secteur_principal = 'caritatif_humanitaire';
    const cross = (territory: TerritoryRef) => crossTabulate(stream(items), { compiled: [b.core, next], rows: 'secteur_principal', columns: 'employeur', territory, wave: '2026', rules: { minCell: 1 } });
    const listed = (c: typeof next) => {
      const q = c.sections[0]!.questions.find((x) => x.id === 'secteur_principal') as { choices: { code: string }[]; other?: unknown };
      return [...new Set([...q.choices.map((x) => x.code), ...(q.other ? ['other'] : [])])];
    };
    const alone = await cross(onNew);
    expect(alone.rows.codes.map((c) => c.code)).toEqual([...listed(next), 'caritatif_humanitaire']);
    const both = await cross(onBoth);
    expect(both.rows.codes.map((c) => c.code)).toEqual([...listed(b.core), 'solidarite']);
    // Each shown count is the naive one of its own code.
    for (const [t, territory] of [[alone, onNew], [both, onBoth]] as const) {
      const mine = items.filter((g) => g.payload.territory.code === territory.code).map((g) => g.payload.answers);
      t.cells!.forEach((row, i) => row.forEach((cell, j) => {
        const n = mine.filter((a) => a.secteur_principal === t.rows.codes[i]!.code && String(a.employeur) === t.columns.codes[j]!.code).length;
        if (cell.count !== null) expect(cell.count).toBe(n);
      }));
      expect(t.base).toBe(mine.filter((a) => a.secteur_principal !== undefined && a.employeur !== undefined).length);
    }
  });

  it('labels an axis as the newest version answered in its scope does', async () => {
    const next = crosswalkCore();
    const sector = next.sections[0]!.questions.find((x) => x.id === 'secteur_principal')!;
    sector.label = { fr: 'Secteur (nouveau libellé)', en: 'Sector (new label)' };
    const random = prng(29);
    const [onOld, onNew, onBoth] = [{ level: 'commune', code: '29019' }, { level: 'commune', code: '35238' }, { level: 'commune', code: '44109' }] as const;
    const items = [...generateFor(b.core, onOld, '2026', 40, random), ...generateFor(next, onNew, '2026', 40, random), ...generateFor(b.core, onBoth, '2026', 30, random), ...generateFor(next, onBoth, '2026', 30, random)];
    const label = async (territory: TerritoryRef) => (await crossTabulate(stream(items), { compiled: [b.core, next], rows: 'secteur_principal', columns: 'employeur', territory, wave: '2026' })).rows.label;
    const old = b.core.sections[0]!.questions.find((x) => x.id === 'secteur_principal')!.label;
    expect(old).not.toEqual(sector.label);
    expect(await label(onOld)).toEqual(old);
    expect(await label(onNew)).toEqual(sector.label);
    expect(await label(onBoth)).toEqual(sector.label);
  });

  it('reads every territory and wave when none is given', async () => {
    const items = generate(12);
    const t = await crossTabulate(stream(items), { compiled, rows: 'employeur', columns: 'affiliation_federation', rules: { minCell: 1, minBase: 1 } });
    const both = items.filter((g) => g.payload.answers.employeur !== undefined && g.payload.answers.affiliation_federation !== undefined);
    expect(t.base).toBe(both.length);
    expect(t.territory).toBeNull();
    const yesYes = both.filter((g) => g.payload.answers.employeur === true && g.payload.answers.affiliation_federation === true).length;
    expect(t.cells![0]![0]!.count).toBe(yesYes);
  });

  it('names a wave or a territory without responses instead of a table too small to publish', async () => {
    const random = prng(31);
    const rennes = { level: 'commune', code: '35238' } as const;
    const items = [...generateFor(b.core, rennes, '2025', 30, random), ...generateFor(b.core, rennes, '2026', 30, random)];
    const cross = (scope: { wave?: string; territory?: TerritoryRef }) => crossTabulate(stream(items), { compiled, rows: 'secteur_principal', columns: 'employeur', ...scope });
    await expect(cross({ wave: '2062' })).rejects.toMatchObject({
      pointer: '/wave', rule: 'analysis/empty-wave',
      text: { fr: 'aucune réponse au millésime « 2062 » (millésimes lus : 2025, 2026)', en: 'no response of wave "2062" (waves read: 2025, 2026)' },
    });
    await expect(cross({ wave: '2026', territory: { level: 'commune', code: '99999' } })).rejects.toMatchObject({
      pointer: '/territory', rule: 'analysis/unknown-territory',
      text: { fr: 'aucune réponse de commune:99999 au millésime « 2026 » (territoires du millésime : commune:35238)', en: 'no response of commune:99999 in wave "2026" (territories of the wave: commune:35238)' },
    });
    await expect(cross({ territory: { level: 'commune', code: '99999' } })).rejects.toThrow('/territory: [analysis/unknown-territory] no response of commune:99999 (territories read: commune:35238)');
  });

  it('counts the responses collected inside the territory asked for, as its results do (decision 0014)', async () => {
    const random = prng(37);
    const [agglo, lorient] = [{ level: 'epci', code: '200042174' }, { level: 'commune', code: '56121' }] as const;
    const items = [...generateFor(b.lorient, agglo, '2026', 40, random), ...generateFor(b.core, lorient, '2026', 20, random)];
    const inside = (t: TerritoryRef) => t.level === lorient.level && t.code === lorient.code;
    const t = await crossTabulate(stream(items), { compiled, rows: 'secteur_principal', columns: 'employeur', territory: agglo, wave: '2026', inside, rules: { minCell: 1 } });
    const both = items.filter((g) => g.payload.answers.secteur_principal !== undefined && g.payload.answers.employeur !== undefined);
    expect(t.base).toBe(both.length);
    expect(t.territory).toEqual(agglo);
  });

  it('pools every territory of the wave under the network (network:all), with no predicate to give', async () => {
    const random = prng(41);
    const items = ['35238', '29019', '56121'].flatMap((code) => generateFor(b.core, { level: 'commune', code }, '2026', 20, random));
    const t = await crossTabulate(stream(items), { compiled, rows: 'secteur_principal', columns: 'employeur', territory: NETWORK_TERRITORY, wave: '2026', rules: { minCell: 1 } });
    const both = items.filter((g) => g.payload.answers.secteur_principal !== undefined && g.payload.answers.employeur !== undefined);
    expect(t.base).toBe(both.length);
    expect(t.territory).toEqual(NETWORK_TERRITORY);
    // A territorial extension's question is one territory's: the network does not cross it, Rennes does.
    const own = allQuestions(b.rennes).find((q) => q.origin.kind === 'extension' && ['single', 'boolean', 'scale'].includes(q.type))!;
    const answered = [...items, ...generateFor(b.rennes, { level: 'commune', code: '35238' }, '2026', 20, random)];
    await expect(crossTabulate(stream(answered), { compiled, rows: own.id, columns: 'employeur', territory: NETWORK_TERRITORY, wave: '2026' }))
      .rejects.toThrow(`/rows: [analysis/network-extension-question] "${own.id}" is a question of a territorial extension`);
    expect((await crossTabulate(stream(answered), { compiled, rows: own.id, columns: 'employeur', territory: { level: 'commune', code: '35238' }, wave: '2026' })).rows.id).toBe(own.id);
  });

  it('hides a total that a territory of the scope hides in its results: the others\' published counts would give it back', async () => {
    const random = prng(43);
    const [rennes, brest] = [{ level: 'commune', code: '35238' }, { level: 'commune', code: '29019' }] as const;
    const items = [...generateFor(b.core, rennes, '2026', 40, random), ...generateFor(b.core, brest, '2026', 40, random)];
    // One environmental association in Rennes (« < 3 » in its results), eight in Brest (shown).
    items.forEach((g, i) => {
      g.payload.answers.secteur_principal = i === 0 || (i >= 40 && i < 48) ? 'environnement' : i % 2 ? 'sport' : 'culture';
      g.payload.answers.employeur = i % 3 === 0;
    });
    const results = await aggregateResponses(stream(items), { compiled, rules });
    const figures = (code: string) => results.groups.find((g) => g.territory.code === code)!.questions.find((q) => q.id === 'secteur_principal')!;
    // A single choice counts as a distribution: anything else has no categories to read.
    const sector = (code: string): DistributionFigures | undefined => { const f = figures(code); return f.kind === 'distribution' ? f : undefined; };
    const count = (code: string) => sector(code)?.categories!.find((c) => c.code === 'environnement')!.count;
    expect([count('35238'), count('29019')]).toEqual([null, 8]);
    const t = await crossTabulate(stream(items), { compiled, rows: 'secteur_principal', columns: 'employeur', wave: '2026' });
    const i = t.rows.codes.findIndex((c) => c.code === 'environnement');
    // Shown, 9 less Brest's 8 would be Rennes' hidden 1.
    if (t.status !== 'withheld') expect(t.rowTotals![i]!.count).toBeNull();
    // Every total the two territories' results show stays a reader's known figure: never a complement.
    const shown = t.rows.codes.map((c) => ['35238', '29019'].every((code) => sector(code)!.categories!.find((k) => k.code === c.code)?.count !== null));
    if (t.status !== 'withheld') t.rowTotals!.forEach((total, k) => { if (shown[k] && total.suppressed !== 'small') expect(total.suppressed).toBeUndefined(); });
    expect(t.status).not.toBe('withheld');
  });

  it('refuses questions that cannot be crossed, naming the option', async () => {
    await expect(crossTabulate([], { compiled, rows: 'publics', columns: 'employeur' })).rejects.toThrow('/rows: [analysis/crosstab-question] "publics" is a multiple question');
    await expect(crossTabulate([], { compiled, rows: 'employeur', columns: 'nom_association' })).rejects.toThrow('/columns: [analysis/crosstab-question] "nom_association" is not a question that can be aggregated');
    await expect(crossTabulate([], { compiled, rows: 'employeur', columns: 'nb_dirigeants' })).rejects.toThrow(/personal/);
  });
});
