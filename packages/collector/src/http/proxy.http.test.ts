/**
 * A collector behind a reverse proxy, over real HTTP: the rate limit counts each respondent
 * (X-Forwarded-For) when the proxy's address is trusted, never an address a direct client
 * wrote itself, and a forwarded request to a collector that trusts no proxy is logged once.
 */
import http from 'node:http';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { startTestCollector, type TestCollector } from '@olva/test-support/test-collector';

function post(base: string, headers: Record<string, string>, localAddress = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL('/v1/responses', base), { method: 'POST', agent: false, localAddress, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify(corePayload()));
  });
}

const backend = sqliteBackend();
let server: TestCollector | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
  await backend.teardown();
});

async function start(trustProxy: boolean | string, log?: Writable): Promise<TestCollector> {
  await backend.setup();
  // Only Date is frozen (the limiter's one-minute windows); the server's timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-03-01T10:00:05Z') });
  server = await startTestCollector(await backend.newDatabaseUrl(), {
    overrides: { server: { host: '127.0.0.1', port: 0, logLevel: 'info', trustProxy }, limits: { bodyBytes: 65536, ratePerMinute: 2, maxDepth: 32 } },
    ...(log ? { logStream: log } : {}),
  });
  return server;
}

describe('behind a reverse proxy', () => {
  it('with the proxy trusted, limits each respondent, and a direct client cannot pick its address', async () => {
    const { url } = await start('127.0.0.1');
    const via = (client: string) => post(url, { 'x-forwarded-for': client });
    expect([await via('203.0.113.5'), await via('203.0.113.5'), await via('203.0.113.5')]).toEqual([201, 201, 429]);
    expect([await via('203.0.113.6'), await via('203.0.113.6')]).toEqual([201, 201]);
    // 127.0.0.2 is not the proxy: what it writes in X-Forwarded-For is not believed.
    const direct = (client: string) => post(url, { 'x-forwarded-for': client }, '127.0.0.2');
    expect([await direct('198.51.100.1'), await direct('198.51.100.2'), await direct('198.51.100.3')]).toEqual([201, 201, 429]);
  });

  it('with no proxy trusted, counts the proxy for everyone and says so once in the log', async () => {
    let log = '';
    const { url } = await start(false, new Writable({ write(chunk, _e, cb) { log += chunk.toString(); cb(); } }));
    expect(await post(url, {})).toBe(201);
    expect(log).not.toContain('untrusted-proxy');
    expect([await post(url, { 'x-forwarded-for': '203.0.113.5' }), await post(url, { 'x-forwarded-for': '203.0.113.6' })]).toEqual([201, 429]);
    const warnings = log.split('\n').filter((l) => l.includes('"event":"untrusted-proxy"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('server.trustProxy is false: every respondent counts as the proxy for the rate limit');
    expect(warnings[0]).not.toContain('203.0.113');
  });
});
