import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateResponses, analyseResponses, DEFAULT_DISCLOSURE_RULES as rules, type GroupResults, type HiddenCounts, type ResultsDocument } from '@olva/analysis';
import { builds, crosswalkCore, generateFor, stream, type Generated } from '@olva/test-support/responses';
import { prng } from '@olva/test-support/prng';
import { publishNow } from '@olva/test-support/publications';
import { HttpError } from '../http/errors.js';
import { canonicalPayload } from '../store/canonical.js';
import { SqlResponseStore } from '../store/sql-store.js';
import { openSqliteDb } from '../store/sqlite.js';
import type { TerritoryRef } from '../store/types.js';
import { TerritoryDirectory } from '../territories.js';
import { changedSince, hideBesideNested, nestedDifference, nestedPublications, nestedHiddenCounts, refuseNestedDifference } from './nested.js';
import { viewsOf } from './views.js';

const b = builds();
const agglo: TerritoryRef = { level: 'epci', code: '200042174' };
const lorient: TerritoryRef = { level: 'commune', code: '56121' };

/** One group of the responses, counted in Lorient Agglomération as its publication counts them. */
async function group(items: Generated[], only?: string): Promise<GroupResults> {
  const g = (await aggregateResponses(stream(items.map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules })).groups[0]!;
  return only ? { ...g, questions: g.questions.filter((q) => q.id === only) } : g;
}

/** `n` responses whose main sector is `sector` for the first `ones`, `culture` for the others. */
function sectors(territory: TerritoryRef, n: number, ones: number, seed: number): Generated[] {
  const items = generateFor(b.core, territory, '2026', n, prng(seed));
  items.forEach((g, i) => { g.payload.answers.secteur_principal = i < ones ? 'sport' : 'culture'; });
  return items;
}

/** Responses whose main sector is each code of `codes` as many times as it says. */
function bySector(territory: TerritoryRef, codes: Record<string, number>, seed: number): Generated[] {
  const list = Object.entries(codes).flatMap(([code, n]) => Array<string>(n).fill(code));
  const items = generateFor(b.core, territory, '2026', list.length, prng(seed));
  items.forEach((g, i) => { g.payload.answers.secteur_principal = list[i]; });
  return items;
}

