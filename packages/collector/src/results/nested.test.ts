import { describe, expect, it } from 'vitest';
import { aggregateResponses, DEFAULT_DISCLOSURE_RULES as rules, type GroupResults } from '@olva/analysis';
import { builds, generateFor, stream, type Generated } from '@olva/test-support/responses';
import { prng } from '@olva/test-support/prng';
import { nestedDifference } from './nested.js';

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

describe('nestedDifference', () => {
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
});
