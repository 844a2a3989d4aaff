/**
 * `olva analyse` and `olva crosstab` on a real SQLite store and on the NDJSON that `olva export`
 * writes from it: both inputs give the same document; bad input names the file and line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, payloadDigest, type ResponseStore } from '@olva/collector';
import { startTestPostgres } from '@olva/test-support/postgres';
import { crossTabulate, FLAT_COLUMNS, type Crosstab, type DistributionFigures, type ResultsDocument } from '@olva/analysis';
import { createAjv } from '@olva/schema/validate';
import { prng } from '@olva/test-support/prng';
import { builds, crosswalkCore, generateFor, type Generated } from '@olva/test-support/responses';
import * as analyse from './analyse.js';
import * as crosstab from './crosstab.js';
import { crosstabText } from './crosstab.js';
import * as exportCommand from './export.js';
import * as reportCommand from './report.js';
import { memoryIo } from '@olva/test-support/command-io';
import { writeBuild } from '@olva/test-support/collector-questionnaires';

const RENNES = { level: 'commune', code: '35238' } as const;
const b = builds();
const next = crosswalkCore();
let dir: string;
let database: string;
let items: Generated[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cli-analyse-'));
  database = `sqlite:${path.join(dir, 'db.sqlite')}`;
  const random = prng(7);
  items = [
    ...['35238', '29019', '44109', '35288'].flatMap((code) => generateFor(next, { level: 'commune', code }, '2026', code === '35238' ? 60 : 30, random)),
    ...generateFor(b.rennes, RENNES, '2025', 40, random),
  ];
  await fill(await openStore(database));
});

async function fill(store: ResponseStore): Promise<void> {
  try {
    for (const c of [b.core, b.rennes, next]) await store.saveQuestionnaire(c);
    for (const g of items) await store.insert(g.payload, payloadDigest(g.payload));
  } finally {
    await store.close();
  }
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The responses plus 30 of Rennes Métropole (which holds Rennes) in 2026, as NDJSON with their versions' file. */
function withMetropole(stem: string, random: ReturnType<typeof prng>): { ndjson: string; versions: string; metropole: Generated[] } {
  const metropole = generateFor(next, { level: 'epci', code: '243500139' }, '2026', 30, random);
  const ndjson = path.join(dir, `${stem}.ndjson`);
  const versions = path.join(dir, `${stem}-versions.json`);
  fs.writeFileSync(ndjson, [...items, ...metropole].map((g) => JSON.stringify(g.payload)).join('\n'));
  fs.writeFileSync(versions, JSON.stringify([b.rennes, next]));
  return { ndjson, versions, metropole };
}

const schema = JSON.parse(fs.readFileSync(new URL('../../../../schemas/results.schema.json', import.meta.url), 'utf8'));
const validate = createAjv().addSchema(schema).getSchema('urn:olva:schema:results:1')!;