describe('nested publications', () => {
  it('names a code whose count in the rest of the outer territory is 1 or 2', async () => {
    const inner = sectors(lorient, 40, 5, 53);
    const rest = sectors(agglo, 12, 1, 59);
    expect(nestedDifference(viewsOf(await group([...rest, ...inner], 'secteur_principal')), viewsOf(await group(inner, 'secteur_principal')), rules, '2026'))
      .toEqual({ fr: 'un effectif de 1 pour « secteur_principal » = sport (moins de 3)', en: 'a count of 1 for "secteur_principal" = sport (fewer than 3)' });
    // Three sport associations in the rest: a count the rules publish.
    const more = sectors(agglo, 12, 3, 59);
    expect(nestedDifference(viewsOf(await group([...more, ...inner], 'secteur_principal')), viewsOf(await group(inner, 'secteur_principal')), rules, '2026')).toBeNull();
  });

  it('names a rest of fewer than minBase responses before anything else', async () => {
    const inner = sectors(lorient, 40, 5, 61);
    expect(nestedDifference(viewsOf(await group([...sectors(agglo, 4, 1, 67), ...inner])), viewsOf(await group(inner)), rules, '2026'))
      .toEqual({ fr: 'un groupe de 4 réponses (moins de 10)', en: 'a group of 4 responses (fewer than 10)' });
  });

  it('hides, in the document published, the counts whose difference with the nested one is 1 or 2', async () => {
    const inner = sectors(lorient, 40, 5, 53);
    const outer = await group([...sectors(agglo, 12, 1, 59), ...inner], 'secteur_principal');
    const within = await group(inner, 'secteur_principal');
    const sport = { question: 'secteur_principal', code: 'sport' };
    // The outer one published second hides its 6; the inner one published second its 5.
    expect(nestedHiddenCounts(viewsOf(outer), viewsOf(within), false, rules)).toEqual([{ territory: agglo, wave: '2026', counts: [sport] }]);
    expect(nestedHiddenCounts(viewsOf(within), viewsOf(outer), true, rules)).toEqual([{ territory: agglo, wave: '2026', counts: [sport] }]);
  });

  it('hides nothing for a count the nested publication hides: the difference is unknown', async () => {
    // One sport association in Lorient, three in Lorient Agglomération: Lorient shows "< 3".
    const inner = sectors(lorient, 40, 1, 71);
    const outer = await group([...sectors(agglo, 12, 2, 73), ...inner], 'secteur_principal');
    const within = await group(inner, 'secteur_principal');
    const count = (g: GroupResults) => (g.questions[0] as { categories: { code: string; count: number | null }[] }).categories.find((c) => c.code === 'sport')!.count;
    expect([count(outer), count(within)]).toEqual([3, null]);
    expect(nestedHiddenCounts(viewsOf(outer), viewsOf(within), false, rules)).toEqual([]);
    expect(nestedDifference(viewsOf(outer), viewsOf(within), rules, '2026')).toBeNull();
  });

  it('hides again a count that the first hiding showed (its line’s complement changed)', async () => {
    const inner = bySector(lorient, { sport: 39, culture: 3, environnement: 10 }, 79);
    // The EPCI: sport 40, culture 4, social_sante 2, environnement 20. Alone, "< 3" takes culture
    // as its complement; sport hidden (40 − 39 = 1) protects it instead, and culture (4 − 3) shows.
    const all = [...bySector(agglo, { sport: 1, culture: 1, social_sante: 2, environnement: 10 }, 83), ...inner];
    const made = (hide: HiddenCounts[] = []) => aggregateResponses(stream(all.map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules, hide });
    const sector = (g: GroupResults | undefined) => (g!.questions.find((q) => q.id === 'secteur_principal') as { categories: { code: string; suppressed?: string }[] }).categories
      .filter((c) => c.suppressed).map((c) => [c.code, c.suppressed]);
    const first = await made();
    expect(sector(first.groups[0])).toEqual([['culture', 'complementary'], ['social_sante', 'small']]);
    const nested = [{ territory: lorient, outside: false, views: viewsOf(await group(inner)) }];
    const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
    expect(sector(doc.groups[0])).toEqual([['sport', 'complementary'], ['culture', 'complementary'], ['social_sante', 'small']]);
    expect(nestedHiddenCounts(viewsOf(doc.groups[0]!), nested[0]!.views, false, rules)).toEqual([]);
  });

  it('hides a count whose value bounds a hidden count of the nested publication to a single reading', async () => {
    // Lorient shows sport « < 3 » and culture « × » (making 5: 1 and 4, or 2 and 3). The agglomeration,
    // whose rest has no culture association, would show culture 3: Lorient's is at most 3, so 2 and 3.
    const inner = bySector(lorient, { sport: 2, culture: 3, environnement: 20, social_sante: 15 }, 109);
    const all = [...bySector(agglo, { sport: 2, environnement: 10, social_sante: 5 }, 113), ...inner];
    const made = async (hide: HiddenCounts[] = []) => {
      const doc = await aggregateResponses(stream(all.map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules, hide });
      return { ...doc, groups: doc.groups.map((g) => ({ ...g, questions: g.questions.filter((q) => q.id === 'secteur_principal') })) };
    };
    const sector = (g: GroupResults) => (g.questions.find((q) => q.id === 'secteur_principal') as { categories: { code: string; count: number | null; suppressed?: string }[] }).categories
      .filter((c) => ['sport', 'culture'].includes(c.code)).map((c) => [c.code, c.count, c.suppressed]);
    const within = await group(inner, 'secteur_principal');
    expect(sector(within)).toEqual([['sport', null, 'small'], ['culture', null, 'complementary']]);
    const first = await made();
    expect(sector(first.groups[0]!)).toEqual([['sport', 4, undefined], ['culture', 3, undefined]]);
    const nested = [{ territory: lorient, outside: false, views: viewsOf(within) }];
    const refused = (() => { try { refuseNestedDifference(agglo, '2026', first, nested, rules); } catch (e) { return e as HttpError; } })();
    expect(refused?.text.en).toContain('a hidden count of "secteur_principal", which the counts the other shows bound to a single value');
    const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
    expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
    // Culture hidden, and sport with it (the line's total would give it back): their sum, 7, bounds nothing.
    expect(sector(doc.groups[0]!)).toEqual([['sport', null, 'complementary'], ['culture', null, 'complementary']]);
  });

  describe('the previous wave a document compares with', () => {
    /** Responses of `territory` in `wave`, `sport` for the first `ones`, `culture` for the others. */
    const inWave = (territory: TerritoryRef, wave: string, n: number, ones: number, seed: number) =>
      sectors(territory, n, ones, seed).map((g) => ({ ...g, payload: { ...g.payload, wave } }));
    // Lorient: 40 responses each wave, 5 sport ones in 2025. The rest of the agglomeration: 20 in
    // 2026, 12 in 2025 of which ONE sport association: 6 − 5 in the previous-wave columns.
    const inner = [...inWave(lorient, '2026', 40, 8, 89), ...inWave(lorient, '2025', 40, 5, 97)];
    const all = [...inner, ...inWave(agglo, '2026', 20, 6, 101), ...inWave(agglo, '2025', 12, 1, 103)];
    /** The document of a territory for 2026 with 2025 beside it, its main sector only (as the other tests). */
    const documentOf = async (items: Generated[], territory: typeof agglo, hide: HiddenCounts[] = [], previousWave = '2025', wave = '2026'): Promise<ResultsDocument> => {
      const doc = await analyseResponses(stream(items), { compiled: [b.core], rules, wave, previousWave, territory: territory as never, network: false, inside: (t) => t.code === lorient.code, hide });
      return { ...doc, groups: doc.groups.map((g) => ({
        ...g, questions: g.questions.filter((q) => q.id === 'secteur_principal'),
        comparisons: { previousWave: { ...g.comparisons!.previousWave!, shares: g.comparisons!.previousWave!.shares.filter((s) => s.question === 'secteur_principal') } },
      })) };
    };
    const previousSport = (doc: ResultsDocument) => doc.groups[0]!.comparisons!.previousWave!.shares.find((s) => s.code === 'sport')!.previous?.count ?? null;

    it('hides a previous-wave count that the nested document’s previous wave subtracts into 1 or 2', async () => {
      const lorientDoc = await documentOf(inner, lorient);
      const nested = [{ territory: lorient, outside: false, views: viewsOf(lorientDoc.groups[0]!) }];
      const made = await documentOf(all, agglo);
      // What the two would publish as they are: 6 and 5, one sport association in the rest of 2025.
      expect([previousSport(made), previousSport(lorientDoc)]).toEqual([6, 5]);
      const doc = await hideBesideNested(made, agglo, '2026', nested, rules, (hide) => documentOf(all, agglo, hide));
      expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
      expect(previousSport(doc)).toBeNull();
      // Hidden in the 2025 group, with a complement: no other share of 2025 gives it back.
      const shown = doc.groups[0]!.comparisons!.previousWave!.shares.filter((s) => s.previous !== null);
      expect(shown.length).toBeLessThan(made.groups[0]!.comparisons!.previousWave!.shares.filter((s) => s.previous !== null).length - 1);
    });

    it('checks a previous wave against the nested territory’s own publication of that wave', async () => {
      // The agglomeration published 2025 itself; Lorient publishes 2026 with 2025 beside it.
      const agglo2025 = await aggregateResponses(stream(all.filter((g) => g.payload.wave === '2025').map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules });
      const nested = [{ territory: agglo, outside: true, views: viewsOf({ ...agglo2025.groups[0]!, questions: agglo2025.groups[0]!.questions.filter((q) => q.id === 'secteur_principal') }) }];
      const made = await documentOf(inner, lorient);
      expect(() => refuseNestedDifference(lorient, '2026', made, nested, rules)).toThrow(HttpError);
      const doc = await hideBesideNested(made, lorient, '2026', nested, rules, (hide) => documentOf(inner, lorient, hide));
      expect(previousSport(doc)).toBeNull();
      expect(() => refuseNestedDifference(lorient, '2026', doc, nested, rules)).not.toThrow();
    });

    it('checks a previous wave against the territory’s own earlier snapshot of it: one response erased since is no group of its own', async () => {
      // Lorient published 2025 with its 40 responses; one sport association's is erased since. Its
      // 2026 document sets 2025 beside it, 39 responses: the two would give that one's answers.
      const lorient2025 = await aggregateResponses(stream(inner.filter((g) => g.payload.wave === '2025')), { compiled: [b.core], rules });
      const earlier = [{ territory: lorient, outside: false, earlier: '2026-01-15T10:00:00.000Z', views: viewsOf({ ...lorient2025.groups[0]!, questions: lorient2025.groups[0]!.questions.filter((q) => q.id === 'secteur_principal') }) }];
      const erased = inner.filter((g) => g.payload.wave === '2026' || g.payload.answers.secteur_principal !== 'sport').concat(inner.filter((g) => g.payload.wave === '2025' && g.payload.answers.secteur_principal === 'sport').slice(1));
      const made = await documentOf(erased, lorient);
      expect(previousSport(made)).toBe(4);
      const refused = (() => { try { refuseNestedDifference(lorient, '2026', made, earlier, rules); } catch (e) { return e as HttpError; } })();
      expect(refused?.problems?.[0]?.code).toBe('results/earlier-snapshot-difference');
      expect(refused!.text.en).toContain('in wave "2025", a base of 1 respondents to "secteur_principal" (fewer than 10) be read by difference with its document published on 2026-01-15T10:00:00.000Z');
      const doc = await hideBesideNested(made, lorient, '2026', earlier, rules, (hide) => documentOf(erased, lorient, hide));
      expect(() => refuseNestedDifference(lorient, '2026', doc, earlier, rules)).not.toThrow();
      expect(doc.groups[0]!.comparisons!.previousWave!.shares.every((s) => s.previous === null && s.missing === 'withheld')).toBe(true);
      expect(doc.groups[0]!.questions[0]).toEqual(made.groups[0]!.questions[0]);
    });

    it('withholds, beside an earlier snapshot, the previous-wave lines an erased response left unchanged too: they would say what it did not answer', async () => {
      const lines = ['secteur_principal', 'employeur'];
      const keep = (doc: ResultsDocument): ResultsDocument => ({ ...doc, groups: doc.groups.map((g) => ({
        ...g, questions: g.questions.filter((q) => lines.includes(q.id)),
        ...(g.comparisons?.previousWave ? { comparisons: { previousWave: { ...g.comparisons.previousWave, shares: g.comparisons.previousWave.shares.filter((s) => lines.includes(s.question)) } } } : {}),
      })) });
      // The association erased since answered its main sector, not whether it employs anyone.
      const before = inner.map((g, i) => (i === 40 ? { ...g, payload: { ...g.payload, answers: Object.fromEntries(Object.entries(g.payload.answers).filter(([k]) => k !== 'employeur')) } } : g));
      expect(before[40]!.payload.wave).toBe('2025');
      const snapshot = keep(await aggregateResponses(stream(before.filter((g) => g.payload.wave === '2025')), { compiled: [b.core], rules }));
      const earlier = [{ territory: lorient, outside: false, earlier: '2026-01-15T10:00:00.000Z', views: viewsOf(snapshot.groups[0]!) }];
      const erased = before.filter((_, i) => i !== 40);
      const made = async (hide: HiddenCounts[] = []) => keep(await analyseResponses(stream(erased), { compiled: [b.core], rules, wave: '2026', previousWave: '2025', territory: lorient as never, network: false, inside: () => false, hide }));
      const first = await made();
      const shown = (doc: ResultsDocument) => [...new Set(doc.groups[0]!.comparisons!.previousWave!.shares.filter((s) => s.previous !== null).map((s) => s.question))];
      expect(shown(first).sort()).toEqual(['employeur', 'secteur_principal']);
      const doc = await hideBesideNested(first, lorient, '2026', earlier, rules, made);
      expect(shown(doc)).toEqual([]);
      expect(() => refuseNestedDifference(lorient, '2026', doc, earlier, rules)).not.toThrow();
    });

    it('withholds a previous-wave column whose changes cancel out in its lines: one response come in, one set aside, as the store counts them', async () => {
      const lines = ['secteur_principal', 'employeur'];
      const keep = (doc: ResultsDocument): ResultsDocument => ({ ...doc, groups: doc.groups.map((g) => ({
        ...g, questions: g.questions.filter((q) => lines.includes(q.id)),
        ...(g.comparisons?.previousWave ? { comparisons: { previousWave: { ...g.comparisons.previousWave, shares: g.comparisons.previousWave.shares.filter((s) => lines.includes(s.question)) } } } : {}),
      })) });
      // An association answered 2025 again after Lorient published it, saying it now employs no one;
      // its first response was set aside as the duplicate. Every base is as it was.
      const first = inner.filter((g) => g.payload.wave === '2025');
      const old = first.find((g) => g.payload.answers.employeur === true)!;
      const again = { ...old, payload: { ...old.payload, submissionId: '00000000-0000-4000-8000-000000000002', answers: { ...old.payload.answers, employeur: false } } };
      const at = '2026-01-15T10:00:00.000Z';
      const snapshot = keep(await aggregateResponses(stream(first), { compiled: [b.core], rules }));
      const now = [...inner.filter((g) => g !== old), again];
      const made = async (hide: HiddenCounts[] = []) => keep(await analyseResponses(stream(now), { compiled: [b.core], rules, wave: '2026', previousWave: '2025', territory: lorient as never, network: false, inside: () => false, hide }));
      const shown = (doc: ResultsDocument) => [...new Set(doc.groups[0]!.comparisons!.previousWave!.shares.filter((s) => s.previous !== null).map((s) => s.question))];
      // What the store holds: the 40 received before the act, the new one after, the old one set aside after.
      const stored = [...first.map((g) => ({ submissionId: g.payload.submissionId, receivedAt: '2026-01-10T09:00:00.000Z' })), { submissionId: again.payload.submissionId, receivedAt: '2026-02-01T09:00:00.000Z' }];
      const log = [{ action: 'exclude' as const, submissionId: old.payload.submissionId, keptId: again.payload.submissionId, by: 'lorient', at: '2026-02-01T09:05:00.000Z' }];
      const changed = changedSince(stored, new Set([old.payload.submissionId]), log, at);
      expect(changed).toBe(2);
      // The lines alone: employeur's counts differ by one each way and are hidden, the main sector stays.
      const linesOnly = await hideBesideNested(await made(), lorient, '2026', [{ territory: lorient, outside: false, earlier: at, views: viewsOf(snapshot.groups[0]!) }], rules, made);
      expect(shown(linesOnly)).toEqual(['secteur_principal']);
      const earlier = [{ territory: lorient, outside: false, earlier: at, changed: new Map([['2025', changed]]), views: viewsOf(snapshot.groups[0]!) }];
      const doc = await hideBesideNested(await made(), lorient, '2026', earlier, rules, made);
      expect(shown(doc)).toEqual([]);
      expect(() => refuseNestedDifference(lorient, '2026', doc, earlier, rules)).not.toThrow();
    });

    it('reads from the store the responses come in or set aside since each earlier snapshot, in each wave shown', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'olva-nested-'));
      let clock = new Date('2026-01-10T09:00:00.000Z');
      const store = new SqlResponseStore(openSqliteDb(join(dir, 'db.sqlite')), () => clock);
      await store.init();
      try {
        const put = async (g: Generated) => { const { json, digest } = canonicalPayload(g.payload); expect((await store.insert(g.payload, digest, json)).status).toBe('created'); };
        const first = inner.filter((g) => g.payload.wave === '2025');
        // Lanester's responses are the store's, not Lorient's: they count for nothing here.
        for (const g of [...first, ...generateFor(b.core, { level: 'commune', code: '56098' }, '2025', 3, prng(173))]) await put(g);
        clock = new Date('2026-01-15T10:00:00.000Z');
        await publishNow(store.publications, lorient, '2025', 'lorient', JSON.stringify(await aggregateResponses(stream(first), { compiled: [b.core], rules })), first.length);
        clock = new Date('2026-02-01T09:00:00.000Z');
        const again = { ...first[0]!, payload: { ...first[0]!.payload, submissionId: '00000000-0000-4000-8000-000000000003' } };
        await put(again);
        expect(await store.exclude(first[0]!.payload.submissionId, again.payload.submissionId, 'lorient')).toBe(true);
        const nested = await nestedPublications(store, new TerritoryDirectory(), lorient, [], new Set(['2026', '2025']), { filter: { questionnaireId: first[0]!.payload.questionnaire.id, territories: [lorient] }, counts: (t) => t.code === lorient.code });
        expect(nested.map((n) => [n.earlier, n.changed])).toEqual([['2026-01-15T10:00:00.000Z', new Map([['2026', 0], ['2025', 2]])]]);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses to publish a wave again when a few responses came in since its earlier snapshot', async () => {
      const lorient2025 = await documentOf(inner, lorient, [], '2024', '2025');
      const earlier = [{ territory: lorient, outside: false, earlier: '2026-01-15T10:00:00.000Z', views: viewsOf(lorient2025.groups[0]!) }];
      const late = [...inner, ...inWave(lorient, '2025', 3, 1, 127)];
      const again = await documentOf(late, lorient, [], '2024', '2025');
      const refused = (() => { try { refuseNestedDifference(lorient, '2025', again, earlier, rules); } catch (e) { return e as HttpError; } })();
      expect(refused?.problems?.[0]?.code).toBe('results/earlier-snapshot-difference');
      expect(refused?.text.fr).toContain('un groupe de 3 réponses (moins de 10)');
      // Twelve more: a group the rules publish, its small counts hidden.
      const more = [...inner, ...inWave(lorient, '2025', 12, 1, 131)];
      const made = await documentOf(more, lorient, [], '2024', '2025');
      const doc = await hideBesideNested(made, lorient, '2025', earlier, rules, (hide) => documentOf(more, lorient, hide, '2024', '2025'));
      expect(() => refuseNestedDifference(lorient, '2025', doc, earlier, rules)).not.toThrow();
      const sport = (d: ResultsDocument) => (d.groups[0]!.questions[0] as { categories: { code: string; count: number | null }[] }).categories.find((c) => c.code === 'sport')!.count;
      expect([sport(lorient2025), sport(made), sport(doc)]).toEqual([5, 6, null]);
    });

    it('matches a question a crosswalk renamed, under its previous id, with the nested territory’s publication of that wave', async () => {
      // 2025 on the core (echelle_action), 2026 on the next one (echelle_intervention). The rest of
      // the agglomeration in 2025: twelve associations, ONE acting at the regional scale.
      const next = crosswalkCore();
      const scale = (items: Generated[], code: (i: number) => string) => items.map((g, i) => ({ ...g, payload: { ...g.payload, answers: { ...g.payload.answers, echelle_action: code(i) } } }));
      const lorient2025 = scale(generateFor(b.core, lorient, '2025', 40, prng(137)), (i) => (i < 20 ? 'commune' : 'region'));
      const rest2025 = scale(generateFor(b.core, agglo, '2025', 12, prng(139)), (i) => (i < 1 ? 'region' : 'commune'));
      const lorientNow = [...generateFor(next, lorient, '2026', 40, prng(149)), ...lorient2025];
      const agglo2025 = await aggregateResponses(stream([...lorient2025, ...rest2025].map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules });
      const nested = [{ territory: agglo, outside: true, views: viewsOf({ ...agglo2025.groups[0]!, questions: agglo2025.groups[0]!.questions.filter((q) => q.id === 'echelle_action') }) }];
      const made = async (hide: HiddenCounts[] = []): Promise<ResultsDocument> => {
        const doc = await analyseResponses(stream(lorientNow), { compiled: [b.core, next], rules, wave: '2026', previousWave: '2025', territory: lorient as never, network: false, inside: () => false, hide });
        return { ...doc, groups: doc.groups.map((g) => ({
          ...g, questions: g.questions.filter((q) => q.id === 'echelle_intervention'),
          comparisons: { previousWave: { ...g.comparisons!.previousWave!, shares: g.comparisons!.previousWave!.shares.filter((s) => s.question === 'echelle_intervention') } },
        })) };
      };
      const first = await made();
      const regional = (doc: ResultsDocument) => doc.groups[0]!.comparisons!.previousWave!.shares.find((s) => s.code === 'region')!;
      expect(regional(first)).toMatchObject({ previousQuestion: 'echelle_action', previous: { count: 20 } });
      const refused = (() => { try { refuseNestedDifference(lorient, '2026', first, nested, rules); } catch (e) { return e as HttpError; } })();
      expect(refused?.text.en).toContain('in wave "2025", a count of 1 for "echelle_action" = region (fewer than 3)');
      const doc = await hideBesideNested(first, lorient, '2026', nested, rules, made);
      expect(regional(doc).previous).toBeNull();
      expect(() => refuseNestedDifference(lorient, '2026', doc, nested, rules)).not.toThrow();
    });

    it('withholds a previous-wave line whose hidden counts, unmarked, the EPCI’s shown ones bound to a single reading', async () => {
      // Lorient published 2025 with 40 responses (sport 3); twelve came in since, one of them sport.
      // Its 2026 document hides the 2025 sport count (4 − 3 = 1) and culture with it: 11 hidden.
      // The agglomeration, whose rest has no sport or culture association, shows 4 and 7 in 2025:
      // Lorient's are at most that, so exactly that, and the late one's sector would be read.
      const in2025 = (territory: typeof agglo, codes: Record<string, number>, seed: number) => bySector(territory, codes, seed).map((g) => ({ ...g, payload: { ...g.payload, wave: '2025' } }));
      const before = in2025(lorient, { sport: 3, culture: 7, environnement: 15, social_sante: 15 }, 151);
      const now = [...before, ...in2025(lorient, { sport: 1, environnement: 5, social_sante: 6 }, 157), ...inWave(lorient, '2026', 40, 8, 163)];
      const rest = in2025(agglo, { environnement: 6, social_sante: 6 }, 167);
      const only = (g: GroupResults) => viewsOf({ ...g, questions: g.questions.filter((q) => q.id === 'secteur_principal') });
      const earlier = { territory: lorient, outside: false, earlier: '2026-01-15T10:00:00.000Z', views: only((await aggregateResponses(stream(before), { compiled: [b.core], rules })).groups[0]!) };
      const agglo2025 = await aggregateResponses(stream([...now.filter((g) => g.payload.wave === '2025'), ...rest].map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules });
      const epci = { territory: agglo, outside: true, views: only(agglo2025.groups[0]!) };
      const made = (hide: HiddenCounts[] = []) => documentOf(now, lorient, hide);
      const previous = (doc: ResultsDocument) => doc.groups[0]!.comparisons!.previousWave!.shares.filter((s) => s.previous?.count !== 0).map((s) => [s.code, s.previous?.count ?? null, s.missing]);
      // Beside its earlier snapshot alone, sport and culture go, environment and social action stay.
      const hidden = await hideBesideNested(await made(), lorient, '2026', [earlier], rules, made);
      expect(previous(hidden)).toEqual([['sport', null, 'hidden'], ['culture', null, 'hidden'], ['social_sante', 21, undefined], ['environnement', 20, undefined]]);
      const refused = (() => { try { refuseNestedDifference(lorient, '2026', hidden, [earlier, epci], rules); } catch (e) { return e as HttpError; } })();
      expect(refused?.text.en).toContain('in wave "2025", a hidden count of "secteur_principal", which the counts the other shows bound to a single value');
      const doc = await hideBesideNested(await made(), lorient, '2026', [earlier, epci], rules, made);
      expect(() => refuseNestedDifference(lorient, '2026', doc, [earlier, epci], rules)).not.toThrow();
      expect(doc.groups[0]!.comparisons!.previousWave!.shares.every((s) => s.previous === null && s.missing === 'withheld')).toBe(true);
    });

    it('withholds a previous-wave line whose rest is a base under minBase; the refusal names the wave', async () => {
      const few = [...inner, ...inWave(agglo, '2026', 20, 6, 101), ...inWave(agglo, '2025', 4, 1, 107)];
      const lorientDoc = await documentOf(inner, lorient);
      const nested = [{ territory: lorient, outside: false, views: viewsOf(lorientDoc.groups[0]!) }];
      const made = await documentOf(few, agglo);
      const refused = (() => { try { refuseNestedDifference(agglo, '2026', made, nested, rules); } catch (e) { return e as HttpError; } })();
      expect(refused?.statusCode).toBe(409);
      expect(refused!.text.fr).toContain('dans la vague « 2025 », une base de 4 répondants à « secteur_principal » (moins de 10)');
      expect(refused!.text.en).toContain('in wave "2025", a base of 4 respondents to "secteur_principal" (fewer than 10)');
      const doc = await hideBesideNested(made, agglo, '2026', nested, rules, (hide) => documentOf(few, agglo, hide));
      expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
      expect(doc.groups[0]!.comparisons!.previousWave!.shares.every((s) => s.previous === null && s.missing === 'withheld')).toBe(true);
      // The wave itself is untouched.
      expect(doc.groups[0]!.questions[0]).toEqual(made.groups[0]!.questions[0]);
    });
  });

  describe('publications read from the store: territories inside, and three documents together', () => {
    const lanester: TerritoryRef = { level: 'commune', code: '56098' };
    /** The document of `items` counted in `t`, its main sector only (the other questions' small differences aside). */
    const sectorOnly = async (items: Generated[], t: typeof agglo, hide: HiddenCounts[] = []): Promise<ResultsDocument> => {
      const doc = await aggregateResponses(stream(items.map((x) => ({ ...x, payload: { ...x.payload, territory: t } }))), { compiled: [b.core], rules, hide });
      return { ...doc, groups: doc.groups.map((g) => ({ ...g, questions: g.questions.filter((q) => q.id === 'secteur_principal') })) };
    };
    /** A store holding the documents `published` makes, in a fresh SQLite file. */
    async function withStore(published: [typeof agglo, Generated[]][], check: (store: SqlResponseStore) => Promise<void>) {
      const dir = mkdtempSync(join(tmpdir(), 'olva-three-'));
      const store = new SqlResponseStore(openSqliteDb(join(dir, 'db.sqlite')));
      await store.init();
      try {
        for (const [t, items] of published) {
          await publishNow(store.publications, t, '2026', 'test', JSON.stringify(await sectorOnly(items, t)), items.length);
        }
        await check(store);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // Lorient and Lanester, 40 associations each; four more in the rest of the agglomeration.
    const inLorient = sectors(lorient, 40, 5, 179);
    const inLanester = sectors(lanester, 40, 6, 181);
    const all = [...inLorient, ...inLanester, ...sectors(agglo, 4, 1, 191)];
    const refusal = (f: () => void) => { try { f(); } catch (e) { return e as HttpError; } };

    it('refuses the agglomeration beside two of its communes whose rest is four associations, though each commune’s rest is 44', async () => {
      await withStore([[lorient, inLorient], [lanester, inLanester]], async (store) => {
        const doc = await sectorOnly(all, agglo);
        const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester], new Set(['2026']));
        // The two pairs, their family, and the web of their bounds.
        expect(nested.map((n) => n.family?.members.map((m) => m.territory) ?? n.bounds?.members.map((m) => m.territory) ?? n.territory)).toEqual([lorient, lanester, [lorient, lanester], [agglo, lorient, lanester]]);
        // Each pair alone publishes.
        expect(() => refuseNestedDifference(agglo, '2026', doc, nested.filter((n) => !n.family && !n.bounds), rules)).not.toThrow();
        const refused = refusal(() => refuseNestedDifference(agglo, '2026', doc, nested, rules));
        expect(refused?.problems?.[0]?.code).toBe('results/nested-difference');
        expect(refused?.text.fr).toBe('publier epci:200042174 pour la vague « 2026 » à côté de commune:56098 et de commune:56121, déjà publiés, ferait lire par différence, dans le reste de epci:200042174, un groupe de 4 réponses (moins de 10) : retirez l’une des publications, ou attendez d’autres réponses');
      });
    });

    it('refuses a commune beside its agglomeration and another commune of it, published', async () => {
      await withStore([[agglo, all], [lanester, inLanester]], async (store) => {
        const doc = await sectorOnly(inLorient, lorient);
        const nested = await nestedPublications(store, new TerritoryDirectory(), lorient, [], new Set(['2026']));
        expect(nested.filter((n) => n.family).map((n) => [n.territory, n.family!.members.map((m) => m.territory)])).toEqual([[agglo, [lanester]]]);
        expect(refusal(() => refuseNestedDifference(lorient, '2026', doc, nested, rules))?.text.en).toContain('beside epci:200042174 and commune:56098, already published, would let a group of 4 responses (fewer than 10) be read by difference in the rest of epci:200042174');
      });
    });

    it('checks a département beside an EPCI whose responses its communes name: no response names the EPCI', async () => {
      const morbihan: TerritoryRef = { level: 'departement', code: '56' };
      const vannes = sectors({ level: 'commune', code: '56260' }, 4, 1, 197);
      await withStore([[agglo, [...inLorient, ...inLanester]]], async (store) => {
        const nested = await nestedPublications(store, new TerritoryDirectory(), morbihan, [lorient, lanester, { level: 'commune', code: '56260' }], new Set(['2026']));
        expect(nested.map((n) => n.territory)).toEqual([agglo]);
        const doc = await sectorOnly([...inLorient, ...inLanester, ...vannes], morbihan);
        expect(refusal(() => refuseNestedDifference(morbihan, '2026', doc, nested, rules))?.text.en).toContain('a group of 4 responses (fewer than 10)');
      });
    });

    it('hides a count that, less the other commune’s, bounds a hidden count of a commune to a single reading', async () => {
      // Lorient hides sport « < 3 » and culture « × » (5: 1 and 4, or 2 and 3). The agglomeration's
      // culture, 8, bounds nothing; less Lanester's 5 it is 3 (its rest has none): Lorient's are 2 and 3.
      const lorientHere = bySector(lorient, { sport: 2, culture: 3, environnement: 20, social_sante: 15 }, 199);
      const lanesterHere = bySector(lanester, { sport: 4, culture: 5, environnement: 20, social_sante: 15 }, 211);
      const everyone = [...lorientHere, ...lanesterHere, ...bySector(agglo, { sport: 2, environnement: 10, social_sante: 5 }, 223)];
      const sector = (d: ResultsDocument) => (d.groups[0]!.questions[0] as { categories: { code: string; count: number | null; suppressed?: string }[] }).categories
        .filter((c) => ['sport', 'culture'].includes(c.code)).map((c) => [c.code, c.count, c.suppressed]);
      expect(sector(await sectorOnly(lorientHere, lorient))).toEqual([['sport', null, 'small'], ['culture', null, 'complementary']]);
      await withStore([[lorient, lorientHere], [lanester, lanesterHere]], async (store) => {
        const made = (hide: HiddenCounts[] = []) => sectorOnly(everyone, agglo, hide);
        const first = await made();
        expect(sector(first)).toEqual([['sport', 8, undefined], ['culture', 8, undefined]]);
        const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester], new Set(['2026']));
        expect(() => refuseNestedDifference(agglo, '2026', first, nested.filter((n) => !n.family && !n.bounds), rules)).not.toThrow();
        expect(refusal(() => refuseNestedDifference(agglo, '2026', first, nested, rules))?.text.en).toContain('beside commune:56121 and commune:56098, already published, would let a hidden count of "secteur_principal", which the counts the other shows bound to a single value');
        const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
        expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
        expect(sector(doc).find(([code]) => code === 'culture')).toEqual(['culture', null, 'complementary']);
      });
      // Lanester publishing last, beside the agglomeration and Lorient: its culture, 5, taken from the agglomeration's 8.
      await withStore([[agglo, everyone], [lorient, lorientHere]], async (store) => {
        const nested = await nestedPublications(store, new TerritoryDirectory(), lanester, [], new Set(['2026']));
        const made = (hide: HiddenCounts[] = []) => sectorOnly(lanesterHere, lanester, hide);
        const first = await made();
        expect(() => refuseNestedDifference(lanester, '2026', first, nested.filter((n) => !n.family && !n.bounds), rules)).not.toThrow();
        expect(refusal(() => refuseNestedDifference(lanester, '2026', first, nested, rules))?.text.en).toContain('beside epci:200042174 and commune:56121, already published, would let a hidden count of "secteur_principal"');
        const doc = await hideBesideNested(first, lanester, '2026', nested, rules, made);
        expect(() => refuseNestedDifference(lanester, '2026', doc, nested, rules)).not.toThrow();
        expect(sector(doc).find(([code]) => code === 'culture')).toEqual(['culture', null, 'complementary']);
      });
    });

    it('hides a count that the two communes subtract into 1 in the rest of the agglomeration', async () => {
      // Twelve associations in the rest, ONE of them sport: 5 + 6 + 1 sport associations in all.
      const more = [...inLorient, ...inLanester, ...sectors(agglo, 12, 1, 193)];
      await withStore([[lorient, inLorient], [lanester, inLanester]], async (store) => {
        const made = (hide: HiddenCounts[] = []) => sectorOnly(more, agglo, hide);
        const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester], new Set(['2026']));
        const sport = (d: ResultsDocument) => (d.groups[0]!.questions[0] as { categories: { code: string; count: number | null }[] }).categories.find((c) => c.code === 'sport')!.count;
        const first = await made();
        expect(sport(first)).toBe(12);
        expect(refusal(() => refuseNestedDifference(agglo, '2026', first, nested, rules))?.text.en).toContain('a count of 1 for "secteur_principal" = sport');
        const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
        expect(sport(doc)).toBeNull();
        expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
      });
    });

    describe('four documents or more: any disjoint published territories subtracted together', () => {
      const ploemeur: TerritoryRef = { level: 'commune', code: '56162' };
      const inPloemeur = sectors(ploemeur, 40, 4, 227);
      // Three communes of 40 associations each; four more in the rest of the agglomeration.
      const three = [...inLorient, ...inLanester, ...inPloemeur];
      const noFamily = (nested: Awaited<ReturnType<typeof nestedPublications>>) => nested.filter((n) => !n.family && !n.bounds);

      it('refuses the agglomeration beside three of its communes whose rest is four associations, though each pair’s and triple’s rest is 44 or more', async () => {
        await withStore([[lorient, inLorient], [lanester, inLanester], [ploemeur, inPloemeur]], async (store) => {
          const made = (hide: HiddenCounts[] = []) => sectorOnly([...three, ...sectors(agglo, 4, 1, 229)], agglo, hide);
          const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester, ploemeur], new Set(['2026']));
          const doc = await hideBesideNested(await made(), agglo, '2026', nested, rules, made);
          // The pairs alone publish it; the smallest rest, 4, is that of all three.
          expect(() => refuseNestedDifference(agglo, '2026', doc, noFamily(nested), rules)).not.toThrow();
          const refused = refusal(() => refuseNestedDifference(agglo, '2026', doc, nested, rules));
          expect(refused?.problems?.[0]?.code).toBe('results/nested-difference');
          expect(refused?.text.fr).toBe('publier epci:200042174 pour la vague « 2026 » à côté de commune:56098, commune:56121 et commune:56162, déjà publiés, ferait lire par différence, dans le reste de epci:200042174, un groupe de 4 réponses (moins de 10) : retirez l’une des publications, ou attendez d’autres réponses');
        });
      });

      it('refuses a commune published last beside its agglomeration and two other communes of it', async () => {
        await withStore([[agglo, [...three, ...sectors(agglo, 4, 1, 229)]], [lorient, inLorient], [lanester, inLanester]], async (store) => {
          const doc = await sectorOnly(inPloemeur, ploemeur);
          const nested = await nestedPublications(store, new TerritoryDirectory(), ploemeur, [], new Set(['2026']));
          expect(() => refuseNestedDifference(ploemeur, '2026', doc, noFamily(nested), rules)).not.toThrow();
          expect(refusal(() => refuseNestedDifference(ploemeur, '2026', doc, nested, rules))?.text.en).toBe('publishing commune:56162 for wave "2026" beside epci:200042174, commune:56098 and commune:56121, already published, would let a group of 4 responses (fewer than 10) be read by difference in the rest of epci:200042174: withdraw one of the publications, or wait for more responses');
        });
      });

      it('hides a count that three communes subtract into 1 in the rest of the agglomeration', async () => {
        // Twelve associations in the rest, ONE of them sport: 5 + 6 + 4 + 1 sport associations in all.
        await withStore([[lorient, inLorient], [lanester, inLanester], [ploemeur, inPloemeur]], async (store) => {
          const made = (hide: HiddenCounts[] = []) => sectorOnly([...three, ...sectors(agglo, 12, 1, 233)], agglo, hide);
          const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester, ploemeur], new Set(['2026']));
          const sport = (d: ResultsDocument) => (d.groups[0]!.questions[0] as { categories: { code: string; count: number | null }[] }).categories.find((c) => c.code === 'sport')!.count;
          const first = await made();
          expect(sport(first)).toBe(16);
          expect(refusal(() => refuseNestedDifference(agglo, '2026', first, nested, rules))?.text.en).toContain('beside commune:56098, commune:56121 and commune:56162, already published, would let a count of 1 for "secteur_principal" = sport');
          expect(sport(await hideBesideNested(first, agglo, '2026', noFamily(nested), rules, made))).toBe(16);
          const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
          expect(sport(doc)).toBeNull();
          expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
        });
      });

      it('withholds every line of a previous-wave column the three communes leave four responses of, unchanged ones too', async () => {
        const two = (q: string) => q === 'secteur_principal' || q === 'echelle_action';
        const in2025 = (t: typeof agglo, n: number, seed: number) => generateFor(b.core, t, '2025', n, prng(seed));
        const communes: [typeof agglo, Generated[]][] = [[lorient, in2025(lorient, 40, 263)], [lanester, in2025(lanester, 40, 269)], [ploemeur, in2025(ploemeur, 40, 271)]];
        // The rest of the agglomeration in 2025: four associations that left their scale of action unanswered.
        const rest = in2025(agglo, 4, 277).map((g) => { const { echelle_action: _, ...answers } = g.payload.answers; return { ...g, payload: { ...g.payload, answers } }; });
        const everyone = [...three, ...sectors(agglo, 40, 10, 281), ...communes.flatMap(([, items]) => items), ...rest];
        const made = async (hide: HiddenCounts[] = []): Promise<ResultsDocument> => {
          const doc = await analyseResponses(stream(everyone), { compiled: [b.core], rules, wave: '2026', previousWave: '2025', territory: agglo as never, network: false, inside: (t) => [lorient, lanester, ploemeur].some((c) => c.code === t.code), hide });
          return { ...doc, groups: doc.groups.map((g) => ({
            ...g, questions: g.questions.filter((q) => two(q.id)),
            comparisons: { previousWave: { ...g.comparisons!.previousWave!, shares: g.comparisons!.previousWave!.shares.filter((sh) => two(sh.question)) } },
          })) };
        };
        const dir = mkdtempSync(join(tmpdir(), 'olva-behind-'));
        const store = new SqlResponseStore(openSqliteDb(join(dir, 'db.sqlite')));
        await store.init();
        try {
          for (const [t, items] of communes) {
            const doc = await aggregateResponses(stream(items), { compiled: [b.core], rules });
            await publishNow(store.publications, t, '2025', 'test', JSON.stringify({ ...doc, groups: doc.groups.map((g) => ({ ...g, questions: g.questions.filter((q) => two(q.id)) })) }), items.length);
          }
          const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester, ploemeur], new Set(['2026', '2025']));
          const scale = (d: ResultsDocument) => d.groups[0]!.comparisons!.previousWave!.shares.filter((sh) => sh.question === 'echelle_action');
          // Its base is the communes' sum: only the main sector's line differs, by 4.
          expect(scale(await hideBesideNested(await made(), agglo, '2026', noFamily(nested), rules, made)).some((sh) => sh.previous !== null)).toBe(true);
          const doc = await hideBesideNested(await made(), agglo, '2026', nested, rules, made);
          expect(doc.groups[0]!.comparisons!.previousWave!.shares.every((sh) => sh.previous === null && sh.missing === 'withheld')).toBe(true);
          expect(scale(doc).length).toBeGreaterThan(0);
          expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
        } finally {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        }
      });

      describe('bounds through four documents: a commune’s hidden count, at most the agglomeration’s less two other communes’', () => {
        // Lorient hides sport « < 3 » and culture « × » (5: 1 and 4, or 2 and 3). Beside Lanester's
        // culture, 5, and Ploemeur's, 6, the agglomeration's bounds Lorient's at its own less 11.
        const lorientHere = bySector(lorient, { sport: 2, culture: 3, environnement: 20, social_sante: 15 }, 283);
        const lanesterHere = bySector(lanester, { sport: 4, culture: 5, environnement: 20, social_sante: 15 }, 293);
        const ploemeurHere = bySector(ploemeur, { sport: 4, culture: 6, environnement: 20, social_sante: 15 }, 307);
        const communes = [...lorientHere, ...lanesterHere, ...ploemeurHere];
        const culture = (d: ResultsDocument) => (d.groups[0]!.questions[0] as { categories: { code: string; count: number | null }[] }).categories.find((c) => c.code === 'culture')!.count;

        it('hides the agglomeration’s culture when its rest has none: less the two communes’ it is 3, and Lorient’s are 2 and 3; each less one commune’s, 8 or 9, fixed nothing', async () => {
          const everyone = [...communes, ...bySector(agglo, { sport: 2, environnement: 10, social_sante: 5 }, 311)];
          await withStore([[lorient, lorientHere], [lanester, lanesterHere], [ploemeur, ploemeurHere]], async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly(everyone, agglo, hide);
            const first = await made();
            expect(culture(first)).toBe(14);
            const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester, ploemeur], new Set(['2026']));
            expect(refusal(() => refuseNestedDifference(agglo, '2026', first, nested, rules))?.text.en).toBe('publishing epci:200042174 for wave "2026" beside commune:56121, commune:56098 and commune:56162, already published, would let a hidden count of "secteur_principal", which the counts the other publications show bound to a single value be read by difference in the rest of epci:200042174: withdraw one of the publications, or wait for more responses');
            const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
            expect(culture(doc)).toBeNull();
            expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
            // The web reads the bounds each commune and the agglomeration set on each other: tighter, they hold the pair's.
            expect(nested.find((n) => n.bounds)?.bounds!.members.slice(1).map((m) => m.territory)).toEqual([lorient, lanester, ploemeur]);
          });
          // Ploemeur published last, beside the agglomeration, Lorient and Lanester: its culture, 6, taken from the agglomeration's 14 with Lanester's.
          await withStore([[agglo, everyone], [lorient, lorientHere], [lanester, lanesterHere]], async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly(ploemeurHere, ploemeur, hide);
            const first = await made();
            const nested = await nestedPublications(store, new TerritoryDirectory(), ploemeur, [], new Set(['2026']));
            expect(refusal(() => refuseNestedDifference(ploemeur, '2026', first, nested, rules))?.text.en).toContain('beside epci:200042174, commune:56121 and commune:56098, already published, would let a hidden count of "secteur_principal", which the counts the other publications show bound to a single value');
            const doc = await hideBesideNested(first, ploemeur, '2026', nested, rules, made);
            expect(culture(doc)).toBeNull();
            expect(() => refuseNestedDifference(ploemeur, '2026', doc, nested, rules)).not.toThrow();
          });
        });

        it('hides the agglomeration’s sport when its rest is ten sport associations: those who did not give sport, less the two communes’, leave Lorient’s sport at least 2', async () => {
          // Lanester hides defense « < 3 » and culture « × »; the agglomeration hides them too (its defense is 1).
          // Its 119 not in sport, less Lanester's 40 and Ploemeur's 41, leave 38 of Lorient's 40: its sport is 2, its culture 3.
          const lanesterDefense = bySector(lanester, { defense_causes: 1, culture: 4, sport: 5, environnement: 20, social_sante: 15 }, 317);
          const everyone = [...lorientHere, ...lanesterDefense, ...ploemeurHere, ...bySector(agglo, { sport: 10 }, 331)];
          const sport = (d: ResultsDocument) => (d.groups[0]!.questions[0] as { categories: { code: string; count: number | null }[] }).categories.find((c) => c.code === 'sport')!.count;
          await withStore([[lorient, lorientHere], [lanester, lanesterDefense], [ploemeur, ploemeurHere]], async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly(everyone, agglo, hide);
            const first = await made();
            expect([sport(first), culture(first)]).toEqual([21, null]);
            const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester, ploemeur], new Set(['2026']));
            expect(refusal(() => refuseNestedDifference(agglo, '2026', first, nested, rules))?.text.en).toContain('beside commune:56121, commune:56098 and commune:56162, already published, would let a hidden count of "secteur_principal", which the counts the other publications show bound to a single value');
            const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
            expect(sport(doc)).toBeNull();
            expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
          });
        });

        it('publishes the agglomeration whole when its rest has one culture association: Lorient’s culture, at most 4, may still be 3 or 4', async () => {
          const everyone = [...communes, ...bySector(agglo, { sport: 2, culture: 1, environnement: 10, social_sante: 5 }, 313)];
          await withStore([[lorient, lorientHere], [lanester, lanesterHere], [ploemeur, ploemeurHere]], async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly(everyone, agglo, hide);
            const first = await made();
            const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester, ploemeur], new Set(['2026']));
            expect(() => refuseNestedDifference(agglo, '2026', first, nested, rules)).not.toThrow();
            const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
            expect(doc).toEqual(first);
            expect(culture(doc)).toBe(15);
          });
        });
      });

      describe('chained bounds: a hidden count beside another counts as its least value, and every holder of the new territory bounds it together', () => {
        const morbihan: TerritoryRef = { level: 'departement', code: '56' };
        const vannes: TerritoryRef = { level: 'commune', code: '56260' };
        type Line = { status?: string; categories?: { code: string; count: number | null }[] };
        const count = (d: ResultsDocument, code: string) => (d.groups[0]!.questions[0] as Line).categories?.find((c) => c.code === code)?.count;
        /** The document of `items` in `t`, refused beside the store's publications (`refused`: its English text or a part), then its main sector withheld, and published. */
        const withheld = async (store: SqlResponseStore, t: TerritoryRef, items: Generated[], refused: string): Promise<ResultsDocument> => {
          const made = (hide: HiddenCounts[] = []) => sectorOnly(items, t, hide);
          const nested = await nestedPublications(store, new TerritoryDirectory(), t, [], new Set(['2026']));
          const first = await made();
          expect(refusal(() => refuseNestedDifference(t, '2026', first, nested, rules))?.text.en).toContain(refused);
          const doc = await hideBesideNested(first, t, '2026', nested, rules, made);
          expect((doc.groups[0]!.questions[0] as Line).status).toBe('withheld');
          expect(() => refuseNestedDifference(t, '2026', doc, nested, rules)).not.toThrow();
          return first;
        };

        it('hides the agglomeration’s culture, 13: Lanester’s « × » is at least 4 (its « < 3 » at most 2 of 6), which leaves Lorient’s at most 13 − 6 − 4 = 3, so 3 (counted as 0, it left 7)', async () => {
          // Lorient hides sport « < 3 » and culture « × » (5: 2 and 3, or 1 and 4); Lanester defense « < 3 » and culture « × » (6: 2 and 4, or 1 and 5).
          const lorientHere = bySector(lorient, { sport: 2, culture: 3, environnement: 20, social_sante: 15 }, 337);
          const lanesterHere = bySector(lanester, { defense_causes: 2, culture: 4, sport: 5, environnement: 20, social_sante: 15 }, 347);
          const ploemeurHere = bySector(ploemeur, { sport: 4, culture: 6, environnement: 20, social_sante: 15 }, 349);
          const everyone = [...lorientHere, ...lanesterHere, ...ploemeurHere, ...bySector(agglo, { sport: 3, defense_causes: 1, environnement: 10, social_sante: 5 }, 353)];
          await withStore([[lorient, lorientHere], [lanester, lanesterHere], [ploemeur, ploemeurHere]], async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly(everyone, agglo, hide);
            const first = await made();
            expect([count(first, 'culture'), count(await sectorOnly(lanesterHere, lanester), 'culture')]).toEqual([13, null]);
            const nested = await nestedPublications(store, new TerritoryDirectory(), agglo, [lorient, lanester, ploemeur], new Set(['2026']));
            expect(refusal(() => refuseNestedDifference(agglo, '2026', first, nested, rules))?.text.en).toBe('publishing epci:200042174 for wave "2026" beside commune:56121, commune:56098 and commune:56162, already published, would let a hidden count of "secteur_principal", which the counts the other publications show bound to a single value be read by difference in the rest of epci:200042174: withdraw one of the publications, or wait for more responses');
            const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
            expect(count(doc, 'culture')).toBeNull();
            expect(() => refuseNestedDifference(agglo, '2026', doc, nested, rules)).not.toThrow();
          });
        });

        /** Lorient, hiding defense and education « < 3 » and culture « × » (9: 1, 1 and 7, or 1, 2 and 6, or 2, 2 and 5), beside its agglomeration and Lanester. */
        const besideAgglo = async (lanesterDefense: number, check: (first: ResultsDocument, doc: ResultsDocument, nested: Awaited<ReturnType<typeof nestedPublications>>) => void) => {
          const lorientHere = bySector(lorient, { defense_causes: 1, education_formation_insertion: 1, culture: 7, sport: 12, environnement: 20, social_sante: 15 }, 359);
          const lanesterHere = bySector(lanester, { defense_causes: lanesterDefense, culture: 5, sport: 10, environnement: 20, social_sante: 15 }, 367);
          const inAgglo = [...lorientHere, ...lanesterHere, ...bySector(agglo, { loisirs_vie_sociale: 2, sport: 10, environnement: 10 }, 379)];
          await withStore([[agglo, inAgglo], [lanester, lanesterHere]], async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly(lorientHere, lorient, hide);
            const nested = await nestedPublications(store, new TerritoryDirectory(), lorient, [], new Set(['2026']));
            const first = await made();
            expect(['defense_causes', 'education_formation_insertion', 'culture'].map((code) => count(first, code))).toEqual([null, null, null]);
            check(first, await hideBesideNested(first, lorient, '2026', nested, rules, made), nested);
          });
        };

        it('withholds a commune’s line that its agglomeration’s hidden count fixes: its defense « < 3 », at most 2, less Lanester’s « < 3 », at least 1, leaves Lorient’s 1', async () => {
          await besideAgglo(1, (first, doc, nested) => {
            expect(refusal(() => refuseNestedDifference(lorient, '2026', first, nested, rules))?.text.en).toBe('publishing commune:56121 for wave "2026" beside epci:200042174 and commune:56098, already published, would let a hidden count of "secteur_principal", which the counts the other shows bound to a single value be read by difference in the rest of epci:200042174: withdraw one of the publications, or wait for more responses');
            expect((doc.groups[0]!.questions[0] as Line).status).toBe('withheld');
            expect(() => refuseNestedDifference(lorient, '2026', doc, nested, rules)).not.toThrow();
          });
        });

        it('publishes it whole when Lanester has no defense association: the agglomeration’s « < 3 » leaves Lorient’s 1 or 2', async () => {
          await besideAgglo(0, (first, doc, nested) => {
            expect(() => refuseNestedDifference(lorient, '2026', first, nested, rules)).not.toThrow();
            expect(doc).toEqual(first);
          });
        });
        it('withholds a line of the new document beside documents that contradict each other: the agglomeration’s culture, 5, less Ploemeur’s 3, leaves Lorient’s « × » no value', async () => {
          // The agglomeration's document counts other responses than its communes' (published at
          // another time): Lorient's culture, 3 or 4 by its own line, at most 2 by theirs.
          const lorientHere = bySector(lorient, { sport: 2, culture: 3, environnement: 20, social_sante: 15 }, 439);
          const ploemeurHere = bySector(ploemeur, { culture: 3, sport: 12, environnement: 20, social_sante: 15 }, 443);
          const lanesterHere = bySector(lanester, { defense_causes: 1, culture: 5, sport: 10, environnement: 20, social_sante: 15 }, 449);
          await withStore([[agglo, bySector(agglo, { culture: 5, sport: 10, environnement: 40, social_sante: 30 }, 457)], [lorient, lorientHere], [ploemeur, ploemeurHere]], async (store) => {
            const first = await withheld(store, lanester, lanesterHere, 'would let a hidden count of "secteur_principal", which the counts the other publications show bound to a single value');
            expect([count(first, 'defense_causes'), count(first, 'culture')]).toEqual([null, null]);
          });
        });

        it('bounds a commune of an EPCI across two départements by each: Finistère’s culture, 9, less Brest’s 6, leaves its « × » 3', async () => {
          // Morlaix Communauté (242900744) lies in the Finistère and the Côtes-d'Armor: neither holds the other, both hold Carantec (29024).
          const carantec: TerritoryRef = { level: 'commune', code: '29024' };
          const [morlaix, finistere, brest]: TerritoryRef[] = [{ level: 'epci', code: '242900744' }, { level: 'departement', code: '29' }, { level: 'commune', code: '29019' }];
          const carantecHere = bySector(carantec, { sport: 2, culture: 3, environnement: 20, social_sante: 15 }, 461);
          const brestHere = bySector(brest, { culture: 6, sport: 10, environnement: 20, social_sante: 10 }, 463);
          const inMorlaix = [...carantecHere, ...bySector({ level: 'commune', code: '22202' }, { culture: 5, environnement: 10 }, 467)];
          const inFinistere = [...carantecHere, ...brestHere, ...bySector(finistere, { sport: 10, environnement: 10 }, 479)];
          await withStore([[morlaix, inMorlaix], [finistere, inFinistere], [brest, brestHere]], async (store) => {
            const first = await withheld(store, carantec, carantecHere, 'publishing commune:29024 for wave "2026" beside departement:29 and commune:29019, already published, would let a hidden count of "secteur_principal", which the counts the other shows bound to a single value be read by difference in the rest of departement:29: withdraw one of the publications, or wait for more responses');
            expect([count(first, 'sport'), count(first, 'culture')]).toEqual([null, null]);
          });
        });

        it('hides a previous-wave count of a commune that its agglomeration and its département bound together: the agglomeration’s 2025 culture, unmarked, at least 4 + 5 and at most 15 − 6', async () => {
          // 2025: Lorient culture 4, Lanester 5, the rest of the agglomeration one defense association
          // and none of culture: the agglomeration hides defense and culture (10: either of 0 to 10).
          // The Morbihan (the agglomeration, Vannes and the rest) shows culture 15, Vannes 6.
          const in2025 = (t: TerritoryRef, codes: Record<string, number>, seed: number) => bySector(t, codes, seed).map((g) => ({ ...g, payload: { ...g.payload, wave: '2025' } }));
          const lorient2025 = in2025(lorient, { culture: 4, environnement: 20, social_sante: 16 }, 389);
          const lanester2025 = in2025(lanester, { culture: 5, environnement: 20, social_sante: 15 }, 397);
          const agglo2025 = [...lorient2025, ...lanester2025, ...in2025(agglo, { defense_causes: 1, environnement: 10 }, 401)];
          const vannes2025 = in2025(vannes, { culture: 6, environnement: 20, social_sante: 14 }, 409);
          const morbihan2025 = [...agglo2025, ...vannes2025, ...in2025(morbihan, { defense_causes: 2, environnement: 12 }, 419)];
          const lorient2026 = [...bySector(lorient, { sport: 10, environnement: 20, social_sante: 10 }, 421), ...lorient2025];
          const agglo2026 = [...lorient2026, ...bySector(lanester, { sport: 10, environnement: 20, social_sante: 10 }, 431), ...bySector(agglo, { sport: 10, environnement: 10 }, 433), ...lanester2025, ...agglo2025.slice(80)];
          /** The 2026 document of `t` with 2025 beside it, its main sector only. */
          const withPrevious = async (items: Generated[], t: TerritoryRef, inside: readonly TerritoryRef[], hide: HiddenCounts[] = []): Promise<ResultsDocument> => {
            const doc = await analyseResponses(stream(items), { compiled: [b.core], rules, wave: '2026', previousWave: '2025', territory: t as never, network: false, inside: (x) => inside.some((c) => c.code === x.code), hide });
            return { ...doc, groups: doc.groups.map((g) => ({
              ...g, questions: g.questions.filter((q) => q.id === 'secteur_principal'),
              comparisons: { previousWave: { ...g.comparisons!.previousWave!, shares: g.comparisons!.previousWave!.shares.filter((sh) => sh.question === 'secteur_principal') } },
            })) };
          };
          const previous = (d: ResultsDocument, code: string) => d.groups[0]!.comparisons!.previousWave!.shares.find((sh) => sh.code === code)?.previous?.count ?? null;
          const dir = mkdtempSync(join(tmpdir(), 'olva-chained-'));
          const store = new SqlResponseStore(openSqliteDb(join(dir, 'db.sqlite')));
          await store.init();
          try {
            const aggloDoc = await withPrevious(agglo2026, agglo, [lorient, lanester]);
            expect([previous(aggloDoc, 'culture'), previous(aggloDoc, 'defense_causes')]).toEqual([null, null]);
            await publishNow(store.publications, agglo, '2026', 'test', JSON.stringify(aggloDoc), agglo2026.length);
            for (const [t, items] of [[lanester, lanester2025], [vannes, vannes2025], [morbihan, morbihan2025]] as const) {
              await publishNow(store.publications, t, '2025', 'test', JSON.stringify(await sectorOnly(items, t)), items.length);
            }
            const made = (hide: HiddenCounts[] = []) => withPrevious(lorient2026, lorient, [], hide);
            const first = await made();
            expect(previous(first, 'culture')).toBe(4);
            const nested = await nestedPublications(store, new TerritoryDirectory(), lorient, [], new Set(['2026', '2025']));
            expect(refusal(() => refuseNestedDifference(lorient, '2026', first, nested, rules))?.text.en).toBe('publishing commune:56121 for wave "2026" beside departement:56, epci:200042174, commune:56098 and commune:56260, already published, would let in wave "2025", a hidden count of "secteur_principal", which the counts the other publications show bound to a single value be read by difference in the rest of departement:56: withdraw one of the publications, or wait for more responses');
            const doc = await hideBesideNested(first, lorient, '2026', nested, rules, made);
            expect(previous(doc, 'culture')).toBeNull();
            expect(() => refuseNestedDifference(lorient, '2026', doc, nested, rules)).not.toThrow();
          } finally {
            await store.close();
            rmSync(dir, { recursive: true, force: true });
          }
        });
      });

      describe('a département beside an EPCI, one of its communes, and two communes outside it', () => {
        const morbihan: TerritoryRef = { level: 'departement', code: '56' };
        const vannes: TerritoryRef = { level: 'commune', code: '56260' };
        const auray: TerritoryRef = { level: 'commune', code: '56007' };
        const inVannes = sectors(vannes, 40, 3, 239);
        const inAuray = sectors(auray, 40, 7, 241);
        const published: [typeof agglo, Generated[]][] = [[agglo, [...inLorient, ...inLanester]], [lorient, inLorient], [vannes, inVannes], [auray, inAuray]];
        const inner = [lorient, lanester, vannes, auray];

        it('refuses it when the EPCI and the two communes leave four associations (Lorient, inside the EPCI, is never added to it)', async () => {
          await withStore(published, async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly([...inLorient, ...inLanester, ...inVannes, ...inAuray, ...sectors(morbihan, 4, 1, 251)], morbihan, hide);
            const nested = await nestedPublications(store, new TerritoryDirectory(), morbihan, inner, new Set(['2026']));
            const doc = await hideBesideNested(await made(), morbihan, '2026', nested, rules, made);
            expect(() => refuseNestedDifference(morbihan, '2026', doc, noFamily(nested), rules)).not.toThrow();
            expect(refusal(() => refuseNestedDifference(morbihan, '2026', doc, nested, rules))?.text.en).toContain('beside commune:56007, commune:56260 and epci:200042174, already published, would let a group of 4 responses (fewer than 10) be read by difference in the rest of departement:56');
          });
        });

        it('publishes it when they leave forty, with no count of the rest under 3', async () => {
          await withStore(published, async (store) => {
            const made = (hide: HiddenCounts[] = []) => sectorOnly([...inLorient, ...inLanester, ...inVannes, ...inAuray, ...sectors(morbihan, 40, 1, 257)], morbihan, hide);
            const nested = await nestedPublications(store, new TerritoryDirectory(), morbihan, inner, new Set(['2026']));
            const doc = await hideBesideNested(await made(), morbihan, '2026', nested, rules, made);
            expect(() => refuseNestedDifference(morbihan, '2026', doc, nested, rules)).not.toThrow();
            const counts = (d: ResultsDocument) => new Map((d.groups[0]!.questions[0] as { categories: { code: string; count: number | null }[] }).categories.map((c) => [c.code, c.count]));
            const [mine, ...others] = [doc, ...await Promise.all([[agglo, [...inLorient, ...inLanester]], [vannes, inVannes], [auray, inAuray]].map(([t, items]) => sectorOnly(items as Generated[], t as typeof agglo)))].map(counts);
            // The one sport association of the rest: hidden, as its count less the three's would be 1.
            expect(mine!.get('sport')).toBeNull();
            for (const [code, n] of mine!) if (n !== null && others.every((o) => o.get(code) != null)) expect(n - others.reduce((a, o) => a + o.get(code)!, 0)).not.toBeOneOf([1, 2]);
          });
        });
      });
    });
  });
});
