import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAjv, toProblems } from '@olva/schema/validate';
import { aggregateResponses } from './aggregate/aggregate.js';
import { crossTabulate } from './crosstab/crosstab.js';
import { builds, crosswalkCore, generate, generateFor, stream } from './__fixtures__/responses.js';
import { prng } from '@olva/test-support/prng';
import { analyseResponses } from './analyse.js';
import { withTerritoryNames } from './territory-names.js';
import { checkNationalReferences } from './references.js';
import { filteredQuestionnaire, payloadOf } from './__fixtures__/filtered.js';
import type { ResultsDocument } from './results.js';
import { NETWORK_TERRITORY } from './network-territory.js';

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../schemas/results.schema.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
const validate = createAjv().addSchema(schema).getSchema('urn:olva:schema:results:1')!;
const problems = (doc: unknown) => (validate(doc) ? [] : toProblems(validate.errors));

describe('schemas/results.schema.json', () => {
  const b = builds();
  const compiled = [b.core, b.rennes, b.lorient];

  it('accepts the document the aggregation produces, with cross-tabulations', async () => {
    const items = generate(21);
    const doc: ResultsDocument = await aggregateResponses(stream(items), { compiled, classes: { annee_creation: [5, 10, 20], nb_salaries: [1, 10] } });
    expect(JSON.stringify(doc)).toContain('"classes"');
    doc.crosstabs = [
      await crossTabulate(stream(items), { compiled, rows: 'secteur_principal', columns: 'employeur', territory: { level: 'commune', code: '35238' }, wave: '2026' }),
      await crossTabulate(stream(items), { compiled, rows: 'employeur', columns: 'affiliation_federation' }),
      await crossTabulate(stream(items), { compiled, rows: 'employeur', columns: 'valorisation_benevolat', territory: { level: 'commune', code: '29019' } }),
    ];
    expect(doc.crosstabs.map((t) => t.status)).toContain('withheld');
    expect(problems(JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });

  it('accepts questions and cross-tabulations withheld for their filters (linked figures)', async () => {
    const questionnaire = filteredQuestionnaire({ required: { q2: true } });
    const payloads = [
      ...Array.from({ length: 15 }, (_, i) => payloadOf(questionnaire, { f1: 'a', f2: true, q2: i % 3 ? 'x' : 'y', q4: 1, note: 'n', q6: 2, m: { r1: 'u' } })),
      ...Array.from({ length: 2 }, () => payloadOf(questionnaire, { f1: 'b', f2: false })),
    ];
    const doc = await aggregateResponses(payloads, { compiled: [questionnaire], rules: { minBase: 3 } });
    doc.crosstabs = [await crossTabulate(payloads, { compiled: [questionnaire], rows: 'q2', columns: 'f1' })];
    const text = JSON.stringify(doc);
    expect(text.match(/"withheldReason":"filter-suppressed"/g)!.length).toBeGreaterThanOrEqual(4);
    expect(problems(JSON.parse(text))).toEqual([]);
  });

  it('accepts the document olva analyse writes, with every comparison and the sample', async () => {
    const next = crosswalkCore();
    const random = prng(41);
    const items = [
      ...['35238', '29019', '44109', '35288'].flatMap((code) => generateFor(next, { level: 'commune', code }, '2026', 40, random)),
      ...generateFor(b.rennes, { level: 'commune', code: '35238' }, '2025', 40, random),
    ];
    const references = JSON.parse(readFileSync(fileURLToPath(new URL('../../core-questionnaire/references/national-2017.json', import.meta.url)), 'utf8'));
    const doc = await analyseResponses(stream(items), {
      compiled: [...compiled, next], wave: '2026', previousWave: '2025', references: checkNationalReferences(references, 'national-2017.json'),
      expected: [{ territory: { level: 'commune', code: '35238' }, source: 'RNA', sectors: { sport: 50, culture: 30, local: 5 } }], weight: 'sector',
    });
    const rennes = doc.groups.find((g) => g.territory.code === '35238')!;
    expect(Object.keys(rennes.comparisons!).sort()).toEqual(['national', 'network', 'previousWave']);
    expect(rennes.sample!.sectors.length).toBeGreaterThan(3);
    expect(problems(JSON.parse(JSON.stringify(doc)))).toEqual([]);
  });

  it('accepts the network\'s own document (network:all), and no other code at that level', async () => {
    const doc = await analyseResponses(stream(generate(29)), { compiled, wave: '2026', territory: NETWORK_TERRITORY, previousWave: '2025' });
    expect(doc.groups.map((g) => g.territory)).toEqual([{ level: 'network', code: 'all' }]);
    expect(doc.notes!.map((n) => n.code)).toEqual(['network-composition']);
    expect(problems(JSON.parse(JSON.stringify(doc)))).toEqual([]);
    const other = JSON.parse(JSON.stringify(doc)) as ResultsDocument;
    other.groups[0]!.territory.code = 'rnma';
    expect(problems(other)).toContainEqual(expect.objectContaining({ pointer: '/groups/0/territory/code', rule: 'schema/const' }));
  });

  it('accepts the territories\' names a publication carries, right after each territory, and no empty one', async () => {
    const doc = await aggregateResponses(stream(generate(23)), { compiled });
    const named = withTerritoryNames(doc, (t) => (t.code === '35238' ? 'Rennes' : undefined));
    const rennes = named.groups.filter((g) => g.territory.code === '35238');
    expect(rennes.length).toBeGreaterThan(0);
    for (const g of rennes) expect(Object.keys(g).slice(0, 3)).toEqual(['territory', 'territoryName', 'wave']);
    expect(named.groups.filter((g) => g.territory.code !== '35238').every((g) => !('territoryName' in g))).toBe(true);
    expect(problems(JSON.parse(JSON.stringify(named)))).toEqual([]);
    const empty = JSON.parse(JSON.stringify(named)) as ResultsDocument;
    empty.groups.find((g) => g.territoryName)!.territoryName = '';
    expect(problems(empty)).toContainEqual(expect.objectContaining({ rule: 'schema/minLength' }));
  });

  it('names the pointer of what breaks it', async () => {
    const doc = JSON.parse(JSON.stringify(await aggregateResponses(stream(generate(22)), { compiled }))) as ResultsDocument;
    const figures = doc.groups[2]!.questions.find((f) => f.kind === 'distribution' && f.categories)! as { categories: { share: unknown }[] };
    figures.categories[0]!.share = 1.5;
    delete (doc.rules as Partial<ResultsDocument['rules']>).minCell;
    const found = problems(doc);
    expect(found).toContainEqual(expect.objectContaining({ pointer: '/rules', rule: 'schema/required', message: 'missing required property "minCell"' }));
    expect(found.some((p) => /^\/groups\/2\/questions\/\d+\/categories\/0\/share$/.test(p.pointer))).toBe(true);
  });
});
