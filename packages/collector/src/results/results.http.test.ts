/**
 * The results routes over real HTTP, on SQLite and PostgreSQL: results computed from the
 * store for tokens in scope, publication by a territory's own token only, and the public
 * route serving nothing before publication and a snapshot after it. The responses are the
 * analysis package's generated ones (real core and extensions); the expected documents are
 * `aggregateResponses` over the same responses, computed here without the collector.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateResponses, analyseResponses, checkNationalReferences, withTerritoryNames, type DisclosureRules, type ResultsDocument, type Within } from '@olva/analysis';
import { officialName } from '@olva/compiler/geography';
import { keyFigureClassesFor, loadNationalReferences, nationalReferencesPath } from '@olva/core-questionnaire';
import { builds, crosswalkCore, generate, generateFor, stream, type Generated } from '@olva/test-support/responses';
import { prng } from '@olva/test-support/prng';
import type { CompiledQuestionnaire } from '@olva/schema';
import { bothBackends } from '@olva/test-support/store-backends';
import { startTestCollector, testCollectorOn, testConfig, TEST_TOKENS, type TestCollector } from '@olva/test-support/test-collector';
import { createAjv, toProblems } from '@olva/schema/validate';
import { canonicalPayload } from '../store/canonical.js';
import { TerritoryDirectory } from '../territories.js';

const PUBLISHER = 'rennes-publisher-0123456789abcdef';
const MORBIHAN_PUBLISHER = 'morbihan-publisher-0123456789abcdef';
const LORIENT_PUBLISHER = 'lorient-publisher-0123456789abcdef';
const LORIENT_COMMUNE_PUBLISHER = 'lorient-commune-publisher-0123456789abcdef';
const LANESTER_PUBLISHER = 'lanester-publisher-0123456789abcdef';
const PLOEMEUR_PUBLISHER = 'ploemeur-publisher-0123456789abcdef';

/** The test tokens, plus `publish` for Rennes, the national network, Morbihan, Lorient Agglomération, Lorient, Lanester and Ploemeur. */
function tokens(): unknown[] {
  const base = testConfig().tokens as { name: string; token: string; scope: { territories: unknown; rights: string[] } }[];
  return [
    ...base.map((t) => (t.name === 'rnma' ? { ...t, scope: { ...t.scope, rights: [...t.scope.rights, 'publish'] } } : t)),
    { name: 'rennes-publication', token: PUBLISHER, scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['publish'] } },
    { name: 'morbihan-publication', token: MORBIHAN_PUBLISHER, scope: { territories: [{ level: 'departement', code: '56' }], rights: ['publish', 'stats'] } },
    { name: 'lorient-publication', token: LORIENT_PUBLISHER, scope: { territories: [{ level: 'epci', code: '200042174' }], rights: ['publish'] } },
    { name: 'lorient-commune-publication', token: LORIENT_COMMUNE_PUBLISHER, scope: { territories: [{ level: 'commune', code: '56121' }], rights: ['publish'] } },
    { name: 'lanester-publication', token: LANESTER_PUBLISHER, scope: { territories: [{ level: 'commune', code: '56098' }], rights: ['publish'] } },
    { name: 'ploemeur-publication', token: PLOEMEUR_PUBLISHER, scope: { territories: [{ level: 'commune', code: '56162' }], rights: ['publish'] } },
  ];
}

async function call(base: string, method: string, path: string, token?: string, lang?: string): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(base + path, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lang ? { 'accept-language': lang } : {}) } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../schemas/results.schema.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
const validateResults = createAjv().addSchema(schema).getSchema('urn:olva:schema:results:1')!;
/** What schemas/results.schema.json finds wrong in a document (nothing, for every document the collector serves). */
const schemaProblems = (doc: unknown) => (validateResults(doc) ? [] : toProblems(validateResults.errors));

/** A document as the collector publishes it: each group names its territory, by the official geography. */
const named = (doc: ResultsDocument) => withTerritoryNames(doc, (t) => officialName(t.level, t.code));

const inGroup = (level: string, code: string, wave?: string) => (g: Generated) =>
  g.payload.territory.level === level && g.payload.territory.code === code && (wave === undefined || g.payload.wave === wave);

