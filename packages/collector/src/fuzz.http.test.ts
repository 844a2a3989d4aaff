import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { sqliteBackend } from './test-support/backends.js';
import { startTestCollector, type TestCollector } from './test-support/collector.js';
import { corePayload } from './test-support/fixtures.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function postRaw(base: string, body: string, contentType = 'application/json'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL('/v1/responses', base), { method: 'POST', agent, headers: { 'content-type': contentType } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const notAValue = fc.oneof(
  fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.integer(), { maxKeys: 3 }),
);
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
  // A valid payload sent as something else than JSON.
  fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded').map((type) => ({ body: JSON.stringify(corePayload()), type })),
);

describe('bad payloads (fast-check) over real HTTP', () => {
  const backend = sqliteBackend();
  let server: TestCollector;
  beforeAll(async () => {
    await backend.setup();
    server = await startTestCollector(await backend.newDatabaseUrl());
  });
  afterAll(async () => {
    agent.destroy();
    await server?.close();
    await backend.teardown();
  });

  it('answers only 4xx, never a 5xx, and memory comes back to its level', async () => {
    const statuses = new Map<number, number>();
    const run = (numRuns: number, seed: number) => fc.assert(fc.asyncProperty(badBodies, async ({ body, type }) => {
      const r = await postRaw(server.url, body, type);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      expect(r.status, `${r.status} ${r.body.slice(0, 300)} for ${body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
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
});
