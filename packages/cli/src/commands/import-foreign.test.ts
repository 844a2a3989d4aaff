/**
 * `olva import` of files made with other tools, on a real SQLite store: a Sphinx-like export
 * (Windows-1252, `;`, labels, decimal comma) through a mapping file, LimeSurvey-like 0/1
 * columns, rows refused with their line, column, pointer and rule, a bad mapping file, an
 * unknown column, `--dry-run`; then the imported wave serves as `olva analyse`'s previous wave.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createCollector, loadConfig, type Collector } from '@olva/collector';
import type { ResultsDocument } from '@olva/analysis';
import { fixtureAnswers, fixtureCore, fixtureResponse } from '@olva/test-support/export-fixtures';
import { coreQuestionnaire, rennesQuestionnaire, writeBuild } from '@olva/test-support/collector-questionnaires';
import { memoryIo } from '@olva/test-support/command-io';
import * as analyseCommand from './analyse.js';
import * as buildCommand from './build.js';
import * as exportCommand from './export.js';
import * as importCommand from './import.js';

let dir = '';
/** `shapes`: the fixture core with every column shape; `checks`: the small core with required and conditional questions, and its Rennes extension. */
const configs = { shapes: '', checks: '', versions: '' };

/** Windows-1252 bytes of a text (the characters French Excel writes beyond Latin-1 included). */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { '€': 0x80, '’': 0x92, 'œ': 0x9c, 'Œ': 0x8c };
  return Buffer.from([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-import-foreign-'));
  for (const [name, compiled] of [['shapes', [fixtureCore()]], ['checks', [coreQuestionnaire(), rennesQuestionnaire()]]] as const) {
    const builds = path.join(dir, name);
    for (const c of compiled) writeBuild(builds, c);
    configs[name] = path.join(builds, 'olva.config.json');
    fs.writeFileSync(configs[name], JSON.stringify({
      database: { url: `sqlite:${path.join(dir, `${name}.sqlite`)}` },
      questionnaires: compiled.map((c) => ({ build: c.id })),
      waves: [{ id: '2027', core: '^2027.0.0' }, { id: '2025', core: '^2026.0.0', closes: '2025-12-31' }],
    }));
  }
});