for (const backend of bothBackends()) {
  describe(`results routes on ${backend.name}`, () => {
    let server: TestCollector;
    let base: string;
    let items: Generated[];
    let compiled: CompiledQuestionnaire[];
    const b = builds();

    /** What the analysis makes of these responses, with the versions the collector knows. */
    const expected = (selected: Generated[]) => aggregateResponses(stream(selected), { compiled });
    const references = checkNationalReferences(loadNationalReferences(), nationalReferencesPath);
    /** What `olva analyse` makes of one territory's wave with the core's national references (the collector's default). */
    const analysed = (selected: Generated[], wave: string, territory: { level: string; code: string }, rules?: DisclosureRules) =>
      analyseResponses(stream(selected), { compiled, classes: keyFigureClassesFor(compiled), wave, territory: territory as never, references, network: false, ...(rules ? { rules } : {}) });
    const RENNES = { level: 'commune', code: '35238' } as const;

    async function insert(list: Generated[]) {
      for (const g of list) {
        const { json, digest } = canonicalPayload(g.payload);
        expect((await server.collector.store.insert(g.payload, digest, json)).status).toBe('created');
      }
    }

    beforeAll(async () => {
      await backend.setup();
      server = await startTestCollector(await backend.newDatabaseUrl(), { overrides: { tokens: tokens() } });
      base = server.url;
      for (const c of [b.core, b.rennes, b.lorient]) await server.collector.store.saveQuestionnaire(c);
      compiled = (await server.collector.registry.all()).filter((c) => c.questionnaire.id === 'olva-core');
      items = generate(11);
      await insert(items);
    });
    afterAll(async () => {
      await server?.close();
      await backend.teardown();
    });

    it('computes the results of the territories a stats token covers, as the analysis does', async () => {
      const rennes = await call(base, 'GET', '/v1/results?territory=commune:35238', TEST_TOKENS.rennes);
      expect(rennes.status).toBe(200);
      expect(rennes.headers.get('cache-control')).toBe('no-store');
      expect(rennes.body).toEqual(await expected(items.filter(inGroup('commune', '35238'))));
      expect(rennes.body.groups.map((g: any) => g.wave)).toEqual(['2025', '2026']);
      // Names are for published documents: this one is `olva analyse`'s, level and code only.
      expect(rennes.body.groups.map((g: any) => g.territoryName)).toEqual([undefined, undefined]);

      // One wave: with the national references, by default for the core.
      const oneWave = await call(base, 'GET', '/v1/results?territory=commune:35238&wave=2026', TEST_TOKENS.rennes);
      expect(oneWave.body).toEqual(await analysed(items.filter(inGroup('commune', '35238', '2026')), '2026', RENNES));
      expect(oneWave.body.groups[0].comparisons.national.references.id).toBe('national-2017');
      const bare = await call(base, 'GET', '/v1/results?territory=commune:35238&wave=2026&references=none', TEST_TOKENS.rennes);
      // One wave, no comparison: the aggregation with the key-figure classes, as olva analyse makes it.
      const withClasses = await aggregateResponses(stream(items.filter(inGroup('commune', '35238', '2026'))), { compiled, classes: keyFigureClassesFor(compiled) });
      expect(bare.body.groups).toEqual(withClasses.groups);

      // Without a territory, the token's whole scope and nothing else.
      const lorient = await call(base, 'GET', '/v1/results', TEST_TOKENS.lorient);
      expect(lorient.body.groups.map((g: any) => `${g.territory.level}:${g.territory.code}`)).toEqual(['epci:200042174']);
      const national = await call(base, 'GET', '/v1/results', TEST_TOKENS.national);
      expect(national.body).toEqual(await expected(items));
    });

    it('refuses results without a token, outside the scope or without the stats right', async () => {
      expect((await call(base, 'GET', '/v1/results')).status).toBe(401);
      const outside = await call(base, 'GET', '/v1/results?territory=epci:200042174', TEST_TOKENS.rennes);
      expect(outside.status).toBe(403);
      expect(outside.body).toEqual({ error: 'forbidden', message: expect.stringContaining('epci:200042174') });
      expect((await call(base, 'GET', '/v1/results', TEST_TOKENS.rennesReadOnly)).status).toBe(403);
      expect((await call(base, 'GET', '/v1/results?wave=bad wave', TEST_TOKENS.rennes)).status).toBe(400);
      // A code that names no territory is a slip, not a territory without responses yet (an empty document).
      const unknown = await call(base, 'GET', '/v1/results?territory=commune:35999&wave=2026', TEST_TOKENS.national);
      expect(unknown.status).toBe(400);
      expect(unknown.body).toEqual({ error: 'bad-request', message: '« 35999 » n’est pas un code officiel de niveau commune', problems: [{ pointer: '/territory', code: 'unknown-territory', message: unknown.body.message }] });
      expect((await call(base, 'GET', '/v1/results?territory=commune:35999', TEST_TOKENS.national, 'en')).body.message).toBe('"35999" is not an official commune code');
      // Every read names it the same way (the authorizer does): an export was an empty file, a
      // scoped token was told the code lay outside its scope.
      for (const [path, token] of [['/v1/exports/responses.csv?questionnaire=olva-core&territory=commune:35999', TEST_TOKENS.national], ['/v1/stats/sample?territory=commune:35999', TEST_TOKENS.rennes]] as const) {
        const refused = await call(base, 'GET', path, token);
        expect(refused.status, path).toBe(400);
        expect(refused.body.problems, path).toEqual([{ pointer: '/territory', code: 'unknown-territory', message: unknown.body.message }]);
      }
    });

    it('publishes nothing before publication, and only by the territory\'s own token', async () => {
      expect((await call(base, 'GET', '/v1/public/results/commune:35238/2026')).status).toBe(404);
      const path = '/v1/results/commune:35238/2026/publication';
      expect((await call(base, 'PUT', path)).status).toBe(401);
      expect((await call(base, 'PUT', path, 'not-a-token-0123456789')).status).toBe(401);
      for (const [token, why] of [
        [TEST_TOKENS.rennesReadOnly, 'n’a pas le droit « publish »'],
        [TEST_TOKENS.national, 'ne peut publier que les résultats de son propre territoire'],
      ] as const) {
        const refused = await call(base, 'PUT', path, token);
        expect(refused.status).toBe(403);
        expect(refused.body.message).toContain(why);
      }
      // Morbihan encloses Lorient's EPCI, but the EPCI publishes its own results.
      expect((await call(base, 'PUT', '/v1/results/epci:200042174/2026/publication', MORBIHAN_PUBLISHER)).status).toBe(403);
      expect((await call(base, 'PUT', '/v1/results/commune:29019/2026/publication', PUBLISHER)).status).toBe(403);
      expect((await call(base, 'GET', '/v1/public/results/commune:35238/2026')).status).toBe(404);
      expect((await call(base, 'GET', `${path}`, TEST_TOKENS.rennes)).body).toEqual({ territory: { level: 'commune', code: '35238' }, wave: '2026', published: false, history: [] });
    });

    it('serves a published snapshot to anyone, with CORS open, until it is withdrawn', async () => {
      const path = '/v1/results/commune:35238/2026/publication';
      const published = await call(base, 'PUT', path, PUBLISHER);
      expect(published.status).toBe(200);
      const size = items.filter(inGroup('commune', '35238', '2026')).length;
      expect(published.body).toEqual({
        territory: { level: 'commune', code: '35238' }, wave: '2026', published: true, action: 'published',
        at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), by: 'rennes-publication', responses: size,
        url: '/v1/public/results/commune:35238/2026',
      });
      const snapshot = await analysed(items.filter(inGroup('commune', '35238', '2026')), '2026', RENNES);
      const read = await call(base, 'GET', published.body.url);
      expect(read.status).toBe(200);
      expect(read.headers.get('access-control-allow-origin')).toBe('*');
      expect(read.body).toEqual(named(snapshot));
      // The name <olva-results> shows in its heading, in the published document itself.
      expect(read.body.groups[0].territoryName).toBe('Rennes');
      // Another wave of the same territory stays private.
      expect((await call(base, 'GET', '/v1/public/results/commune:35238/2025')).status).toBe(404);

      // A snapshot: a later response changes it only when published again.
      const later = generateFor(b.rennes, { level: 'commune', code: '35238' }, '2026', 5, prng(99));
      await insert(later);
      expect((await call(base, 'GET', published.body.url)).body).toEqual(named(snapshot));
      // Published again, it would set those five beside the snapshot everyone could read: refused.
      const again = await call(base, 'PUT', path, PUBLISHER);
      expect(again.status).toBe(409);
      expect(again.body.problems).toEqual([{ pointer: '', code: 'results/earlier-snapshot-difference', message: again.body.message }]);
      expect(again.body.message).toBe(`publier commune:35238 pour la vague « 2026 » ferait lire par différence avec son document publié le ${published.body.at} (remplacé ou retiré depuis, il a été public), dans les réponses arrivées, écartées ou effacées entre les deux, un groupe de 5 réponses (moins de 10) : gardez la publication d’alors, ou attendez qu’au moins 10 réponses diffèrent`);
      expect((await call(base, 'GET', published.body.url)).body).toEqual(named(snapshot));

      const withdrawn = await call(base, 'DELETE', path, PUBLISHER);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ published: false, action: 'withdrawn', by: 'rennes-publication', responses: null });
      expect((await call(base, 'GET', published.body.url)).status).toBe(404);
      expect((await call(base, 'DELETE', path, PUBLISHER)).status).toBe(404);
      // Withdrawn, it has been public all the same.
      expect((await call(base, 'PUT', path, PUBLISHER)).status).toBe(409);

      const status = await call(base, 'GET', path, TEST_TOKENS.rennes);
      expect(status.body.published).toBe(false);
      expect(status.body.history.map((e: any) => [e.action, e.by, e.responses])).toEqual([
        ['published', 'rennes-publication', size], ['withdrawn', 'rennes-publication', null],
      ]);
      expect((await call(base, 'GET', path, TEST_TOKENS.lorient)).status).toBe(403);
    });

    it('gives CORS on the token routes to reading origins only, PUT included; the public route to any page', async () => {
      const preflight = (origin: string, path: string, method: string) => fetch(base + path, {
        method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' },
      });
      const reader = await preflight('https://observatoire.example.org', '/v1/results/commune:35238/2026/publication', 'PUT');
      expect(reader.headers.get('access-control-allow-origin')).toBe('https://observatoire.example.org');
      expect(reader.headers.get('access-control-allow-methods')).toContain('PUT');
      // A page that only embeds the survey may post answers, not call the results routes.
      const poster = await preflight('https://www.rennes.fr', '/v1/results?territory=commune:35238', 'GET');
      expect(poster.headers.get('access-control-allow-origin')).toBeNull();
      const anyPage = await fetch(`${base}/v1/public/results/commune:35238/2026`, { headers: { origin: 'https://elsewhere.example' } });
      expect(anyPage.headers.get('access-control-allow-origin')).toBe('*');
    });

    it('computes and publishes under the configuration\'s disclosure thresholds, which the documents state', async () => {
      const strict = { minCell: 5, smallBase: 40, minBase: 20 };
      const other = await startTestCollector(await backend.newDatabaseUrl(), { overrides: { tokens: tokens(), disclosure: strict } });
      try {
        for (const c of [b.core, b.rennes, b.lorient]) await other.collector.store.saveQuestionnaire(c);
        const rennes = items.filter(inGroup('commune', '35238', '2026'));
        for (const g of rennes) {
          const { json, digest } = canonicalPayload(g.payload);
          expect((await other.collector.store.insert(g.payload, digest, json)).status).toBe('created');
        }
        const made = await analysed(rennes, '2026', RENNES, strict);
        const byDefault = await analysed(rennes, '2026', RENNES);
        const read = await call(other.url, 'GET', '/v1/results?territory=commune:35238&wave=2026', TEST_TOKENS.rennes);
        expect(read.status).toBe(200);
        expect(read.body).toEqual(made);
        expect(read.body.rules).toMatchObject(strict);
        // The stricter rule changes what is published: counts of 3 and 4 hidden, bases under 20 withheld.
        expect(read.body).not.toEqual(byDefault);
        const counts = (doc: any) => doc.groups[0].questions.flatMap((q: any) => q.categories ?? []).map((c: any) => c.count);
        expect(counts(byDefault).some((n: number | null) => n === 3 || n === 4)).toBe(true);
        expect(counts(read.body).some((n: number | null) => n === 3 || n === 4)).toBe(false);
        expect(read.body.groups[0].questions.filter((q: any) => q.status === 'withheld').length)
          .toBeGreaterThan(byDefault.groups[0]!.questions.filter((q) => q.status === 'withheld').length);

        const published = await call(other.url, 'PUT', '/v1/results/commune:35238/2026/publication', PUBLISHER);
        expect(published.status).toBe(200);
        const pub = await call(other.url, 'GET', published.body.url);
        expect(pub.body).toEqual(named(made));
      } finally {
        await other.close();
      }
    });

    it('refuses a publication whose difference with a nested one is a group too small to publish, naming both', async () => {
      // Wave 2024: Lorient Agglomération's responses, and four collected in the Morbihan outside it.
      const random = prng(47);
      await insert([...generateFor(b.lorient, { level: 'epci', code: '200042174' }, '2024', 40, random), ...generateFor(b.core, { level: 'departement', code: '56' }, '2024', 4, random)]);
      expect((await call(base, 'PUT', '/v1/results/epci:200042174/2024/publication', LORIENT_PUBLISHER)).status).toBe(200);
      const refused = await call(base, 'PUT', '/v1/results/departement:56/2024/publication', MORBIHAN_PUBLISHER);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        error: 'conflict',
        message: 'publier departement:56 pour la vague « 2024 » à côté de epci:200042174, déjà publié, ferait lire par différence, dans le reste de departement:56, un groupe de 4 réponses (moins de 10) : retirez l’une des deux publications, ou attendez d’autres réponses',
        problems: [{ pointer: '', code: 'results/nested-difference', message: refused.body.message }],
      });
      expect((await call(base, 'GET', '/v1/public/results/departement:56/2024')).status).toBe(404);
      // The other way round: the Morbihan published first, Lorient Agglomération is refused.
      expect((await call(base, 'DELETE', '/v1/results/epci:200042174/2024/publication', LORIENT_PUBLISHER)).status).toBe(200);
      expect((await call(base, 'PUT', '/v1/results/departement:56/2024/publication', MORBIHAN_PUBLISHER)).status).toBe(200);
      const inner = await call(base, 'PUT', '/v1/results/epci:200042174/2024/publication', LORIENT_PUBLISHER, 'en');
      expect(inner.status).toBe(409);
      expect(inner.body.message).toBe('publishing epci:200042174 for wave "2024" beside departement:56, already published, would let a group of 4 responses (fewer than 10) be read by difference in the rest of departement:56: withdraw one of the two, or wait for more responses');
    });

    it('publishes one of two nested territories asked at the same moment, and refuses the other, whichever checked first', async () => {
      // Wave 2022: Lorient Agglomération's responses, and four more in the Morbihan outside it.
      const random = prng(53);
      await insert([...generateFor(b.lorient, { level: 'epci', code: '200042174' }, '2022', 40, random), ...generateFor(b.core, { level: 'departement', code: '56' }, '2022', 4, random)]);
      // The Morbihan's request reads Lorient Agglomération unpublished; Lorient Agglomération's
      // request then runs to its end (it reads the Morbihan unpublished, and publishes); the
      // Morbihan's request goes on with what it read. Both were published, four responses
      // readable by difference.
      const publications = server.collector.store.publications;
      const publishedTerritories = publications.publishedTerritories.bind(publications);
      let raced: Promise<{ status: number }> | undefined;
      // The read that finds which territories around have published finds it unpublished.
      publications.publishedTerritories = async (among, waves) => {
        const read = await publishedTerritories(among, waves);
        if (among !== 'all' && among.some((t) => t.code === '200042174') && !raced) {
          raced = call(base, 'PUT', '/v1/results/epci:200042174/2022/publication', LORIENT_PUBLISHER);
          await raced;
        }
        return read;
      };
      try {
        const outer = await call(base, 'PUT', '/v1/results/departement:56/2022/publication', MORBIHAN_PUBLISHER);
        expect((await raced)?.status).toBe(200);
        expect(outer).toMatchObject({ status: 409, body: { problems: [{ code: 'results/nested-difference' }] } });
        expect((await call(base, 'GET', '/v1/public/results/departement:56/2022')).status).toBe(404);
      } finally {
        publications.publishedTerritories = publishedTerritories;
      }
    });

    it('publishes a commune and its EPCI both, the counts hidden that their difference would give away', async () => {
      // Waves 2023 and 2022: 60 responses in Lorient, 40 more in Lorient Agglomération outside it;
      // each published with 2022 beside it, whose columns subtract as well.
      const random = prng(83);
      await insert(['2023', '2022'].flatMap((wave) => [...generateFor(b.core, { level: 'commune', code: '56121' }, wave, 60, random), ...generateFor(b.lorient, { level: 'epci', code: '200042174' }, wave, 40, random)]));
      const LORIENT = ['commune:56121', LORIENT_COMMUNE_PUBLISHER] as const;
      const AGGLO = ['epci:200042174', LORIENT_PUBLISHER] as const;
      type Count = { count: number | null; suppressed?: string };
      /** Every count of a published document's group, by question, row and code. */
      const countsOf = (doc: any): Map<string, Count> => new Map([
        ...doc.groups[0].questions.flatMap((q: any) => [
          ...[...(q.categories ?? []), ...(q.classes ?? [])].map((c: any) => [`${q.id}/${c.code}`, c]),
          ...(q.rows ?? []).flatMap((r: any) => (r.categories ?? []).map((c: any) => [`${q.id}/${r.code}/${c.code}`, c])),
        ]),
        // The previous wave's columns: a count, or null when hidden.
        ...doc.groups[0].comparisons.previousWave.shares.map((s: any) => [`2022:${s.question}/${s.row ?? ''}/${s.code}`, { count: s.previous?.count ?? null }]),
      ]);
      /** Every base of a published document's group, by question and row, and the previous wave's lines. */
      const basesOf = (doc: any): Map<string, number> => new Map([
        ...doc.groups[0].questions.flatMap((q: any) => [
          ...(q.base ? [[q.id, q.base.answered]] : []),
          ...(q.rows ?? []).flatMap((r: any) => (r.base ? [[`${q.id}/${r.code}`, r.base.answered]] : [])),
        ]),
        ...doc.groups[0].comparisons.previousWave.shares.flatMap((s: any) => (s.previous ? [[`2022:${s.question}/${s.row ?? ''}`, s.previous.base]] : [])),
      ]);
      for (const [first, second] of [[LORIENT, AGGLO], [AGGLO, LORIENT]]) {
        expect((await call(base, 'PUT', `/v1/results/${first[0]}/2023/publication?previousWave=2022`, first[1])).status).toBe(200);
        // Refused before (a count of 1 or 2 in the rest of the EPCI, somewhere among the questions).
        expect((await call(base, 'PUT', `/v1/results/${second[0]}/2023/publication?previousWave=2022`, second[1])).status).toBe(200);
        const docs = await Promise.all([AGGLO, LORIENT].map(async ([t]) => (await call(base, 'GET', `/v1/public/results/${t}/2023`)).body));
        const [agglo, lorient] = docs.map(countsOf) as [Map<string, Count>, Map<string, Count>];
        // Nor a base of the rest under 10: a question's, a matrix row's, or the previous wave's.
        const [aggloBases, lorientBases] = docs.map(basesOf);
        const baseDifferences = [...aggloBases].flatMap(([k, n]) => (lorientBases.has(k) ? [n - lorientBases.get(k)!] : []));
        expect(baseDifferences.length).toBeGreaterThan(50);
        expect(baseDifferences.filter((d) => d > 0 && d < 10)).toEqual([]);
        const differences = [...agglo].flatMap(([k, c]) => (c.count !== null && lorient.get(k)?.count != null ? [c.count - lorient.get(k)!.count!] : []));
        expect(differences.length).toBeGreaterThan(100);
        expect(differences.filter((d) => d > 0 && d < 3)).toEqual([]);
        expect([...agglo.keys()].filter((k) => k.startsWith('2022:') && agglo.get(k)!.count !== null && lorient.get(k)?.count != null).length).toBeGreaterThan(50);
        // The second document hid counts that the first shows: the ones the difference gave away, and their complements.
        const [mine, theirs] = second === AGGLO ? [agglo, lorient] : [lorient, agglo];
        expect([...mine].filter(([k, c]) => c.suppressed === 'complementary' && theirs.get(k)?.count != null).length).toBeGreaterThan(0);
        for (const [t, token] of [first, second]) expect((await call(base, 'DELETE', `/v1/results/${t}/2023/publication`, token)).status).toBe(200);
      }
    });

    it('refuses an EPCI beside three of its communes that leave four responses, and publishes it with forty, no figure of the rest under the thresholds', async () => {
      // Wave 2020: 40 responses in each of Lorient, Lanester and Ploemeur, four in the rest of
      // Lorient Agglomération: the rest of each pair and of each triple is 44 or more, that of the four 4.
      const random = prng(59);
      const communes = [['56121', LORIENT_COMMUNE_PUBLISHER], ['56098', LANESTER_PUBLISHER], ['56162', PLOEMEUR_PUBLISHER]] as const;
      const agglo = { level: 'epci', code: '200042174' } as const;
      await insert([...communes.flatMap(([code]) => generateFor(b.core, { level: 'commune', code }, '2020', 40, random)), ...generateFor(b.lorient, agglo, '2020', 4, random)]);
      for (const [code, token] of communes) expect((await call(base, 'PUT', `/v1/results/commune:${code}/2020/publication`, token)).status).toBe(200);
      const refused = await call(base, 'PUT', '/v1/results/epci:200042174/2020/publication', LORIENT_PUBLISHER);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        error: 'conflict',
        message: 'publier epci:200042174 pour la vague « 2020 » à côté de commune:56098, commune:56121 et commune:56162, déjà publiés, ferait lire par différence, dans le reste de epci:200042174, un groupe de 4 réponses (moins de 10) : retirez l’une des publications, ou attendez d’autres réponses',
        problems: [{ pointer: '', code: 'results/nested-difference', message: refused.body.message }],
      });
      expect((await call(base, 'GET', '/v1/public/results/epci:200042174/2020')).status).toBe(404);
      // Thirty-six more in the rest: published, every count of the rest of 0 or at least 3, every base of 0 or at least 10.
      await insert(generateFor(b.lorient, agglo, '2020', 36, random));
      expect((await call(base, 'PUT', '/v1/results/epci:200042174/2020/publication', LORIENT_PUBLISHER)).status).toBe(200);
      /** Every count (`q/code`, `q/row/code`) and every base (`q`, `q/row`) a published document shows, each with its threshold. */
      const figures = (doc: any): Map<string, [number, number]> => new Map(doc.groups[0].questions.flatMap((q: any) => [
        ...(q.base ? [[q.id, [q.base.answered, 10]]] : []),
        ...[...(q.categories ?? []), ...(q.classes ?? [])].flatMap((c: any) => (c.count === null ? [] : [[`${q.id}/${c.code}`, [c.count, 3]]])),
        ...(q.rows ?? []).flatMap((r: any) => [
          ...(r.base ? [[`${q.id}/${r.code}`, [r.base.answered, 10]]] : []),
          ...(r.categories ?? []).flatMap((c: any) => (c.count === null ? [] : [[`${q.id}/${r.code}/${c.code}`, [c.count, 3]]])),
        ]),
      ]));
      const [outer, ...inside] = await Promise.all(['epci:200042174', ...communes.map(([code]) => `commune:${code}`)].map(async (t) => figures((await call(base, 'GET', `/v1/public/results/${t}/2020`)).body)));
      const rests = [...outer!].flatMap(([k, [n, limit]]) => (inside.every((f) => f.has(k)) ? [[k, n - inside.reduce((sum, f) => sum + f.get(k)![0], 0), limit] as const] : []));
      expect(rests.filter(([, , limit]) => limit === 3).length).toBeGreaterThan(100);
      expect(rests.filter(([, , limit]) => limit === 10).length).toBeGreaterThan(30);
      expect(rests.filter(([, d, limit]) => d > 0 && d < limit)).toEqual([]);
      for (const [t, token] of [['epci:200042174', LORIENT_PUBLISHER], ...communes.map(([code, tk]) => [`commune:${code}`, tk])]) expect((await call(base, 'DELETE', `/v1/results/${t}/2020/publication`, token)).status).toBe(200);
    });

    it('refuses to publish a wave without responses, and malformed paths', async () => {
      const empty = await call(base, 'PUT', '/v1/results/commune:35238/2019/publication', PUBLISHER);
      expect(empty.status).toBe(404);
      expect(empty.body.message).toContain('rien à publier');
      expect((await call(base, 'GET', '/v1/public/results/nowhere/2026')).status).toBe(400);
      expect((await call(base, 'GET', '/v1/public/results/commune:35238/bad%20wave')).status).toBe(400);
      expect((await call(base, 'PUT', '/v1/results/commune:35238,commune:29019/2026/publication', PUBLISHER)).status).toBe(400);
    });
  });
}

