/**
 * Every route that takes a body reads it with the collector's own JSON reader (safe-json.ts,
 * `parseJsonBodies`), not only the post of a response: the duplicates routes and the
 * publications had fastify's parsers, which took UTF-16, nested arrays without end, and
 * answered what they refused with fastify's English words.
 */
import { describe, expect, it } from 'vitest';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { testCollectorOn, testConfig, TEST_TOKENS } from '@olva/test-support/test-collector';

const PUBLISHER = 'rennes-publish-0123456789abcdef';
const tokens = [...(testConfig().tokens as unknown[]), { name: 'rennes-publication', token: PUBLISHER, scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['publish'] } }];

describe('JSON bodies on every route, over real HTTP on SQLite', () => {
  const server = testCollectorOn(sqliteBackend(), { overrides: { tokens } });
  const send = async (method: string, path: string, token: string, type: string, body: string | Buffer) => {
    const res = await fetch(new URL(path, server.url), { method, headers: { authorization: `Bearer ${token}`, 'content-type': type, 'accept-language': 'fr' }, body: typeof body === 'string' ? body : new Uint8Array(body) });
    return { status: res.status, body: await res.json() as { error: string; message: string } };
  };
  const exclude = '/v1/cockpit/duplicates/exclude';

  it('refuses in the collector\'s words what is not safe JSON, on the duplicates routes too', async () => {
    const utf16 = Buffer.from(JSON.stringify({ exclude: 'x', keep: 'y' }), 'utf16le');
    const wide = await send('POST', exclude, TEST_TOKENS.national, 'application/json; charset=utf-16le', utf16);
    expect(wide).toMatchObject({ status: 400, body: { error: 'malformed-json' } });
    expect(wide.body.message).not.toMatch(/Body is not valid/);
    expect(await send('POST', exclude, TEST_TOKENS.national, 'application/json', `{"exclude":${'['.repeat(40)}${']'.repeat(40)}}`)).toMatchObject({ status: 400, body: { error: 'malformed-json' } });
    const poisoned = await send('POST', '/v1/cockpit/duplicates/restore', TEST_TOKENS.national, 'application/json', '{"__proto__":{"submissionId":"x"}}');
    expect(poisoned).toMatchObject({ status: 400, body: { error: 'malformed-json' } });
    expect(poisoned.body.message).not.toMatch(/prototype property|Body is not valid/);
    expect(await send('POST', exclude, TEST_TOKENS.national, 'text/plain', '{}')).toMatchObject({ status: 415, body: { error: 'unsupported-media-type' } });
  });

  it('reads no body as none on the routes that take none, whatever the Content-Type says', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await send('DELETE', `/v1/responses/${unknown}`, TEST_TOKENS.national, 'application/json', '')).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await send('PUT', '/v1/results/commune:35238/2026/publication', PUBLISHER, 'application/json', '')).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(await send('POST', '/v1/cockpit/duplicates/restore', TEST_TOKENS.national, 'application/json', '')).toMatchObject({ status: 400, body: { error: 'malformed-json' } });
  });

  it('takes only JSON on a publication: another type is a 415, as on every route', async () => {
    expect(await send('PUT', '/v1/results/commune:35238/2026/publication', PUBLISHER, 'text/plain', 'previousWave=2025')).toMatchObject({ status: 415, body: { error: 'unsupported-media-type' } });
  });
});
