/**
 * The browser-test harness itself: the loopback collector endpoint answers as the collector
 * contract says, the static server serves what it should with the headers asked for (and
 * nothing outside its mounts), and Debian's Chromium starts and enforces a served CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startCollectorEndpoint, type CollectorEndpoint } from './collector-endpoint.js';
import { startStaticServer, type StaticServer } from './static-server.js';
import { launchChromium } from './chromium.js';
import { seriousViolations } from './axe.js';

const payload = (over: Record<string, unknown> = {}) => ({
  kind: 'olva-response', specVersion: 1, submissionId: randomUUID(),
  questionnaire: { id: 'olva-core', version: '2026.1.0' }, extension: null,
  territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'web', locale: 'fr',
  startedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-01T10:05:00Z',
  client: { name: 'test', version: '0' }, answers: { secteur_principal: 'sport' }, ...over,
});

describe('collector endpoint', () => {
  let endpoint: CollectorEndpoint;
  beforeAll(async () => { endpoint = await startCollectorEndpoint(); });
  afterAll(async () => { await endpoint.close(); });

  const post = (body: unknown, type = 'application/json') =>
    fetch(endpoint.url, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('stores a valid payload (201), accepts an identical replay (200) and refuses a different one (409)', async () => {
    const p = payload();
    const first = await post(p);
    expect(first.status).toBe(201);
    const receipt = await first.json();
    expect(receipt).toEqual({ submissionId: p.submissionId, receivedAt: expect.any(String) });
    const replay = await post(p);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(receipt);
    expect((await post({ ...p, wave: '2027' })).status).toBe(409);
    expect(endpoint.stored.filter((s) => s.submissionId === p.submissionId)).toHaveLength(1);
    expect(endpoint.postsFor(p.submissionId).map((r) => r.status)).toEqual([201, 200, 409]);
  });

  it('answers 422 with pointers for an invalid payload and 415 for another content type', async () => {
    const bad = await post(payload({ channel: 'fax', submissionId: 'nope' }));
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.problems.map((p: { pointer: string }) => p.pointer)).toEqual(expect.arrayContaining(['/channel', '/submissionId']));
    expect((await post('x=1', 'application/x-www-form-urlencoded')).status).toBe(415);
  });

  it('lets a page on another origin post (CORS preflight)', async () => {
    const res = await fetch(endpoint.url, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('wakes waiters when payloads arrive and times out with the statuses seen', async () => {
    const count = endpoint.stored.length;
    const waiting = endpoint.waitForStored(count + 1, 5_000);
    await post(payload());
    expect((await waiting).length).toBe(count + 1);
    await expect(endpoint.waitForStored(count + 5, 50)).rejects.toThrow(/expected/);
  });
});

describe('static server', () => {
  let server: StaticServer;
  const here = fileURLToPath(new URL('.', import.meta.url));
  beforeAll(async () => {
    server = await startStaticServer({
      mounts: { '/files/': here },
      pages: { '/page.html': '<!doctype html><title>t</title><p>hi</p>' },
      headers: { 'content-security-policy': "script-src 'self'" },
    });
  });
  afterAll(async () => { await server.close(); });

  it('serves mounted files and pages with the configured headers', async () => {
    const file = await fetch(`${server.origin}/files/static-server.ts`);
    expect(file.status).toBe(200);
    expect(await file.text()).toContain('startStaticServer');
    const page = await fetch(`${server.origin}/page.html`);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe("script-src 'self'");
  });

  it('serves nothing outside its mounts', async () => {
    expect((await fetch(`${server.origin}/files/..%2F..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.origin}/package.json`)).status).toBe(404);
  });

  it('is what Chromium loads, with the CSP enforced', async () => {
    server.setPage('/csp.html', '<!doctype html><title>t</title><script>window.inline = 1</script>');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.origin}/csp.html`);
      expect(await page.evaluate(() => (window as unknown as { inline?: number }).inline)).toBeUndefined();
    } finally {
      await browser.close();
    }
  });
});

describe('axe helper', () => {
  it('finds a serious violation inside a shadow root, and none once it is fixed', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html lang="fr"><title>t</title><main><div id="host"></div></main></html>');
      await page.evaluate(() => {
        const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
        root.innerHTML = '<input type="text" id="x">';
      });
      expect((await seriousViolations(page)).map((v) => v.id)).toContain('label');
      await page.evaluate(() => {
        const root = document.getElementById('host')!.shadowRoot!;
        root.innerHTML = '<label for="x">Nom</label><input type="text" id="x">';
      });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
