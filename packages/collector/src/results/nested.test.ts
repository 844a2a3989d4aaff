import { describe, expect, it } from 'vitest';
import { aggregateResponses, DEFAULT_DISCLOSURE_RULES as rules, type GroupResults, type HiddenCounts } from '@olva/analysis';
import { builds, generateFor, stream, type Generated } from '@olva/test-support/responses';
import { prng } from '@olva/test-support/prng';
import { hideBesideNested, nestedDifference, nestedHiddenCounts } from './nested.js';

const b = builds();
const agglo = { level: 'epci', code: '200042174' };
const lorient = { level: 'commune', code: '56121' };

/** One group of the responses, counted in Lorient Agglomération as its publication counts them. */
async function group(items: Generated[], only?: string): Promise<GroupResults> {
  const g = (await aggregateResponses(stream(items.map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules })).groups[0]!;
  return only ? { ...g, questions: g.questions.filter((q) => q.id === only) } : g;
}

/** `n` responses whose main sector is `sector` for the first `ones`, `culture` for the others. */
function sectors(territory: { level: string; code: string }, n: number, ones: number, seed: number): Generated[] {
  const items = generateFor(b.core, territory, '2026', n, prng(seed));
  items.forEach((g, i) => { g.payload.answers.secteur_principal = i < ones ? 'sport' : 'culture'; });
  return items;
}

describe('nested publications', () => {
  it('names a code whose count in the rest of the outer territory is 1 or 2', async () => {
    const inner = sectors(lorient, 40, 5, 53);
    const rest = sectors(agglo, 12, 1, 59);
    expect(nestedDifference(await group([...rest, ...inner], 'secteur_principal'), await group(inner, 'secteur_principal'), rules))
      .toEqual({ fr: 'un effectif de 1 pour « secteur_principal » = sport (moins de 3)', en: 'a count of 1 for "secteur_principal" = sport (fewer than 3)' });
    // Three sport associations in the rest: a count the rules publish.
    const more = sectors(agglo, 12, 3, 59);
    expect(nestedDifference(await group([...more, ...inner], 'secteur_principal'), await group(inner, 'secteur_principal'), rules)).toBeNull();
  });

  it('names a rest of fewer than minBase responses before anything else', async () => {
    const inner = sectors(lorient, 40, 5, 61);
    expect(nestedDifference(await group([...sectors(agglo, 4, 1, 67), ...inner]), await group(inner), rules))
      .toEqual({ fr: 'un groupe de 4 réponses (moins de 10)', en: 'a group of 4 responses (fewer than 10)' });
  });

  it('hides, in the document published, the counts whose difference with the nested one is 1 or 2', async () => {
    const inner = sectors(lorient, 40, 5, 53);
    const outer = await group([...sectors(agglo, 12, 1, 59), ...inner], 'secteur_principal');
    const within = await group(inner, 'secteur_principal');
    const sport = { question: 'secteur_principal', code: 'sport' };
    // The outer one published second hides its 6; the inner one published second its 5.
    expect(nestedHiddenCounts(outer, within, false, rules)).toEqual([sport]);
    expect(nestedHiddenCounts(within, outer, true, rules)).toEqual([sport]);
  });

  it('hides nothing for a count the nested publication hides: the difference is unknown', async () => {
    // One sport association in Lorient, three in Lorient Agglomération: Lorient shows "< 3".
    const inner = sectors(lorient, 40, 1, 71);
    const outer = await group([...sectors(agglo, 12, 2, 73), ...inner], 'secteur_principal');
    const within = await group(inner, 'secteur_principal');
    const count = (g: GroupResults) => (g.questions[0] as { categories: { code: string; count: number | null }[] }).categories.find((c) => c.code === 'sport')!.count;
    expect([count(outer), count(within)]).toEqual([3, null]);
    expect(nestedHiddenCounts(outer, within, false, rules)).toEqual([]);
    expect(nestedDifference(outer, within, rules)).toBeNull();
  });

  it('hides again a count that the first hiding showed (its line’s complement changed)', async () => {
    /** Responses whose main sector is each code of `codes` as many times as it says. */
    const bySector = (territory: { level: string; code: string }, codes: Record<string, number>, seed: number) => {
      const list = Object.entries(codes).flatMap(([code, n]) => Array<string>(n).fill(code));
      const items = generateFor(b.core, territory, '2026', list.length, prng(seed));
      items.forEach((g, i) => { g.payload.answers.secteur_principal = list[i]; });
      return items;
    };
    const inner = bySector(lorient, { sport: 39, culture: 3, environnement: 10 }, 79);
    // The EPCI: sport 40, culture 4, social_sante 2, environnement 20. Alone, "< 3" takes culture
    // as its complement; sport hidden (40 − 39 = 1) protects it instead, and culture (4 − 3) shows.
    const all = [...bySector(agglo, { sport: 1, culture: 1, social_sante: 2, environnement: 10 }, 83), ...inner];
    const made = (hide: HiddenCounts[] = []) => aggregateResponses(stream(all.map((x) => ({ ...x, payload: { ...x.payload, territory: agglo } }))), { compiled: [b.core], rules, hide });
    const sector = (g: GroupResults | undefined) => (g!.questions.find((q) => q.id === 'secteur_principal') as { categories: { code: string; suppressed?: string }[] }).categories
      .filter((c) => c.suppressed).map((c) => [c.code, c.suppressed]);
    const first = await made();
    expect(sector(first.groups[0])).toEqual([['culture', 'complementary'], ['social_sante', 'small']]);
    const nested = [{ territory: lorient, outside: false, group: await group(inner) }];
    const doc = await hideBesideNested(first, agglo, '2026', nested, rules, made);
    expect(sector(doc.groups[0])).toEqual([['sport', 'complementary'], ['culture', 'complementary'], ['social_sante', 'small']]);
    expect(nestedHiddenCounts(doc.groups[0]!, nested[0]!.group, false, rules)).toEqual([]);
  });
});
