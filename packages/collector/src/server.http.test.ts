import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { WRONG_TOKENS_PER_MINUTE } from './http/token-routes.js';
import { bothBackends } from '@olva/test-support/store-backends';
import { startTestCollector, TEST_TOKENS, type TestCollector } from '@olva/test-support/test-collector';
import { corePayload, rennesPayload } from '@olva/test-support/collector-questionnaires';

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: any; text: string }

/** A raw HTTP request, so that headers and bodies can be anything a client may send. */
function request(base: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; localAddress?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = http.request(url, { method, headers: options.headers, agent: false, ...(options.localAddress ? { localAddress: options.localAddress } : {}) }, (res) => {
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
  request(base, 'POST', '/v1/responses', { headers: { 'content-type': 'application/json', ...headers }, body: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload) });
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
        expect(message).toBe('« commune_siege » : 35000 n’est pas le code INSEE d’une commune actuelle ; c’est un code postal (Rennes : 35238).');
        const inEnglish = await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '35000' } }), { 'accept-language': 'en' });
        expect(inEnglish.body.problems.find((p: { code: string }) => p.code === 'unknown-commune').message)
          .toBe('"commune_siege": 35000 is not the INSEE code of a current commune; it is a postcode (Rennes: 35238).');
        expectProblem(await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '99999' } })), '/answers/commune_siege', 'unknown-commune');
        // A delegated commune (Béon, in Culoz-Béon since 2017) is not a current one.
        const beon = await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '01039' } }));
        expectProblem(beon, '/answers/commune_siege', 'unknown-commune');
        expect(beon.body.problems.find((p: { code: string }) => p.code === 'unknown-commune').message)
          .toBe('« commune_siege » : 01039 n’est pas le code INSEE d’une commune actuelle ; Béon fait partie de Culoz-Béon, dont le code est 01138.');
        // Answers keep to current communes (one code for one association's commune): a municipal
        // arrondissement, as the RNA gives it for Paris, is told the commune's code.
        const paris8 = await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '75108' } }), { 'accept-language': 'en' });
        expect(paris8.body.problems.find((p: { code: string }) => p.code === 'unknown-commune').message)
          .toBe('"commune_siege": 75108 is not the INSEE code of a current commune; Paris 8e Arrondissement is part of Paris, whose code is 75056.');
        const rejected = await get(base, '/v1/responses?limit=1000', TEST_TOKENS.national);
        expect(rejected.body.items.filter((i: { payload: ResponsePayload }) => ['35000', '99999', '01039', '75108'].includes(String(i.payload.answers.commune_siege)))).toEqual([]);
        const rennes = corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '35238' } });
        expect((await post(base, rennes)).status).toBe(201);
        expect((await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 3, employeur: false, commune_siege: '2A004' } }))).status).toBe(201);
      });
      it('refuses a commune inside an EPCI extension\'s territory, saying how it answers instead (the build\'s schema pins the EPCI)', async () => {
        const lorient = corePayload({ extension: { id: 'lorient-agglo-2026', version: '1.0.0' }, territory: { level: 'commune', code: '56121' } });
        const r = await post(base, lorient);
        expectProblem(r, '/territory', 'territory-mismatch');
        expect(r.body.problems.find((p: { code: string }) => p.code === 'territory-mismatch').message).toContain('commune 56121 en fait partie, mais y répond sous epci:200042174');
        expect((await post(base, { ...lorient, territory: { level: 'epci', code: '200042174' } })).status).toBe(201);
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
        expect(deep.body.message).toContain('sur plus de 32 niveaux');
      });
    });

    describe('hostile and careless input', () => {
      /** Every refusal has the one error body: `{ error, message }`, with `problems` (and `truncated`) at most. */
      function expectErrorBody(reply: Reply, status: number, error?: string) {
        expect(reply.status, reply.text.slice(0, 300)).toBe(status);
        expect(reply.headers['content-type']).toMatch(/^application\/json/);
        expect(Object.keys(reply.body).filter((k) => !['error', 'message', 'problems', 'truncated'].includes(k))).toEqual([]);
        expect(reply.body).toMatchObject({ error: error ?? expect.any(String), message: expect.any(String) });
      }
      const raw = (text: string): Promise<string> => new Promise((resolve) => {
        const url = new URL(base);
        const socket = net.connect(Number(url.port), url.hostname, () => socket.end(text));
        let received = '';
        socket.on('data', (c) => { received += c; });
        socket.on('close', () => resolve(received));
        socket.on('error', () => resolve(received));
      });

      it('refuses U+0000, lone surrogates and invalid UTF-8 in a body with 400, never stores them', async () => {
        const p = JSON.stringify(corePayload({ source: 'nul-check' }));
        for (const [body, pointer] of [
          [p.replace('"nul-check"', '"nul\\u0000check"'), '/source'],
          [p.replace('"secteur":"sport"', '"secteur":"sport\\u0000"'), '/answers/secteur'],
          [p.replace('"nul-check"', '"nul\\ud800check"'), '/source'],
          [p.replace('"nul-check"', '"nul\\udfffcheck"'), '/source'],
          [p.replace('"answers":{', '"answers":{"a\\u0000":1,'), '/answers/a\u0000'],
        ]) {
          const r = await post(base, body);
          expectErrorBody(r, 400, 'invalid-character');
          expect(r.body.problems).toEqual([expect.objectContaining({ pointer, code: 'invalid-character' })]);
        }
        // A paired surrogate is a character like any other.
        expect((await post(base, p.replace('"nul-check"', '"nul\\ud83d\\ude00check"'))).status).toBe(201);
        const latin1 = Buffer.from(p.replace('"nul-check"', '"caf\u00e9"'), 'latin1');
        expectErrorBody(await post(base, latin1), 400, 'invalid-utf8');
        const truncated = Buffer.concat([Buffer.from(p.slice(0, p.indexOf('"nul-check"') + 1)), Buffer.from([0xe2, 0x82]), Buffer.from(p.slice(p.indexOf('"nul-check"') + 1))]);
        expectErrorBody(await post(base, truncated), 400, 'invalid-utf8');
      });
      it('refuses U+0000 and undecodable bytes in a URL with 400 on every route, and validates every query parameter', async () => {
        for (const path of [
          '/v1/responses?wave=%00', '/v1/responses?questionnaire=olva-core%00', '/v1/responses?extension=%00', '/v1/responses?source=%00',
          '/v1/responses?wave=%ED%A0%80', '/v1/responses?territory=commune:35238%C3', '/v1/responses/%00', '/v1/responses/%ED%A0%80',
          '/v1/exports/responses.csv?questionnaire=olva-core&wave=%00', '/v1/stats/sample?wave=%FF', '/health?x=%00', '/nowhere%00', '/v1/responses/%zz',
        ]) expectErrorBody(await get(base, path, TEST_TOKENS.national), 400);
        for (const [path, pointer, code] of [
          ['/v1/responses?wave=a%20b', '/wave', 'wave-pattern'], ['/v1/responses?questionnaire=Olva', '/questionnaire', 'id-pattern'],
          ['/v1/responses?extension=x%2Fy', '/extension', 'id-pattern'], ['/v1/responses?limit=0', '/limit', 'limit-range'],
          [`/v1/responses?after=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x\u0000'])).toString('base64url')}`, '/after', 'cursor'],
          [`/v1/responses?after=${Buffer.from(JSON.stringify(['\u0000', corePayload().submissionId])).toString('base64url')}`, '/after', 'cursor'],
        ]) {
          const reply = await get(base, path!, TEST_TOKENS.national);
          expectErrorBody(reply, 400, 'bad-query');
          // The parameter and the rule it breaks, as every refusal of a value says them.
          expect(reply.body.problems, path).toEqual([{ pointer, code, message: reply.body.message }]);
        }
        expect((await get(base, '/v1/responses?wave=2026.1&extension=rennes-2026&questionnaire=olva-core', TEST_TOKENS.national)).status).toBe(200);
      });
      it('refuses more than 50 values of a filter with 400', async () => {
        const waves = Array.from({ length: 51 }, (_, i) => `w${i}`).join(',');
        const territories = Array.from({ length: 51 }, (_, i) => `territory=commune:${35000 + i}`).join('&');
        expect((await get(base, `/v1/responses?wave=${waves.split(',').slice(0, 50).join(',')}`, TEST_TOKENS.national)).status).toBe(200);
        for (const path of [`/v1/responses?wave=${waves}`, `/v1/responses?${territories}`, `/v1/exports/responses.csv?questionnaire=olva-core&wave=${waves}`, `/v1/stats/sample?${territories}`]) {
          const r = await get(base, path, TEST_TOKENS.national);
          expectErrorBody(r, 400);
          expect(r.body.message).toContain('au plus 50');
        }
      });
      it('refuses huge unknown keys with 422 at once (no typo guessed against names they cannot be close to)', async () => {
        const keys = Object.fromEntries([1, 2, 3].map((i) => [`${'k'.repeat(20_000)}${i}`, i]));
        const r = await post(base, { ...corePayload(), ...keys });
        expectErrorBody(r, 422, 'invalid-response');
        expect(r.body.problems.map((p: { code: string }) => p.code)).toEqual(['schema/additionalProperties', 'schema/additionalProperties', 'schema/additionalProperties']);
      });
      it('lists 50 problems at most, and counts the others', async () => {
        const answers = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`inconnue_${i}`, i]));
        const r = await post(base, corePayload({ answers: { secteur: 'sport', nb_benevoles: 1, employeur: false, ...answers } as ResponsePayload['answers'] }));
        expectErrorBody(r, 422, 'invalid-response');
        expect(r.body.problems).toHaveLength(50);
        expect(r.body.truncated).toBeGreaterThanOrEqual(250);
        expect(r.body.message).toContain(String(50 + r.body.truncated));
      });
      it('takes a submissionId in upper case as the same submission', async () => {
        const p = corePayload();
        expect((await post(base, p)).status).toBe(201);
        const upper = await post(base, { ...p, submissionId: p.submissionId.toUpperCase() });
        // The receipt names the id as sent: the browser's outbox matches it.
        expect(upper.status).toBe(200);
        expect(upper.body.submissionId).toBe(p.submissionId.toUpperCase());
        const stored = await get(base, `/v1/responses/${p.submissionId.toUpperCase()}`, TEST_TOKENS.national);
        expect(stored.body.payload).toEqual(p);
        const q = corePayload({ submissionId: corePayload().submissionId.toUpperCase() });
        expect((await post(base, q)).status).toBe(201);
        expect((await post(base, { ...q, submissionId: q.submissionId.toLowerCase() })).status).toBe(200);
        expect((await get(base, `/v1/responses/${q.submissionId.toLowerCase()}`, TEST_TOKENS.national)).status).toBe(200);
      });
      it('refuses times more than a day ahead, and a submission before its start, with 422', async () => {
        const ahead = new Date(Date.now() + 2 * 86_400_000).toISOString();
        expectProblem(await post(base, corePayload({ startedAt: ahead, submittedAt: ahead })), '/submittedAt', 'future-time');
        expectProblem(await post(base, corePayload({ startedAt: ahead, submittedAt: ahead })), '/startedAt', 'future-time');
        expectProblem(await post(base, corePayload({ startedAt: '2026-03-01T10:00:00.000Z', submittedAt: '2026-03-01T09:59:59.000Z' })), '/submittedAt', 'submitted-before-start');
        // A clock a few hours fast is not refused.
        const soon = new Date(Date.now() + 3 * 3_600_000).toISOString();
        expect((await post(base, corePayload({ submittedAt: soon }))).status).toBe(201);
      });
      it('does not store an erased response again: a replay gets 410', async () => {
        const p = corePayload();
        expect((await post(base, p)).status).toBe(201);
        expect((await request(base, 'DELETE', `/v1/responses/${p.submissionId}`, { headers: { authorization: `Bearer ${TEST_TOKENS.national}` } })).status).toBe(204);
        for (const replay of [p, { ...p, submissionId: p.submissionId.toUpperCase() }, { ...p, source: 'autre' }]) {
          const r = await post(base, replay);
          expectErrorBody(r, 410, 'erased');
          expect(r.body.message).toContain(replay.submissionId);
        }
        expect((await get(base, `/v1/responses/${p.submissionId}`, TEST_TOKENS.national)).status).toBe(404);
      });
      it('answers framework refusals with the same body, and 405 with Allow for a wrong method', async () => {
        expectErrorBody(await post(base, ''), 400, 'malformed-json');
        expectErrorBody(await request(base, 'POST', '/v1/responses', { headers: { 'content-type': 'text/plain' }, body: '{}' }), 415, 'unsupported-media-type');
        expectErrorBody(await get(base, '/nowhere'), 404, 'not-found');
        expectErrorBody(await get(base, '/v1/responses/%E0%A4%A'), 400, 'bad-url');
        const put = await request(base, 'PUT', '/v1/responses');
        expectErrorBody(put, 405, 'method-not-allowed');
        expect(put.headers.allow).toBe('GET, HEAD, POST');
        const patch = await request(base, 'PATCH', `/v1/responses/${corePayload().submissionId}`);
        expectErrorBody(patch, 405, 'method-not-allowed');
        expect(patch.headers.allow).toBe('DELETE, GET, HEAD');
        expect((await request(base, 'POST', '/v1/exports/responses.csv')).headers.allow).toBe('GET, HEAD');
        for (const text of ['GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 'POST /v1/responses HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}']) {
          const answer = await raw(text);
          expect(answer).toMatch(/^HTTP\/1\.1 400 /);
          const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
          expect(Object.keys(body).sort()).toEqual(['error', 'message']);
        }
      });
    });

    describe('territory scopes', () => {
      const rennesIds: string[] = [];
      const lorientIds: string[] = [];
      /** Core-only responses collected in the commune of Lorient (56121), inside the EPCI. */
      const lorientCommuneIds: string[] = [];
      beforeAll(async () => {
        for (let i = 0; i < 3; i++) {
          const r = rennesPayload({ wave: 'scope' });
          expect((await post(base, r)).status).toBe(201);
          rennesIds.push(r.submissionId);
          const l = corePayload({ wave: 'scope', extension: { id: 'lorient-agglo-2026', version: '1.0.0' }, territory: { level: 'epci', code: '200042174' } });
          expect((await post(base, l)).status).toBe(201);
          lorientIds.push(l.submissionId);
        }
        for (let i = 0; i < 2; i++) {
          const c = corePayload({ wave: 'scope', territory: { level: 'commune', code: '56121' } });
          expect((await post(base, c)).status).toBe(201);
          lorientCommuneIds.push(c.submissionId);
        }
      });
      const ids = (r: Reply) => r.body.items.map((i: { submissionId: string }) => i.submissionId).sort();

      it('asks for a token: 401 without or with an unknown one', async () => {
        const none = await get(base, '/v1/responses');
        expect(none.status).toBe(401);
        expect(none.body.error).toBe('unauthorized');
        expect(none.headers['www-authenticate']).toBe('Bearer');
        expect((await get(base, '/v1/responses', 'not-a-known-token-123456')).status).toBe(401);
        // The token comes before the query: a malformed one tells nothing without a token.
        for (const query of ['territory=nowhere', 'limit=0', 'after=garbage']) {
          expect((await get(base, `/v1/responses?${query}`)).status, query).toBe(401);
          expect((await get(base, `/v1/responses?${query}`, 'not-a-known-token-123456')).status, query).toBe(401);
          expect((await get(base, `/v1/responses?${query}`, TEST_TOKENS.national)).status, query).toBe(400);
        }
        expect((await get(base, '/v1/exports/responses.csv?territory=nowhere')).status).toBe(401);
        expect((await get(base, '/v1/stats/sample?territory=nowhere', 'not-a-known-token-123456')).status).toBe(401);
      });
      it('gives a territory its own responses and nothing else', async () => {
        const own = await get(base, '/v1/responses?wave=scope', TEST_TOKENS.rennes);
        expect(own.status).toBe(200);
        expect(ids(own)).toEqual([...rennesIds].sort());
        const asked = await get(base, '/v1/responses?wave=scope&territory=commune:35238', TEST_TOKENS.rennes);
        expect(ids(asked)).toEqual([...rennesIds].sort());
      });
      it('covers the territories inside a scope by the official geography', async () => {
        // The EPCI's token reads its extension's responses and the core ones of its communes.
        const lorient = await get(base, '/v1/responses?wave=scope', TEST_TOKENS.lorient);
        expect(ids(lorient)).toEqual([...lorientIds, ...lorientCommuneIds].sort());
        const commune = await get(base, '/v1/responses?wave=scope&territory=commune:56121', TEST_TOKENS.lorient);
        expect(ids(commune)).toEqual([...lorientCommuneIds].sort());
        expect((await get(base, `/v1/responses/${lorientCommuneIds[0]}`, TEST_TOKENS.lorient)).status).toBe(200);
        // The departement's token reads its communes and the EPCI wholly inside it, not Rennes.
        const morbihan = await get(base, '/v1/responses?wave=scope', TEST_TOKENS.morbihan);
        expect(ids(morbihan)).toEqual([...lorientIds, ...lorientCommuneIds].sort());
        expect(ids(await get(base, '/v1/responses?wave=scope&territory=epci:200042174', TEST_TOKENS.morbihan))).toEqual([...lorientIds, ...lorientCommuneIds].sort());
        expect((await get(base, `/v1/responses/${lorientIds[0]}`, TEST_TOKENS.morbihan)).status).toBe(200);
        expect((await get(base, `/v1/responses/${rennesIds[0]}`, TEST_TOKENS.morbihan)).status).toBe(404);
        expect((await get(base, '/v1/responses?territory=commune:35238', TEST_TOKENS.morbihan)).status).toBe(403);
        // A commune's token does not read another commune.
        expect((await get(base, `/v1/responses/${lorientCommuneIds[0]}`, TEST_TOKENS.rennes)).status).toBe(404);
        expect((await get(base, '/v1/responses?territory=commune:56121', TEST_TOKENS.rennes)).status).toBe(403);
        // Exports and statistics read the same set.
        const csv = await get(base, '/v1/exports/responses.csv?questionnaire=olva-core&wave=scope', TEST_TOKENS.morbihan);
        expect(csv.status).toBe(200);
        for (const id of [...lorientIds, ...lorientCommuneIds]) expect(csv.text).toContain(id);
        for (const id of rennesIds) expect(csv.text).not.toContain(id);
        const stats = await get(base, '/v1/stats/sample?wave=scope', TEST_TOKENS.lorient);
        expect(stats.status).toBe(200);
        expect(stats.body.total).toBe(lorientIds.length + lorientCommuneIds.length);
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
        expect(ids(all)).toEqual([...rennesIds, ...lorientIds, ...lorientCommuneIds].sort());
        const both = await get(base, '/v1/responses?wave=scope&territory=commune:35238&territory=epci:200042174', TEST_TOKENS.national);
        expect(ids(both)).toEqual([...rennesIds, ...lorientIds, ...lorientCommuneIds].sort());
      });
      it('pages with a cursor', async () => {
        const first = await get(base, '/v1/responses?wave=scope&limit=5', TEST_TOKENS.national);
        expect(first.body.items).toHaveLength(5);
        const second = await get(base, `/v1/responses?wave=scope&limit=5&after=${first.body.next}`, TEST_TOKENS.national);
        expect(second.body.items).toHaveLength(3);
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
      it('gives CORS on the token routes only to origins configured for reading', async () => {
        const preflight = (origin: string, method: string, path: string) => request(base, 'OPTIONS', path, { headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization' } });
        const routes: [string, string][] = [['GET', '/v1/responses'], ['GET', `/v1/responses/${corePayload().submissionId}`], ['DELETE', `/v1/responses/${corePayload().submissionId}`],
          ['GET', '/v1/exports/responses.csv'], ['GET', '/v1/stats/sample']];
        for (const [method, path] of routes) {
          expect((await preflight('https://www.rennes.fr', method, path)).headers['access-control-allow-origin'], `${method} ${path}`).toBeUndefined();
          expect((await preflight('https://observatoire.example.org', method, path)).headers['access-control-allow-origin'], `${method} ${path}`).toBe('https://observatoire.example.org');
          const actual = (origin: string) => request(base, method, path, { headers: { origin, authorization: `Bearer ${TEST_TOKENS.national}` } });
          expect((await actual('https://www.rennes.fr')).headers['access-control-allow-origin'], `${method} ${path}`).toBeUndefined();
          expect((await actual('https://observatoire.example.org')).headers['access-control-allow-origin'], `${method} ${path}`).toBe('https://observatoire.example.org');
        }
        // Posting stays open to every configured origin.
        expect((await preflight('https://www.lorient-agglo.bzh', 'POST', '/v1/responses')).headers['access-control-allow-origin']).toBe('https://www.lorient-agglo.bzh');
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
  it('answers 429 to an address after too many wrong tokens in a minute, and only to it', async () => {
    // Only Date is frozen (the limiter's windows); the server's timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:00:05Z') });
    try {
      const read = (token: string, localAddress?: string) => request(server.url, 'GET', '/v1/responses?limit=1', { headers: { authorization: `Bearer ${token}` }, ...(localAddress ? { localAddress } : {}) });
      expect((await read(TEST_TOKENS.national)).status).toBe(200);
      for (let i = 0; i < WRONG_TOKENS_PER_MINUTE; i++) expect((await read(`wrong-token-${i}-0123456789`)).status).toBe(401);
      const limited = await read('wrong-token-x-0123456789');
      expect(limited.status).toBe(429);
      expect(limited.body.error).toBe('rate-limited');
      expect(Number(limited.headers['retry-after'])).toBe(55);
      // Every token route, whatever the token: a right guess would otherwise still show.
      expect((await read(TEST_TOKENS.national)).status).toBe(429);
      expect((await request(server.url, 'GET', '/v1/exports/responses.csv?questionnaire=olva-core', { headers: { authorization: `Bearer ${TEST_TOKENS.national}` } })).status).toBe(429);
      // Another address, and posting, are not slowed.
      expect((await read(TEST_TOKENS.national, '127.0.0.2')).status).toBe(200);
      expect((await read('wrong-token-y-0123456789', '127.0.0.2')).status).toBe(401);
      // The next minute starts afresh.
      vi.setSystemTime(new Date('2026-03-01T10:01:00Z'));
      expect((await read(TEST_TOKENS.national)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
