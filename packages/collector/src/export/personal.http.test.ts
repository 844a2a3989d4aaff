/**
 * Personal data in exports, over real HTTP on SQLite and PostgreSQL (docs/contracts.md, "Personal
 * data"): the core as `olva build` writes it (nom_association, numero_rna, commentaire and
 * email_contact marked personal) beside the same core as it was before the mark (2026.2.0,
 * no question marked), both accepting answers. A token with `export` gets exports without the
 * personal questions, for the answers of either version; a token that also holds
 * `export-personal` gets them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { build } from '@olva/compiler';
import type { CompiledQuestionnaire, QuestionnaireDefinition, ResponsePayload } from '@olva/schema';
import { answeredPayload } from '@olva/test-support/answered-payload';
import { bothBackends } from '@olva/test-support/store-backends';
import { parseCsv } from '@olva/test-support/export-fixtures';
import { resolveConfig } from '../config/load.js';
import { createCollector, type Collector } from '../server.js';
import { XLSX_SHEETS } from './xlsx.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ANALYST = 'analyst-token-export-only-1234';
const COORDINATOR = 'coordinator-token-with-personal';
const PERSONAL = ['commentaire', 'email_contact', 'nom_association', 'numero_rna'];
const SECRETS = { nom_association: 'Les Amis du Blosne', numero_rna: 'W351234567', commentaire: 'Merci à Anne Dupont', recevoir_resultats: true, email_contact: 'anne.dupont@example.org' };

let dir: string;
const compiled: Record<string, CompiledQuestionnaire> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-personal-'));
  const core = JSON.parse(fs.readFileSync(path.join(repo, 'packages/core-questionnaire/olva-core.json'), 'utf8')) as QuestionnaireDefinition;
  // The core as published before the mark: same questions, none personal.
  const before = structuredClone(core);
  before.version = '2026.2.0';
  for (const s of before.sections) for (const item of s.items) if ('personal' in item) delete item.personal;
  fs.writeFileSync(path.join(dir, 'core-before.json'), JSON.stringify(before));
  for (const [id, file] of [['now', path.join(repo, 'packages/core-questionnaire/olva-core.json')], ['before', path.join(dir, 'core-before.json')]] as const) {
    const result = await build({ core: file, extension: null, out: path.join(dir, id) });
    expect(result.compiled, JSON.stringify(result.problems.filter((p) => p.severity === 'error'))).not.toBeNull();
    compiled[id] = result.compiled!;
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function payload(build: string): ResponsePayload {
  const p = answeredPayload(compiled[build]!, { level: 'commune', code: '35238' }, '2026');
  p.answers = { ...p.answers, ...SECRETS };
  return p;
}

for (const backend of bothBackends()) {
  describe(`personal answers in exports on ${backend.name}`, () => {
    let collector: Collector;
    let base: string;
    const sent: ResponsePayload[] = [];
    beforeAll(async () => {
      await backend.setup();
      const { config } = resolveConfig({
        questionnaires: [{ build: 'now' }, { build: 'before' }],
        database: { url: await backend.newDatabaseUrl() },
        server: { port: 0 },
        tokens: [
          { name: 'analyst', token: ANALYST, scope: { territories: 'all', rights: ['export', 'read'] } },
          { name: 'coordinator', token: COORDINATOR, scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['export', 'export-personal', 'read'] } },
        ],
      }, { file: path.join(dir, 'olva.config.json'), baseDir: dir, env: {} });
      collector = await createCollector({ config, logStream: false });
      base = await collector.listen();
      for (const b of ['now', 'before']) {
        const p = payload(b);
        const r = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
        expect(r.status, await r.clone().text()).toBe(201);
        sent.push(p);
      }
    });
    afterAll(async () => {
      await collector?.close();
      await backend.teardown();
    });

    const get = (url: string, token: string) => fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
    async function table(url: string, token: string): Promise<{ header: string[]; rows: Record<string, string>[]; text: string; res: Response }> {
      const res = await get(url, token);
      expect(res.status).toBe(200);
      const text = await res.text();
      const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
      return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))), text, res };
    }
    const personalColumns = (header: string[]) => header.filter((h) => PERSONAL.includes(h.replace(/(__.*|_other)$/, ''))).sort();

    it('CSV: no personal column for an "export" token, for the answers of both versions; all of them with "export-personal"', async () => {
      const plain = await table('/v1/exports/responses.csv?questionnaire=olva-core', ANALYST);
      expect(plain.rows.map((r) => r.questionnaire_version).sort()).toEqual(['2026.2.0', compiled.now!.questionnaire.version]);
      expect(personalColumns(plain.header)).toEqual([]);
      expect(plain.header).toContain('recevoir_resultats');
      for (const secret of Object.values(SECRETS)) if (typeof secret === 'string') expect(plain.text).not.toContain(secret);
      expect(plain.res.headers.get('olva-personal-data')).toBe(`left-out; questions=${PERSONAL.join(',')}`);

      const full = await table('/v1/exports/responses.csv?questionnaire=olva-core&harmonise=true', COORDINATOR);
      expect(personalColumns(full.header)).toEqual(PERSONAL);
      expect(full.rows.map((r) => r.numero_rna)).toEqual(['W351234567', 'W351234567']);
      expect(full.rows.map((r) => r.email_contact)).toEqual([SECRETS.email_contact, SECRETS.email_contact]);
      expect(full.res.headers.get('olva-personal-data')).toBe('included');
    });

    it('harmonised CSV and XLSX leave them out too', async () => {
      const harmonised = await table('/v1/exports/responses.csv?questionnaire=olva-core&harmonise=true&missing=codes', ANALYST);
      expect(personalColumns(harmonised.header)).toEqual([]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await (await get('/v1/exports/responses.xlsx?questionnaire=olva-core', ANALYST)).arrayBuffer());
      const header = (wb.getWorksheet(XLSX_SHEETS.codes)!.getRow(1).values as unknown[]).slice(1).map(String);
      expect(header).toContain('recevoir_resultats');
      expect(personalColumns(header)).toEqual([]);
    });

    it('NDJSON: the payloads lack the personal answers for an "export" token, and keep them with "export-personal"', async () => {
      const lines = async (token: string) => (await (await get('/v1/exports/responses.ndjson?questionnaire=olva-core', token)).text()).trim().split('\n').map((l) => JSON.parse(l) as ResponsePayload);
      const plain = await lines(ANALYST);
      expect(plain.map((p) => p.submissionId).sort()).toEqual(sent.map((p) => p.submissionId).sort());
      for (const p of plain) {
        expect(Object.keys(p.answers).filter((k) => PERSONAL.includes(k))).toEqual([]);
        expect(p.answers.recevoir_resultats).toBe(true);
      }
      for (const p of await lines(COORDINATOR)) expect(p.answers).toMatchObject(SECRETS);
      // The definitions stay whole: they hold no answer.
      const versions = await (await get('/v1/exports/questionnaires.json?questionnaire=olva-core', ANALYST)).json() as CompiledQuestionnaire[];
      expect(versions.flatMap((c) => c.sections.flatMap((s) => s.questions)).some((q) => q.id === 'numero_rna')).toBe(true);
    });

    it('codebook: no personal variable, and a note that says they were left out', async () => {
      const book = await table('/v1/exports/codebook.csv?questionnaire=olva-core', ANALYST);
      expect(personalColumns(book.rows.map((r) => r.variable!))).toEqual([]);
      const md = await (await get('/v1/exports/codebook.md?questionnaire=olva-core', ANALYST)).text();
      expect(md).toContain('Données personnelles : les réponses aux questions `commentaire`, `email_contact`, `nom_association`, `numero_rna` ne figurent pas');
      expect(md).toContain('*Personal data:');
      const full = await (await get('/v1/exports/codebook.md?questionnaire=olva-core', COORDINATOR)).text();
      expect(full).not.toContain('Données personnelles :');
      expect(full).toContain('`numero_rna`');
    });

    it('GET /v1/responses and /v1/responses/{id}: a "read" token sees each response without its personal answers; "export-personal" sees them', async () => {
      const list = async (token: string) => {
        const res = await get('/v1/responses?questionnaire=olva-core', token);
        expect(res.status).toBe(200);
        return { res, items: (await res.json()).items as { payload: ResponsePayload }[] };
      };
      const plain = await list(ANALYST);
      expect(plain.items).toHaveLength(2);
      expect(plain.res.headers.get('olva-personal-data')).toBe('left-out');
      for (const { payload } of plain.items) {
        expect(Object.keys(payload.answers).filter((k) => PERSONAL.includes(k))).toEqual([]);
        expect(payload.answers.recevoir_resultats).toBe(true);
      }
      for (const { payload } of (await list(COORDINATOR)).items) expect(payload.answers).toMatchObject(SECRETS);
      const one = await get(`/v1/responses/${sent[1]!.submissionId}`, ANALYST);
      expect(one.headers.get('olva-personal-data')).toBe('left-out');
      expect(JSON.stringify(await one.json())).not.toContain(SECRETS.numero_rna);
      expect((await (await get(`/v1/responses/${sent[1]!.submissionId}`, COORDINATOR)).json()).payload.answers).toMatchObject(SECRETS);
    });

    it('refuses "export-personal" in a configuration that misspells it, naming the pointer', () => {
      expect(() => resolveConfig({
        questionnaires: [{ build: 'now' }], server: { port: 0 },
        tokens: [{ name: 'x', token: ANALYST, scope: { territories: 'all', rights: ['export', 'export-personnel'] } }],
      }, { file: path.join(dir, 'olva.config.json'), baseDir: dir, env: {} })).toThrow(/tokens\/0\/scope\/rights\/1/);
    });
  });
}
