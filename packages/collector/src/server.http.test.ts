import http from 'node:http';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { bothBackends } from './test-support/backends.js';
import { startTestCollector, TEST_TOKENS, type TestCollector } from './test-support/collector.js';
import { corePayload, rennesPayload } from './test-support/fixtures.js';

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: any; text: string }

/** A raw HTTP request, so that headers and bodies can be anything a client may send. */
function request(base: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = http.request(url, { method, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = undefined;
        try { body = text ? JSON.parse(text) : undefined; } catch { body = undefined; }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
      });
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const post = (base: string, payload: unknown, headers: Record<string, string> = {}) =>
  request(base, 'POST', '/v1/responses', { headers: { 'content-type': 'application/json', ...headers }, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
const get = (base: string, path: string, token?: string) =>
  request(base, 'GET', path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

function expectProblem(reply: Reply, pointer: string, code: string) {
  expect(reply.status).toBe(422);
  expect(reply.body.error).toBe('invalid-response');
  expect(reply.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ pointer, code, message: expect.any(String) })]));
}

for (const backend of bothBackends()) {
  describe(`collector HTTP API on ${backend.name}`, () => {
    let server: TestCollector;
    let base: string;
    const logs: string[] = [];
    beforeAll(async () => {
      await backend.setup();
      const logStream = new Writable({ write(chunk, _enc, cb) { logs.push(String(chunk)); cb(); } });
      server = await startTestCollector(await backend.newDatabaseUrl(), { logStream });
      base = server.url;
    });
    afterAll(async () => {
      await server?.close();
      await backend.teardown();
    });

    it('answers 201, then 200 with the same body on an identical replay, then 409 on a conflicting one', async () => {
      const p = rennesPayload();
      const first = await post(base, p);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ submissionId: p.submissionId, receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      // Key order does not make a different payload.
      const reordered = Object.fromEntries(Object.entries(p).reverse());
      const again = await post(base, reordered);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const conflicting = await post(base, { ...p, answers: { ...p.answers, nb_benevoles: 4 } });
      expect(conflicting.status).toBe(409);
      expect(conflicting.body).toEqual({ error: 'conflict', message: expect.stringContaining(p.submissionId) });
      const stored = await get(base, `/v1/responses/${p.submissionId}`, TEST_TOKENS.national);
      expect(stored.status).toBe(200);
      expect(stored.body.payload).toEqual(p);
    });

    it('keeps one row under 50 concurrent identical posts', async () => {
      const p = corePayload();
      const replies = await Promise.all(Array.from({ length: 50 }, () => post(base, p)));
      expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
      expect(replies.filter((r) => r.status === 200)).toHaveLength(49);
      expect(new Set(replies.map((r) => r.body.receivedAt)).size).toBe(1);
      expect(await server.collector.store.count({ territories: 'all', questionnaireId: 'olva-core' })).toBeGreaterThan(0);
      const page = await get(base, `/v1/responses?limit=1000`, TEST_TOKENS.national);
      expect(page.body.items.filter((i: { submissionId: string }) => i.submissionId === p.submissionId)).toHaveLength(1);
    });

    it('keeps the questionnaire version answers were accepted for', async () => {
      await post(base, rennesPayload());
      const kept = await server.collector.store.getQuestionnaire({ id: 'olva-core', version: '2026.1.0' }, { id: 'rennes-2026', version: '1.0.0' });
      expect(kept?.id).toBe('olva-core+rennes-2026');
    });

    describe('422 with every problem', () => {
      it('names an unknown questionnaire version', async () => {
        expectProblem(await post(base, corePayload({ questionnaire: { id: 'olva-core', version: '2030.0.0' } })), '/questionnaire', 'unknown-questionnaire');
        expectProblem(await post(base, corePayload({ extension: { id: 'brest-2026', version: '1.0.0' } })), '/extension', 'unknown-questionnaire');
      });
      it('names an answer of the wrong type', async () => {
        const r = await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 'douze', employeur: false } as never }));
        expectProblem(r, '/answers/nb_benevoles', 'schema/type');
      });
      it('names a hidden question that was answered', async () => {
        expectProblem(await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, nb_salaries: 2 } })), '/answers/nb_salaries', 'hidden-answered');
      });
      it('names a failing error check', async () => {
        const r = await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 0, employeur: true, nb_salaries: 60 } }));
        expect(r.status).toBe(422);
        expect(r.body.problems.some((p: { code: string }) => p.code === 'check-failed')).toBe(true);
      });
      it('names a missing required answer and an unknown question', async () => {
        const r = await post(base, corePayload({ answers: { secteur: 'sport', employeur: false, inconnue: 'x' } }));
        expect(r.status).toBe(422);
        expect(r.body.problems.length).toBeGreaterThanOrEqual(1);
      });
      it('names an unknown territory, and one outside the extension\'s territory', async () => {
        expectProblem(await post(base, corePayload({ territory: { level: 'commune', code: '99999' } })), '/territory/code', 'unknown-territory');
        expectProblem(await post(base, corePayload({ territory: { level: 'epci', code: '123456789' } })), '/territory/code', 'unknown-territory');
        expectProblem(await post(base, corePayload({ territory: { level: 'custom', code: 'quartier-nord' } })), '/territory/code', 'unknown-territory');
        expectProblem(await post(base, rennesPayload({ territory: { level: 'commune', code: '56121' } })), '/territory', 'territory-mismatch');
      });
      it('names a commune answer that no current commune has: a postcode, a made-up code', async () => {
        const rennesPostcode = await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '35000' } }));
        expectProblem(rennesPostcode, '/answers/commune_siege', 'unknown-commune');
        const message = rennesPostcode.body.problems.find((p: { code: string }) => p.code === 'unknown-commune').message;
        expect(message).toContain('35000 n’est pas le code INSEE d’une commune actuelle');
        expect(message).toContain('Rennes : 35238');
        expect(message).toContain('35000 is not the INSEE code of a current commune');
        expectProblem(await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '99999' } })), '/answers/commune_siege', 'unknown-commune');
        // A delegated commune (Béon, in Culoz-Béon since 2017) is not a current one.
        expectProblem(await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '01039' } })), '/answers/commune_siege', 'unknown-commune');
        const rejected = await get(base, '/v1/responses?limit=1000', TEST_TOKENS.national);
        expect(rejected.body.items.filter((i: { payload: ResponsePayload }) => ['35000', '99999', '01039'].includes(String(i.payload.answers.commune_siege)))).toEqual([]);
        const rennes = corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '35238' } });
        expect((await post(base, rennes)).status).toBe(201);
        expect((await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '2A004' } }))).status).toBe(201);
      });
      it('accepts a commune inside an EPCI extension\'s territory', async () => {
        const lorient = corePayload({ extension: { id: 'lorient-agglo-2026', version: '1.0.0' }, territory: { level: 'commune', code: '56121' } });
        expect((await post(base, lorient)).status).toBe(201);
      });
      it('lists several problems at once and breaks the payload contract with pointers', async () => {
        const p = corePayload({ territory: { level: 'commune', code: '00000' }, answers: { secteur: 'sport', nb_benevoles: 0, employeur: true, nb_salaries: 60 } });
        const r = await post(base, p);
        expect(r.body.problems.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['unknown-territory', 'check-failed']));
        const broken: Partial<ResponsePayload> = corePayload();
        delete broken.submissionId;
        expectProblem(await post(base, { ...broken, channel: 'pigeon' }), '', 'schema/required');
        expectProblem(await post(base, { ...broken, channel: 'pigeon' }), '/channel', 'schema/enum');
      });
    });

    describe('413, 415 and 400', () => {
      const big = () => corePayload({ source: 'x', answers: { secteur: 'sport', nb_benevoles: 1, employeur: false, pad: 'x'.repeat(70 * 1024) } });
      it('refuses a body over the limit before parsing it', async () => {
        const r = await post(base, big());
        expect(r.status).toBe(413);
        expect(r.body.error).toBe('payload-too-large');
      });
      it('refuses a compressed body that decompresses over the limit', async () => {
        const bomb = zlib.gzipSync(JSON.stringify(big()));
        expect(bomb.length).toBeLessThan(64 * 1024);
        const r = await request(base, 'POST', '/v1/responses', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: bomb });
        expect(r.status).toBe(413);
        expect(r.body.error).toBe('payload-too-large');
      });
      it('accepts a gzip or deflate body within the limit', async () => {
        const p = corePayload();
        const gz = await request(base, 'POST', '/v1/responses', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: zlib.gzipSync(JSON.stringify(p)) });
        expect(gz.status).toBe(201);
        const q = corePayload();
        const df = await request(base, 'POST', '/v1/responses', { headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' }, body: zlib.deflateSync(JSON.stringify(q)) });
        expect(df.status).toBe(201);
      });
      it('refuses another content type or encoding with 415', async () => {
        const p = JSON.stringify(corePayload());
        for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
          const r = await request(base, 'POST', '/v1/responses', { headers: { 'content-type': type }, body: p });
          expect(r.status).toBe(415);
          expect(r.body.error).toBe('unsupported-media-type');
        }
        const none = await request(base, 'POST', '/v1/responses', { body: p });
        expect(none.status).toBe(415);
        const enc = await request(base, 'POST', '/v1/responses', { headers: { 'content-type': 'application/json', 'content-encoding': 'zstd' }, body: p });
        expect(enc.status).toBe(415);
        expect(enc.body.error).toBe('unsupported-encoding');
      });
      it('refuses malformed JSON, prototype keys and absurd nesting with 400', async () => {
        for (const body of ['{"kind":', 'nul', '', '{"a":1}}']) {
          const r = await post(base, body);
          expect(r.status, body).toBe(400);
          expect(r.body.error).toBe('malformed-json');
        }
        const p = JSON.stringify(corePayload());
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          const r = await post(base, p.replace('"answers":{', `"answers":{"${key}":{"isAdmin":true},`));
          expect(r.status, key).toBe(400);
          expect(r.body.message).toContain(key);
        }
        const deep = await post(base, p.replace('"answers":{', `"answers":{"x":${'['.repeat(40)}${']'.repeat(40)},`));
        expect(deep.status).toBe(400);
        expect(deep.body.message).toContain('deeper');
      });
    });

    describe('territory scopes', () => {
      const rennesIds: string[] = [];
      const lorientIds: string[] = [];
      beforeAll(async () => {
        for (let i = 0; i < 3; i++) {
          const r = rennesPayload({ wave: 'scope' });
          expect((await post(base, r)).status).toBe(201);
          rennesIds.push(r.submissionId);
          const l = corePayload({ wave: 'scope', extension: { id: 'lorient-agglo-2026', version: '1.0.0' }, territory: { level: 'epci', code: '200042174' } });
          expect((await post(base, l)).status).toBe(201);
          lorientIds.push(l.submissionId);
        }
      });
      const ids = (r: Reply) => r.body.items.map((i: { submissionId: string }) => i.submissionId).sort();

      it('asks for a token: 401 without or with an unknown one', async () => {
        const none = await get(base, '/v1/responses');
        expect(none.status).toBe(401);
        expect(none.body.error).toBe('unauthorized');
        expect(none.headers['www-authenticate']).toBe('Bearer');
        expect((await get(base, '/v1/responses', 'not-a-known-token-123456')).status).toBe(401);
      });
      it('gives a territory its own responses and nothing else', async () => {
        const own = await get(base, '/v1/responses?wave=scope', TEST_TOKENS.rennes);
        expect(own.status).toBe(200);
        expect(ids(own)).toEqual([...rennesIds].sort());
        const lorient = await get(base, '/v1/responses?wave=scope', TEST_TOKENS.lorient);
        expect(ids(lorient)).toEqual([...lorientIds].sort());
        const asked = await get(base, '/v1/responses?wave=scope&territory=commune:35238', TEST_TOKENS.rennes);
        expect(ids(asked)).toEqual([...rennesIds].sort());
      });
      it('refuses a territory outside the scope with 403', async () => {
        const other = await get(base, '/v1/responses?territory=epci:200042174', TEST_TOKENS.rennes);
        expect(other.status).toBe(403);
        expect(other.body.error).toBe('forbidden');
        const mixed = await get(base, '/v1/responses?territory=commune:35238&territory=epci:200042174', TEST_TOKENS.rennes);
        expect(mixed.status).toBe(403);
        expect((await get(base, '/v1/responses?territory=nowhere', TEST_TOKENS.rennes)).status).toBe(400);
      });
      it('gives the national token every territory', async () => {
        const all = await get(base, '/v1/responses?wave=scope', TEST_TOKENS.national);
        expect(ids(all)).toEqual([...rennesIds, ...lorientIds].sort());
        const both = await get(base, '/v1/responses?wave=scope&territory=commune:35238&territory=epci:200042174', TEST_TOKENS.national);
        expect(ids(both)).toEqual([...rennesIds, ...lorientIds].sort());
      });
      it('pages with a cursor', async () => {
        const first = await get(base, '/v1/responses?wave=scope&limit=4', TEST_TOKENS.national);
        expect(first.body.items).toHaveLength(4);
        const second = await get(base, `/v1/responses?wave=scope&limit=4&after=${first.body.next}`, TEST_TOKENS.national);
        expect(second.body.items).toHaveLength(2);
        expect(second.body.next).toBeUndefined();
        expect((await get(base, '/v1/responses?after=garbage', TEST_TOKENS.national)).status).toBe(400);
      });
      it('reads one response only within scope (404 otherwise)', async () => {
        expect((await get(base, `/v1/responses/${rennesIds[0]}`, TEST_TOKENS.rennes)).status).toBe(200);
        const cross = await get(base, `/v1/responses/${rennesIds[0]}`, TEST_TOKENS.lorient);
        expect(cross.status).toBe(404);
        expect(cross.text).not.toContain('35238');
        expect((await get(base, `/v1/responses/${rennesIds[0]}`)).status).toBe(401);
      });
      it('scopes exports and statistics the same way', async () => {
        const csv = await get(base, '/v1/exports/responses.csv?questionnaire=olva-core&wave=scope', TEST_TOKENS.rennes);
        expect(csv.status).toBe(200);
        for (const id of rennesIds) expect(csv.text).toContain(id);
        for (const id of lorientIds) expect(csv.text).not.toContain(id);
        expect((await get(base, '/v1/exports/responses.csv?questionnaire=olva-core&territory=epci:200042174', TEST_TOKENS.rennes)).status).toBe(403);
        expect((await get(base, '/v1/exports/responses.csv?questionnaire=olva-core')).status).toBe(401);
        const national = await get(base, '/v1/exports/responses.csv?questionnaire=olva-core&wave=scope', TEST_TOKENS.national);
        for (const id of [...rennesIds, ...lorientIds]) expect(national.text).toContain(id);
        expect((await get(base, '/v1/stats/sample?wave=scope', TEST_TOKENS.lorient)).status).toBe(200);
        expect((await get(base, '/v1/stats/sample?territory=commune:35238', TEST_TOKENS.lorient)).status).toBe(403);
        expect((await get(base, '/v1/exports/responses.csv?questionnaire=olva-core', TEST_TOKENS.rennesReadOnly)).status).toBe(403);
      });
      it('erases on request with the erase right over the response\'s territory', async () => {
        const del = (id: string, token: string) => request(base, 'DELETE', `/v1/responses/${id}`, { headers: { authorization: `Bearer ${token}` } });
        expect((await del(rennesIds[2], TEST_TOKENS.rennesReadOnly)).status).toBe(403);
        expect((await del(rennesIds[2], TEST_TOKENS.lorient)).status).toBe(404);
        const ok = await del(rennesIds[2], TEST_TOKENS.rennes);
        expect(ok.status).toBe(204);
        expect(ok.text).toBe('');
        expect((await del(rennesIds[2], TEST_TOKENS.rennes)).status).toBe(404);
        expect((await get(base, `/v1/responses/${rennesIds[2]}`, TEST_TOKENS.national)).status).toBe(404);
        rennesIds.pop();
      });
    });

    describe('origins', () => {
      it('answers a CORS preflight for an allowed origin only', async () => {
        const ok = await request(base, 'OPTIONS', '/v1/responses', { headers: { origin: 'https://www.rennes.fr', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
        expect(ok.headers['access-control-allow-origin']).toBe('https://www.rennes.fr');
        const no = await request(base, 'OPTIONS', '/v1/responses', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
        expect(no.headers['access-control-allow-origin']).toBeUndefined();
      });
      it('refuses a page posting for a territory its origin is not allowed for', async () => {
        const fromLorient = await post(base, rennesPayload(), { origin: 'https://www.lorient-agglo.bzh' });
        expect(fromLorient.status).toBe(403);
        expect(fromLorient.body.error).toBe('origin-not-allowed');
        expect((await post(base, rennesPayload(), { origin: 'https://www.rennes.fr' })).status).toBe(201);
      });
    });

    it('answers health and readiness', async () => {
      expect(await get(base, '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
      expect(await get(base, '/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
      expect((await get(base, '/nowhere')).body).toEqual({ error: 'not-found', message: expect.any(String) });
    });

    it('logs requests as JSON without answers or client addresses', async () => {
      const marker = 'valeur-secrete-de-reponse';
      await post(base, corePayload({ source: 'log-check', answers: { secteur: 'sport', nb_benevoles: 1, employeur: false, nb_salaries: marker as never } }));
      await post(base, rennesPayload({ source: 'log-check' }));
      const malformed = await post(base, `{"answers":{"secret":"${marker}"`);
      expect(malformed.status).toBe(400);
      expect(malformed.text).not.toContain(marker);
      await post(base, JSON.stringify(corePayload()).replace('"answers":{', `"answers":{"__proto__":"${marker}",`));
      await post(base, { ...corePayload(), answers: { nb_benevoles: marker } });
      expect(logs.length).toBeGreaterThan(4);
      const text = logs.join('');
      for (const line of logs) expect(() => JSON.parse(line)).not.toThrow();
      expect(text).toContain('/v1/responses');
      expect(text).not.toContain(marker);
      expect(text).not.toContain('log-check');
      // The server's own listening address may be logged at start; no request line holds a client's.
      const requestLines = logs.filter((l) => l.includes('"reqId"'));
      expect(requestLines.length).toBeGreaterThan(4);
      for (const line of requestLines) expect(line).not.toContain('127.0.0.1');
      expect(text).not.toMatch(/remoteAddress|remotePort|"ip"|user-agent/i);
    });
  });
}

describe('rate limit', () => {
  const backend = bothBackends()[0];
  let server: TestCollector;
  beforeAll(async () => {
    await backend.setup();
    server = await startTestCollector(await backend.newDatabaseUrl(), { overrides: { limits: { ratePerMinute: 3 } } });
  });
  afterAll(async () => {
    await server?.close();
    await backend.teardown();
  });
  it('answers 429 with Retry-After past the limit per address', async () => {
    const statuses: number[] = [];
    let last: Reply | undefined;
    for (let i = 0; i < 5; i++) {
      last = await post(server.url, corePayload());
      statuses.push(last.status);
    }
    // A minute boundary may fall inside the loop: at least one 429 must come.
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(3);
    const limited = statuses.indexOf(429);
    expect(limited).toBeGreaterThanOrEqual(3);
    const r = await post(server.url, corePayload());
    if (r.status === 429) last = r;
    expect(last!.status).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(last!.body.error).toBe('rate-limited');
  });
});