for (const backend of bothBackends()) {
  describe(`results with comparisons on ${backend.name}`, () => {
    const server = testCollectorOn(backend, { overrides: { tokens: tokens() } });
    const b = builds();
    const next = crosswalkCore();
    const RENNES = { level: 'commune', code: '35238' } as const;
    const references = checkNationalReferences(loadNationalReferences(), nationalReferencesPath);
    let compiled: CompiledQuestionnaire[];
    // Two waves of Rennes (2026 on core + Rennes, 2025 on the core), a third on the next core
    // (with a crosswalk), and five territories in 2026 so that the network has enough of them.
    const random = prng(5);
    const items = [
      ...generateFor(b.rennes, RENNES, '2026', 60, random),
      ...generateFor(b.core, RENNES, '2025', 40, random),
      ...generateFor(next, RENNES, '2027', 40, random),
      ...generateFor(b.lorient, { level: 'epci', code: '200042174' }, '2026', 45, random),
      ...generateFor(b.core, { level: 'commune', code: '29019' }, '2026', 35, random),
      ...generateFor(b.core, { level: 'commune', code: '35047' }, '2026', 40, random),
      ...generateFor(b.core, { level: 'commune', code: '35051' }, '2026', 40, random),
      // Collected in the commune of Lorient, inside Lorient Agglomération.
      ...generateFor(b.core, { level: 'commune', code: '56121' }, '2026', 12, random),
    ];
    const ofRennes = (...waves: string[]) => items.filter((g) => inGroup('commune', '35238')(g) && waves.includes(g.payload.wave));
    /** What `olva analyse` makes of the same responses. */
    const geography = new TerritoryDirectory();
    const analysed = (selected: Generated[], options: { wave: string; territory?: typeof RENNES; previousWave?: string; network: boolean; within?: Within }) =>
      analyseResponses(stream(selected), { compiled, classes: keyFigureClassesFor(compiled), references, ...options });

    beforeAll(async () => {
      const store = server.collector.store;
      for (const c of [b.core, b.rennes, b.lorient, next]) await store.saveQuestionnaire(c);
      compiled = (await server.collector.registry.all()).filter((c) => c.questionnaire.id === 'olva-core');
      for (const g of items) {
        const { json, digest } = canonicalPayload(g.payload);
        expect((await store.insert(g.payload, digest, json)).status).toBe('created');
      }
    });

    it('publishes a wave with the previous one and the national references, and the public snapshot keeps them', async () => {
      const url = '/v1/results/commune:35238/2026/publication?previousWave=2025';
      // The territory previews what it will publish with the same query.
      const preview = await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2026&previousWave=2025', TEST_TOKENS.rennes);
      expect(preview.status).toBe(200);
      const made = await analysed(ofRennes('2025', '2026'), { wave: '2026', territory: RENNES, previousWave: '2025', network: false });
      expect(preview.body).toEqual(made);

      const published = await call(server.url, 'PUT', url, PUBLISHER);
      expect(published.status).toBe(200);
      expect(published.body.responses).toBe(60);
      const doc = (await call(server.url, 'GET', published.body.url)).body;
      expect(doc).toEqual(named(made));
      expect(doc.scope).toEqual({ wave: '2026', territory: RENNES, previousWave: '2025' });
      const comparisons = doc.groups[0].comparisons;
      expect(Object.keys(comparisons).sort()).toEqual(['national', 'previousWave']);
      expect(comparisons.previousWave).toMatchObject({ wave: '2025', available: true });
      expect(comparisons.previousWave.shares.length).toBeGreaterThan(0);
      expect(comparisons.national.references).toMatchObject({ id: references.id, version: references.version });
      expect(schemaProblems(doc)).toEqual([]);

      // Later answers to the previous wave change nothing published until it is published again.
      const late = generateFor(b.core, RENNES, '2025', 30, prng(77));
      for (const g of late) {
        const { json, digest } = canonicalPayload(g.payload);
        await server.collector.store.insert(g.payload, digest, json);
      }
      expect((await call(server.url, 'GET', published.body.url)).body).toEqual(named(made));
      const again = await call(server.url, 'PUT', url, PUBLISHER);
      expect(again.status).toBe(200);
      const redone = (await call(server.url, 'GET', published.body.url)).body;
      const fresh = named(await analysed([...ofRennes('2025', '2026'), ...late], { wave: '2026', territory: RENNES, previousWave: '2025', network: false }));
      expect(redone.groups[0].questions).toEqual(fresh.groups[0].questions);
      expect(redone).not.toEqual(made);
      // Beside the snapshot published before (public once, whatever replaced it), the 2025 column
      // shows no count that differs from it by 1 or 2, nor a base by fewer than 10: the 30 late
      // answers are not read code by code.
      const previous = (d: any) => new Map<string, any>(d.groups[0].comparisons.previousWave.shares.map((s: any) => [`${s.question}/${s.row ?? ''}/${s.code}`, s.previous]));
      const [before, after] = [previous(made), previous(redone)];
      const gaps = [...after].flatMap(([key, now]) => (now && before.get(key) ? [[Math.abs(now.count - before.get(key).count), Math.abs(now.base - before.get(key).base)]] : []));
      expect(gaps.length).toBeGreaterThan(0);
      expect(gaps.filter(([count, base]) => (count > 0 && count < 3) || (base > 0 && base < 10))).toEqual([]);
      // As computed without the earlier snapshot, some would.
      const unchecked = [...previous(fresh)].flatMap(([key, now]) => (now && before.get(key) ? [Math.abs(now.count - before.get(key).count)] : []));
      expect(unchecked.some((d) => d > 0 && d < 3)).toBe(true);

      // Published without the references (and without a previous wave), it says so.
      expect((await call(server.url, 'PUT', '/v1/results/commune:35238/2026/publication?references=none', PUBLISHER)).status).toBe(200);
      const plain = (await call(server.url, 'GET', published.body.url)).body;
      expect(plain.scope.previousWave).toBeNull();
      expect(plain.groups[0].comparisons).toBeUndefined();

      // One late association answers 2025 again, word for word, and its first response is set
      // aside: every figure of 2025 is as it was, but two responses changed since the snapshot.
      const copy = { ...late[0]!.payload, submissionId: randomUUID() };
      const { json, digest } = canonicalPayload(copy);
      expect((await server.collector.store.insert(copy, digest, json)).status).toBe('created');
      expect(await server.collector.store.exclude(late[0]!.payload.submissionId, copy.submissionId, 'rennes')).toBe(true);
      expect((await call(server.url, 'PUT', url, PUBLISHER)).status).toBe(200);
      const withheld = (await call(server.url, 'GET', published.body.url)).body.groups[0].comparisons.previousWave.shares;
      expect(withheld.filter((s: any) => s.previous !== null)).toEqual([]);
    });

    it('counts in a territory the responses collected inside it, as its cockpit does', async () => {
      const LORIENT = { level: 'epci', code: '200042174' } as const;
      const within = items.filter((g) => g.payload.wave === '2026' && (inGroup('epci', '200042174')(g) || inGroup('commune', '56121')(g)));
      const doc = await call(server.url, 'GET', '/v1/results?territory=epci:200042174&wave=2026', TEST_TOKENS.lorient);
      expect(doc.status).toBe(200);
      expect(doc.body.groups.map((g: any) => [g.territory, g.responses])).toEqual([[LORIENT, 45 + 12]]);
      expect(doc.body).toEqual(await analyseResponses(stream(within), {
        compiled, classes: keyFigureClassesFor(compiled), references, wave: '2026', territory: LORIENT, network: false,
        inside: (t) => t.level === 'commune' && t.code === '56121',
      }));
      const cockpit = await call(server.url, 'GET', '/v1/cockpit/territory?territory=epci:200042174&wave=2026', TEST_TOKENS.lorient);
      expect(cockpit.body.responses).toBe(45 + 12);
      // What Lorient Agglomération publishes: the same document.
      const published = await call(server.url, 'PUT', '/v1/results/epci:200042174/2026/publication', LORIENT_PUBLISHER);
      expect(published.body.responses).toBe(45 + 12);
      expect((await call(server.url, 'GET', published.body.url)).body).toEqual(named(doc.body));
      expect(schemaProblems(doc.body)).toEqual([]);
    });

    it('compares with the previous wave through the crosswalk when the core changed', async () => {
      const published = await call(server.url, 'PUT', '/v1/results/commune:35238/2027/publication?previousWave=2025', PUBLISHER);
      expect(published.status).toBe(200);
      const doc = (await call(server.url, 'GET', published.body.url)).body;
      expect(doc.groups[0].comparisons.previousWave).toMatchObject({
        wave: '2025', available: true, crosswalk: { from: [b.core.questionnaire.version], to: [next.questionnaire.version], applied: true },
      });
      const bySector = doc.groups[0].comparisons.previousWave.shares.filter((s: any) => s.question === 'secteur_principal');
      expect(bySector.some((s: any) => s.code === 'solidarite' && s.previousCodes?.includes('social_sante'))).toBe(true);
      expect(schemaProblems(doc)).toEqual([]);
    });

    it('gives the network comparison to a token covering every territory only, pooled from the whole wave', async () => {
      const all2026 = items.filter((g) => g.payload.wave === '2026');
      const national = await call(server.url, 'GET', '/v1/results?wave=2026&territory=commune:35238', TEST_TOKENS.national);
      expect(national.status).toBe(200);
      // The other territories of the wave are pooled although only Rennes is asked for.
      expect(national.body).toEqual(await analysed(all2026, { wave: '2026', territory: RENNES, network: true, within: (t, c) => geography.within(t, c) }));
      const network = national.body.groups[0].comparisons.network;
      // Six groups but five areas: the commune of Lorient lies inside Lorient Agglomération, one area, not two territories.
      expect(network.otherTerritories).toBe(4);
      // The whole wave: neither the agglomeration nor its commune counts the other among its others.
      const wave = await call(server.url, 'GET', '/v1/results?wave=2026', TEST_TOKENS.national);
      const others = (code: string) => wave.body.groups.find((g: any) => g.territory.code === code).comparisons.network.otherTerritories;
      expect([others('35238'), others('200042174'), others('56121')]).toEqual([4, 4, 4]);
      expect(network.shares.some((s: any) => s.territories >= 3 && s.network !== null && s.p !== null)).toBe(true);
      const whole = await call(server.url, 'GET', '/v1/results?wave=2026&network=none', TEST_TOKENS.national);
      expect(whole.body.groups.length).toBe(6);
      expect(whole.body.groups.every((g: any) => g.comparisons.network === undefined && g.comparisons.national)).toBe(true);

      // A territory's token: no network by default, a 403 when asked; a publication never has one.
      const own = await call(server.url, 'GET', '/v1/results?wave=2026', TEST_TOKENS.rennes);
      expect(own.body.groups.map((g: any) => Object.keys(g.comparisons))).toEqual([['national']]);
      for (const [method, path, token] of [
        ['GET', '/v1/results?wave=2026&network=true', TEST_TOKENS.rennes],
        ['PUT', '/v1/results/commune:35238/2026/publication?network=true', PUBLISHER],
      ] as const) {
        const refused = await call(server.url, method, path, token, 'en');
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({ error: 'forbidden', problems: [{ pointer: '/network', code: 'results/network-scope' }] });
        expect(refused.body.message).toContain('covering every territory');
      }
    });

    it('refuses a previous wave outside the token\'s scope, bad values and comparisons without one wave (400, 403, never 5xx)', async () => {
      const outside = await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2026&previousWave=2025', TEST_TOKENS.lorient);
      expect(outside.status).toBe(403);
      for (const [query, pointer, code] of [
        ['wave=2026&previousWave=bad%20wave', '/previousWave', 'results/wave-pattern'],
        ['wave=2026&previousWave=2025&previousWave=2024', '/previousWave', 'results/comparison-once'],
        ['wave=2026&previousWave=2025,2024', '/previousWave', 'results/comparison-once'],
        ['wave=2026&references=yes', '/references', 'results/comparison-value'],
        ['wave=2026&network=yes', '/network', 'results/comparison-value'],
        ['previousWave=2025', '/previousWave', 'results/one-wave'],
        ['wave=2025&wave=2026&references=national', '/references', 'results/one-wave'],
        ['wave=2026&previousWave=2026', '/previousWave', 'results/previous-is-wave'],
      ] as const) {
        const bad = await call(server.url, 'GET', `/v1/results?territory=commune:35238&${query}`, TEST_TOKENS.rennes);
        expect(bad.status, query).toBe(400);
        expect(bad.body.error).toBe('bad-request');
        expect(bad.body.problems, query).toEqual([{ pointer, code, message: bad.body.message }]);
      }
      expect((await call(server.url, 'PUT', '/v1/results/commune:35238/2026/publication?references=maybe', PUBLISHER)).status).toBe(400);
      // The territory and wave of the path, and the wave of the query, are named as the comparisons are.
      for (const [method, path, pointer, code] of [
        ['PUT', '/v1/results/commune:35238/bad%20wave/publication', '/wave', 'wave-pattern'],
        ['GET', '/v1/results/nowhere/2026/publication', '/territory', 'territory-syntax'],
        ['DELETE', '/v1/results/commune:35238,commune:35000/2026/publication', '/territory', 'one-in-path'],
        ['GET', '/v1/results?wave=bad%20wave', '/wave', 'wave-pattern'],
      ] as const) {
        const bad = await call(server.url, method, path, PUBLISHER);
        expect(bad.status, path).toBe(400);
        expect(bad.body.problems, path).toEqual([{ pointer, code, message: bad.body.message }]);
      }
      // Comparisons go in the query: a body is refused rather than ignored.
      const withBody = await fetch(`${server.url}/v1/results/commune:35238/2026/publication`, {
        method: 'PUT', headers: { authorization: `Bearer ${PUBLISHER}`, 'content-type': 'application/json' }, body: JSON.stringify({ previousWave: '2025' }),
      });
      expect(withBody.status).toBe(400);
      expect(await withBody.json()).toMatchObject({ error: 'bad-request', problems: [{ pointer: '', code: 'results/query-not-body' }] });
      // Without any comparison asked and without one wave, the bare aggregation as before.
      const bare = await call(server.url, 'GET', '/v1/results?territory=commune:35238', TEST_TOKENS.rennes);
      expect(bare.status).toBe(200);
      expect(bare.body.scope).toBeUndefined();
    });

    it('answers a previous wave without responses with the wave\'s results and a note, as olva analyse writes them', async () => {
      const note = {
        code: 'previous-wave-empty', wave: '2019', territories: [RENNES],
        text: { fr: 'aucune réponse au millésime 2019 pour commune:35238 : pas de comparaison avec lui', en: 'no response in wave 2019 for commune:35238: no comparison with it' },
      };
      const preview = await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2026&previousWave=2019', TEST_TOKENS.rennes, 'en');
      expect(preview.status).toBe(200);
      expect(preview.body).toEqual(await analysed(ofRennes('2026'), { wave: '2026', territory: RENNES, previousWave: '2019', network: false }));
      expect(preview.body.notes).toEqual([note]);
      expect(preview.body.groups[0].comparisons.previousWave).toEqual({ wave: '2019', available: false, crosswalk: null, shares: [] });
      expect(schemaProblems(preview.body)).toEqual([]);
      // Published so: the one who publishes reads the note at once, and the snapshot keeps it.
      const published = await call(server.url, 'PUT', '/v1/results/commune:35238/2026/publication?previousWave=2019', PUBLISHER);
      expect(published.status).toBe(200);
      expect(published.body.notes).toEqual([note]);
      expect((await call(server.url, 'GET', published.body.url)).body.notes).toEqual([note]);
      // A wave without responses yet: the empty document with its note, a previous wave asked or not; nothing to publish.
      for (const query of ['wave=2030&previousWave=2026', 'wave=2030']) {
        const empty = await call(server.url, 'GET', `/v1/results?territory=commune:35238&${query}`, TEST_TOKENS.rennes);
        expect(empty.status, query).toBe(200);
        expect(empty.body.groups).toEqual([]);
        expect(empty.body.notes).toEqual([{ code: 'wave-empty', wave: '2030', territories: [RENNES], text: { fr: 'aucune réponse au millésime 2030 pour commune:35238 : pas encore de résultats', en: 'no response in wave 2030 for commune:35238: no results yet' } }]);
        expect(schemaProblems(empty.body)).toEqual([]);
      }
      const nothing = await call(server.url, 'PUT', '/v1/results/commune:35238/2030/publication?previousWave=2026', PUBLISHER);
      expect(nothing.status).toBe(404);
      expect(nothing.body.message).toContain('rien à publier');
    });

    it('answers stored responses the analysis cannot read with a 409 naming the answer, in French and in English', async () => {
      // Not through POST, which refuses it: a store can still hold such an answer (a hand-made fix in the database).
      const payload = structuredClone(generate(1).find((g) => g.payload.answers.employeur !== undefined)!.payload);
      Object.assign(payload, { submissionId: randomUUID(), wave: '2031', territory: RENNES });
      payload.answers.employeur = 'oui';
      const { json, digest } = canonicalPayload(payload);
      expect((await server.collector.store.insert(payload, digest, json)).status).toBe('created');
      const fr = await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2031', TEST_TOKENS.rennes);
      expect(fr.status).toBe(409);
      expect(fr.body).toEqual({
        error: 'analysis-failed',
        message: 'le calcul des résultats a échoué : une réponse de type boolean est vrai ou faux, pas "oui"',
        problems: [{ pointer: `${payload.submissionId}#/answers/employeur`, code: 'analysis/answer-shape', message: fr.body.message }],
      });
      const en = await call(server.url, 'GET', '/v1/results?territory=commune:35238&wave=2031', TEST_TOKENS.rennes, 'en');
      expect(en.body.message).toBe('a boolean answer is true or false, got "oui"');
    });
  });
}