describe('olva analyse', () => {
  it('writes the results of a territory from the store, with its comparisons and the flat CSV', async () => {
    const out = path.join(dir, 'results.json');
    const csv = path.join(dir, 'results.csv');
    const m = memoryIo();
    const code = await analyse.run(['--database', database, '--wave', '2026', '--territory', 'commune:35238', '--previous-wave', '2025', '--out', out, '--csv', csv], m.io);
    expect(m.err()).toContain(out);
    expect(m.err()).toContain('commune:35238 (60 réponses)');
    expect(code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument;
    expect(validate(doc)).toBe(true);
    expect(doc.groups.map((g) => [g.territory.code, g.wave, g.responses])).toEqual([['35238', '2026', 60]]);
    const c = doc.groups[0]!.comparisons!;
    expect(c.network!.otherTerritories).toBe(3);
    expect(c.national!.references.id).toBe('national-2017');
    expect(c.previousWave).toMatchObject({ wave: '2025', available: true, crosswalk: { applied: true } });
    const employers = items.filter((g) => g.payload.territory.code === '35238' && g.payload.wave === '2026' && g.payload.answers.employeur !== undefined && g.shown.has('employeur'));
    const national = c.national!.figures.find((f) => f.id === 'employeurs')!;
    expect(national.territory).toMatchObject({ count: employers.filter((g) => g.payload.answers.employeur === true).length, base: employers.length });
    const header = fs.readFileSync(csv, 'utf8').slice(1).split('\r\n')[0]!.split(',');
    expect(header).toEqual([...FLAT_COLUMNS]);
    // Both comparisons could be made: nothing to warn about.
    expect(m.err()).not.toMatch(/pas de comparaison|pour comparer au réseau/);
  });

  it('says which comparisons asked for could not be made: an empty previous wave, too few other territories', async () => {
    const out = path.join(dir, 'results-2024.json');
    const fr = memoryIo();
    expect(await analyse.run(['--database', database, '--wave', '2026', '--territory', 'commune:35238', '--previous-wave', '2024', '--out', out], fr.io)).toBe(0);
    expect(fr.err()).toContain('  aucune réponse au millésime 2024 pour commune:35238 : pas de comparaison avec lui (démo : npm start -- --seed-responses)');
    expect(fr.err()).not.toContain('pour comparer au réseau');
    const en = memoryIo();
    expect(await analyse.run(['--database', database, '--wave', '2025', '--territory', 'commune:35238', '--out', out, '--lang', 'en'], en.io)).toBe(0);
    expect(en.err()).toContain('commune:35238: 0 other territories in wave 2025, 3 are needed to compare with the network');
  });

  it('gives the same document from the NDJSON and versions olva export writes', async () => {
    const ndjson = path.join(dir, 'all.ndjson');
    const versions = path.join(dir, 'versions.json');
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'ndjson', '--out', ndjson], memoryIo().io)).toBe(0);
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'questionnaires', '--out', versions], memoryIo().io)).toBe(0);
    const fromStore = path.join(dir, 'store.json');
    const fromFile = path.join(dir, 'file.json');
    expect(await analyse.run(['--database', database, '--wave', '2026', '--out', fromStore, '--references', 'none'], memoryIo().io)).toBe(0);
    const m = memoryIo();
    expect(await analyse.run(['--responses', ndjson, '--build', versions, '--wave', '2026', '--out', fromFile, '--references', 'none', '--lang', 'en'], m.io)).toBe(0);
    const a = JSON.parse(fs.readFileSync(fromStore, 'utf8'));
    expect(a.groups).toHaveLength(4);
    expect(JSON.parse(fs.readFileSync(fromFile, 'utf8'))).toEqual(a);
  });

  it('adds the NDJSON of several collectors (--responses repeated), counting a response found in two of them once', async () => {
    const versions = path.join(dir, 'versions.json');
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'questionnaires', '--out', versions], memoryIo().io)).toBe(0);
    // Rennes in one file, the three others in another, and Rennes again (an EPCI's file holds its communes).
    const rennes = path.join(dir, 'rennes.ndjson');
    const others = path.join(dir, 'others.ndjson');
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'ndjson', '--territory', 'commune:35238', '--out', rennes], memoryIo().io)).toBe(0);
    expect(await exportCommand.run(['--database', database, '--questionnaire', 'olva-core', '--format', 'ndjson', ...['35238', '29019', '44109', '35288'].flatMap((c) => ['--territory', `commune:${c}`]), '--out', others], memoryIo().io)).toBe(0);
    const fromStore = path.join(dir, 'store-many.json');
    const fromFiles = path.join(dir, 'files-many.json');
    expect(await analyse.run(['--database', database, '--wave', '2026', '--out', fromStore, '--references', 'none'], memoryIo().io)).toBe(0);
    const m = memoryIo();
    expect(await analyse.run(['--responses', rennes, '--responses', others, '--build', versions, '--wave', '2026', '--out', fromFiles, '--references', 'none'], m.io)).toBe(0);
    // Before, the last --responses alone was read: Rennes' 60 responses were dropped without a word.
    expect(JSON.parse(fs.readFileSync(fromFiles, 'utf8'))).toEqual(JSON.parse(fs.readFileSync(fromStore, 'utf8')));
    expect(m.err()).toContain('  60 réponses présentes dans plusieurs fichiers --responses, comptées une fois\n');
  });

  it('counts Rennes Métropole and Rennes, both with responses, as one area of the network, and keeps each out of the other\'s others', async () => {
    const { ndjson, versions } = withMetropole('nested', prng(3));
    const out = path.join(dir, 'nested.json');
    expect(await analyse.run(['--responses', ndjson, '--build', versions, '--wave', '2026', '--out', out, '--references', 'none'], memoryIo().io)).toBe(0);
    const others = Object.fromEntries((JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument).groups.map((g) => [g.territory.code, g.comparisons!.network!.otherTerritories]));
    // Five groups, four areas: Brest's others are the metropolis with Rennes, Nantes, Saint-Malo; Rennes' and the metropolis' are those three.
    expect(others).toEqual({ '35238': 3, '243500139': 3, '29019': 3, '44109': 3, '35288': 3 });
  });

  it('reads a PostgreSQL store the same way', async () => {
    const server = await startTestPostgres();
    try {
      const url = await server.createDatabase();
      await fill(await openStore(url));
      const fromPostgres = path.join(dir, 'pg.json');
      const fromSqlite = path.join(dir, 'sqlite.json');
      const argv = ['--wave', '2026', '--territory', 'commune:35238', '--previous-wave', '2025'];
      expect(await analyse.run(['--database', url, ...argv, '--out', fromPostgres], memoryIo().io)).toBe(0);
      expect(await analyse.run(['--database', database, ...argv, '--out', fromSqlite], memoryIo().io)).toBe(0);
      expect(JSON.parse(fs.readFileSync(fromPostgres, 'utf8'))).toEqual(JSON.parse(fs.readFileSync(fromSqlite, 'utf8')));
    } finally {
      await server.stop();
    }
  });

  it('names the file and line of a bad response, an unknown build or territory, without a stack', async () => {
    const versions = path.join(dir, 'core-only.json');
    fs.writeFileSync(versions, JSON.stringify([next]));
    const lines = items.slice(0, 3).map((g) => JSON.stringify(g.payload));
    const cases: [string[], RegExp][] = [];
    const broken = path.join(dir, 'broken.ndjson');
    fs.writeFileSync(broken, `${lines[0]}\n${lines[1]}\n{"kind": "olva-response", \n`);
    cases.push([['--responses', broken, '--build', versions, '--wave', '2026', '--out', path.join(dir, 'x.json')], /broken\.ndjson:3: \[analysis\/ndjson\] not JSON/]);
    const old = path.join(dir, 'old.ndjson');
    const rennes2025 = items.find((g) => g.payload.wave === '2025')!;
    fs.writeFileSync(old, `${lines[0]}\n\n${JSON.stringify(rennes2025.payload)}\n`);
    cases.push([['--responses', old, '--build', versions, '--wave', '2026', '--out', path.join(dir, 'x.json')], new RegExp(`old\\.ndjson:3#/questionnaire: \\[analysis/unknown-version\\] answered olva-core ${rennes2025.payload.questionnaire.version.replace(/\./g, '\\.')} \\+ rennes-2026 1\\.0\\.0, which no --build gives`)]);
    cases.push([['--responses', old, '--build', path.join(dir, 'nowhere'), '--wave', '2026', '--out', path.join(dir, 'x.json')], /nowhere: neither a build directory nor a file/]);
    cases.push([['--database', database, '--wave', '2026', '--territory', 'commune:75056', '--out', path.join(dir, 'x.json')], /\/territory: \[analysis\/unknown-territory\] no response of commune:75056 in wave "2026"/]);
    cases.push([['--database', database, '--wave', '1999', '--out', path.join(dir, 'x.json')], /no response of wave "1999"/]);
    for (const [argv, message] of cases) {
      const m = memoryIo();
      expect(await analyse.run([...argv, '--lang', 'en'], m.io)).toBe(1);
      expect(m.err()).toMatch(message);
      expect(m.err()).not.toMatch(/\n\s+at /);
    }
    // A file's mistakes too: a line that is not JSON, a version no --build gives.
    const frBroken = memoryIo();
    expect(await analyse.run(['--responses', broken, '--build', versions, '--wave', '2026', '--out', path.join(dir, 'x.json'), '--lang', 'fr'], frBroken.io)).toBe(1);
    expect(frBroken.err()).toContain('broken.ndjson:3: [analysis/ndjson] pas du JSON, colonne 27 : la ligne s’arrête avant la fin du JSON (une réponse par ligne, sans retour à la ligne dedans)');
    const frOld = memoryIo();
    expect(await analyse.run(['--responses', old, '--build', versions, '--wave', '2026', '--out', path.join(dir, 'x.json'), '--lang', 'fr'], frOld.io)).toBe(1);
    expect(frOld.err()).toContain('old.ndjson:3#/questionnaire: [analysis/unknown-version] répondue avec olva-core ');
    expect(frOld.err()).toContain(', qu’aucun --build ne donne');
    // The options' mistakes an analyst makes first are said in French when French is asked.
    const fr = memoryIo();
    expect(await analyse.run(['--database', database, '--wave', '1999', '--out', path.join(dir, 'x.json'), '--lang', 'fr'], fr.io)).toBe(1);
    expect(fr.err()).toMatch(/\/wave: \[analysis\/empty-wave\] aucune réponse au millésime « 1999 »/);
    const frTerritory = memoryIo();
    expect(await analyse.run(['--database', database, '--wave', '2026', '--territory', 'commune:75056', '--out', path.join(dir, 'x.json'), '--lang', 'fr'], frTerritory.io)).toBe(1);
    expect(frTerritory.err()).toMatch(/\/territory: \[analysis\/unknown-territory\] aucune réponse de commune:75056 au millésime « 2026 » \(territoires du millésime : /);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
  });

  it('refuses --weight sector for a territory without an expected distribution, naming the file, the pointer and the rule', async () => {
    const builds = path.join(dir, 'weight-builds');
    for (const c of [b.rennes, next]) writeBuild(builds, c);
    const file = path.join(dir, 'weight.config.json');
    const rennes = { territory: RENNES, wave: '2026', sectors: { sport: 100, culture: 300, loisirs_vie_sociale: 200 } };
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [b.rennes, next].map((c) => ({ build: `weight-builds/${c.id}` })), database: { url: database }, stats: { expected: [rennes] } }));
    const out = path.join(dir, 'weighted.json');
    // The territory with one: weighted shares.
    expect(await analyse.run(['--config', file, '--wave', '2026', '--territory', 'commune:35238', '--weight', 'sector', '--out', out], memoryIo().io)).toBe(0);
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument).groups[0]!.sample!.weighted).toMatchObject({ method: 'post-stratification' });
    fs.rmSync(out);
    // Every territory of the wave: the three without one are named, nothing is written.
    const m = memoryIo();
    expect(await analyse.run(['--config', file, '--wave', '2026', '--weight', 'sector', '--out', out], m.io)).toBe(1);
    expect(m.err()).toBe(`olva analyse : ${file}#/stats/expected : aucune répartition attendue par secteur pour commune:29019 (vague 2026), commune:35288 (vague 2026), commune:44109 (vague 2026), sur laquelle --weight sector redresse : déclarez-la dans la section stats.expected de la configuration (territoire, vague ou toutes les vagues, secteurs), ou retirez --weight [analyse/no-expected]\n`);
    expect(fs.existsSync(out)).toBe(false);
    // From an --expected file, in English; and with neither, where to give one.
    const expected = path.join(dir, 'expected-2025.json');
    fs.writeFileSync(expected, JSON.stringify([{ ...rennes, wave: '2025' }]));
    const en = memoryIo();
    expect(await analyse.run(['--database', database, '--wave', '2026', '--territory', 'commune:35238', '--weight', 'sector', '--expected', expected, '--out', out, '--lang', 'en'], en.io)).toBe(1);
    expect(en.err()).toBe(`olva analyse: ${expected}: no expected distribution by sector for commune:35238 (wave 2026), which --weight sector weights on: add it to that file (territory, wave or every wave, sectors), or leave out --weight [analyse/no-expected]\n`);
    const none = memoryIo();
    expect(await analyse.run(['--database', database, '--wave', '2026', '--territory', 'commune:35238', '--weight', 'sector', '--out', out, '--lang', 'en'], none.io)).toBe(1);
    expect(none.err()).toContain('--weight: no expected distribution by sector for commune:35238 (wave 2026), which --weight sector weights on: give it with --expected <f.json> or in the stats.expected section of --config');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('applies the disclosure thresholds of --rules, and names a bad one', async () => {
    const rules = path.join(dir, 'rules.json');
    fs.writeFileSync(rules, JSON.stringify({ minCell: 5, minBase: 20 }));
    const out = path.join(dir, 'strict.json');
    expect(await analyse.run(['--database', database, '--wave', '2026', '--territory', 'commune:29019', '--out', out, '--rules', rules], memoryIo().io)).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument;
    expect(doc.rules).toMatchObject({ minCell: 5, smallBase: 30, minBase: 20 });
    const shown = doc.groups[0]!.questions.flatMap((q) => ('categories' in q ? q.categories ?? [] : [])).map((c) => c.count).filter((n) => n !== null);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((n) => n === 0 || n! >= 5)).toBe(true);
    fs.writeFileSync(rules, JSON.stringify({ minCell: 5, minBase: 2 }));
    const m = memoryIo();
    expect(await analyse.run(['--database', database, '--wave', '2026', '--out', out, '--rules', rules, '--lang', 'en'], m.io)).toBe(1);
    expect(m.err()).toContain('rules.json#/minBase: the smallest published base (2) must be at least minCell (5)');
  });

  it('takes the disclosure thresholds of the configuration\'s "disclosure" key with --config, --rules before them', async () => {
    const builds = path.join(dir, 'builds');
    // The core's two versions share a build directory name: the newer one is built, the store knows both.
    for (const c of [b.rennes, next]) writeBuild(builds, c);
    const file = path.join(dir, 'olva.config.json');
    fs.writeFileSync(file, JSON.stringify({
      questionnaires: [b.rennes, next].map((c) => ({ build: `builds/${c.id}` })), database: { url: database }, disclosure: { minCell: 4, minBase: 15 },
    }));
    const out = path.join(dir, 'configured.json');
    const first = memoryIo();
    expect(await analyse.run(['--config', file, '--wave', '2026', '--territory', 'commune:29019', '--out', out], first.io), first.err()).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument;
    expect(doc.rules).toMatchObject({ minCell: 4, smallBase: 30, minBase: 15 });
    const rules = path.join(dir, 'rules-over-config.json');
    fs.writeFileSync(rules, JSON.stringify({ minCell: 5, minBase: 20 }));
    expect(await analyse.run(['--config', file, '--wave', '2026', '--territory', 'commune:29019', '--out', out, '--rules', rules], memoryIo().io)).toBe(0);
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument).rules).toMatchObject({ minCell: 5, minBase: 20 });
    // The crosstab too: a count of 3, shown under the default rules, is hidden under the configured ones.
    const counts = async (argv: string[]) => {
      const m = memoryIo();
      expect(await crosstab.run([...argv, '--rows', 'secteur_principal', '--cols', 'employeur', '--json'], m.io)).toBe(0);
      return (JSON.parse(m.out()).cells as { count: number | null }[][]).flat().map((c) => c.count);
    };
    expect(await counts(['--database', database])).toContain(3);
    expect((await counts(['--config', file])).every((n) => n === null || n === 0 || n >= 4)).toBe(true);
    fs.writeFileSync(file, JSON.stringify({ questionnaires: [{ build: `builds/${next.id}` }], database: { url: database }, disclosure: { minCell: 12 } }));
    const bad = memoryIo();
    expect(await analyse.run(['--config', file, '--wave', '2026', '--out', out, '--lang', 'en'], bad.io)).toBe(1);
    expect(bad.err()).toContain(`${file}#/disclosure/minBase: the smallest published base (10) must be at least minCell (12) [disclosure/min-base]`);
  });

  it('prints why a crosstab is withheld for its filters', () => {
    const t: Crosstab = { rows: { id: 'q2', type: 'single', label: { fr: 'Q2' }, codes: [] }, columns: { id: 'f1', type: 'single', label: { fr: 'F1' }, codes: [] }, territory: RENNES, wave: '2026',
      base: null, status: 'withheld', test: null, testOmitted: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: ['f2'] };
    expect(crosstabText(t, 'fr', 3)).toBe('Q2 × F1\n(commune:35238, 2026)\nNon publié : une question posée sous condition, dont les chiffres révéleraient un effectif masqué de sa question filtre (f2).\n');
    expect(crosstabText(t, 'en', 3)).toContain('Not published: a question asked under a condition, whose figures would reveal a hidden count of its filter question (f2).');
  });

  it('refuses bad usage with exit code 2', async () => {
    for (const argv of [
      ['--database', database, '--out', 'x.json'],
      ['--database', database, '--wave', '2026'],
      ['--wave', '2026', '--out', 'x.json'],
      ['--responses', 'x.ndjson', '--wave', '2026', '--out', 'x.json'],
      ['--database', database, '--wave', '2026', '--out', 'x.json', '--territory', 'ville:1'],
      ['--database', database, '--wave', '2026', '--out', 'x.json', '--weight', 'age'],
    ]) {
      const m = memoryIo();
      expect(await analyse.run(argv, m.io)).toBe(2);
      expect(m.err()).toMatch(/^olva analyse/);
    }
  });
});