beforeAll(() => {
  // Two versions of the core; wave 2026 accepts only the first.
  const builds = path.join(dir, 'versions');
  writeBuild(builds, fixtureCore('2026.1.0'));
  writeBuild(path.join(builds, 'next'), fixtureCore('2027.0.0'));
  configs.versions = path.join(builds, 'olva.config.json');
  fs.writeFileSync(configs.versions, JSON.stringify({
    database: { url: `sqlite:${path.join(dir, 'versions.sqlite')}` },
    questionnaires: [{ build: 'olva-core' }, { build: 'next/olva-core' }],
    waves: [{ id: '2026', core: '^2026.1.0' }],
  }));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function runImport(...argv: string[]) {
  const m = memoryIo();
  const code = await importCommand.run(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

/** Writes `content` to `name` in the test folder and imports it. */
async function importText(name: string, content: string, ...argv: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return runImport(file, ...argv);
}

async function withCollector<T>(name: keyof typeof configs, f: (c: Collector) => Promise<T>): Promise<T> {
  const c = await createCollector({ config: loadConfig(configs[name]).config, logStream: false });
  try {
    return await f(c);
  } finally {
    await c.close();
  }
}

/** Every stored payload of a collector, by source. */
async function stored(name: keyof typeof configs) {
  return withCollector(name, async (c) => {
    const out = [];
    for await (const r of c.store.stream({ territories: 'all' })) out.push(r.payload);
    return out;
  });
}

const SPHINX = [
  'N°;Secteur principal;Précisez;Publics;Employeur;Bénévoles;Budget;Commune;Satisfaction;Difficultés : locaux;Difficultés : bénévoles;Commentaire;Date de saisie;Saisi par',
  '17;Action sociale, santé;;Enfants | Aînés;Oui;12;1 234,5;35238;Assez;F;A;Lieu d’œuvre : 5 € l’heure;15/03/2025 10:30;Zoé',
  '18;AUTRE;Éducation populaire;jeunes;non;3;;1004;4;A;A;"=HYPERLINK(""http://x"")";16/03/2025;Zoé',
  "19;culture;;Enfants, Jeunes;Non;0;0,5;;Pas du tout;;;'=1+1;;Luc",
].join('\r\n');

const MAPPING = {
  columns: {
    'N°': 'submission_id', 'Secteur principal': 'secteur_principal', 'Précisez': 'secteur_principal_other', Publics: 'publics',
    Employeur: 'employeur', 'Bénévoles': 'nb_benevoles', Budget: 'budget', Commune: 'commune_siege', Satisfaction: 'satisfaction',
    'Difficultés : locaux': 'difficultes__locaux', 'Difficultés : bénévoles': 'difficultes__benevoles', Commentaire: 'commentaire',
    'Date de saisie': 'submitted_at', 'Saisi par': null,
  },
  values: { difficultes: { F: 'forte', A: 'aucune' }, secteur_principal: { AUTRE: 'other' } },
};

describe('olva import of a foreign file', () => {
  it('imports every row of the documented example (examples/import/) into the real core, as the README and the import guide run it', async () => {
    const repo = fileURLToPath(new URL('../../../../', import.meta.url));
    const builds = path.join(dir, 'example');
    const built = memoryIo();
    expect(await buildCommand.run([path.join(repo, 'packages/core-questionnaire/olva-core.json'), '--out', path.join(builds, 'olva-core')], built.io), built.err()).toBe(0);
    const config = path.join(builds, 'olva.config.json');
    fs.writeFileSync(config, JSON.stringify({ database: { url: `sqlite:${path.join(dir, 'example.sqlite')}` }, questionnaires: [{ build: 'olva-core' }] }));
    const r = await runImport(path.join(repo, 'examples/import/sphinx-2024.csv'), '--config', config, '--mapping', path.join(repo, 'examples/import/sphinx.json'),
      '--wave', '2024', '--territory', 'commune:35238', '--dry-run', '--json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ read: 3, imported: 3, refused: 0 });
    expect(r.code).toBe(0);
    // A dry run writes nothing: not even the database file it would have filled.
    expect(fs.existsSync(path.join(dir, 'example.sqlite'))).toBe(false);
  });

  it('reads a Sphinx-like export (Windows-1252, ;, labels, decimal comma) through its mapping, and adds nothing the second time', async () => {
    const file = path.join(dir, 'sphinx.csv');
    fs.writeFileSync(file, windows1252(SPHINX));
    const mapping = path.join(dir, 'sphinx.mapping.json');
    fs.writeFileSync(mapping, JSON.stringify(MAPPING));
    const argv = [file, '--config', configs.shapes, '--mapping', mapping, '--wave', '2025', '--territory', 'commune:35238', '--json'];
    const first = await runImport(...argv);
    expect(first.err).toBe('');
    expect(JSON.parse(first.out)).toMatchObject({ format: 'csv', encoding: 'windows-1252', bom: false, separator: ';', read: 3, imported: 3, present: 0, refused: 0 });
    expect(first.code).toBe(0);
    const payloads = (await stored('shapes')).filter((p) => p.source === 'import-sphinx.csv');
    expect(payloads.map((p) => p.answers)).toEqual(expect.arrayContaining([
      {
        secteur_principal: 'social', publics: ['enfants', 'aines'], employeur: true, nb_benevoles: 12, budget: 1234.5, commune_siege: '35238',
        satisfaction: 3, difficultes: { locaux: 'forte', benevoles: 'aucune' }, commentaire: 'Lieu d’œuvre : 5 € l’heure',
      },
      {
        secteur_principal: 'other', secteur_principal_other: 'Éducation populaire', publics: ['jeunes'], employeur: false, nb_benevoles: 3,
        commune_siege: '01004', satisfaction: 4, difficultes: { locaux: 'aucune', benevoles: 'aucune' }, commentaire: '=HYPERLINK("http://x")',
      },
      // A foreign file's apostrophe is the respondent's: kept.
      { secteur_principal: 'culture', publics: ['enfants', 'jeunes'], employeur: false, nb_benevoles: 0, budget: 0.5, satisfaction: 1, commentaire: "'=1+1" },
    ]));
    expect(payloads).toHaveLength(3);
    expect(payloads.every((p) => p.channel === 'paper' && p.wave === '2025' && p.territory.code === '35238')).toBe(true);
    expect(payloads.find((p) => p.answers.nb_benevoles === 12)).toMatchObject({ startedAt: '2025-03-15T10:30:00.000Z', submittedAt: '2025-03-15T10:30:00.000Z' });

    // Formula-looking texts are stored as text and escaped again on the way out.
    const m = memoryIo();
    expect(await exportCommand.run(['--config', configs.shapes, '--questionnaire', 'olva-core', '--wave', '2025'], m.io)).toBe(0);
    expect(m.out()).toContain('"\'=HYPERLINK(""http://x"")"');

    const again = await runImport(...argv);
    expect(JSON.parse(again.out)).toMatchObject({ read: 3, imported: 0, present: 3, refused: 0 });
  });

  it('reads 0/1 columns per choice; rows without an id of their own keep theirs when a row is inserted before them', async () => {
    const mapping = path.join(dir, 'lime.mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ columns: { 'publics[SQ001]': 'publics__enfants', 'publics[SQ002]': 'publics__jeunes', 'publics[SQ003]': 'publics__aines' } }));
    const header = 'secteur_principal,publics[SQ001],publics[SQ002],publics[SQ003],nb_benevoles';
    const rows = ['sport,1,0,1,4', 'sport,1,0,1,4', 'culture,0,0,0,2'];
    const file = path.join(dir, 'lime.csv');
    fs.writeFileSync(file, `\uFEFF${[header, ...rows].join('\n')}\n`);
    const argv = [file, '--config', configs.shapes, '--mapping', mapping, '--wave', '2026', '--territory', 'commune:35047', '--json'];
    expect(JSON.parse((await runImport(...argv)).out)).toMatchObject({ encoding: 'utf-8', bom: true, separator: ',', read: 3, imported: 3 });
    const lime = (await stored('shapes')).filter((p) => p.territory.code === '35047');
    expect(lime.map((p) => p.answers.publics).sort()).toEqual([[], ['enfants', 'aines'], ['enfants', 'aines']]);
    fs.writeFileSync(file, `${[header, 'social,0,1,0,9', ...rows].join('\n')}\n`);
    expect(JSON.parse((await runImport(...argv)).out)).toMatchObject({ read: 4, imported: 1, present: 3 });
  });

  it('reads the first sheet of a workbook saved by a spreadsheet (shared strings, numbers, dates as serial days)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Saisie');
    sheet.addRow(['Secteur principal', 'Bénévoles', 'Date de saisie', 'Commentaire']);
    sheet.addRow(['Culture', 7, new Date(Date.UTC(2025, 2, 15, 10, 30)), 'Salle & « atelier » <b>']);
    sheet.addRow(['Sport', 2.5, new Date(Date.UTC(2025, 2, 16)), null]);
    workbook.addWorksheet('Autre').addRow(['ignored']);
    const file = path.join(dir, 'saisie.xlsx');
    await workbook.xlsx.writeFile(file);
    const mapping = path.join(dir, 'saisie.mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ columns: { 'Secteur principal': 'secteur_principal', 'Bénévoles': 'nb_benevoles', 'Date de saisie': 'submitted_at', Commentaire: 'commentaire' } }));
    const r = await runImport(file, '--config', configs.shapes, '--mapping', mapping, '--wave', '2024', '--territory', 'commune:35238', '--json', '--lang', 'en');
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ format: 'xlsx', sheet: 'Saisie', read: 2, imported: 1, refused: 1 });
    // 2.5 volunteers: refused by intake as any posted response would be, on the sheet's row 3.
    expect(report.problems).toMatchObject([{ line: 3, column: 'Bénévoles', pointer: '/answers/nb_benevoles' }]);
    const [payload] = (await stored('shapes')).filter((p) => p.wave === '2024');
    expect(payload).toMatchObject({ submittedAt: '2025-03-15T10:30:00.000Z', answers: { secteur_principal: 'culture', nb_benevoles: 7, commentaire: 'Salle & « atelier » <b>' } });
  });

  it('refuses the import of a file with an unknown column before any row, and names the mapping entry to write', async () => {
    const r = await importText('unknown-column.csv', 'secteur_principal,Remarques\nsport,à rappeler\n', '--config', configs.shapes, '--wave', '2026', '--territory', 'commune:35238', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown-column.csv:1, column "Remarques", unknown-column: unknown column');
    expect(r.err).toContain('"Remarques": null');
    expect(r.out).toContain('header refused, no row imported; 1 read, 0 imported');
    const channel = await runImport(path.join(dir, 'unknown-column.csv'), '--config', configs.shapes, '--channel', 'papier', '--lang', 'en');
    expect(channel.code).toBe(2);
    expect(channel.err).toContain('--channel must be one of web, paper, phone, kiosk');
    // An option's value is looked up as a name of its own, never as a property every object has.
    const separator = await runImport(path.join(dir, 'unknown-column.csv'), '--config', configs.shapes, '--separator', 'constructor', '--lang', 'en');
    expect(separator.code).toBe(2);
    expect(separator.err).toContain("--separator must be ',', ';' or tab");
    const encoding = await runImport(path.join(dir, 'unknown-column.csv'), '--config', configs.shapes, '--encoding', 'constructor', '--lang', 'en');
    expect(encoding.code).toBe(2);
    expect(encoding.err).toContain('--encoding must be utf-8 or windows-1252');
  });

  it('names each problem of a bad mapping file with the file, its JSON pointer and the rule', async () => {
    const mapping = path.join(dir, 'bad.mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ columns: { Secteur: 5 }, valeurs: {} }));
    const file = path.join(dir, 'any.csv');
    fs.writeFileSync(file, 'Secteur\nsport\n');
    const r = await runImport(file, '--config', configs.shapes, '--mapping', mapping, '--wave', '2026', '--territory', 'commune:35238');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${mapping}#/columns/Secteur`);
    expect(r.err).toMatch(new RegExp(`${mapping.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#/valeurs, schema/additionalProperties`));

    fs.writeFileSync(mapping, JSON.stringify({ columns: { Secteur: 'sectuer' }, values: { secteur: { 1: 'sport' } } }));
    const target = await runImport(file, '--config', configs.shapes, '--mapping', mapping, '--wave', '2026', '--territory', 'commune:35238', '--lang', 'en');
    expect(target.code).toBe(1);
    expect(target.err).toContain('any.csv:1, column "Secteur", /columns/Secteur, unknown-mapping-target');
    expect(target.err).toContain(`any.csv:1, /values/secteur, unknown-mapping-question: "secteur" is a question of no accepted version (${mapping}#/values/secteur)`);
  });

  it('refuses bad rows one by one, with line, column, pointer and rule, and imports the others (a required answer left blank on paper included)', async () => {
    const file = path.join(dir, 'bad-rows.csv');
    fs.writeFileSync(file, [
      'secteur,nb_benevoles,employeur,nb_salaries,commune_siege,territory_code',
      'sport,12,oui,3,35238,35238',
      'peche,4,non,,,35238',
      'culture,douze,non,,,35238',
      'social,5,non,8,,35238',
      'sport,3,non,,,99999',
      'culture,,non,,,35238',
      'sport,2,non,,,35238,,surplus',
    ].map((line) => `${line}${line.endsWith('surplus') ? '' : ','}`).join('\n'));
    const argv = [file, '--config', configs.checks, '--wave', '2026', '--lang', 'en'];
    const dry = await runImport(...argv, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('7 read, 2 to import (dry run: nothing written), 0 already present, 5 refused');
    expect(await stored('checks')).toEqual([]);

    const r = await runImport(...argv);
    expect(r.code).toBe(1);
    expect(r.out).toContain('7 read, 2 imported, 0 already present, 5 refused');
    const lines = r.err.trim().split('\n');
    expect(lines.find((l) => l.startsWith('bad-rows.csv:3,'))).toMatch(/^bad-rows\.csv:3, column "secteur", \/answers\/secteur, schema\/enum: must be one of "sport", "culture", "social"/);
    expect(lines.find((l) => l.startsWith('bad-rows.csv:4,'))).toMatch(/^bad-rows\.csv:4, column "nb_benevoles", \/answers\/nb_benevoles, schema\/type: /);
    expect(lines.find((l) => l.startsWith('bad-rows.csv:5,'))).toMatch(/^bad-rows\.csv:5, column "nb_salaries", \/answers\/nb_salaries, hidden-answered: /);
    expect(lines.find((l) => l.startsWith('bad-rows.csv:6,'))).toMatch(/^bad-rows\.csv:6, column "territory_code", \/territory\/code, unknown-territory: .*99999/);
    // A separator ending every line is an unnamed empty column, left out; a cell filled beyond the header is not.
    expect(lines.find((l) => l.startsWith('bad-rows.csv:8,'))).toBe('bad-rows.csv:8, extra-cell: cell filled in column 8, beyond the header\'s 7 columns');
    expect(lines.some((l) => /^bad-rows\.csv:[27],/.test(l))).toBe(false);
    const kept = await stored('checks');
    expect(kept.find((p) => p.answers.secteur === 'culture')).toMatchObject({ channel: 'paper', blank: ['nb_benevoles'] });

    const fr = await runImport(...argv.slice(0, -1), 'fr', '--json');
    const report = JSON.parse(fr.out) as { problems: { line: number; column: string; pointer: string; rule: string; message: { fr: string; en: string } }[] };
    expect(report).toMatchObject({ read: 7, imported: 0, present: 2, refused: 5 });
    expect(report.problems.find((p) => p.line === 5)).toMatchObject({ column: 'nb_salaries', pointer: '/answers/nb_salaries', rule: 'hidden-answered' });
  });

  it('names the configuration entry to add when the wave does not accept the version', async () => {
    const r = await importText('wave.csv', 'secteur,nb_benevoles,employeur\nsport,1,non\n', '--config', configs.checks, '--wave', '2027', '--territory', 'commune:35238', '--lang', 'fr');
    expect(r.code).toBe(1);
    expect(r.err).toContain('wave.csv:2, /wave, wave-version : ');
    expect(r.err).toContain('élargissez l’entrée de ce millésime dans « waves » de la configuration : { "id": "2027"');
  });

  it('refuses web answers into a closed wave, saying that paper forms still come in', async () => {
    const r = await importText('closed.csv', 'secteur,nb_benevoles,employeur\nsport,1,non\n', '--config', configs.checks, '--wave', '2025', '--territory', 'commune:35238', '--channel', 'web', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('closed.csv:2, /wave, wave-closed: the collection of wave "2025" is closed (closing date: 2025-12-31)');
    expect(r.err).toContain('; after the closing, only paper and phone entries come in: import paper forms with --channel paper (or a channel column)');
    const paper = await runImport(path.join(dir, 'closed.csv'), '--config', configs.checks, '--wave', '2025', '--territory', 'commune:35238', '--channel', 'paper', '--json');
    expect(JSON.parse(paper.out)).toMatchObject({ imported: 1, refused: 0 });
  });

  it('answers rows without a version with the newest one their wave accepts', async () => {
    const r = await importText('versions.csv', 'secteur_principal,wave\nsport,2026\nculture,2027\n', '--config', configs.versions, '--territory', 'commune:35238', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ read: 2, imported: 2, refused: 0 });
    const versions = Object.fromEntries((await stored('versions')).map((p) => [p.wave, p.questionnaire.version]));
    expect(versions).toEqual({ 2026: '2026.1.0', 2027: '2027.0.0' });
  });

  it('gives a wave that olva analyse compares with as its previous wave', async () => {
    // Sphinx's 2025 rows are in (first test); now a 2026 wave of the same territory.
    await withCollector('shapes', async (c) => {
      for (let i = 0; i < 12; i++) expect((await c.admit(fixtureResponse(100 + i, fixtureAnswers(i)).payload)).status).toBe('created');
    });
    const out = path.join(dir, 'results.json');
    const m = memoryIo();
    expect(await analyseCommand.run(['--config', configs.shapes, '--wave', '2026', '--territory', 'commune:35238', '--previous-wave', '2025', '--out', out], m.io), m.err()).toBe(0);
    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument;
    expect(results.groups[0]!.comparisons!.previousWave).toMatchObject({ wave: '2025', available: true });
  });

  it('answers the extension --extension names, whose territory applies', async () => {
    const csv = 'secteur,nb_benevoles,employeur,rennes.locaux_quartier\nculture,4,non,Oui\n';
    const argv = ['--config', configs.checks, '--wave', '2028', '--lang', 'en'];
    const rennes = await importText('rennes.csv', csv, ...argv, '--territory', 'commune:35238', '--extension', 'rennes-2026', '--json');
    expect(JSON.parse(rennes.out)).toMatchObject({ imported: 1, refused: 0 });
    expect((await stored('checks')).find((p) => p.wave === '2028')).toMatchObject({
      extension: { id: 'rennes-2026', version: '1.0.0' }, answers: { secteur: 'culture', 'rennes.locaux_quartier': 'oui' },
    });
    const bare = await importText('rennes.csv', csv, ...argv, '--territory', 'commune:35238');
    expect(bare.err).toContain('rennes.csv:2, column "rennes.locaux_quartier", /answers/rennes.locaux_quartier, ');
    const elsewhere = await importText('rennes.csv', csv, ...argv, '--territory', 'commune:35047', '--extension', 'rennes-2026');
    expect(elsewhere.err).toContain('rennes.csv:2, /territory, territory-mismatch: ');
  });

  it('reads a commune by its name, with its département when several share it, as paper forms write it', async () => {
    const csv = ['secteur;nb_benevoles;employeur;commune_siege', 'sport;3;non;Rennes', 'sport;3;non;Saint-Denis', 'culture;3;non;Saint-Denis (93)',
      'sport;3;non;Nullepart-sur-Mer', 'social;3;non;St Malo', 'social;3;non;1004', ''].join('\n');
    const r = await importText('communes.csv', csv, '--config', configs.checks, '--wave', '2029', '--territory', 'commune:35238');
    expect(r.code).toBe(1);
    expect(r.err).toContain('communes.csv:3, colonne « commune_siege », /answers/commune_siege, commune-name : 4 communes s’appellent « Saint-Denis » : ');
    expect(r.err).toContain('« Saint-Denis (974) »');
    expect(r.err).toContain('communes.csv:5, colonne « commune_siege », /answers/commune_siege, commune-name : aucune commune ne s’appelle « Nullepart-sur-Mer »');
    expect(r.out).toContain('6 lues, 4 importées, 0 déjà présente, 2 refusées');
    const communes = (await stored('checks')).filter((p) => p.wave === '2029').map((p) => p.answers.commune_siege).sort();
    expect(communes).toEqual(['01004', '35238', '35288', '93066']);
    // The territory column too: a commune by its name, or its code without the leading zero.
    const territories = await importText('territoires.csv', 'secteur;nb_benevoles;employeur;territory_code\nsport;2;non;Saint-Malo\nsport;2;non;1004\n', '--config', configs.checks, '--wave', '2030');
    expect(territories.out).toContain('2 lues, 2 importées');
    expect((await stored('checks')).filter((p) => p.wave === '2030').map((p) => p.territory.code).sort()).toEqual(['01004', '35288']);
  });
});
