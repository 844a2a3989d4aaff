import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openStore, payloadDigest } from '@olva/collector';
import { fixtureAnswers, fixtureCore, fixtureResponse, parseCsv } from '@olva/test-support/export-fixtures';
import * as exportCommand from './export.js';
import * as statsCommand from './stats.js';
import { memoryIo } from '@olva/test-support/command-io';
import { writeBuild } from '@olva/test-support/collector-questionnaires';

let dir: string;
let database: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cli-export-'));
  database = `sqlite:${path.join(dir, 'db.sqlite')}`;
  const store = await openStore(database);
  await store.saveQuestionnaire(fixtureCore());
  for (let i = 0; i < 12; i++) {
    const r = i < 9 ? fixtureResponse(i, fixtureAnswers(i)) : fixtureResponse(i, { ...fixtureAnswers(i), commentaire: '@SUM(A1)' }, { territory: { level: 'epci', code: '200042174' }, wave: '2025' });
    await store.insert(r.payload, payloadDigest(r.payload));
  }
  await store.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('olva export', () => {
  it('writes the CSV of a territory and wave to a file', async () => {
    const out = path.join(dir, 'rennes.csv');
    const m = memoryIo();
    const code = await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--wave', '2026', '--territory', 'commune:35238', '--out', out], m.io);
    expect(m.err()).toContain(out);
    expect(code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(10);
    const h = rows[0];
    expect(rows.slice(1).map((r) => r[h.indexOf('commentaire')])).toEqual(Array.from({ length: 9 }, (_, i) => fixtureAnswers(i).commentaire));
  });

  it('prints every territory to stdout, formulas escaped, and the matching codebook', async () => {
    const m = memoryIo();
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--separator', ';'], m.io)).toBe(0);
    const rows = parseCsv(m.out().slice(1), ';');
    expect(rows).toHaveLength(13);
    const h = rows[0];
    expect(rows.filter((r) => r[h.indexOf('commentaire')] === "'@SUM(A1)")).toHaveLength(3);
    const cb = memoryIo();
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'codebook'], cb.io)).toBe(0);
    expect(parseCsv(cb.out().slice(1)).slice(1).map((r) => r[0])).toEqual(h);
  });

  it('writes missing values as -7/-8/-9 with --missing codes', async () => {
    const m = memoryIo();
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--missing', 'codes'], m.io)).toBe(0);
    const [h, ...rows] = parseCsv(m.out().slice(1));
    // No response names its siège commune; an "other" text is asked only with "other".
    expect(new Set(rows.map((r) => r[h.indexOf('commune_siege')]))).toEqual(new Set(['-8']));
    expect(new Set(rows.map((r) => r[h.indexOf('secteur_principal_other')]))).toEqual(new Set(['-7']));
  });

  it('writes an XLSX with its labels sheet', async () => {
    const out = path.join(dir, 'all.xlsx');
    const m = memoryIo();
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'xlsx', '--out', out], m.io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['réponses', 'libellés', 'codebook']);
    expect(wb.getWorksheet('libellés')!.rowCount).toBe(13);
  });

  it('writes the stored payloads as NDJSON and the versions they answered as JSON', async () => {
    const out = path.join(dir, 'rennes.ndjson');
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--territory', 'commune:35238', '--format', 'ndjson', '--out', out], memoryIo().io)).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((p) => p.answers.commentaire)).toEqual(Array.from({ length: 9 }, (_, i) => fixtureAnswers(i).commentaire));
    expect(new Set(lines.map((p) => p.territory.code))).toEqual(new Set(['35238']));
    const m = memoryIo();
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'questionnaires'], m.io)).toBe(0);
    expect(JSON.parse(m.out())).toEqual([fixtureCore()]);
  });

  it('refuses bad usage with exit code 2 and a message', async () => {
    for (const argv of [
      ['--questionnaire', 'olva-core'],
      ['--database', database],
      ['--database', database, '--questionnaire', 'olva-core', '--format', 'pdf'],
      ['--database', database, '--questionnaire', 'olva-core', '--format', 'xlsx'],
      ['--database', database, '--questionnaire', 'olva-core', '--territory', 'ville:1'],
      ['--database', database, '--questionnaire', 'olva-core', '--bogus'],
      ['--database', database, '--questionnaire', 'olva-core', '--missing', 'zero'],
    ]) {
      const m = memoryIo();
      expect(await exportCommand.run(argv, m.io)).toBe(2);
      expect(m.err()).toMatch(/^olva export/);
    }
    const m = memoryIo();
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'inconnu', '--lang', 'en'], m.io)).toBe(1);
    expect(m.err()).toContain('no version of questionnaire "inconnu"');
  });

  it('refuses an invalid configuration with every problem (file, pointer, rule) in the command\'s language, and exits 1', async () => {
    const file = path.join(dir, 'invalid.config.json');
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: 'missing-build' }], server: { port: 'eighty' } }));
    const english = memoryIo({ LANG: 'fr_FR.UTF-8' });
    expect(await exportCommand.run(['--config', file, '--questionnaire', 'olva-core', '--lang', 'en'], english.io)).toBe(1);
    expect(english.err()).toContain(`olva export: invalid configuration:\n  ${file}#/server/port: must be an integer [schema/type]\n`);
    const french = memoryIo();
    expect(await statsCommand.run(['--config', file, '--lang', 'fr'], french.io)).toBe(1);
    expect(french.err()).toContain(`olva stats : configuration invalide :\n  ${file}#/server/port : doit être un nombre entier [schema/type]\n`);
  });
});

