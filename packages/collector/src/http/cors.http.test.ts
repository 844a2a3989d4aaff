/**
 * Every CORS header the collector sends, for preflights and actual requests, posting and
 * token routes, allowed, refused and absent origins: what browsers see must not change with
 * how the headers are made.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCollector, TEST_TOKENS, type TestCollector } from '@olva/test-support/test-collector';
import { corePayload } from '@olva/test-support/collector-questionnaires';

interface Seen { status: number; headers: Record<string, string | undefined>; text?: string }

/** Status, the CORS and Vary headers, and the body when it is not JSON. */
function send(base: string, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(urlPath, base), { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const kept: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (k === 'vary' || k.startsWith('access-control-') || (k === 'content-length' && res.statusCode === 204)) kept[k] = String(v);
        }
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: kept, ...(/json/.test(String(res.headers['content-type'])) ? {} : { text }) });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const POSTING = 'https://www.rennes.fr';
const READING = 'https://observatoire.example.org';
const PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'GET, POST, PUT, DELETE',
  'access-control-allow-headers': 'content-type, content-encoding, authorization',
  'access-control-max-age': '600',
};

describe('CORS headers', () => {
  let dir: string;
  let server: TestCollector;
  let base: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cors-'));
    server = await startTestCollector(`sqlite:${path.join(dir, 'cors.sqlite')}`, { logStream: false });
    base = server.url;
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const preflight = (origin: string | undefined, method: string | undefined, at = '/v1/responses') =>
    send(base, 'OPTIONS', at, { ...(origin ? { origin } : {}), ...(method ? { 'access-control-request-method': method } : {}), 'access-control-request-headers': 'content-type' });

  it('answers a preflight of an allowed origin with 204 and the allowed methods, headers and max age', async () => {
    expect(await preflight(POSTING, 'POST')).toEqual({
      status: 204, text: '',
      headers: { vary: 'Origin', 'access-control-allow-origin': POSTING, ...PREFLIGHT_HEADERS, 'content-length': '0' },
    });
    expect(await preflight(READING, 'GET', '/v1/stats/sample')).toEqual({
      status: 204, text: '',
      headers: { vary: 'Origin', 'access-control-allow-origin': READING, ...PREFLIGHT_HEADERS, 'content-length': '0' },
    });
  });

  it('refuses other preflights with a 404, a malformed one of an allowed origin with a 400', async () => {
    for (const refused of [await preflight('https://evil.example', 'POST'), await preflight(undefined, 'POST'), await preflight(POSTING, 'GET', '/v1/stats/sample')]) {
      expect(refused).toEqual({ status: 404, headers: { vary: 'Origin, Accept-Language' } });
    }
    // Without the method it announces, a preflight counts as one for a token route.
    expect(await preflight(POSTING, undefined)).toEqual({ status: 404, headers: { vary: 'Origin, Accept-Language' } });
    expect(await preflight(READING, undefined)).toEqual({
      status: 400, headers: { vary: 'Origin, Accept-Language', 'access-control-allow-origin': READING },
    });
  });

  it('says what a preflight without its method lacks in the one error body, in the language asked', async () => {
    const res = await fetch(new URL('/v1/responses', base), { method: 'OPTIONS', headers: { origin: READING, 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-language')).toBe('en');
    expect(await res.json()).toEqual({ error: 'bad-preflight', message: 'a CORS preflight (OPTIONS) must announce its method in the Access-Control-Request-Method header' });
  });

  it('names an allowed origin on actual requests only, and always varies on Origin', async () => {
    const json = { 'content-type': 'application/json' };
    expect(await send(base, 'POST', '/v1/responses', { ...json, origin: POSTING }, JSON.stringify(corePayload())))
      .toEqual({ status: 201, headers: { vary: 'Origin', 'access-control-allow-origin': POSTING } });
    expect(await send(base, 'POST', '/v1/responses', { ...json, origin: 'https://evil.example' }, JSON.stringify(corePayload())))
      .toEqual({ status: 403, headers: { vary: 'Origin, Accept-Language' } });
    expect(await send(base, 'POST', '/v1/responses', { ...json, origin: POSTING, 'accept-language': 'en' }, JSON.stringify(corePayload({ wave: '' }))))
      .toEqual({ status: 422, headers: { vary: 'Origin, Accept-Language', 'access-control-allow-origin': POSTING } });
    const token = { authorization: `Bearer ${TEST_TOKENS.national}` };
    expect(await send(base, 'GET', '/v1/responses', { ...token, origin: POSTING })).toEqual({ status: 200, headers: { vary: 'Origin' } });
    expect(await send(base, 'GET', '/v1/responses', { ...token, origin: READING }))
      .toEqual({ status: 200, headers: { vary: 'Origin', 'access-control-allow-origin': READING } });
    expect(await send(base, 'GET', '/health', {})).toEqual({ status: 200, headers: { vary: 'Origin' } });
    expect(await send(base, 'GET', '/nowhere', { origin: POSTING }))
      .toEqual({ status: 404, headers: { vary: 'Origin, Accept-Language', 'access-control-allow-origin': POSTING } });
    // Refused before CORS is looked at.
    expect(await send(base, 'GET', '/health?x=%FF', { origin: POSTING })).toEqual({ status: 400, headers: { vary: 'Accept-Language' } });
  });
});
