/**
 * `GET /v1/cockpit/me` over real HTTP (SQLite: the route reads no response): what the cockpit
 * page learns of its token to offer only the decisions it may take.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { TEST_TOKENS, testConfig } from '@olva/test-support/test-collector';
import { startCockpitCollector } from '@olva/test-support/cockpit-fixtures';

const backend = sqliteBackend();
const PAYS = 'pays-de-rennes-token-0123456789';
let server: Awaited<ReturnType<typeof startCockpitCollector>>;
const me = async (headers: Record<string, string> = {}) => {
  const res = await fetch(`${server.url}/v1/cockpit/me`, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

beforeAll(async () => {
  await backend.setup();
  // A custom territory (the configuration's own name for it) and a token over it and Lorient.
  server = await startCockpitCollector(await backend.newDatabaseUrl(), {
    customTerritories: [{ code: 'pays-rennes', name: 'Pays de Rennes', communes: ['35238', '35051'] }],
    tokens: [...testConfig().tokens as unknown[], { name: 'pays', token: PAYS, scope: { territories: [{ level: 'custom', code: 'pays-rennes' }, { level: 'epci', code: '200042174' }], rights: ['stats'] } }],
  });
});
afterAll(async () => {
  await server?.close();
  await backend.teardown();
});

it('tells a token its name, rights and territories, never the token itself', async () => {
  const full = await me({ authorization: `Bearer ${TEST_TOKENS.rennes}` });
  expect(full.status).toBe(200);
  expect(full.headers.get('cache-control')).toBe('no-store');
  expect(JSON.parse(full.text)).toEqual({ name: 'rennes', rights: ['read', 'export', 'stats', 'erase'], territories: [{ level: 'commune', code: '35238', name: 'Rennes' }] });
  expect(full.text).not.toContain(TEST_TOKENS.rennes);
  // A token with the read right alone is answered too: the page then says why it cannot decide.
  const reader = await me({ authorization: `Bearer ${TEST_TOKENS.rennesReadOnly}` });
  expect(JSON.parse(reader.text)).toEqual({ name: 'rennes-lecture', rights: ['read'], territories: [{ level: 'commune', code: '35238', name: 'Rennes' }] });
  expect(JSON.parse((await me({ authorization: `Bearer ${TEST_TOKENS.national}` })).text)).toMatchObject({ name: 'rnma', territories: 'all' });
});

it('names each territory as the views do: the official name, a custom territory its configured one', async () => {
  expect(JSON.parse((await me({ authorization: `Bearer ${PAYS}` })).text)).toEqual({
    name: 'pays', rights: ['stats'],
    territories: [{ level: 'custom', code: 'pays-rennes', name: 'Pays de Rennes' }, { level: 'epci', code: '200042174', name: 'Lorient Agglomération' }],
  });
});

it('answers 401 in the collector’s error body without a known token, French first, English on demand', async () => {
  const none = await me();
  expect(none.status).toBe(401);
  expect(none.headers.get('www-authenticate')).toBe('Bearer');
  expect(JSON.parse(none.text)).toEqual({ error: 'unauthorized', message: 'cette requête demande un en-tête « Authorization: Bearer <jeton> »' });
  const unknown = await me({ authorization: 'Bearer not-a-token-0000', 'accept-language': 'en' });
  expect(unknown.status).toBe(401);
  expect(JSON.parse(unknown.text)).toEqual({ error: 'unauthorized', message: 'unknown token' });
});
