/**
 * The sample part, the key-figure classes and `weight=sector` of the results documents, over
 * real HTTP on SQLite and PostgreSQL: the configuration's expected distributions by sector
 * (`stats.expected`) set each group's sample beside them, as `olva analyse --config` does; the
 * expected documents are `analyseResponses` over the same responses, computed here without the
 * collector (the CLI's own test compares with `olva analyse` itself).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseResponses, checkNationalReferences, withTerritoryNames, type ExpectedSectors, type ResultsDocument } from '@olva/analysis';
import { officialName } from '@olva/compiler/geography';
import { keyFigureClassesFor, loadNationalReferences, nationalReferencesPath } from '@olva/core-questionnaire';
import { builds, generateFor, stream, type Generated } from '@olva/test-support/responses';
import { prng } from '@olva/test-support/prng';
import type { CompiledQuestionnaire } from '@olva/schema';
import { bothBackends } from '@olva/test-support/store-backends';
import { testCollectorOn, testConfig, TEST_TOKENS } from '@olva/test-support/test-collector';
import { createAjv, toProblems } from '@olva/schema/validate';
import { canonicalPayload } from '../store/canonical.js';

const PUBLISHER = 'rennes-publisher-0123456789abcdef';
const BREST_PUBLISHER = 'brest-publisher-0123456789abcdef0';
const RENNES = { level: 'commune', code: '35238' } as const;
const BREST = { level: 'commune', code: '29019' } as const;
const EXPECTED: ExpectedSectors[] = [
  { territory: RENNES, wave: '2026', source: 'RNA, juin 2025', sectors: { sport: 1450, culture: 1320, loisirs_vie_sociale: 700, social_sante: 610 } },
  // Another wave of the same territory: not the one analysed, so not used.
  { territory: RENNES, wave: '2019', sectors: { sport: 1, culture: 1 } },
];

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../schemas/results.schema.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
const validateResults = createAjv().addSchema(schema).getSchema('urn:olva:schema:results:1')!;
const schemaProblems = (doc: unknown) => (validateResults(doc) ? [] : toProblems(validateResults.errors));

async function call(base: string, method: string, path: string, token?: string, lang?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lang ? { 'accept-language': lang } : {}) } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

for (const backend of bothBackends()) {
  describe(`results with the sample beside the expected sectors on ${backend.name}`, () => {
    const tokens = [
      ...(testConfig().tokens as unknown[]),
      { name: 'rennes-publication', token: PUBLISHER, scope: { territories: [RENNES], rights: ['publish'] } },
      { name: 'brest-publication', token: BREST_PUBLISHER, scope: { territories: [BREST], rights: ['publish'] } },
    ];
    const server = testCollectorOn(backend, { overrides: { tokens, stats: { expected: EXPECTED } } });
    const b = builds();
    const references = checkNationalReferences(loadNationalReferences(), nationalReferencesPath);
    const random = prng(17);
    const items = [
      ...generateFor(b.rennes, RENNES, '2026', 80, random),
      ...generateFor(b.core, BREST, '2026', 40, random),
    ];
    let compiled: CompiledQuestionnaire[];
    const of = (t: { code: string }) => items.filter((g: Generated) => g.payload.territory.code === t.code);
    /** What `olva analyse --config` makes of one territory's wave, the configuration giving the expected sectors. */
    const analysed = (selected: Generated[], territory: typeof RENNES | typeof BREST, weight: boolean) =>
      analyseResponses(stream(selected), {
        compiled, classes: keyFigureClassesFor(compiled), wave: '2026', territory, references, network: false, expected: EXPECTED, ...(weight ? { weight: 'sector' as const } : {}),
      });

    beforeAll(async () => {
      const store = server.collector.store;
      for (const c of [b.core, b.rennes]) await store.saveQuestionnaire(c);
      compiled = (await server.collector.registry.all()).filter((c) => c.questionnaire.id === 'olva-core');
      for (const g of items) {
        const { json, digest } = canonicalPayload(g.payload);
        expect((await store.insert(g.payload, digest, json)).status).toBe('created');
      }
    });

    it('sets the sample beside the configured sectors, with the key-figure classes, as olva analyse does', async () => {
      const res = await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2026', TEST_TOKENS.rennes);
      expect(res.status).toBe(200);
      expect(schemaProblems(res.body)).toEqual([]);
      expect(res.body).toEqual(await analysed(of(RENNES), RENNES, false));
      const group = (res.body as ResultsDocument).groups[0]!;
      expect(group.sample).toMatchObject({ question: 'secteur_principal', source: 'RNA, juin 2025', expectedTotal: 4080 });
      expect(group.sample!.weighted).toBeUndefined();
      const sport = group.sample!.sectors.find((s) => s.code === 'sport')!;
      expect(sport.expected).toEqual({ count: 1450, share: 1450 / 4080 });
      // The classes of the key-figures sheet (the association's age): counted in the document.
      expect(Object.keys(keyFigureClassesFor(compiled))).toEqual(['annee_creation']);
      const age = group.questions.find((q) => q.id === 'annee_creation') as { classes?: { count: number | null }[] };
      expect(age.classes).toHaveLength(4);
      // A territory without an expected distribution has no sample part.
      const brest = await call(server.url, 'GET', '/v1/results?territory=commune:29019&wave=2026', TEST_TOKENS.national);
      expect(brest.status).toBe(200);
      expect(brest.body.groups[0].sample).toBeUndefined();
    });

    it('adds post-stratified shares with weight=sector, in the results and in a publication', async () => {
      const res = await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2026&weight=sector', TEST_TOKENS.rennes);
      expect(res.status).toBe(200);
      expect(schemaProblems(res.body)).toEqual([]);
      const made = await analysed(of(RENNES), RENNES, true);
      expect(res.body).toEqual(made);
      expect(res.body.groups[0].sample.weighted).toMatchObject({ method: 'post-stratification', question: 'secteur_principal' });
      expect((await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2026&weight=none', TEST_TOKENS.rennes)).body.groups[0].sample.weighted).toBeUndefined();
      const published = await call(server.url, 'PUT', '/v1/results/commune:35238/2026/publication?weight=sector', PUBLISHER);
      expect(published.status).toBe(200);
      expect((await call(server.url, 'GET', published.body.url)).body).toEqual(withTerritoryNames(made, (t) => officialName(t.level, t.code)));
    });

    it('refuses a bad weight with the parameter and the rule (400, never 5xx)', async () => {
      for (const [query, code] of [
        ['wave=2026&weight=age', 'results/comparison-value'],
        ['wave=2026&weight=sector&weight=none', 'results/comparison-once'],
        ['weight=sector', 'results/one-wave'],
      ] as const) {
        const bad = await call(server.url, 'GET', `/v1/results?territory=commune:35238&${query}`, TEST_TOKENS.rennes);
        expect(bad.status, query).toBe(400);
        expect(bad.body.problems, query).toEqual([{ pointer: '/weight', code, message: bad.body.message }]);
      }
      const put = await call(server.url, 'PUT', '/v1/results/commune:35238/2026/publication?weight=yes', PUBLISHER);
      expect(put.status).toBe(400);
      expect(put.body.problems).toEqual([{ pointer: '/weight', code: 'results/comparison-value', message: put.body.message }]);
    });

    it('refuses weight=sector for a territory or a wave without an expected distribution, saying which and where to declare it', async () => {
      for (const [path, token] of [
        // Brest has no expected distribution at all; Rennes none for 2025 (only 2026 and 2019).
        ['/v1/results?territory=commune:29019&wave=2026&weight=sector', TEST_TOKENS.national],
        ['/v1/results?wave=2026&weight=sector&network=none', TEST_TOKENS.national],
      ] as const) {
        const res = await call(server.url, 'GET', path, token);
        expect(res.status, path).toBe(400);
        expect(res.body.problems, path).toEqual([{ pointer: '/weight', code: 'results/no-expected', message: res.body.message }]);
        expect(res.body.message).toContain('pour commune:29019 (vague 2026) : déclarez-la dans la section stats.expected');
        expect(res.body.message).not.toContain('35238');
        expect((await call(server.url, 'GET', path, token, 'en')).body.message).toContain('has none for commune:29019 (wave 2026): declare it in the collector configuration\'s stats.expected section');
      }
      // The same without weighting: the document, with no weighted shares.
      expect((await call(server.url, 'GET', '/v1/results?territory=commune:29019&wave=2026&weight=none', TEST_TOKENS.national)).status).toBe(200);
      const put = await call(server.url, 'PUT', '/v1/results/commune:29019/2026/publication?weight=sector', BREST_PUBLISHER, 'en');
      expect(put.status).toBe(400);
      expect(put.body.problems).toEqual([{ pointer: '/weight', code: 'results/no-expected', message: put.body.message }]);
      expect(put.body.message).toContain('commune:29019 (wave 2026)');
      // Nothing was published.
      expect((await call(server.url, 'GET', '/v1/public/results/commune:29019/2026')).status).toBe(404);
    });
  });
}
