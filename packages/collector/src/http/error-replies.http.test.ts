/**
 * What fastify and the static files refuse themselves (error-replies.ts) is worded by the
 * collector, with a code that says it: a hidden file, an unmet condition, a range outside the
 * file, a path segment too long had `bad-request` and fastify's English (« requête refusée :
 * Range Not Satisfiable »).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { testCollectorOn } from '@olva/test-support/test-collector';
import { MAX_COMPILED_ID_LENGTH } from '@olva/schema';
import { MAX_PATH_SEGMENT } from './error-replies.js';
import { siteRoutes } from '../demo-site.js';

describe('refusals made by fastify and the static files, over real HTTP on SQLite', () => {
  const server = testCollectorOn(sqliteBackend());
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(path, server.url), { headers });
    return { status: res.status, language: res.headers.get('content-language'), body: await res.json() as { error: string; message: string } };
  };

  it('names each with its own code, in French by default and in English when asked', async () => {
    const cases: [string, Record<string, string>, number, string, string][] = [
      ['/suivi/.hidden', {}, 403, 'forbidden', 'ce fichier n’est pas servi (fichier caché, ou chemin qui sort de son dossier)'],
      ['/suivi/..%2f..%2fpackage.json', {}, 403, 'forbidden', 'ce fichier n’est pas servi (fichier caché, ou chemin qui sort de son dossier)'],
      ['/suivi/', { range: 'bytes=999999-' }, 416, 'range-not-satisfiable', 'la plage demandée (Range) ne tient pas dans le fichier'],
      ['/suivi/index.html', { 'if-match': '"not-this-one"' }, 412, 'precondition-failed', 'la condition de la requête (If-Match, If-Unmodified-Since) n’est pas remplie'],
      [`/v1/communes/${'a'.repeat(MAX_PATH_SEGMENT + 1)}`, {}, 414, 'uri-too-long', `adresse trop longue : un segment du chemin dépasse ${MAX_PATH_SEGMENT} caractères`],
    ];
    for (const [path, headers, status, error, message] of cases) {
      expect(await get(path, headers), path).toEqual({ status, language: 'fr', body: { error, message } });
      const en = await get(path, { ...headers, 'accept-language': 'en' });
      expect(en.status).toBe(status);
      expect(en.language).toBe('en');
      expect(en.body.message).not.toBe(message);
    }
  });
});

describe('the longest build name, served as a browser writes it', () => {
  // `<core id>+<extension id>`, each at its schema's longest: `%2B` makes the segment 131
  // characters, past fastify's default limit of 100 (a 414 from 101 characters on).
  const name = `${'c'.repeat(64)}+${'e'.repeat(64)}`;
  const builds = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-long-build-'));
  fs.mkdirSync(path.join(builds, name));
  fs.writeFileSync(path.join(builds, name, 'questionnaire.json'), '{}');
  afterAll(() => fs.rmSync(builds, { recursive: true, force: true }));
  const server = testCollectorOn(sqliteBackend(), { extraRoutes: async (app) => { await siteRoutes(app, { builds: [path.join(builds, name)] }); } });

  it('answers /questionnaires/<build>/ with the + written %2B', async () => {
    expect(name.length).toBe(MAX_COMPILED_ID_LENGTH);
    const res = await fetch(new URL(`/questionnaires/${encodeURIComponent(name)}/questionnaire.json`, server.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{}');
  });
});

describe('requests node cannot parse, over a raw socket', () => {
  const server = testCollectorOn(sqliteBackend());
  /** Writes `head` as it stands and reads the whole answer (the collector closes the socket). */
  const raw = (head: string) => new Promise<{ status: number; language: string | undefined; body: { error: string; message: string } }>((resolve, reject) => {
    const url = new URL(server.url);
    const socket = net.connect(Number(url.port), url.hostname, () => socket.end(head));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const reply = Buffer.concat(chunks).toString('utf8');
      const [top, json] = reply.split('\r\n\r\n');
      resolve({
        status: Number(top.split(' ')[1]),
        language: /\r\ncontent-language: *([^\r\n]*)/i.exec(top)?.[1],
        body: JSON.parse(json) as { error: string; message: string },
      });
    });
  });

  it('answers in the language the head asks for, even past the line it could not read', async () => {
    const badLine = await raw('GET /v1/waves HTTP/1.1\r\nHost: x\r\nAccept-Language: en-GB, fr;q=0.5\r\nNot a header\r\n\r\n');
    expect(badLine).toMatchObject({ status: 400, language: 'en', body: { error: 'bad-request' } });
    const french = await raw('GET /v1/waves HTTP/1.1\r\nHost: x\r\nNot a header\r\n\r\n');
    expect(french).toMatchObject({ status: 400, language: 'fr', body: { error: 'bad-request' } });
    expect(french.body.message).not.toBe(badLine.body.message);
    const tooLarge = await raw(`GET /v1/waves HTTP/1.1\r\nHost: x\r\nAccept-Language: en\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(tooLarge).toMatchObject({ status: 431, language: 'en', body: { error: 'headers-too-large' } });
    const badTarget = await raw('GET /\x01 HTTP/1.1\r\nAccept-Language: fr, en;q=0.9\r\n\r\n');
    expect(badTarget).toMatchObject({ status: 400, language: 'fr' });
  });
});
