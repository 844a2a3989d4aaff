/**
 * `olva import` against real stores (SQLite, and PostgreSQL as the collector's tests run it):
 * an olva export imported into a fresh collector exports the same answers again (CSV, CSV
 * with missing-value codes, labels, XLSX, NDJSON); importing again adds nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCollector, loadConfig, type Collector } from '@olva/collector';
import type { ResponsePayload } from '@olva/schema';
import { fixtureAnswers, fixtureCore, fixtureRennes, fixtureResponse, parseCsv } from '@olva/test-support/export-fixtures';
import { writeBuild } from '@olva/test-support/collector-questionnaires';
import { bothBackends } from '@olva/test-support/store-backends';
import { memoryIo } from '@olva/test-support/command-io';
import * as exportCommand from './export.js';
import * as importCommand from './import.js';

/** The responses of the first collector: every column shape, texts that look like formulas, an extension. */
function originals(): ResponsePayload[] {
  const out: ResponsePayload[] = [];
  for (let i = 0; i < 24; i++) {
    const answers = fixtureAnswers(i);
    if (i % 5 === 1) answers.commentaire = i % 2 ? '=SUM(A1:A9)' : '@cmd; -1, +2\n=x';
    // XLSX's own escape (`_x0041_` is written `_x005F_x0041_`) and a line break inside a cell.
    if (i === 22) answers.commentaire = 'Code _x0041_,\r\nsuite « ; »';
    if (i % 6 === 2) {
      answers.secteur_principal = 'other';
      answers.secteur_principal_other = 'Éducation populaire, « jeunesse »';
    }
    if (i % 7 === 3) answers.publics = [];
    const over: Partial<ResponsePayload> = i % 3 === 0 ? { channel: 'paper', source: undefined } : {};
    if (i % 8 === 5) Object.assign(over, { territory: { level: 'epci', code: '200042174' }, wave: '2025' });
    const payload = fixtureResponse(i, answers, over).payload;
    if (i % 9 === 4 && i % 8 !== 5) {
      payload.extension = { id: 'rennes-2026', version: '1.0.0' };
      payload.answers['rennes.locaux_quartier'] = 'oui';
    }
    if (!payload.source) delete payload.source;
    out.push(payload);
  }
  return out;
}

