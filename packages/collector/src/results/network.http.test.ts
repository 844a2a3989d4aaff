/**
 * The network's own results (`network:all`, decision 0018) at the collector, over real HTTP on
 * SQLite and PostgreSQL: read by a `stats` token of scope "all" only, published by a `publish`
 * token of scope "all" only, refused by every other route; and, since the network holds every
 * territory, its publication checked beside every published territory of the wave, and theirs
 * beside it (nested.ts, family-checks.ts): each wave of these tests is a network of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseResponses, checkNationalReferences, NETWORK_TERRITORY, type ResultsDocument } from '@olva/analysis';
import { keyFigureClassesFor, loadNationalReferences, nationalReferencesPath } from '@olva/core-questionnaire';
import { builds, generateFor, stream, type Generated } from '@olva/test-support/responses';
import { prng } from '@olva/test-support/prng';
import type { CompiledQuestionnaire } from '@olva/schema';
import { bothBackends } from '@olva/test-support/store-backends';
import { testCollectorOn, testConfig, TEST_TOKENS } from '@olva/test-support/test-collector';
import { canonicalPayload } from '../store/canonical.js';

const NATIONAL_PUBLISHER = 'rnma-publication-0123456789abcdef';
const LORIENT_PUBLISHER = 'lorient-publisher-0123456789abcdef';
const COMMUNES = {
  lorient: ['56121', 'lorient-commune-publisher-0123456789abcdef'],
  lanester: ['56098', 'lanester-publisher-0123456789abcdef'],
  rennes: ['35238', 'rennes-publisher-0123456789abcdef'],
} as const;

/** The test tokens, a national one that publishes, and publishers of Lorient Agglomération and of three communes. */
function tokens(): unknown[] {
  return [
    ...(testConfig().tokens as unknown[]),
    { name: 'rnma-publication', token: NATIONAL_PUBLISHER, scope: { territories: 'all', rights: ['stats', 'publish'] } },
    { name: 'agglo-publication', token: LORIENT_PUBLISHER, scope: { territories: [{ level: 'epci', code: '200042174' }], rights: ['publish', 'stats'] } },
    ...Object.entries(COMMUNES).map(([name, [code, token]]) => ({ name: `${name}-publication`, token, scope: { territories: [{ level: 'commune', code }], rights: ['publish'] } })),
  ];
}

