/**
 * End to end through the real collector (`createCollector`): responses posted to
 * `POST /v1/responses` come back in the exports and statistics, within each token's scope.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config/load.js';
import { createCollector, type Collector } from '../server.js';
import { coreQuestionnaire, corePayload, writeBuild } from '@olva/test-support/collector-questionnaires';
import { parseCsv } from '@olva/test-support/export-fixtures';
import type { Answers } from '@olva/schema';

const NATIONAL = 'national-token-for-export-tests-0001';
const RENNES = 'rennes-token-for-export-tests-0001';

let dir: string;
let collector: Collector;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-export-server-'));
  const build = writeBuild(dir, coreQuestionnaire());
  const { config } = resolveConfig({
    questionnaires: [{ build }],
    database: { url: `sqlite:${path.join(dir, 'db.sqlite')}` },
    server: { port: 0 },
    tokens: [
      { name: 'national', token: NATIONAL, scope: { territories: 'all', rights: ['read', 'export', 'stats'] } },
      { name: 'rennes', token: RENNES, scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['export', 'stats'] } },
    ],
    stats: { sectorQuestion: 'secteur', expected: [{ territory: { level: 'commune', code: '35238' }, sectors: { sport: 3, culture: 1 } }] },
  }, { file: path.join(dir, 'olva.config.json'), baseDir: dir, env: {} });
  collector = await createCollector({ config, logStream: false });
  base = await collector.listen();
  const post = (body: unknown) => fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answers: Answers[] = [
    { secteur: 'sport', nb_benevoles: 12, employeur: false },
    { secteur: 'culture', nb_benevoles: 3, employeur: true, nb_salaries: 2 },
  ];
  for (const a of answers) expect((await post(corePayload({ answers: a, source: '=cmd|calc' }))).status).toBe(201);
  expect((await post(corePayload({ territory: { level: 'commune', code: '56121' }, answers: answers[0] }))).status).toBe(201);
});

afterAll(async () => {
  await collector?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, token?: string) => fetch(`${base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('exports through the collector', () => {
  it('exports what was posted, within the scope of the token', async () => {
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core')).status).toBe(401);
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core&territory=commune:56121', RENNES)).status).toBe(403);
    const res = await get('/v1/exports/responses.csv?questionnaire=olva-core', RENNES);
    expect(res.status).toBe(200);
    const rows = parseCsv(Buffer.from(await res.arrayBuffer()).subarray(3).toString('utf8'));
    const h = rows[0];
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((r) => r[h.indexOf('secteur')]).sort()).toEqual(['culture', 'sport']);
    expect(rows.slice(1).map((r) => r[h.indexOf('nb_salaries')]).sort()).toEqual(['', '2']);
    expect(rows.slice(1).every((r) => r[h.indexOf('source')] === "'=cmd|calc")).toBe(true);
    const all = parseCsv(Buffer.from(await (await get('/v1/exports/responses.csv?questionnaire=olva-core', NATIONAL)).arrayBuffer()).subarray(3).toString('utf8'));
    expect(all).toHaveLength(4);
  });

  it('serves the statistics with the configured expected distribution', async () => {
    const stats = await (await get('/v1/stats/sample?territory=commune:35238', RENNES)).json();
    expect(stats.sectorQuestion).toBe('secteur');
    expect(stats.total).toBe(2);
    const sport = stats.byTerritory[0].bySector.find((s: { code: string }) => s.code === 'sport');
    expect(sport).toMatchObject({ count: 1, share: 0.5, expected: { count: 3, share: 0.75 }, gap: -0.25 });
  });
});
