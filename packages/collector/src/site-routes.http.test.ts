/**
 * The builds `siteRoutes` serves under `/questionnaires/<build>/`, addressed as a browser or
 * `encodeURIComponent` writes them: a build named with `+` (`olva-core+rennes-2026`) answers
 * the same file whether the URL writes `+`, `%2B` or `%2b`, as `olva serve` (one mount per
 * build) and `olva demo` (one folder of builds) mount them; over real HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteRoutes, type SiteFiles } from './demo-site.js';

const NAME = 'olva-core+rennes-2026';
const BODY = '{"id":"olva-core+rennes-2026"}';
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-site-'));
  fs.mkdirSync(path.join(dir, 'questionnaires', NAME), { recursive: true });
  fs.writeFileSync(path.join(dir, 'questionnaires', NAME, 'questionnaire.json'), BODY);
  fs.writeFileSync(path.join(dir, 'questionnaires', NAME, 'questionnaire.json.map'), '{}');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not served');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const layouts: [string, () => SiteFiles][] = [
  ['olva serve: one mount per build', () => ({ builds: [path.join(dir, 'questionnaires', NAME)] })],
  ['olva demo: the folder of builds', () => ({ questionnairesDir: path.join(dir, 'questionnaires') })],
];

describe.each(layouts)('a build named with + (%s)', (_label, site) => {
  let app: FastifyInstance;
  let base: string;
  beforeAll(async () => {
    app = Fastify({ forceCloseConnections: true });
    await siteRoutes(app, site());
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => { await app?.close(); });

  const get = async (pathname: string) => {
    const response = await fetch(base + pathname);
    return { status: response.status, body: await response.text(), cors: response.headers.get('access-control-allow-origin') };
  };

  it('is served at +, %2B and %2b alike, with the same CORS', async () => {
    for (const spelling of [NAME, encodeURIComponent(NAME), 'olva-core%2brennes-2026']) {
      expect(await get(`/questionnaires/${spelling}/questionnaire.json`), spelling).toEqual({ status: 200, body: BODY, cors: '*' });
    }
  });

  it('still refuses source maps, unknown builds and paths out of the build with a 4xx', async () => {
    for (const pathname of [
      `/questionnaires/${encodeURIComponent(NAME)}/questionnaire.json.map`,
      '/questionnaires/olva-core%2Bnowhere/questionnaire.json',
      `/questionnaires/${encodeURIComponent(NAME)}/%2E%2E/%2E%2E/secret.txt`,
      `/questionnaires/${encodeURIComponent(NAME)}/..%2F..%2Fsecret.txt`,
      '/questionnaires/..%2Bx/..%2F..%2Fsecret.txt',
    ]) {
      const { status } = await get(pathname);
      expect(status, pathname).toBeGreaterThanOrEqual(400);
      expect(status, pathname).toBeLessThan(500);
    }
  });
});