async function call(base: string, method: string, path: string, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(base + path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const NETWORK = 'network:all';
const b = builds();
const commune = (code: string) => ({ level: 'commune', code }) as const;
const AGGLO = { level: 'epci', code: '200042174' } as const;

for (const backend of bothBackends()) {
  describe(`the network's own results on ${backend.name}`, () => {
    const server = testCollectorOn(backend, { overrides: { tokens: tokens() } });
    let compiled: CompiledQuestionnaire[];
    const random = prng(401);
    /** The responses of a wave: `n` in each territory given. */
    const wave = (w: string, counts: [{ level: 'commune' | 'epci'; code: string }, number][]): Generated[] =>
      counts.flatMap(([t, n]) => generateFor(t.level === 'epci' ? b.lorient : b.core, t, w, n, random));
    const in2026 = wave('2026', [[commune('35238'), 30], [commune('56121'), 20], [AGGLO, 15]]);

    async function insert(list: Generated[]) {
      for (const g of list) {
        const { json, digest } = canonicalPayload(g.payload);
        expect((await server.collector.store.insert(g.payload, digest, json)).status).toBe('created');
      }
    }
    const put = (t: string, w: string, token: string) => call(server.url, 'PUT', `/v1/results/${t}/${w}/publication`, token);
    const del = (t: string, w: string, token: string) => call(server.url, 'DELETE', `/v1/results/${t}/${w}/publication`, token);
    const publicDoc = async (t: string, w: string) => (await call(server.url, 'GET', `/v1/public/results/${t}/${w}`)).body as ResultsDocument;

    beforeAll(async () => {
      for (const c of [b.core, b.rennes, b.lorient]) await server.collector.store.saveQuestionnaire(c);
      compiled = (await server.collector.registry.all()).filter((c) => c.questionnaire.id === 'olva-core');
      await insert(in2026);
    });

    it('reads the network for a stats token of scope all only, every response of the wave pooled, as olva analyse does', async () => {
      const read = await call(server.url, 'GET', `/v1/results?wave=2026&territory=${NETWORK}`, TEST_TOKENS.national);
      expect(read.status).toBe(200);
      const references = checkNationalReferences(loadNationalReferences(), nationalReferencesPath);
      expect(read.body).toEqual(await analyseResponses(stream(in2026), { compiled, classes: keyFigureClassesFor(compiled), wave: '2026', territory: NETWORK_TERRITORY, references, network: false }));
      expect(read.body.groups.map((g: any) => [g.territory, g.responses])).toEqual([[NETWORK_TERRITORY, 65]]);
      // A territory's token: the network pools territories it does not cover.
      const lorient = await call(server.url, 'GET', `/v1/results?wave=2026&territory=${NETWORK}`, TEST_TOKENS.lorient);
      expect(lorient.status).toBe(403);
      expect(lorient.body.problems).toEqual([{ pointer: '/territory', code: 'results/network-scope', message: lorient.body.message }]);
      expect(lorient.body.message).toBe('les résultats du réseau (network:all) réunissent les réponses de tous les territoires : seul un jeton de portée « all » les lit, pas « lorient »');
      // One wave; no network comparison (nothing lies outside it); alone; its one code.
      for (const [query, pointer, code] of [
        [`territory=${NETWORK}`, '/wave', 'results/network-one-wave'],
        [`territory=${NETWORK}&wave=2026&network=true`, '/network', 'results/network-of-network'],
        [`territory=${NETWORK},commune:35238&wave=2026`, '/territory', 'network-alone'],
        ['territory=network:bretagne&wave=2026', '/territory', 'network-code'],
        [`territory=${NETWORK}&wave=2026&weight=sector`, '/weight', 'results/no-expected'],
      ] as const) {
        const refused = await call(server.url, 'GET', `/v1/results?${query}`, TEST_TOKENS.national);
        expect([refused.status, refused.body.problems], query).toEqual([400, [{ pointer, code, message: refused.body.message }]]);
      }
      // No stats.expected names the network (the configuration refuses it): the answer does not send the reader there.
      const weighted = await call(server.url, 'PUT', `/v1/results/${NETWORK}/2026/publication?weight=sector`, NATIONAL_PUBLISHER);
      expect([weighted.status, weighted.body.message]).toEqual([400, 'weight=sector redresse sur la répartition attendue par secteur d’un territoire qui collecte (stats.expected), et l’ensemble du réseau (network:all) n’en a pas : demandez weight=none, ou redressez territoire par territoire']);
    });

    it('refuses network:all on every route but the results ones, saying why', async () => {
      for (const [path, token] of [
        ['/v1/exports/responses.csv?questionnaire=olva-core&territory=network:all', TEST_TOKENS.national],
        ['/v1/responses?territory=network:all', TEST_TOKENS.national],
        ['/v1/stats/sample?territory=network:all', TEST_TOKENS.national],
        ['/v1/cockpit/territory?territory=network:all', TEST_TOKENS.national],
      ] as const) {
        const refused = await call(server.url, 'GET', path, token);
        expect(refused.status, path).toBe(400);
        expect(refused.body.problems, path).toEqual([{ pointer: '/territory', code: 'network-results-only', message: refused.body.message }]);
        expect(refused.body.message, path).toContain('seules les routes de résultats le lisent');
      }
    });

    it('publishes the network by a publish token of scope all only, with its history, until it is withdrawn', async () => {
      const [code, rennes] = COMMUNES.rennes;
      for (const [token, why] of [[rennes, 'publier les résultats du réseau (network:all) est la décision du réseau national'], [TEST_TOKENS.national, 'n’a pas le droit « publish »']] as const) {
        const refused = await put(NETWORK, '2026', token);
        expect([refused.status, refused.body.message]).toEqual([403, expect.stringContaining(why)]);
      }
      // A territory's token: the rule and pointer of the network's read, as the contract's error body has them.
      expect((await put(NETWORK, '2026', rennes)).body.problems).toEqual([{ pointer: '/territory', code: 'results/network-scope', message: expect.stringContaining('est la décision du réseau national') }]);
      // The national publisher still publishes no territory's results: each its own.
      expect((await put(`commune:${code}`, '2026', NATIONAL_PUBLISHER)).status).toBe(403);
      expect((await call(server.url, 'GET', `/v1/public/results/${NETWORK}/2026`)).status).toBe(404);
      const published = await put(NETWORK, '2026', NATIONAL_PUBLISHER);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ territory: NETWORK_TERRITORY, wave: '2026', published: true, by: 'rnma-publication', responses: 65, url: '/v1/public/results/network:all/2026' });
      const doc = await publicDoc(NETWORK, '2026');
      expect(doc.scope!.territory).toEqual(NETWORK_TERRITORY);
      // No name: readers say « Ensemble du réseau » in their language.
      expect(doc.groups[0]!.territoryName).toBeUndefined();
      const state = await call(server.url, 'GET', `/v1/results/${NETWORK}/2026/publication`, TEST_TOKENS.national);
      expect(state.body).toMatchObject({ territory: NETWORK_TERRITORY, published: true, history: [{ action: 'published', by: 'rnma-publication', responses: 65 }] });
      expect((await call(server.url, 'GET', `/v1/results/${NETWORK}/2026/publication`, TEST_TOKENS.lorient)).status).toBe(403);
      expect((await del(NETWORK, '2026', rennes)).status).toBe(403);
      expect((await del(NETWORK, '2026', NATIONAL_PUBLISHER)).status).toBe(200);
      expect((await call(server.url, 'GET', `/v1/public/results/${NETWORK}/2026`)).status).toBe(404);
      expect((await call(server.url, 'GET', `/v1/results/${NETWORK}/2026/publication`, NATIONAL_PUBLISHER)).body.history.map((e: any) => e.action)).toEqual(['published', 'withdrawn']);
    });

    it('says beside its previous wave that the two pool other territories, read and published alike', async () => {
      // 2013: Rennes alone; 2012: Rennes and Lanester.
      await insert([...wave('2013', [[commune('35238'), 12]]), ...wave('2012', [[commune('35238'), 12], [commune('56098'), 12]])]);
      const composition = (doc: ResultsDocument) => doc.notes?.filter((n) => n.code === 'network-composition').map((n) => n.text.fr);
      const said = ['le réseau du millésime 2012 réunit 2 territoires, celui de 2013 en réunissait 1, dont 1 présent aux deux : l’écart entre les deux millésimes mêle l’évolution des associations et celle des territoires participants'];
      const read = await call(server.url, 'GET', `/v1/results?wave=2012&previousWave=2013&territory=${NETWORK}`, TEST_TOKENS.national);
      expect(composition(read.body)).toEqual(said);
      const published = await call(server.url, 'PUT', `/v1/results/${NETWORK}/2012/publication?previousWave=2013`, NATIONAL_PUBLISHER);
      expect(published.status).toBe(200);
      expect(composition(published.body)).toEqual(said);
      expect(composition(await publicDoc(NETWORK, '2012'))).toEqual(said);
    });

    it('refuses the network beside two published communes whose rest is four responses, naming them', async () => {
      await insert(wave('2019', [[commune('56121'), 40], [commune('56098'), 40], [commune('35238'), 4]]));
      for (const name of ['lorient', 'lanester'] as const) expect((await put(`commune:${COMMUNES[name][0]}`, '2019', COMMUNES[name][1])).status).toBe(200);
      const refused = await put(NETWORK, '2019', NATIONAL_PUBLISHER);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({
        error: 'conflict',
        message: 'publier network:all pour la vague « 2019 » à côté de commune:56098 et de commune:56121, déjà publiés, ferait lire par différence, dans le reste de network:all, un groupe de 4 réponses (moins de 10) : retirez l’une des publications, ou attendez d’autres réponses',
        problems: [{ pointer: '', code: 'results/nested-difference', message: refused.body.message }],
      });
      expect((await call(server.url, 'GET', `/v1/public/results/${NETWORK}/2019`)).status).toBe(404);
    });

    it('checks a territory published after the network beside it, alone and with another territory', async () => {
      await insert(wave('2018', [[commune('56121'), 40], [commune('56098'), 40], [commune('35238'), 4]]));
      expect((await put('commune:56098', '2018', COMMUNES.lanester[1])).status).toBe(200);
      // The network less Lanester is 44 responses: published.
      expect((await put(NETWORK, '2018', NATIONAL_PUBLISHER)).status).toBe(200);
      const refused = await put('commune:56121', '2018', COMMUNES.lorient[1]);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe('publier commune:56121 pour la vague « 2018 » à côté de network:all et de commune:56098, déjà publiés, ferait lire par différence, dans le reste de network:all, un groupe de 4 réponses (moins de 10) : retirez l’une des publications, ou attendez d’autres réponses');
      // Without Lanester, the network alone less Lorient leaves 44; without the network, nothing holds Lorient.
      expect((await del('commune:56098', '2018', COMMUNES.lanester[1])).status).toBe(200);
      expect((await put('commune:56121', '2018', COMMUNES.lorient[1])).status).toBe(200);
      // Rennes' four, less the network and Lorient, would be read: the network holds every territory.
      await insert(wave('2017', [[commune('56121'), 40], [commune('35238'), 4]]));
      expect((await put(NETWORK, '2017', NATIONAL_PUBLISHER)).status).toBe(200);
      const alone = await put('commune:56121', '2017', COMMUNES.lorient[1]);
      expect(alone.status).toBe(409);
      expect(alone.body.message).toContain('à côté de network:all, déjà publié, ferait lire par différence, dans le reste de network:all, un groupe de 4 réponses');
    });

    it('subtracts an EPCI and a commune of it once, and hides the network’s counts whose difference with theirs is 1 or 2', async () => {
      // Lorient Agglomération: 30 in Lorient and 30 in Lanester, none naming the EPCI itself; 35
      // in Rennes. Less the EPCI the network keeps 35, less Lorient 65; less the EPCI and Lorient
      // too it would keep 5, a sum no reader makes (Lorient lies inside the EPCI).
      await insert(wave('2016', [[commune('56121'), 30], [commune('56098'), 30], [commune('35238'), 35]]));
      expect((await put('commune:56121', '2016', COMMUNES.lorient[1])).status).toBe(200);
      expect((await put('epci:200042174', '2016', LORIENT_PUBLISHER)).status).toBe(200);
      expect((await put(NETWORK, '2016', NATIONAL_PUBLISHER)).status).toBe(200);
      /** Every count a published document shows, by question, row and code. */
      const counts = (doc: any): Map<string, { count: number | null; suppressed?: string }> => new Map(doc.groups[0].questions.flatMap((q: any) => [
        ...[...(q.categories ?? []), ...(q.classes ?? [])].map((c: any) => [`${q.id}/${c.code}`, c]),
        ...(q.rows ?? []).flatMap((r: any) => (r.categories ?? []).map((c: any) => [`${q.id}/${r.code}/${c.code}`, c])),
      ]));
      const [network, agglo] = await Promise.all([NETWORK, 'epci:200042174'].map(async (t) => counts(await publicDoc(t, '2016'))));
      const differences = [...network!].flatMap(([k, c]) => (c.count !== null && agglo!.get(k)?.count != null ? [c.count - agglo!.get(k)!.count!] : []));
      expect(differences.length).toBeGreaterThan(100);
      expect(differences.filter((d) => d > 0 && d < 3)).toEqual([]);
      // Hidden beside the EPCI's shown count: the difference gave it away.
      expect([...network!].filter(([k, c]) => c.suppressed === 'complementary' && agglo!.get(k)?.count != null).length).toBeGreaterThan(0);
    });
  });
}

