import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import { payloadDigest } from '../store/canonical.js';
import type { ResponseStore } from '../store/types.js';
import { createAuthorizer } from '../tokens.js';
import { sha256Hex } from '../config/load.js';
import { BuildRegistry } from '../questionnaires.js';
import { statsRoutes } from '../stats/routes.js';
import { exportRoutes } from './routes.js';
import { XLSX_SHEETS } from './xlsx.js';
import { fixtureAnswers, fixtureCore, fixtureRennes, fixtureResponse, parseCsv } from '@olva/test-support/export-fixtures';

const NATIONAL = 'national-token-0123456789abcdef';
const RENNES = 'rennes-token-0123456789abcdef';
const NO_EXPORT = 'stats-only-token-0123456789abcdef';
const rennes = { level: 'commune' as const, code: '35238' };
const lorient = { level: 'epci' as const, code: '200042174' };

let dir: string;
let store: ResponseStore;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-export-routes-'));
  store = await openStore(`sqlite:${path.join(dir, 'db.sqlite')}`);
  await store.saveQuestionnaire(fixtureCore());
  await store.saveQuestionnaire(fixtureRennes());
  for (let i = 0; i < 20; i++) {
    const r = i < 14
      ? fixtureResponse(i, { ...fixtureAnswers(i), 'rennes.locaux_quartier': 'oui' }, { extension: { id: 'rennes-2026', version: '1.0.0' } })
      : fixtureResponse(i, { ...fixtureAnswers(i), commentaire: '=HYPERLINK("http://evil")' }, { territory: lorient, channel: 'paper' });
    await store.insert(r.payload, payloadDigest(r.payload));
  }
  const authorizer = createAuthorizer([
    { name: 'national', sha256: sha256Hex(NATIONAL), scope: { territories: 'all', rights: ['export', 'stats'] }, plain: false },
    { name: 'rennes', sha256: sha256Hex(RENNES), scope: { territories: [rennes], rights: ['export', 'stats'] }, plain: false },
    { name: 'stats-only', sha256: sha256Hex(NO_EXPORT), scope: { territories: 'all', rights: ['stats'] }, plain: false },
  ]);
  const registry = new BuildRegistry([], store);
  app = Fastify();
  await app.register(exportRoutes, { store, registry, authorizer });
  await app.register(statsRoutes, {
    store, registry, authorizer,
    stats: { expected: [{ territory: rennes, source: 'RNA', sectors: { sport: 50, culture: 30, social: 20 } }] },
  });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The CSV rows of a reply, checking its BOM (fetch's text() would drop it silently). */
async function csvOf(res: Response): Promise<string[][]> {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

const get = (url: string, token?: string) => fetch(`${base}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('export routes', () => {
  it('refuses without a token (401) and outside the scope (403)', async () => {
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core')).status).toBe(401);
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core', 'wrong-token-0123456789')).status).toBe(401);
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core&territory=epci:200042174', RENNES)).status).toBe(403);
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core&territory=commune:35238&territory=epci:200042174', RENNES)).status).toBe(403);
    expect((await get('/v1/exports/responses.xlsx?questionnaire=olva-core&territory=epci:200042174', RENNES)).status).toBe(403);
    expect((await get('/v1/exports/codebook.csv?questionnaire=olva-core', NO_EXPORT)).status).toBe(403);
    expect((await get('/v1/stats/sample?territory=epci:200042174', RENNES)).status).toBe(403);
    expect((await get('/v1/stats/sample')).status).toBe(401);
  });

  it('answers 400 for a malformed query and 404 for an unknown questionnaire', async () => {
    expect((await get('/v1/exports/responses.csv', NATIONAL)).status).toBe(400);
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core&territory=ville:1', NATIONAL)).status).toBe(400);
    expect((await get('/v1/exports/responses.csv?questionnaire=inconnu', NATIONAL)).status).toBe(404);
    expect((await get('/v1/exports/responses.csv?questionnaire=olva-core&missing=-9', NATIONAL)).status).toBe(400);
  });

  it('writes missing values as codes with missing=codes, in CSV and XLSX', async () => {
    const rows = await csvOf(await get('/v1/exports/responses.csv?questionnaire=olva-core&missing=codes', NATIONAL));
    const h = rows[0];
    const at = (r: string[], name: string) => r[h.indexOf(name)];
    const lorientRows = rows.slice(1).filter((r) => at(r, 'territory_code') === '200042174');
    // The core-only responses were not asked the Rennes question: not in their version.
    expect(new Set(lorientRows.map((r) => at(r, 'rennes.locaux_quartier')))).toEqual(new Set(['-9']));
    expect(new Set(rows.slice(1).map((r) => at(r, 'commune_siege')))).toEqual(new Set(['-8']));
    const empty = await csvOf(await get('/v1/exports/responses.csv?questionnaire=olva-core', NATIONAL));
    expect(new Set(empty.slice(1).map((r) => r[h.indexOf('commune_siege')]))).toEqual(new Set(['']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await get('/v1/exports/responses.xlsx?questionnaire=olva-core&missing=codes', NATIONAL)).arrayBuffer());
    const sheet = wb.getWorksheet(XLSX_SHEETS.codes)!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(2).getCell(header.indexOf('commune_siege') + 1).value).toBe(-8);
  });

  it('streams the CSV of the territories asked for, as an attachment', async () => {
    const res = await get('/v1/exports/responses.csv?questionnaire=olva-core&wave=2026&territory=commune:35238', RENNES);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="olva-core_2026_commune-35238.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    const h = rows[0];
    expect(rows).toHaveLength(15);
    expect(h).toContain('rennes.locaux_quartier');
    for (const row of rows.slice(1)) {
      expect(row[h.indexOf('territory_code')]).toBe('35238');
      expect(row[h.indexOf('rennes.locaux_quartier')]).toBe('oui');
      expect(row[h.indexOf('commentaire')]).toMatch(/^Réponse n° \d+, « élan » associatif$/);
    }
    // The same token without a territory reads its own territory only.
    const own = await csvOf(await get('/v1/exports/responses.csv?questionnaire=olva-core', RENNES));
    expect(own).toHaveLength(15);
  });

  it('gives the national token every territory, formulas escaped', async () => {
    const res = await get('/v1/exports/responses.csv?questionnaire=olva-core', NATIONAL);
    const rows = await csvOf(res);
    expect(rows).toHaveLength(21);
    const h = rows[0];
    const lorientRows = rows.slice(1).filter((r) => r[h.indexOf('territory_code')] === '200042174');
    expect(lorientRows).toHaveLength(6);
    for (const r of lorientRows) expect(r[h.indexOf('commentaire')]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('serves the codebook matching the CSV columns, in CSV and Markdown', async () => {
    const url = '/v1/exports/%s?questionnaire=olva-core&territory=commune:35238';
    const header = (await csvOf(await get(url.replace('%s', 'responses.csv'), RENNES)))[0];
    const res = await get(url.replace('%s', 'codebook.csv'), RENNES);
    expect(res.headers.get('content-disposition')).toContain('_codebook.csv"');
    const codebook = await csvOf(res);
    expect(codebook[0][0]).toBe('variable');
    expect(codebook.slice(1).map((r) => r[0])).toEqual(header);
    const md = await (await get(url.replace('%s', 'codebook.md'), RENNES)).text();
    for (const name of header) expect(md).toContain(`| \`${name}\` |`);
  });

  it('streams an XLSX with codes, labels and codebook sheets', async () => {
    const res = await get('/v1/exports/responses.xlsx?questionnaire=olva-core&territory=commune:35238', NATIONAL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="olva-core_commune-35238.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((s) => s.name)).toEqual([XLSX_SHEETS.codes, XLSX_SHEETS.labels, XLSX_SHEETS.codebook]);
    expect(wb.getWorksheet(XLSX_SHEETS.codes)!.rowCount).toBe(15);
    const labels = wb.getWorksheet(XLSX_SHEETS.labels)!;
    const header = (labels.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('secteur_principal') + 1;
    const seen = new Set<unknown>();
    for (let r = 2; r <= labels.rowCount; r++) seen.add(labels.getRow(r).getCell(col).value);
    expect([...seen].sort()).toEqual(['Action sociale, santé', 'Culture', 'Sport']);
  });

  it('serves sample statistics as JSON within the scope', async () => {
    const res = await get('/v1/stats/sample?questionnaire=olva-core', RENNES);
    expect(res.status).toBe(200);
    const stats = await res.json();
    expect(stats.total).toBe(14);
    expect(stats.byTerritory).toHaveLength(1);
    const t = stats.byTerritory[0];
    expect(t.territory).toEqual(rennes);
    expect(t.expectedSource).toBe('RNA');
    const sport = t.bySector.find((s: { code: string }) => s.code === 'sport');
    expect(sport.count).toBe(5);
    expect(sport.expected).toEqual({ count: 50, share: 0.5 });
    expect(sport.gap).toBeCloseTo(5 / 14 - 0.5, 4);
    const national = await (await get('/v1/stats/sample', NATIONAL)).json();
    expect(national.total).toBe(20);
    expect(national.byTerritory.map((x: { territory: { code: string } }) => x.territory.code).sort()).toEqual(['200042174', '35238']);
  });

  it('streams the stored payloads as NDJSON, one per line, within the scope, with the versions they answered', async () => {
    expect((await get('/v1/exports/responses.ndjson?questionnaire=olva-core')).status).toBe(401);
    expect((await get('/v1/exports/responses.ndjson?questionnaire=olva-core&territory=epci:200042174', RENNES)).status).toBe(403);
    expect((await get('/v1/exports/responses.ndjson?questionnaire=olva-core', NO_EXPORT)).status).toBe(403);
    expect((await get('/v1/exports/questionnaires.json?questionnaire=olva-core&territory=epci:200042174', RENNES)).status).toBe(403);
    expect((await get('/v1/exports/responses.ndjson?questionnaire=inconnu', NATIONAL)).status).toBe(404);
    const res = await get('/v1/exports/responses.ndjson?questionnaire=olva-core&wave=2026&territory=commune:35238', RENNES);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="olva-core_2026_commune-35238.ndjson"');
    const text = await res.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(14);
    const stored = (await store.list({ territories: [rennes] }, { limit: 100 })).items;
    expect(lines).toEqual(stored.map((r) => r.payload));
    const everything = (await (await get('/v1/exports/responses.ndjson?questionnaire=olva-core', NATIONAL)).text()).trimEnd().split('\n');
    expect(everything).toHaveLength(20);
    const versions = await (await get('/v1/exports/questionnaires.json?questionnaire=olva-core&territory=commune:35238', RENNES)).json();
    expect(versions.map((c: { questionnaire: { version: string }; extension: { id: string } | null }) => `${c.questionnaire.version}+${c.extension?.id ?? ''}`).sort())
      .toEqual(['2026.1.0+', '2026.1.0+rennes-2026']);
    // Every payload names one of the versions given with it.
    for (const p of lines) expect(versions.some((c: { extension: { id: string } | null }) => (c.extension?.id ?? null) === (p.extension?.id ?? null))).toBe(true);
  });
});
