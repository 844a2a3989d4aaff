/**
 * A wave's closing date and the public check a survey page makes at load, over real HTTP on
 * SQLite: after the closing, answers given online (web, kiosk) are refused with a 422 at
 * `/wave` while paper and phone entries go on, a response already stored still gets its receipt
 * when sent again, and `GET /v1/waves/:wave/admits` says the same before anyone answers.
 * The closing dates are in the past of any clock that runs these tests (or far in its future).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { startTestCollector, type TestCollector } from '@olva/test-support/test-collector';
import { corePayload } from '@olva/test-support/collector-questionnaires';

const CLOSED = { id: '2026', core: '^2026.1.0', closes: '2026-01-31' };
const NEXT = { id: '2027', core: '^2027.0.0', closes: '2999-06-30T18:00:00+02:00' };
const RENNES = 'https://www.rennes.fr';

let dir: string;
let database: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-wave-closing-'));
  database = `sqlite:${path.join(dir, 'closing.sqlite')}`;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const post = (server: TestCollector, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('a wave past its closing date', () => {
  /** Stored while the wave was open, by a collector whose configuration had no closing yet. */
  const before = corePayload();
  let server: TestCollector;
  beforeAll(async () => {
    const open = await startTestCollector(database, { overrides: { waves: [{ id: '2026', core: '^2026.1.0' }] } });
    expect((await post(open, before)).status).toBe(201);
    await open.close();
    server = await startTestCollector(database, { overrides: { waves: [CLOSED, NEXT] } });
  });
  afterAll(() => server?.close());

  it('refuses a web or kiosk answer with a 422 at /wave that names the wave and the date, in French first', async () => {
    for (const channel of ['web', 'kiosk'] as const) {
      const res = await post(server, corePayload({ channel }));
      expect(res.status).toBe(422);
      expect((await res.json()).problems).toEqual([{
        pointer: '/wave', code: 'wave-closed',
        message: 'la collecte de la vague « 2026 » est close (clôture : 2026-01-31) : les réponses en ligne (web, borne) ne sont plus acceptées ; la saisie des questionnaires papier et téléphone reste ouverte',
      }]);
    }
    const english = await post(server, corePayload(), { 'accept-language': 'en' });
    expect((await english.json()).problems[0].message).toBe('the collection of wave "2026" is closed (closing date: 2026-01-31): online answers (web, kiosk) are no longer accepted; paper and phone entries still are');
  });

  it('still takes paper and phone entries, and a web answer sent before the closing that the outbox delivers only now', async () => {
    for (const payload of [corePayload({ channel: 'paper' }), corePayload({ channel: 'phone' }),
      corePayload({ startedAt: '2026-01-31T20:00:00.000Z', submittedAt: '2026-01-31T22:59:59.000Z' })]) {
      const res = await post(server, payload);
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    }
    // 2026-01-31 is taken until midnight in Paris (23:00 UTC in winter).
    const late = await post(server, corePayload({ startedAt: '2026-01-31T20:00:00.000Z', submittedAt: '2026-01-31T23:00:00.000Z' }));
    expect(late.status).toBe(422);
  });

  it('gives a response stored before the closing its receipt again (200, same receivedAt), and its id to no other response (409)', async () => {
    const first = await fetch(`${server.url}/v1/responses/${before.submissionId}`, { headers: { authorization: 'Bearer national-token-0123456789abcdef' } });
    const { receivedAt } = await first.json();
    const replay = await post(server, { ...before, submissionId: before.submissionId.toUpperCase() });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ submissionId: before.submissionId.toUpperCase(), receivedAt });
    const other: ResponsePayload = { ...before, answers: { ...before.answers, nb_benevoles: 99 } };
    expect((await post(server, other)).status).toBe(409);
  });

  it('applies the same rule to olva import (Collector.admit)', async () => {
    const refused = await server.collector.admit(corePayload(), { dryRun: true });
    expect(refused).toMatchObject({ status: 'refused', problems: [{ pointer: '/wave', code: 'wave-closed' }] });
    expect(await server.collector.admit(corePayload({ channel: 'paper' }), { dryRun: true })).toMatchObject({ status: 'checked' });
  });

  describe('GET /v1/waves/:wave/admits', () => {
    const admits = (query: string, headers: Record<string, string> = {}) => fetch(`${server.url}/v1/waves/${query}`, { headers });

    it('says a closed wave takes no web answers, with the problem the post would get, the versions it takes and its date', async () => {
      const res = await admits('2026/admits?channel=web', { origin: RENNES });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=60');
      expect(res.headers.get('access-control-allow-origin')).toBe(RENNES);
      expect(res.headers.get('vary')).toMatch(/Origin/);
      expect(await res.json()).toEqual({
        wave: '2026', admitted: false, versions: ['2026.1.0'], closes: '2026-01-31',
        problems: [{ pointer: '/wave', code: 'wave-closed', message: expect.stringContaining('la collecte de la vague « 2026 » est close') }],
      });
    });

    it('tells a page on an origin the configuration does not list that its post would be blocked, readable by that page', async () => {
      const res = await admits('2027/admits?channel=web', { origin: 'https://ailleurs.example' });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.json()).toMatchObject({
        wave: '2027', admitted: false,
        problems: [{ pointer: '/origin', code: 'origin-not-allowed', message: 'ce site (https://ailleurs.example) n’est pas autorisé à envoyer des réponses à ce collecteur : son administrateur doit ajouter cette origine aux « origins » de sa configuration' }],
      });
      const english = await admits('2026/admits?channel=web', { origin: 'https://ailleurs.example', 'accept-language': 'en' });
      expect((await english.json()).problems.map((p: { code: string; message: string }) => [p.code, p.message.slice(0, 40)])).toEqual([
        ['wave-closed', 'the collection of wave "2026" is closed '], ['origin-not-allowed', 'this site (https://ailleurs.example) may'],
      ]);
      // The collector's own pages (the iframe) send their origin only on a post: same host, no problem.
      const own = await admits('2027/admits', { origin: server.url });
      expect(await own.json()).toMatchObject({ admitted: true, problems: [] });
      expect(own.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('admits paper entry into the closed wave, and the web by default into an open one', async () => {
      expect(await (await admits('2026/admits?channel=paper')).json()).toEqual({ wave: '2026', admitted: true, problems: [], versions: ['2026.1.0'], closes: '2026-01-31' });
      expect(await (await admits('2027/admits?questionnaire=olva-core&version=2027.0.0')).json()).toMatchObject({ wave: '2027', admitted: true, problems: [] });
    });

    it('refuses a core version outside the wave’s range as the post does (wave-version), in the language asked', async () => {
      const res = await admits('2027/admits?questionnaire=olva-core&version=2026.1.0&channel=kiosk', { 'accept-language': 'en' });
      expect(await res.json()).toEqual({
        wave: '2027', admitted: false, versions: [], closes: NEXT.closes,
        problems: [{ pointer: '/wave', code: 'wave-version', message: 'wave "2027" accepts core versions ^2027.0.0; this response was answered with olva-core 2026.1.0' }],
      });
    });

    it('admits everything into a wave the configuration does not list, as the post does', async () => {
      expect(await (await admits('2025/admits?questionnaire=olva-core&version=1.0.0')).json()).toEqual({ wave: '2025', admitted: true, problems: [] });
    });

    it('refuses a bad query with a 400 naming the parameter and the rule', async () => {
      const cases: [string, string, string][] = [
        ['2026/admits?channel=fax', '/channel', 'channel-value'],
        ['2026/admits?channel=web&channel=paper', '/channel', 'parameter-once'],
        ['2026/admits?version=2026.1.0', '/questionnaire', 'version-pair'],
        ['2026/admits?questionnaire=olva-core&version=vingt-six', '/version', 'semver'],
        ['2026/admits?questionnaire=OLVA&version=2026.1.0', '/questionnaire', 'id-pattern'],
        ['vague%202026/admits', '/wave', 'wave-pattern'],
      ];
      for (const [query, pointer, code] of cases) {
        const res = await admits(query);
        expect(res.status, query).toBe(400);
        const body = await res.json();
        expect(body.error).toBe('bad-query');
        expect(body.problems, query).toEqual([{ pointer, code, message: body.message }]);
      }
    });
  });
});
