/**
 * `analyseResponses` against an independent calculation on generated responses: five
 * territories in 2026 on the next core (with a crosswalk: a merge, a rename, a break), two of
 * them also in 2025 on the current core. Every compared figure is recomputed from the raw
 * generated answers; p-values from a normal tail integrated numerically.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allQuestions } from '@olva/runtime';
import { prng } from '@olva/test-support/prng';
import { analyseResponses } from './analyse.js';
import { checkNationalReferences } from './references.js';
import { builds, crosswalkCore, generateFor, splitCore, stream, type Generated } from './__fixtures__/responses.js';
import type { DistributionFigures, GroupResults, NumericFigures } from './results.js';
import { AnalysisError } from './errors.js';
import { NETWORK_TERRITORY } from './network-territory.js';

const RENNES = { level: 'commune', code: '35238' } as const;
const LORIENT = { level: 'epci', code: '200042174' } as const;
const b = builds();
const next = crosswalkCore();
const compiled = [b.core, b.rennes, b.lorient, next];

function sample(seed: number): Generated[] {
  const random = prng(seed);
  return [
    ...generateFor(next, RENNES, '2026', 90, random),
    ...generateFor(next, LORIENT, '2026', 45, random),
    ...generateFor(next, { level: 'commune', code: '29019' }, '2026', 40, random),
    ...generateFor(next, { level: 'commune', code: '44109' }, '2026', 35, random),
    ...generateFor(next, { level: 'commune', code: '35288' }, '2026', 8, random),
    ...generateFor(b.rennes, RENNES, '2025', 70, random),
    ...generateFor(b.core, LORIENT, '2025', 30, random),
  ];
}

const references = checkNationalReferences(JSON.parse(readFileSync(fileURLToPath(new URL('../../core-questionnaire/references/national-2017.json', import.meta.url)), 'utf8')), 'national-2017.json');

/** Raw count of respondents of a territory and wave whose answer to `q` is one of `codes`, and the answered base. */
function raw(items: Generated[], t: { code: string }, wave: string, q: string, codes: readonly unknown[]): { count: number; base: number } {
  let count = 0;
  let base = 0;
  for (const g of items) {
    if (g.payload.territory.code !== t.code || g.payload.wave !== wave || !g.shown.has(q)) continue;
    const v = g.payload.answers[q];
    if (v === undefined) continue;
    base += 1;
    if (codes.includes(v)) count += 1;
  }
  return { count, base };
}

/** Two-sided normal tail 2(1 − Φ(|z|)) by Simpson's rule on the density: independent of the chi-square code. */
function normalTail(z: number): number {
  const a = Math.abs(z);
  const n = 2000;
  const h = a / n;
  const f = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  let s = f(0) + f(a);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(i * h);
  return 2 * (0.5 - (s * h) / 3);
}

function group(doc: { groups: GroupResults[] }, code: string): GroupResults {
  return doc.groups.find((g) => g.territory.code === code)!;
}

