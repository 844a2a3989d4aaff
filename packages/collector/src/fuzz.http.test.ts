/**
 * Bad payloads and queries over real HTTP on PostgreSQL, with a heap check: 600 refused payloads
 * must leave no memory behind. PostgreSQL only: every payload here is refused before the store,
 * by the HTTP layer both backends share, and CI fuzzes SQLite with the bad-input fuzz
 * (http/bad-input.fuzz.http.test.ts: these inputs' kinds, at every pointer and on every route);
 * PostgreSQL, the stricter reader of text, keeps both properties here. Its SQLite half took
 * about 3 s of the file's 7.7 s.
 */
import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { postgresBackend } from '@olva/test-support/store-backends';
import { testCollectorOn, TEST_TOKENS } from '@olva/test-support/test-collector';
import { corePayload } from '@olva/test-support/collector-questionnaires';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function send(base: string, method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, base), { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const postRaw = (base: string, body: string | Buffer, contentType = 'application/json') => send(base, 'POST', '/v1/responses', { 'content-type': contentType }, body);

const notAValue = fc.oneof(
  fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);
/**
 * Text no string may hold: U+0000 and lone surrogates (JSON.stringify writes them as \u
 * escapes, as a hostile client would), around any other text.
 */
const badText = fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', 'a\u0000b'), fc.string({ maxLength: 6 }))
  .map(([a, bad, b]) => a + bad + b);
/** Byte sequences that are not UTF-8: a stray continuation, a truncated or overlong sequence, an encoded surrogate. */
const notUtf8 = fc.constantFrom([0xff], [0x80], [0xc3], [0xe2, 0x82], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]);
/** Where in a valid payload a string goes. */
const STRING_PLACES = [
  (t: string) => corePayload({ source: t }),
  (t: string) => corePayload({ wave: t }),
  (t: string) => corePayload({ locale: t as never }),
  (t: string) => corePayload({ territory: { level: 'commune', code: t } }),
  (t: string) => corePayload({ client: { name: t, version: '1' } }),
  (t: string) => corePayload({ answers: { secteur: t, nb_benevoles: 1, employeur: false } as never }),
  (t: string) => corePayload({ answers: { secteur: 'sport', nb_benevoles: 1, employeur: false, [t]: 'x' } as never }),
];
const FIELDS = ['kind', 'specVersion', 'submissionId', 'questionnaire', 'territory', 'wave', 'channel', 'locale', 'startedAt', 'submittedAt', 'client', 'answers'] as const;

/** Bodies that must all be refused with a 4xx, each for a reason the comment gives. */
const badBodies = fc.oneof(
  // Any text: rarely JSON, never a payload.
  fc.string({ maxLength: 300 }).map((s) => ({ body: s, type: 'application/json' })),
  // Any JSON value: never a valid payload.
  fc.jsonValue({ maxDepth: 6 }).map((v) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' })),
  // A valid payload with one contract field replaced by a value of the wrong shape.
  fc.tuple(fc.constantFrom(...FIELDS), notAValue).map(([field, value]) => ({ body: JSON.stringify({ ...corePayload(), [field]: value }), type: 'application/json' })),
  // A valid payload with random answers, always including an unknown question.
  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
    .map((answers) => ({ body: JSON.stringify(corePayload({ answers: { ...answers, zz_inconnue: 1 } as ResponsePayload['answers'] })), type: 'application/json' })),
  // A valid payload whose number of volunteers is out of range or not an integer.
  fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 100_001 }), fc.double({ noInteger: true, noNaN: true, noDefaultInfinity: true }), fc.string())
    .map((n) => ({ body: JSON.stringify(corePayload({ answers: { secteur: 'sport', nb_benevoles: n, employeur: false } })), type: 'application/json' })),
  // Prototype keys and absurd nesting at a random place.
  fc.tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.integer({ min: 33, max: 400 }))
    .map(([key, depth]) => ({ body: JSON.stringify(corePayload()).replace('"answers":{', `"answers":{"${key}":${'['.repeat(depth % 2 ? 1 : depth)}${']'.repeat(depth % 2 ? 1 : depth)},`), type: 'application/json' })),
  // A valid payload with U+0000 or a lone surrogate in one of its strings, or one of its keys.
  fc.tuple(fc.constantFrom(...STRING_PLACES), badText).map(([place, text]) => ({ body: JSON.stringify(place(text)), type: 'application/json' })),
  // A valid payload with bytes that are not UTF-8 in one of its strings.
  fc.tuple(fc.constantFrom(...STRING_PLACES), notUtf8).map(([place, bytes]) => {
    const [before, after] = JSON.stringify(place('MARK')).split('MARK');
    return { body: Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]), type: 'application/json' };
  }),
  // A valid payload sent as something else than JSON.
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded').map((type) => ({ body: JSON.stringify(corePayload()), type })),
);