describe('the network\'s own results (olva analyse --territory network:all)', () => {
  /** The 2026 responses that answered `employeur`, and those that said yes, summed territory by territory. */
  const employers = (read: readonly Generated[]) => {
    const byTerritory = new Map<string, { answered: number; yes: number }>();
    for (const g of read) {
      if (g.payload.wave !== '2026' || g.payload.answers.employeur === undefined || !g.shown.has('employeur')) continue;
      const key = `${g.payload.territory.level}:${g.payload.territory.code}`;
      const t = byTerritory.get(key) ?? { answered: 0, yes: 0 };
      byTerritory.set(key, { answered: t.answered + 1, yes: t.yes + (g.payload.answers.employeur === true ? 1 : 0) });
    }
    return { territories: byTerritory.size, ...[...byTerritory.values()].reduce((a, t) => ({ answered: a.answered + t.answered, yes: a.yes + t.yes }), { answered: 0, yes: 0 }) };
  };

  it('pools the NDJSON of several territories, each response once, and its key figures name the whole network with the summed counts', async () => {
    const { ndjson, versions, metropole } = withMetropole('network', prng(9));
    const out = path.join(dir, 'network.json');
    const m = memoryIo();
    expect(await analyse.run(['--responses', ndjson, '--build', versions, '--wave', '2026', '--territory', 'network:all', '--previous-wave', '2025', '--out', out], m.io)).toBe(0);
    const read = [...items, ...metropole];
    const sum = employers(read);
    const responses = read.filter((g) => g.payload.wave === '2026').length;
    expect(m.err()).toContain(`network:all (${responses} réponses)`);
    expect(m.err()).toContain(`  l’ensemble du réseau (network:all) regroupe ${responses} réponses de ${sum.territories} territoires\n`);
    expect(m.err()).not.toContain('compte aussi');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument;
    expect(validate(doc)).toBe(true);
    const g = doc.groups[0]!;
    expect([g.territory, g.responses, g.comparisons!.network]).toEqual([{ level: 'network', code: 'all' }, responses, undefined]);
    expect(g.comparisons!.previousWave).toMatchObject({ wave: '2025', available: true });
    const employer = g.questions.find((q) => q.id === 'employeur') as DistributionFigures;
    expect([employer.base!.answered, employer.categories!.find((c) => c.code === 'true')!.count]).toEqual([sum.answered, sum.yes]);
    // The key figures of the network, from that document, as its analyst prints them.
    for (const lang of ['fr', 'en'] as const) {
      const html = path.join(dir, `network-key-figures-${lang}.html`);
      const r = memoryIo();
      expect(await reportCommand.run(['key-figures', '--results', out, '--territory', 'network:all', '--lang', lang, '--out', html], r.io), r.err()).toBe(0);
      const page = fs.readFileSync(html, 'utf8');
      const name = lang === 'fr' ? 'Ensemble du réseau' : 'Whole network';
      expect(page).toContain(`${name} 2026</title>`);
      expect(page).toContain(`<p class="kicker">${name} · ${lang === 'fr' ? 'Vague' : 'Wave'} 2026 · ${responses} ${lang === 'fr' ? 'réponses' : 'responses'}</p>`);
      const tile = page.slice(page.indexOf('<h3 id="h-employeur">'));
      expect(tile.slice(0, tile.indexOf('</section>'))).toContain(lang === 'fr' ? `Base\u00a0: ${sum.answered} répondants` : `Base: ${sum.answered} respondents`);
    }
  });

  it('reads the store of --config the same way, and tells a wrong code or --weight sector apart (exit 2)', async () => {
    const built = path.join(dir, 'network-builds');
    for (const c of [b.rennes, next]) writeBuild(built, c);
    const config = path.join(dir, 'network.config.json');
    fs.writeFileSync(config, JSON.stringify({ questionnaires: [b.rennes, next].map((c) => ({ build: `network-builds/${c.id}` })), database: { url: database } }));
    const out = path.join(dir, 'network-store.json');
    const m = memoryIo();
    expect(await analyse.run(['--config', config, '--wave', '2026', '--territory', 'network:all', '--out', out, '--lang', 'en'], m.io)).toBe(0);
    const sum = employers(items);
    const responses = items.filter((g) => g.payload.wave === '2026').length;
    expect(m.err()).toContain(`  the whole network (network:all) pools ${responses} responses of ${sum.territories} territories\n`);
    const employer = (JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument).groups[0]!.questions.find((q) => q.id === 'employeur') as DistributionFigures;
    expect(employer.base!.answered).toBe(sum.answered);
    // The wave beside itself: refused as the collector refuses it, before anything is read.
    const itself = memoryIo();
    expect(await analyse.run(['--config', config, '--wave', '2026', '--previous-wave', '2026', '--territory', 'network:all', '--out', out], itself.io)).toBe(2);
    expect(itself.err()).toMatch(/^olva analyse : --previous-wave doit être un autre millésime que --wave « 2026 » \[previous-is-wave\]\n/);
    const code = memoryIo();
    expect(await analyse.run(['--config', config, '--wave', '2026', '--territory', 'network:rnma', '--out', out], code.io)).toBe(2);
    expect(code.err()).toMatch(/^olva analyse : --territory : le réseau n’a qu’un code, network:all \(toutes les réponses regroupées\), lu « network:rnma »\n/);
    const level = memoryIo();
    expect(await analyse.run(['--config', config, '--wave', '2026', '--territory', 'canton:12', '--out', out], level.io)).toBe(2);
    expect(level.err()).toMatch(/^olva analyse : --territory : le territoire « canton:12 » doit s’écrire niveau:code.* ; ou network:all pour l’ensemble du réseau\n/);
    const weighted = memoryIo();
    expect(await analyse.run(['--config', config, '--wave', '2026', '--territory', 'network:all', '--weight', 'sector', '--out', out, '--lang', 'en'], weighted.io)).toBe(2);
    expect(weighted.err()).toMatch(/^olva analyse: --weight sector: the whole network \(network:all\) has no expected distribution by sector .*\[analyse\/no-expected\]\n/);
  });

  it('crosses two questions over every response of the wave (olva crosstab --territory network:all)', async () => {
    const m = memoryIo();
    expect(await crosstab.run(['--database', database, '--rows', 'secteur_principal', '--cols', 'employeur', '--territory', 'network:all', '--wave', '2026', '--json'], m.io)).toBe(0);
    const both = items.filter((g) => g.payload.wave === '2026' && g.payload.answers.secteur_principal !== undefined && g.payload.answers.employeur !== undefined);
    expect((JSON.parse(m.out()) as Crosstab).base).toBe(both.length);
    expect(m.err()).toBe(`  l’ensemble du réseau (network:all) regroupe ${items.filter((g) => g.payload.wave === '2026').length} réponses de 4 territoires\n`);
    const text = memoryIo();
    expect(await crosstab.run(['--database', database, '--rows', 'secteur_principal', '--cols', 'employeur', '--territory', 'network:all', '--wave', '2026', '--lang', 'en'], text.io)).toBe(0);
    expect(text.out().split('\n')[1]).toBe('(Whole network (network:all), 2026)');
  });
});

