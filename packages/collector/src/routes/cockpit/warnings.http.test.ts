/**
 * `GET /v1/cockpit/warnings` over real HTTP (SQLite): each response listed is named by its
 * association's name only for a token with `export-personal`, as the duplicates and
 * `GET /v1/cockpit/responses/{id}` do; a token without it gets no name, not even in passing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { TEST_TOKENS, testConfig } from '@olva/test-support/test-collector';
import { cockpitPayload, postAll, startCockpitCollector } from '@olva/test-support/cockpit-fixtures';

const backend = sqliteBackend();
const PERSONAL = 'rennes-personal-token-0123456789';
let server: Awaited<ReturnType<typeof startCockpitCollector>>;
const named = cockpitPayload({ nb_benevoles: 800, nom_association: 'Les Amis du Thabor' });
const unnamed = cockpitPayload({ nb_benevoles: 900 });
const warnings = async (token: string) => {
  const res = await fetch(`${server.url}/v1/cockpit/warnings?territory=commune:35238&wave=2026`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, personal: res.headers.get('olva-personal-data'), text: await res.text() };
};

beforeAll(async () => {
  await backend.setup();
  server = await startCockpitCollector(await backend.newDatabaseUrl(), {
    tokens: [...testConfig().tokens as unknown[], { name: 'rennes-nominatif', token: PERSONAL, scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['read', 'stats', 'export-personal'] } }],
  });
  // A response without warning, named too: never listed.
  await postAll(server.url, [named, unnamed, cockpitPayload({ nom_association: 'Sans Avertissement' })]);
});
afterAll(async () => {
  await server?.close();
  await backend.teardown();
});

const names = (text: string) => Object.fromEntries(JSON.parse(text).listed.map((w: { submissionId: string; name: string | null }) => [w.submissionId, w.name]));

it('names each response listed for a token with export-personal', async () => {
  const found = await warnings(PERSONAL);
  expect(found.status).toBe(200);
  expect(found.personal).toBe('included');
  expect(JSON.parse(found.text)).toMatchObject({ total: 2, personal: 'included' });
  expect(names(found.text)).toEqual({ [named.submissionId]: 'Les Amis du Thabor', [unnamed.submissionId]: null });
});

it('gives a token without export-personal no name, and says they are left out', async () => {
  const found = await warnings(TEST_TOKENS.rennes);
  expect(found.status).toBe(200);
  expect(found.personal).toBe('left-out');
  expect(JSON.parse(found.text)).toMatchObject({ total: 2, personal: 'left-out' });
  expect(names(found.text)).toEqual({ [named.submissionId]: null, [unnamed.submissionId]: null });
  expect(found.text).not.toContain('Thabor');
});