describe('analyseResponses', () => {
  const items = sample(31);
  const run = () => analyseResponses(stream(items), { compiled, wave: '2026', territory: RENNES, previousWave: '2025', references });

  it('writes the territory of the wave only, with its scope, bases and medians as a naive count gives', async () => {
    const doc = await run();
    expect(doc.scope).toEqual({ wave: '2026', territory: RENNES, previousWave: '2025' });
    expect(doc.groups.map((g) => `${g.territory.code}/${g.wave}`)).toEqual(['35238/2026']);
    const g = doc.groups[0]!;
    expect(g.responses).toBe(90);
    const employer = g.questions.find((q) => q.id === 'employeur') as DistributionFigures;
    const truth = raw(items, RENNES, '2026', 'employeur', [true]);
    expect(employer.base!.answered).toBe(truth.base);
    expect(employer.categories!.find((c) => c.code === 'true')!.count).toBe(truth.count);
    const adherents = g.questions.find((q) => q.id === 'nb_adherents') as NumericFigures;
    const values = items.filter((x) => x.payload.territory.code === '35238' && x.payload.wave === '2026' && typeof x.payload.answers.nb_adherents === 'number')
      .map((x) => x.payload.answers.nb_adherents as number).sort((p, q) => p - q);
    const h = (values.length - 1) / 2;
    expect(adherents.summary!.median).toBeCloseTo(values[Math.floor(h)]! + (h - Math.floor(h)) * (values[Math.ceil(h)]! - values[Math.floor(h)]!), 12);
  });

  it('sets each share beside the other territories of the wave pooled, from published counts only', async () => {
    const doc = await run();
    const network = doc.groups[0]!.comparisons!.network!;
    expect(network.otherTerritories).toBe(4);
    // Saint-Malo (8 responses) is withheld: 3 territories pooled, enough.
    const employer = network.shares.find((s) => s.question === 'employeur' && s.code === 'true')!;
    expect(employer.territories).toBe(3);
    let pooled = { count: 0, base: 0 };
    for (const t of [LORIENT, { code: '29019' }, { code: '44109' }]) {
      const r = raw(items, t, '2026', 'employeur', [true]);
      pooled = { count: pooled.count + r.count, base: pooled.base + r.base };
    }
    expect(employer.network).toMatchObject(pooled);
    const here = raw(items, RENNES, '2026', 'employeur', [true]);
    const p1 = here.count / here.base;
    const p2 = pooled.count / pooled.base;
    const p = (here.count + pooled.count) / (here.base + pooled.base);
    const z = (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / here.base + 1 / pooled.base));
    expect(employer.p).toBeCloseTo(normalTail(z), 6);
    expect(employer.notable).toBe(employer.p! < 0.05);
    // A pooled figure is never given when a pooled territory hides its count.
    const lines = doc.groups[0]!.comparisons!.network!.shares;
    expect(lines.some((s) => s.missing === 'hidden')).toBe(true);
    const singles = new Set(doc.groups[0]!.questions.filter((q) => q.type === 'single').map((q) => q.id));
    const checked = lines.filter((x) => x.network && !x.row && singles.has(x.question));
    expect(checked.length).toBeGreaterThan(10);
    for (const s of checked) {
      const parts = [LORIENT, { code: '29019' }, { code: '44109' }].map((t) => raw(items, t, '2026', s.question, [s.code]));
      expect(s.network).toMatchObject({ count: parts.reduce((n, r) => n + r.count, 0), base: parts.reduce((n, r) => n + r.base, 0) });
      // Every pooled count was publishable: none of them a small cell.
      for (const r of parts) expect(r.count === 0 || r.count >= 3).toBe(true);
    }
  });

  it('needs 3 other territories for a network figure', async () => {
    const few = items.filter((g) => g.payload.territory.code !== '44109');
    const doc = await analyseResponses(stream(few), { compiled, wave: '2026', territory: RENNES });
    const shares = doc.groups[0]!.comparisons!.network!.shares;
    expect(shares.length).toBeGreaterThan(0);
    expect(new Set(shares.map((s) => s.missing))).toEqual(new Set(['too-few-territories']));
    expect(shares.every((s) => s.network === null && s.notable === null)).toBe(true);
  });

  it('compares with the national references, summing the codes a figure names', async () => {
    const doc = await run();
    const national = doc.groups[0]!.comparisons!.national!;
    expect(national.references).toMatchObject({ id: 'national-2017', version: '1.0.1' });
    const budget = national.figures.find((f) => f.id === 'budget_moins_10000')!;
    const truth = raw(items, RENNES, '2026', 'budget_annuel', ['moins_1000', 'de_1000_a_10000']);
    if (budget.territory) {
      expect(budget.territory).toMatchObject(truth);
      const z = (truth.count / truth.base - 0.75) / Math.sqrt((0.75 * 0.25) / truth.base);
      expect(budget.p).toBeCloseTo(normalTail(z), 6);
    } else expect(budget.missing).toBe('hidden');
    expect(national.figures.find((f) => f.id === 'associations_actives')).toMatchObject({ missing: 'no-question', national: { value: 1500000, year: 2017 } });
    expect(national.figures.find((f) => f.id === 'presidentes')!.categoriesDiffer!.fr).toMatch(/coprésidences/);
  });

  it('compares with the previous wave through the crosswalk: merged codes summed, renamed question followed, break said', async () => {
    const doc = await run();
    const previous = doc.groups[0]!.comparisons!.previousWave!;
    // Rennes answered 2026 on the next core only: its distribution lists the merged code, not the old ones at 0.
    const sectors = (doc.groups[0]!.questions.find((q) => q.id === 'secteur_principal') as DistributionFigures).categories!.map((c) => c.code);
    expect(sectors).toContain('solidarite');
    expect(sectors.filter((c) => c === 'caritatif_humanitaire' || c === 'social_sante')).toEqual([]);
    expect(previous).toMatchObject({ wave: '2025', available: true, crosswalk: { from: [b.core.questionnaire.version], to: [next.questionnaire.version], applied: true } });
    const solidarity = previous.shares.find((s) => s.question === 'secteur_principal' && s.code === 'solidarite')!;
    expect(solidarity.previousCodes!.sort()).toEqual(['caritatif_humanitaire', 'social_sante']);
    const before = raw(items, RENNES, '2025', 'secteur_principal', ['caritatif_humanitaire', 'social_sante']);
    const now = raw(items, RENNES, '2026', 'secteur_principal', ['solidarite']);
    if (solidarity.missing === 'hidden') expect(Math.min(before.count, now.count)).toBeLessThan(6);
    else {
      expect(solidarity.previous).toMatchObject(before);
      expect(solidarity.current).toMatchObject(now);
    }
    const scale = previous.shares.filter((s) => s.question === 'echelle_intervention' && s.current && s.previous);
    expect(scale.length).toBeGreaterThan(0);
    for (const s of scale) expect(s.previous).toMatchObject(raw(items, RENNES, '2025', 'echelle_action', [s.code]));
    // Its previous id, under which a publication of 2025 shows it; none for a question kept.
    expect(new Set(previous.shares.filter((s) => s.question === 'echelle_intervention').map((s) => s.previousQuestion))).toEqual(new Set(['echelle_action']));
    expect(solidarity.previousQuestion).toBeUndefined();
    expect(previous.shares.find((s) => s.question === 'situation_financiere')).toMatchObject({ missing: 'not-comparable', reason: { fr: 'Les modalités ont changé de sens.' } });
    // A territory without a previous wave says so.
    const lorientless = await analyseResponses(stream(items.filter((g) => !(g.payload.territory.code === '35238' && g.payload.wave === '2025'))), { compiled, wave: '2026', territory: RENNES, previousWave: '2025' });
    expect(lorientless.groups[0]!.comparisons!.previousWave).toEqual({ wave: '2025', available: false, crosswalk: null, shares: [] });
  });

  it('sets the sample beside the expected sectors, and post-stratifies on the main sector when asked', async () => {
    const expected = [{ territory: RENNES, source: 'RNA 2025', sectors: { sport: 400, culture: 300, loisirs_vie_sociale: 200, solidarite: 100 } }];
    const doc = await analyseResponses(stream(items), { compiled, wave: '2026', territory: RENNES, expected, weight: 'sector' });
    const sample = doc.groups[0]!.sample!;
    expect(sample).toMatchObject({ question: 'secteur_principal', source: 'RNA 2025', expectedTotal: 1000 });
    const sport = sample.sectors.find((x) => x.code === 'sport')!;
    expect(sport.expected).toEqual({ count: 400, share: 0.4 });
    const sportRaw = raw(items, RENNES, '2026', 'secteur_principal', ['sport']);
    if (sport.sample) expect(sport.sample).toEqual({ count: sportRaw.count, share: sportRaw.count / sportRaw.base });
    // Weighted share of employers, recomputed: Σ_s W_s · employers(s) / answered(s).
    const rennes = items.filter((g) => g.payload.territory.code === '35238' && g.payload.wave === '2026');
    const sectorOf = (g: Generated) => (g.shown.has('secteur_principal') ? g.payload.answers.secteur_principal as string | undefined : undefined);
    const strata = Object.keys(expected[0]!.sectors).map((s) => {
      const members = rennes.filter((g) => sectorOf(g) === s && g.shown.has('employeur') && g.payload.answers.employeur !== undefined);
      return { s, n: members.length, yes: members.filter((g) => g.payload.answers.employeur === true).length };
    }).filter((x) => x.n > 0);
    const mass = strata.reduce((m, x) => m + expected[0]!.sectors[x.s as 'sport'], 0);
    const weighted = sample.weighted!;
    expect(weighted).toMatchObject({ method: 'post-stratification', question: 'secteur_principal' });
    expect(weighted.base).toBe(rennes.filter((g) => strata.some((x) => x.s === sectorOf(g))).length);
    const share = weighted.questions.find((q) => q.id === 'employeur')!.categories.find((c) => c.code === 'true')!.share;
    if (strata.some((x) => (x.yes > 0 && x.yes < 3))) expect(share).toBeNull();
    else expect(share).toBeCloseTo(strata.reduce((sum, x) => sum + (expected[0]!.sectors[x.s as 'sport'] / mass) * (x.yes / x.n), 0), 12);
    expect(weighted.questions.some((q) => q.categories.some((c) => c.share === null))).toBe(true);
    expect(weighted.questions.some((q) => q.categories.some((c) => c.share !== null))).toBe(true);
    // A count the figures hide has no weighted share either: with one sector, share × base is the count.
    const hidden = doc.groups[0]!.questions.flatMap((q) => ('categories' in q ? q.categories ?? [] : []).filter((c) => c.count === null).map((c) => `${q.id}/${c.code}`));
    const weightedOf = new Map<string, number | null>(weighted.questions.flatMap((q) => q.categories.map((c) => [`${q.id}/${c.code}`, c.share] as const)));
    expect(hidden.filter((k) => weightedOf.has(k)).length).toBeGreaterThan(0);
    expect(hidden.filter((k) => weightedOf.get(k) != null)).toEqual([]);
  });

  it('counts the responses collected inside the territory in it, in both waves, and not among the network\'s others', async () => {
    // Lorient Agglomération's responses, and some collected in the commune of Lorient (56121), inside it.
    const random = prng(7);
    const inner = [...generateFor(b.core, { level: 'commune', code: '56121' }, '2026', 12, random), ...generateFor(b.core, { level: 'commune', code: '56121' }, '2025', 5, random)];
    const inside = (t: { level: string; code: string }) => t.level === 'commune' && t.code === '56121';
    const options = { compiled, wave: '2026', territory: LORIENT, previousWave: '2025' } as const;
    const pooled = await analyseResponses(stream([...items, ...inner]), { ...options, inside });
    const apart = await analyseResponses(stream([...items, ...inner]), options);
    expect(pooled.groups.map((g) => [g.territory, g.responses])).toEqual([[LORIENT, 45 + 12]]);
    expect(apart.groups.map((g) => [g.territory, g.responses])).toEqual([[LORIENT, 45]]);
    // The previous wave too: Lorient's 30 and the commune's 5.
    const base = (doc: typeof pooled) => doc.groups[0]!.comparisons!.previousWave!.shares.find((x) => x.question === 'employeur')!.previous!.base;
    expect(base(pooled)).toBe(raw([...items, ...inner], LORIENT, '2025', 'employeur', [true, false]).base + raw(inner, { code: '56121' }, '2025', 'employeur', [true, false]).base);
    expect(base(apart)).toBe(raw(items, LORIENT, '2025', 'employeur', [true, false]).base);
    // The commune is part of Lorient Agglomération, not another territory beside it.
    expect(pooled.groups[0]!.comparisons!.network!.otherTerritories).toBe(apart.groups[0]!.comparisons!.network!.otherTerritories - 1);
  });

  it('counts an EPCI and a commune inside it as one area among the others, pooled once, and keeps each out of the other\'s others', async () => {
    // The commune of Lorient (56121) has responses of its own beside Lorient Agglomération's.
    const LORIENT_COMMUNE = { level: 'commune', code: '56121' } as const;
    const inner = generateFor(b.core, LORIENT_COMMUNE, '2026', 20, prng(11));
    const within = (t: { level: string; code: string }, c: { level: string; code: string }) =>
      (t.level === c.level && t.code === c.code) || (c.code === LORIENT.code && t.code === LORIENT_COMMUNE.code);
    const doc = await analyseResponses(stream([...items, ...inner]), { compiled, wave: '2026', within });
    const network = (code: string) => group(doc, code).comparisons!.network!;
    const employer = (code: string) => network(code).shares.find((s) => s.question === 'employeur' && s.code === 'true')!;
    // Six groups, five areas: Rennes' others are four (the agglomeration with its commune, and three communes), not five.
    expect(doc.groups.length).toBe(6);
    expect(network(RENNES.code).otherTerritories).toBe(4);
    // Saint-Malo (8 responses) is withheld: the agglomeration with its commune, Brest, Nantes: 3 areas.
    expect(employer(RENNES.code).territories).toBe(3);
    // Both the agglomeration's and the commune's responses are pooled, once each.
    const sum = (codes: readonly string[]) => codes.map((c) => raw([...items, ...inner], { code: c }, '2026', 'employeur', [true]))
      .reduce((p, r) => ({ count: p.count + r.count, base: p.base + r.base }), { count: 0, base: 0 });
    expect(employer(RENNES.code).network).toMatchObject(sum([LORIENT.code, LORIENT_COMMUNE.code, '29019', '44109']));
    // The commune is not compared with the agglomeration around it, nor the agglomeration with its commune:
    // each one's others are Rennes, Brest, Nantes and Saint-Malo, without the other one's responses.
    for (const code of [LORIENT.code, LORIENT_COMMUNE.code]) {
      expect(network(code).otherTerritories).toBe(4);
      expect(employer(code).territories).toBe(3);
      expect(employer(code).network).toMatchObject(sum([RENNES.code, '29019', '44109']));
    }
  });

  it('pools every response of the wave, and of the previous one, under the network, with no network comparison', async () => {
    const doc = await analyseResponses(stream(items), { compiled, wave: '2026', territory: NETWORK_TERRITORY, previousWave: '2025', references });
    expect(doc.scope!.territory).toEqual({ level: 'network', code: 'all' });
    expect(doc.groups.map((g) => [g.territory, g.wave, g.responses])).toEqual([[{ level: 'network', code: 'all' }, '2026', 90 + 45 + 40 + 35 + 8]]);
    const g = doc.groups[0]!;
    expect(g.comparisons!.network).toBeUndefined();
    expect(g.comparisons!.national).toBeDefined();
    const rawAll = (wave: string) => {
      const codes = [RENNES.code, LORIENT.code, '29019', '44109', '35288'];
      return codes.map((code) => raw(items, { code }, wave, 'employeur', [true])).reduce((p, r) => ({ count: p.count + r.count, base: p.base + r.base }), { count: 0, base: 0 });
    };
    const employer = g.questions.find((q) => q.id === 'employeur') as DistributionFigures;
    expect(employer.base!.answered).toBe(rawAll('2026').base);
    expect(employer.categories!.find((c) => c.code === 'true')!.count).toBe(rawAll('2026').count);
    // The previous wave pools Rennes' and Lorient's 2025 responses.
    const before = g.comparisons!.previousWave!.shares.find((x) => x.question === 'employeur' && x.code === 'true')!;
    expect(before.previous).toMatchObject(rawAll('2025'));
    // 2026 pools five territories, 2025 two of them: the note says so, in counts, naming none.
    expect(doc.notes).toEqual([expect.objectContaining({ code: 'network-composition', wave: '2025', territories: [] })]);
    expect(doc.notes![0]!.text.fr).toContain('réunit 5 territoires, celui de 2025 en réunissait 2, dont 2 présents aux deux');
    expect(doc.notes![0]!.text.en).toContain('pools 5 territories, that of 2025 pooled 2, 2 of them in both');
    const same = items.filter((i) => i.payload.territory.code === RENNES.code || i.payload.territory.code === LORIENT.code);
    const steady = await analyseResponses(stream(same), { compiled, wave: '2026', territory: NETWORK_TERRITORY, previousWave: '2025' });
    expect(steady.notes ?? []).toEqual([]);
    // The territorial extensions' questions are left out: pooled, they are one territory's own.
    const extensionIds = new Set(compiled.flatMap((c) => allQuestions(c).filter((q) => q.origin.kind === 'extension').map((q) => q.id)));
    expect(extensionIds.size).toBeGreaterThan(0);
    const withExtension = [...generateFor(b.rennes, RENNES, '2026', 40, prng(5)), ...generateFor(b.core, LORIENT, '2026', 40, prng(6)),
      ...generateFor(b.rennes, RENNES, '2025', 40, prng(8))];
    const rennesOwn = await analyseResponses(stream(withExtension), { compiled, wave: '2026', territory: RENNES, previousWave: '2025' });
    const pooledAll = await analyseResponses(stream(withExtension), { compiled, wave: '2026', territory: NETWORK_TERRITORY, previousWave: '2025' });
    expect(rennesOwn.groups[0]!.questions.filter((q) => extensionIds.has(q.id)).length).toBeGreaterThan(0);
    expect(rennesOwn.groups[0]!.comparisons!.previousWave!.shares.filter((x) => extensionIds.has(x.question)).length).toBeGreaterThan(0);
    const net = pooledAll.groups[0]!;
    expect(net.questions.filter((q) => extensionIds.has(q.id)).map((q) => q.id)).toEqual([]);
    expect(net.comparisons!.previousWave!.shares.filter((x) => extensionIds.has(x.question))).toEqual([]);
    expect(net.questions.length).toBe(rennesOwn.groups[0]!.questions.filter((q) => !extensionIds.has(q.id)).length);
    // Without the network, the same figures are a territory's: the network is not a filter.
    const rennes = await analyseResponses(stream(items), { compiled, wave: '2026', territory: RENNES });
    expect(rennes.groups[0]!.responses).toBe(90);
  });

  it('refuses a wave or territory without responses, naming it', async () => {
    await expect(analyseResponses(stream(items), { compiled, wave: '2030' })).rejects.toThrow(/^\/wave: \[analysis\/empty-wave\] no response of wave "2030" \(waves read: 2025, 2026\)/);
    const e = await analyseResponses(stream(items), { compiled, wave: '2026', territory: { level: 'commune', code: '75056' } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    expect((e as AnalysisError).message).toContain('no response of commune:75056 in wave "2026"');
  });
});

describe('the previous wave through a split choice of a multiple choice (examples/core-2027)', () => {
  const split = splitCore();
  const SPLIT = ['action_sociale', 'sante'];
  /** Rennes in 2026 on the current core and in 2027 on the core that splits `social_sante`. */
  const waves = (seed: number) => {
    const random = prng(seed);
    return [...generateFor(b.core, RENNES, '2026', 110, random), ...generateFor(split, RENNES, '2027', 130, random)];
  };
  const analyse = (items: Generated[]) => analyseResponses(stream(items), { compiled: [b.core, split], wave: '2027', territory: RENNES, previousWave: '2026' });
  const secondary = (g: Generated) => (g.shown.has('secteurs_secondaires') ? g.payload.answers['secteurs_secondaires'] as string[] | undefined : undefined);
  const of2027 = (items: Generated[]) => items.filter((g) => g.payload.wave === '2027' && secondary(g) !== undefined);

  it('counts once a respondent who ticked both new codes, as the harmonised export does', async () => {
    const items = waves(3);
    const answered = of2027(items);
    const both = answered.filter((g) => SPLIT.every((c) => secondary(g)!.includes(c))).length;
    expect(both).toBeGreaterThanOrEqual(3);
    const share = (await analyse(items)).groups[0]!.comparisons!.previousWave!.shares.find((s) => s.question === 'secteurs_secondaires' && s.code === 'social_sante')!;
    expect(share.currentCodes).toEqual(SPLIT);
    const count = answered.filter((g) => SPLIT.some((c) => secondary(g)!.includes(c))).length;
    expect(share.current).toEqual({ count, base: answered.length, share: count / answered.length });
    const before = items.filter((g) => g.payload.wave === '2026' && secondary(g) !== undefined);
    expect(share.previous!.count).toBe(before.filter((g) => secondary(g)!.includes('social_sante')).length);
    expect(share.p).not.toBeNull();
  });

  it('hides the count when it would give away fewer than 3 respondents who ticked both', async () => {
    const items = waves(3);
    // Keep one respondent who ticked both codes: the codes' counts minus the category's would be 1.
    const both = of2027(items).filter((g) => SPLIT.every((c) => secondary(g)!.includes(c)));
    for (const g of both.slice(1)) g.payload.answers['secteurs_secondaires'] = secondary(g)!.filter((c) => c !== 'sante');
    const share = (await analyse(items)).groups[0]!.comparisons!.previousWave!.shares.find((s) => s.question === 'secteurs_secondaires' && s.code === 'social_sante')!;
    expect(share).toMatchObject({ current: null, p: null, notable: null, missing: 'hidden' });
  });

  it('refuses a previous wave answered with a newer core, rather than comparing nothing', async () => {
    const e = await analyseResponses(stream(waves(3)), { compiled: [b.core, split], wave: '2026', territory: RENNES, previousWave: '2027' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AnalysisError);
    expect(e).toMatchObject({ pointer: '/previousWave', rule: 'analysis/previous-wave-newer' });
    expect((e as AnalysisError).text!.fr).toBe(`le millésime « 2027 » a été répondu avec le tronc commun 2027.0.0, plus récent que celui du millésime « 2026 » (${b.core.questionnaire.version}) : le millésime précédent est le plus ancien des deux (inversez --wave et --previous-wave)`);
  });
});
