/**
 * `GET /v1/cockpit/publications` over real HTTP (SQLite): what a token made only to publish
 * (`publish`, no `stats`) reads to offer its publications in the cockpit: its territories (the
 * network for a scope of « all »), their waves, the questionnaire, and no figure.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { TEST_TOKENS, testConfig } from '@olva/test-support/test-collector';
import { cockpitPayload, postAll, startCockpitCollector } from '@olva/test-support/cockpit-fixtures';

const backend = sqliteBackend();
// A mairie's and an agglomeration's communication officer in one token, and the national network's.
const OFFICER = 'rennes-lorient-publication-0123456789';
const NETWORK_OFFICER = 'rnma-publication-seule-0123456789';
let server: Awaited<ReturnType<typeof startCockpitCollector>>;
const get = async (query: string, token: string) => {
  const res = await fetch(`${server.url}/v1/cockpit/publications${query}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'fr' } });
  return { status: res.status, cache: res.headers.get('cache-control'), body: await res.json() as any };
};

beforeAll(async () => {
  await backend.setup();
  server = await startCockpitCollector(await backend.newDatabaseUrl(), {
    tokens: [...testConfig().tokens as unknown[],
      { name: 'communication', token: OFFICER, scope: { territories: [{ level: 'commune', code: '35238' }, { level: 'epci', code: '200042174' }], rights: ['publish'] } },
      { name: 'rnma-publication', token: NETWORK_OFFICER, scope: { territories: 'all', rights: ['publish'] } }],
  });
  // Rennes in 2025 and 2026; Lorient (a commune inside the EPCI) in 2024 only.
  await postAll(server.url, [cockpitPayload({}), cockpitPayload({}, { wave: '2025' }), cockpitPayload({}, { wave: '2024', territory: { level: 'commune', code: '56121' } })]);
});
afterAll(async () => {
  await server?.close();
  await backend.teardown();
});

it('gives a token that may only publish each territory its scope names, with the waves counted in it, and no figure', async () => {
  const mine = await get('', OFFICER);
  expect(mine.status).toBe(200);
  expect(mine.cache).toBe('no-store');
  expect(mine.body).toEqual({ publications: [
    { territory: { level: 'commune', code: '35238', name: 'Rennes' }, wave: '2026', waves: ['2026', '2025'], questionnaire: 'olva-core' },
    // The EPCI's waves are those of the responses collected inside it, as its publication counts them.
    { territory: { level: 'epci', code: '200042174', name: 'Lorient Agglomération' }, wave: '2024', waves: ['2024'], questionnaire: 'olva-core' },
  ] });
  // A wave chosen; one territory asked.
  expect((await get('?wave=2025&territory=commune:35238', OFFICER)).body).toEqual({ publications: [
    { territory: { level: 'commune', code: '35238', name: 'Rennes' }, wave: '2025', waves: ['2026', '2025'], questionnaire: 'olva-core' },
  ] });
});

it('gives a publishing token of scope « all » the network’s own results (network:all) only', async () => {
  expect((await get('', NETWORK_OFFICER)).body).toEqual({ publications: [
    { territory: { level: 'network', code: 'all' }, wave: '2026', waves: ['2026', '2025', '2024'], questionnaire: 'olva-core' },
  ] });
});

it('refuses a token without publish, a territory outside the scope and two waves, saying which', async () => {
  const stats = await get('', TEST_TOKENS.rennes);
  expect(stats.status).toBe(403);
  expect(stats.body.message).toBe('le jeton « rennes » n’a pas le droit « publish »');
  expect((await get('?territory=commune:29019', OFFICER)).status).toBe(403);
  const two = await get('?wave=2025,2026', OFFICER);
  expect(two.status).toBe(400);
  expect(JSON.stringify(two.body)).toContain('/wave');
  expect((await fetch(`${server.url}/v1/cockpit/publications`)).status).toBe(401);
});