describe('olva crosstab', () => {
  it('counts a territory with the responses collected inside it, and names a wave or territory without responses', async () => {
    const { ndjson, versions, metropole } = withMetropole('crosstab-nested', prng(5));
    const input = ['--responses', ndjson, '--build', versions, '--rows', 'secteur_principal', '--cols', 'employeur'];
    const m = memoryIo();
    // Rules under which nothing is hidden: the base is the only thing looked at here.
    const rules = path.join(dir, 'crosstab-rules.json');
    fs.writeFileSync(rules, JSON.stringify({ minCell: 1 }));
    expect(await crosstab.run([...input, '--territory', 'epci:243500139', '--wave', '2026', '--rules', rules, '--json'], m.io)).toBe(0);
    const counted = [...metropole, ...items.filter((g) => g.payload.territory.code === '35238' && g.payload.wave === '2026')]
      .filter((g) => g.payload.answers.secteur_principal !== undefined && g.payload.answers.employeur !== undefined);
    expect(JSON.parse(m.out()).base).toBe(counted.length);
    expect(m.err()).toBe('  epci:243500139 compte aussi les réponses recueillies dans le territoire qu’il contient : commune:35238\n');
    const wave = memoryIo();
    expect(await crosstab.run([...input, '--wave', '2062'], wave.io)).not.toBe(0);
    expect(wave.err()).toBe('olva crosstab : /wave: [analysis/empty-wave] aucune réponse au millésime « 2062 »\n');
    const territory = memoryIo();
    expect(await crosstab.run([...input, '--wave', '2026', '--territory', 'commune:35000', '--lang', 'en'], territory.io)).not.toBe(0);
    expect(territory.err()).toMatch(/^olva crosstab: \/territory: \[analysis\/unknown-territory\] no response of commune:35000 in wave "2026" \(territories of the wave: commune:29019, /);
  });

  it('prints the protected table as JSON, the same as the analysis computes, and as text', async () => {
    const m = memoryIo();
    expect(await crosstab.run(['--database', database, '--rows', 'secteur_principal', '--cols', 'employeur', '--wave', '2026', '--json'], m.io)).toBe(0);
    const table = JSON.parse(m.out());
    const wave2026 = items.filter((g) => g.payload.wave === '2026');
    const direct = await crossTabulate(wave2026.map((g) => g.payload), { compiled: [next], rows: 'secteur_principal', columns: 'employeur', wave: '2026' });
    // The store also keeps the current core, whose sector codes add empty rows: compare code by code.
    const byCode = (t: typeof direct) => Object.fromEntries(t.rows.codes.flatMap((r, i) => t.columns.codes.map((c, j) => [`${r.code}/${c.code}`, t.cells![i]![j]!.count])).filter(([, n]) => n !== 0));
    expect(byCode(table)).toEqual(byCode(direct));
    expect(table.test).toEqual(direct.test);
    const both = wave2026.filter((g) => g.shown.has('secteur_principal') && g.shown.has('employeur') && g.payload.answers.secteur_principal !== undefined && g.payload.answers.employeur !== undefined);
    expect(table.base).toBe(both.length);
    const text = memoryIo();
    expect(await crosstab.run(['--database', database, '--rows', 'employeur', '--cols', 'valorisation_benevolat', '--lang', 'en'], text.io)).toBe(0);
    expect(text.out()).toMatch(/^Does your association employ/);
    expect(text.out()).toContain('Row shares');
    expect(text.out()).toMatch(/χ² = [\d.]+, df = 1, p = /);
    // No --wave: the waves pooled are named, and how to keep one.
    const waves = [...new Set(items.map((g) => g.payload.wave))].sort();
    expect(waves.length).toBeGreaterThan(1);
    expect(text.err()).toBe(`olva crosstab: note, ${waves.length} waves pooled (${waves.join(', ')}): an association that answered several counts several times; --wave <wave> keeps one.\n`);
    expect(m.err()).toBe('');
    const hidden = memoryIo();
    // Brest's table cannot be protected beside Brest's published sectors (withheld); Rennes' (both waves) can.
    expect(await crosstab.run(['--database', database, '--rows', 'secteur_principal', '--cols', 'employeur', '--territory', 'commune:35238'], hidden.io)).toBe(0);
    expect(hidden.out()).toContain('< 3');
    expect(hidden.out()).toContain('χ² non publié');
    // A row whose total is hidden shows no "100 %" in the row shares.
    const rowShares = hidden.out().split('Parts en ligne')[1]!.split('Parts en colonne')[0]!.trim().split('\n').slice(1, -1);
    const counts = hidden.out().split('Effectifs')[1]!.split('Parts en ligne')[0]!.trim().split('\n').slice(1, -1);
    expect(counts.some((line) => /(<\s3|×)$/.test(line))).toBe(true);
    // Nor a row with nobody in it.
    counts.forEach((line, i) => expect(/(<\s3|×| 0)$/.test(line)).toBe(!/100,0\s%$/.test(rowShares[i]!)));
  });

  it('refuses a question that cannot be crossed, naming it', async () => {
    const m = memoryIo();
    expect(await crosstab.run(['--database', database, '--rows', 'publics', '--cols', 'employeur', '--lang', 'en'], m.io)).toBe(1);
    expect(m.err()).toContain('/rows: [analysis/crosstab-question] "publics" is a multiple question');
    // In French, French words (they came in English whatever --lang said).
    const fr = memoryIo();
    expect(await crosstab.run(['--database', database, '--rows', 'employeur', '--cols', 'employeur', '--lang', 'fr'], fr.io)).toBe(1);
    expect(fr.err()).toContain('/columns: [analysis/crosstab-question] une question croisée avec elle-même (« employeur ») n’apprend rien');
    expect(await crosstab.run(['--database', database, '--rows', 'publics'], memoryIo().io)).toBe(2);
  });
});