describe('a reading command given a database that does not exist', () => {
  it('says so and creates nothing, where it exported an empty file and exited 0', async () => {
    const missing = path.join(dir, 'nulle-part', 'absente.sqlite');
    fs.mkdirSync(path.dirname(missing), { recursive: true });
    const m = memoryIo();
    expect(await exportCommand.run(['--database', `sqlite:${missing}`, '--questionnaire', 'olva-core', '--lang', 'fr'], m.io)).toBe(1);
    expect(m.err()).toContain(`aucune base à sqlite:${missing} : vérifiez le chemin`);
    expect(m.out()).toBe('');
    // The same through a configuration (the README's demo commands before the demo has run).
    const config = path.join(dir, 'absente.config.json');
    const build = writeBuild(path.join(dir, 'builds'), fixtureCore());
    fs.writeFileSync(config, JSON.stringify({ database: { url: `sqlite:${missing}` }, questionnaires: [{ build }] }));
    const s = memoryIo();
    expect(await statsCommand.run(['--config', config, '--lang', 'en'], s.io)).toBe(1);
    expect(s.err()).toContain(`no database at sqlite:${missing}: check the path`);
    expect(fs.existsSync(missing)).toBe(false);
  });
});

describe('olva stats', () => {
  it('prints the sample monitoring JSON with expected distributions', async () => {
    const expected = path.join(dir, 'expected.json');
    fs.writeFileSync(expected, JSON.stringify([{ territory: { level: 'commune', code: '35238' }, sectors: { sport: 60, culture: 20, social: 20 } }]));
    const m = memoryIo();
    expect(await statsCommand.run(['--database', database, '--questionnaire', 'olva-core', '--expected', expected], m.io)).toBe(0);
    const stats = JSON.parse(m.out());
    expect(stats.total).toBe(12);
    const rennes = stats.byTerritory.find((t: { territory: { code: string } }) => t.territory.code === '35238');
    expect(rennes.total).toBe(9);
    const sport = rennes.bySector.find((s: { code: string }) => s.code === 'sport');
    expect(sport).toMatchObject({ count: 3, expected: { count: 60, share: 0.6 } });
    expect(sport.gap).toBeCloseTo(3 / 9 - 0.6, 4);
    const lorient = stats.byTerritory.find((t: { territory: { code: string } }) => t.territory.code === '200042174');
    expect(lorient).toMatchObject({ wave: '2025', total: 3 });
  });

  it('narrows to a territory and refuses a missing database', async () => {
    const m = memoryIo();
    expect(await statsCommand.run(['--database', database, '--territory', 'epci:200042174'], m.io)).toBe(0);
    expect(JSON.parse(m.out()).total).toBe(3);
    const bad = memoryIo();
    expect(await statsCommand.run([], bad.io)).toBe(2);
  });
});

describe('olva export and personal data', () => {
  let personalDb: string;
  beforeAll(async () => {
    personalDb = `sqlite:${path.join(dir, 'personal.sqlite')}`;
    const store = await openStore(personalDb);
    // 2026.1.0 kept without the mark, 2026.1.1 marks the free comment personal: answers of both
    // versions are protected.
    await store.saveQuestionnaire(fixtureCore());
    const marked = fixtureCore('2026.1.1');
    for (const s of marked.sections) for (const q of s.questions) if (q.id === 'commentaire') q.personal = true;
    await store.saveQuestionnaire(marked);
    for (let i = 0; i < 4; i++) {
      const r = fixtureResponse(i, { ...fixtureAnswers(i), commentaire: `secret ${i}` }, i % 2 ? { questionnaire: { id: 'olva-core', version: '2026.1.1' } } : {});
      await store.insert(r.payload, payloadDigest(r.payload));
    }
    await store.close();
  });

  it('leaves the personal answers out by default and says so (French, then English with --lang en)', async () => {
    const m = memoryIo();
    expect(await exportCommand.run(['--database', personalDb, '--questionnaire', 'olva-core'], m.io)).toBe(0);
    const [h] = parseCsv(m.out().slice(1));
    expect(h).not.toContain('commentaire');
    expect(m.out()).not.toContain('secret');
    expect(m.err()).toContain('réponses personnelles laissées de côté (commentaire) ; --personal pour les inclure');
    const nd = memoryIo();
    expect(await exportCommand.run(['--database', personalDb, '--questionnaire', 'olva-core', '--format', 'ndjson', '--lang', 'en'], nd.io)).toBe(0);
    expect(nd.out().trim().split('\n')).toHaveLength(4);
    expect(nd.out()).not.toContain('secret');
    expect(nd.err()).toContain('personal answers left out (commentaire); --personal to include them');
    const md = memoryIo();
    expect(await exportCommand.run(['--database', personalDb, '--questionnaire', 'olva-core', '--format', 'codebook-md'], md.io)).toBe(0);
    expect(md.out()).toContain('Données personnelles : les réponses aux questions `commentaire` ne figurent pas');
  });

  it('includes them with --personal, in every version', async () => {
    const m = memoryIo();
    expect(await exportCommand.run(['--database', personalDb, '--questionnaire', 'olva-core', '--personal'], m.io)).toBe(0);
    const [h, ...rows] = parseCsv(m.out().slice(1));
    expect(rows.map((r) => r[h!.indexOf('commentaire')]).sort()).toEqual(['secret 0', 'secret 1', 'secret 2', 'secret 3']);
    expect(m.err()).not.toContain('personnelles');
    const help = memoryIo();
    expect(await exportCommand.run(['--help'], help.io)).toBe(0);
    expect(help.out()).toContain('--personal                inclut les réponses aux questions marquées personnelles');
    expect(help.out()).toContain('--personal                include the answers of questions marked personal');
  });
});
