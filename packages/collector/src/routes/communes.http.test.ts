/** `GET /v1/communes` and `GET /v1/communes/<code>` over real HTTP, on a real collector. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, type TestCollector } from '@olva/test-support/test-collector';

let server: TestCollector;
beforeAll(async () => {
  server = await startTestCollector('sqlite::memory:');
});
afterAll(async () => {
  await server?.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(new URL(path, server.url), { headers });
  return { status: res.status, headers: res.headers, body: await res.json() as any };
};

describe('GET /v1/communes', () => {
  it('finds communes by name, postcode and INSEE code', async () => {
    const byName = await get('/v1/communes?q=rennes');
    expect(byName.status).toBe(200);
    expect(byName.body.communes[0]).toEqual({ code: '35238', name: 'Rennes', postcodes: ['35000', '35200', '35700'], departement: '35' });
    expect(byName.headers.get('cache-control')).toMatch(/public/);
    expect((await get('/v1/communes?q=35000')).body.communes.map((c: { code: string }) => c.code)).toEqual(['35238']);
    expect((await get('/v1/communes?q=35238')).body.communes.map((c: { name: string }) => c.name)).toEqual(['Rennes']);
    expect((await get(`/v1/communes?q=${encodeURIComponent('Saint-Malo')}`)).body.communes[0].code).toBe('35288');
  });

  it('gives 10 communes by default, and up to `limit` from 1 to 20', async () => {
    expect((await get('/v1/communes?q=saint')).body.communes).toHaveLength(10);
    expect((await get('/v1/communes?q=saint&limit=20')).body.communes).toHaveLength(20);
    expect((await get('/v1/communes?q=saint&limit=1')).body.communes).toHaveLength(1);
    for (const limit of ['0', '21', '-1', '2.5', 'dix', '1e1', '']) {
      const r = await get(`/v1/communes?q=saint&limit=${limit}`);
      expect(r.status, `limit=${limit}`).toBe(400);
      expect(r.body).toEqual({ error: 'bad-query', message: expect.stringContaining('limit'), problems: [{ pointer: '/limit', code: 'limit-range', message: r.body.message }] });
    }
  });

  it('refuses a missing, empty, repeated, too long or control-character query with 400 naming /q and the rule', async () => {
    for (const [query, code] of [['', 'required'], ['?q=', 'required'], ['?q=%20%20', 'required'], ['?q=a&q=b', 'parameter-once'], [`?q=${'a'.repeat(101)}`, 'q-length'], ['?q=ren%0Anes', 'q-control']]) {
      const r = await get(`/v1/communes${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body, query).toEqual({ error: 'bad-query', message: expect.any(String), problems: [{ pointer: '/q', code, message: r.body.message }] });
    }
    // U+0000 anywhere in a URL is refused before any route, with the collector's `bad-url`.
    expect(await get('/v1/communes?q=ren%00nes')).toMatchObject({ status: 400, body: { error: 'bad-url', message: expect.any(String) } });
    // Nothing left once punctuation is folded: no commune, not an error.
    expect(await get('/v1/communes?q=---')).toMatchObject({ status: 200, body: { communes: [] } });
  });

  it('lets the configured survey origins read it (CORS), and no other', async () => {
    const allowed = await get('/v1/communes?q=rennes', { origin: 'https://www.rennes.fr' });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.rennes.fr');
    const other = await get('/v1/communes?q=rennes', { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /v1/communes/<code>', () => {
  it('gives a current commune, 404 otherwise', async () => {
    expect(await get('/v1/communes/35238')).toMatchObject({ status: 200, body: { code: '35238', name: 'Rennes', departement: '35' } });
    expect(await get('/v1/communes/2A004')).toMatchObject({ status: 200, body: { name: 'Ajaccio' } });
    for (const code of ['35000', '99999', '01039', 'rennes']) {
      const r = await get(`/v1/communes/${code}`);
      expect(r.status, code).toBe(404);
      expect(r.body).toEqual({ error: 'not-found', message: expect.any(String) });
    }
    expect(await get('/v1/communes/%00')).toMatchObject({ status: 400, body: { error: 'bad-url' } });
  });
});