for (const backend of bothBackends()) {
  describe(`olva import on ${backend.name}`, () => {
    let dir = '';
    const configs: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string> = { a: '', b: '', c: '', d: '', e: '', f: '' };

    beforeAll(async () => {
      await backend.setup();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-import-'));
      writeBuild(dir, fixtureCore());
      writeBuild(dir, fixtureRennes());
      for (const name of Object.keys(configs) as (keyof typeof configs)[]) {
        configs[name] = path.join(dir, `${name}.config.json`);
        fs.writeFileSync(configs[name], JSON.stringify({
          database: { url: await backend.newDatabaseUrl() },
          questionnaires: [{ build: 'olva-core' }, { build: 'olva-core+rennes-2026' }],
        }));
      }
      const a = await open('a');
      try {
        for (const p of originals()) {
          const admission = await a.admit(p);
          expect(admission.status, JSON.stringify(admission)).toBe('created');
        }
      } finally {
        await a.close();
      }
    }, 60_000);

    afterAll(async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      await backend.teardown();
    });

    async function open(name: keyof typeof configs): Promise<Collector> {
      return createCollector({ config: loadConfig(configs[name]).config, logStream: false });
    }

    /** `olva export` of a collector, as rows without `received_at` (the import time). */
    async function exported(name: keyof typeof configs, ...argv: string[]): Promise<string[][]> {
      const m = memoryIo();
      expect(await exportCommand.run(['--config', configs[name], '--questionnaire', 'olva-core', '--personal', ...argv], m.io), m.err()).toBe(0);
      const rows = parseCsv(m.out().replace(/^\uFEFF/, ''));
      const at = rows[0]!.indexOf('received_at');
      return rows.map((r) => r.filter((_, i) => i !== at)).sort((x, y) => x[0]!.localeCompare(y[0]!));
    }

    async function runImport(...argv: string[]) {
      const m = memoryIo();
      const code = await importCommand.run(argv, m.io);
      return { code, out: m.out(), err: m.err() };
    }

    it('exports the same answers after an export → import round trip, and a second import adds nothing', async () => {
      const file = path.join(dir, 'a.csv');
      const m = memoryIo();
      expect(await exportCommand.run(['--config', configs.a, '--questionnaire', 'olva-core', '--personal', '--out', file], m.io), m.err()).toBe(0);
      const first = await runImport(file, '--config', configs.b, '--lang', 'fr');
      expect(first.err).toBe('');
      expect(first.out).toContain('24 lues, 24 importées, 0 déjà présente, 0 refusée');
      expect(first.code).toBe(0);
      const before = await exported('a');
      expect(before).toHaveLength(25);
      expect(await exported('b')).toEqual(before);
      // The answers themselves, formula-looking texts included (the export escaped them with a ').
      const b = await open('b');
      try {
        for (const p of originals()) expect((await b.store.get(p.submissionId))?.payload.answers, p.submissionId).toEqual(p.answers);
      } finally {
        await b.close();
      }
      expect(await exported('b', '--missing', 'codes')).toEqual(await exported('a', '--missing', 'codes'));
      const again = await runImport(file, '--config', configs.b, '--lang', 'en');
      expect(again.out).toContain('24 read, 0 imported, 24 already present, 0 refused');
      expect(again.code).toBe(0);
    });

    it('finds every response of an export made without --personal already present in the collector it came from', async () => {
      // The ordinary export leaves out the personal answers (here the comment, marked personal):
      // its rows are the same responses, not others under their ids (they were refused as « conflict »).
      const own = path.join(dir, 'personal');
      const marked = fixtureCore();
      for (const section of marked.sections) for (const q of section.questions) if (q.id === 'commentaire') q.personal = true;
      writeBuild(own, marked);
      const config = path.join(own, 'olva.config.json');
      fs.writeFileSync(config, JSON.stringify({ database: { url: await backend.newDatabaseUrl() }, questionnaires: [{ build: 'olva-core' }] }));
      const collector = await createCollector({ config: loadConfig(config).config, logStream: false });
      try {
        for (let i = 0; i < 4; i++) expect((await collector.admit(fixtureResponse(i, { ...fixtureAnswers(i), commentaire: `à garder ${i}` }).payload)).status).toBe('created');
      } finally {
        await collector.close();
      }
      const file = path.join(own, 'sans-personnel.csv');
      const m = memoryIo();
      expect(await exportCommand.run(['--config', config, '--questionnaire', 'olva-core', '--out', file], m.io), m.err()).toBe(0);
      expect(fs.readFileSync(file, 'utf8')).not.toContain('à garder');
      const again = await runImport(file, '--config', config, '--lang', 'fr');
      expect(again.err).toBe('');
      expect(again.out).toContain('4 lues, 0 importée, 4 déjà présentes, 0 refusée');
      expect(again.code).toBe(0);
    });

    it('reads an export with missing-value codes, separated by semicolons', async () => {
      const file = path.join(dir, 'a-codes.csv');
      const m = memoryIo();
      expect(await exportCommand.run(['--config', configs.a, '--questionnaire', 'olva-core', '--personal', '--missing', 'codes', '--separator', ';', '--out', file], m.io)).toBe(0);
      const r = await runImport(file, '--config', configs.c, '--json');
      expect(r.code, r.out).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ format: 'csv', encoding: 'utf-8', bom: true, separator: ';', read: 24, imported: 24, refused: 0, problems: [] });
      expect(await exported('c', '--missing', 'codes')).toEqual(await exported('a', '--missing', 'codes'));
    });

    it('reads the XLSX export (its first sheet, codes) and the CSV of labels', async () => {
      const xlsx = path.join(dir, 'a.xlsx');
      const labels = path.join(dir, 'a-labels.csv');
      for (const [out, format] of [[xlsx, ['--format', 'xlsx']], [labels, ['--labels', '--locale', 'en']]] as const) {
        const m = memoryIo();
        expect(await exportCommand.run(['--config', configs.a, '--questionnaire', 'olva-core', '--personal', ...format, '--out', out], m.io), m.err()).toBe(0);
      }
      const fromXlsx = await runImport(xlsx, '--config', configs.e, '--json');
      expect(JSON.parse(fromXlsx.out)).toMatchObject({ format: 'xlsx', sheet: 'réponses', read: 24, imported: 24, refused: 0 });
      expect(await exported('e')).toEqual(await exported('a'));
      const fromLabels = await runImport(labels, '--config', configs.f, '--json');
      expect(JSON.parse(fromLabels.out)).toMatchObject({ format: 'csv', read: 24, imported: 24, refused: 0 });
      expect(await exported('f')).toEqual(await exported('a'));
    });

    it('reads the NDJSON export, payloads as they were', async () => {
      const file = path.join(dir, 'a.ndjson');
      const m = memoryIo();
      expect(await exportCommand.run(['--config', configs.a, '--questionnaire', 'olva-core', '--personal', '--format', 'ndjson', '--out', file], m.io)).toBe(0);
      const r = await runImport(file, '--config', configs.d, '--json');
      expect(JSON.parse(r.out)).toMatchObject({ format: 'ndjson', read: 24, imported: 24, refused: 0 });
      expect(await exported('d')).toEqual(await exported('a'));
      const d = await open('d');
      try {
        const stored = await d.store.get(originals()[3]!.submissionId);
        expect(stored?.payload).toEqual(originals()[3]);
      } finally {
        await d.close();
      }
    });
  });
}