/** A query value: any bytes, percent-encoded (so U+0000 and bytes that are not UTF-8 too), or bad text. */
const queryValue = fc.oneof(
  fc.uint8Array({ maxLength: 12 }).map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.tuple(fc.string({ maxLength: 8 }), notUtf8).map(([s, bytes]) => encodeURIComponent(s) + bytes.map((b) => `%${b.toString(16)}`).join('')),
  badText.map((t) => t.replace(/[\ud800-\udfff]/g, '%ED%A0%80').split('\u0000').map(encodeURIComponent).join('%00')),
  fc.constantFrom('2026', 'olva-core', 'commune:35238', '10'),
);
/** Requests to every read route with random parameters. */
const badQueries = fc.tuple(
  fc.constantFrom('/v1/responses', '/v1/exports/responses.csv', '/v1/exports/codebook.md', '/v1/stats/sample', `/v1/responses/${corePayload().submissionId}`, '/health'),
  fc.array(fc.tuple(fc.constantFrom('wave', 'questionnaire', 'extension', 'territory', 'after', 'limit', 'source', 'format'), queryValue), { minLength: 1, maxLength: 4 }),
).map(([route, params]) => `${route}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`);

describe('bad payloads and queries (fast-check) over real HTTP on PostgreSQL', () => {
  const server = testCollectorOn(postgresBackend());

  it('answers only 4xx, never a 5xx, and memory comes back to its level', async () => {
    const statuses = new Map<number, number>();
    const run = (numRuns: number, seed: number) => fc.assert(fc.asyncProperty(badBodies, async ({ body, type }) => {
      const r = await postRaw(server.url, body, type);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status, `${r.status} ${r.body.slice(0, 300)} for ${body.toString().slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(() => JSON.parse(r.body)).not.toThrow();
    }), { numRuns, seed });

    // Warm up (JIT, caches, the commune list), then measure.
    await run(150, 1);
    const before = heapAfterGc();
    await run(600, 2);
    const after = heapAfterGc();
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(750);
    for (const s of [400, 415, 422]) expect(statuses.get(s), `some ${s}`).toBeGreaterThan(0);
    console.log(`fuzz: statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB`);
    // 600 more bad payloads must not leave memory behind (a leak of even 10 kB each would show).
    expect(after - before).toBeLessThan(6 * 1024 * 1024);
    // And the server still works.
    expect((await postRaw(server.url, JSON.stringify(corePayload()))).status).toBe(201);
  });

  it('answers queries holding U+0000, lone surrogates or bytes that are not UTF-8 with a 4xx or a 200, never a 5xx', async () => {
    const statuses = new Map<number, number>();
    await fc.assert(fc.asyncProperty(badQueries, async (path) => {
      const r = await send(server.url, 'GET', path, { authorization: `Bearer ${TEST_TOKENS.national}` });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status, `${r.status} ${r.body.slice(0, 300)} for ${path}`).toBeLessThan(500);
      // A refused value is named with its rule (`problems`) too.
      if (r.status >= 400) expect(['error,message', 'error,message,problems'], r.body).toContain(Object.keys(JSON.parse(r.body) as object).sort().join());
    }), { numRuns: 300, seed: 3 });
    console.log(`fuzz queries: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(statuses.get(400), 'some 400').toBeGreaterThan(0);
  });
});
afterAll(() => agent.destroy());
