/**
 * `olva reference rna` on a small file in the RNA open-data format: associations of the
 * territory kept by sector, dissolved ones and those elsewhere skipped, malformed rows
 * counted and reported with their lines, never fatal; the mapping checked against the core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCoreQuestionnaire } from '@olva/core-questionnaire';
import { run } from './reference.js';
import { loadWaldecMapping, WALDEC_MAPPING_FILE } from '../reference/waldec.js';

// The published column format of the "rna_waldec" extract.
const COLUMNS = ['id', 'id_ex', 'siret', 'rup_mi', 'gestion', 'date_creat', 'date_decla', 'date_publi', 'date_disso', 'nature', 'groupement',
  'titre', 'titre_court', 'objet', 'objet_social1', 'objet_social2', 'adrs_complement', 'adrs_numvoie', 'adrs_repetition', 'adrs_typevoie',
  'adrs_libvoie', 'adrs_distrib', 'adrs_codeinsee', 'adrs_codepostal', 'adrs_libcommune', 'adrs_pays', 'adrg_declarant', 'adrg_complemid',
  'adrg_complemgeo', 'adrg_libvoie', 'adrg_distrib', 'adrg_codepostal', 'adrg_achemine', 'adrg_pays', 'dir_civilite', 'siteweb', 'publiweb',
  'observation', 'position', 'maj_time'];

let n = 0;
/** One row: the given columns, the others as the register leaves them (mostly empty). */
function row(values: Partial<Record<(typeof COLUMNS)[number], string>>): string {
  n += 1;
  const base: Record<string, string> = {
    id: `W35${String(3000000 + n).padStart(7, '0')}`, date_creat: '2012-05-04', nature: 'D', groupement: 'S', titre: `ASSOCIATION ${n}`,
    objet: 'pratique et promotion', objet_social1: '011000', objet_social2: '000000', adrs_codeinsee: '35238', adrs_codepostal: '35000',
    adrs_libcommune: 'Rennes', adrs_pays: 'FRANCE', date_disso: '0001-01-01', position: 'A', maj_time: '2025-06-01 10:00:00', ...values,
  };
  return COLUMNS.map((c) => base[c] ?? '').join(';');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-rna-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: string[], encoding: BufferEncoding = 'utf8'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(`${lines.join('\r\n')}\r\n`, encoding));
  return file;
}

async function cli(argv: string[]) {
  let out = ''; let err = '';
  const code = await run(argv, { stdout: { write: (s: string) => { out += s; } }, stderr: { write: (s: string) => { err += s; } }, env: { LANG: 'fr_FR.UTF-8' } });
  return { code, out, err };
}

const extract = () => write('rna_waldec_20250601_dpt_35.csv', [
  COLUMNS.join(';'),
  row({ objet_social1: '011000' }),
  row({ objet_social1: '011120', objet: '"football; futsal\net beach soccer"' }),   // quoted, separator and line break inside
  row({ objet_social1: '011040', titre: '"LES ""AMIS"" DU RING"' }),
  row({ objet_social1: '006030' }),
  row({ objet_social1: '010000' }),                                                 // patrimoine → culture
  row({ objet_social1: '024000' }),
  row({ objet_social1: '050000' }),                                                 // divers → other
  row({ objet_social1: '' }),                                                       // no theme: unclassified
  row({ position: 'D' }),                                                           // dissolved
  row({ date_disso: '2019-02-01' }),                                                // dissolution declared
  row({ adrs_codeinsee: '29019', adrs_libcommune: 'Brest' }),                      // elsewhere
  row({ adrs_codeinsee: '56121', adrs_libcommune: 'Lorient', objet_social1: '006000' }),
  row({ adrs_codeinsee: '' }),                                                      // no commune code
  `${row({})};en trop`,                                                             // one field too many
  row({ id: 'X12' }),                                                               // not an RNA number
  row({ objet_social1: '020000' }),
  row({ titre: '"GUILLEMET JAMAIS FERMÉ' }),                                        // quote never closed: last record
]);

describe('olva reference rna', () => {
  it('counts the active associations of the territory by core sector, and reports what it skipped', async () => {
    const file = extract();
    const out = path.join(dir, 'expected.json');
    const { code, err } = await cli(['rna', file, '--territory', 'commune:35238', '--wave', '2026', '--out', out]);
    expect(code).toBe(0);
    const entry = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(entry.territory).toEqual({ level: 'commune', code: '35238' });
    expect(entry.wave).toBe('2026');
    expect(entry.sectors).toEqual({ sport: 3, culture: 2, caritatif_humanitaire: 1, environnement: 1, other: 1 });
    expect(entry.source).toMatch(/WALDEC 1\.0\.0.*surestime/);
    expect(err).toContain('17 lignes lues : 9 associations actives dans commune:35238 (8 classées par secteur, 1 sans thème reconnu), 2 dissoutes écartées, 2 hors du territoire, 1 sans code commune, 3 lignes illisibles.');
    // Lines count the header and the line break inside the quoted field.
    expect(err).toContain(`${file}:16 : 41 fields where the header has 40`);
    expect(err).toContain(`${file}:17 : id "X12" is not an RNA number`);
    expect(err).toContain(`${file}:19 : a quoted field is never closed before the end of the file`);
    expect(err).toMatch(/surestime les associations en activité/);
  });

  it('takes the communes inside an EPCI, and writes to the standard output', async () => {
    const { code, out } = await cli(['rna', extract(), '--territory', 'epci:200042174']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ territory: { level: 'epci', code: '200042174' }, sectors: { culture: 1 } });
    expect(JSON.parse(out).wave).toBeUndefined();
  });

  it('reads a Latin-1 file when told so', async () => {
    const file = write('latin1.csv', [COLUMNS.join(';'), row({ titre: 'ÉCOLE DE MUSIQUE', objet_social1: '006030' })], 'latin1');
    const { code, out } = await cli(['rna', file, '--territory', 'commune:35238', '--encoding', 'latin1']);
    expect(code).toBe(0);
    expect(JSON.parse(out).sectors).toEqual({ culture: 1 });
  });

  it('reads a "Latin-1" file as the Windows-1252 it is: €, ’ and œ come through', async () => {
    // Bytes 0x80, 0x92, 0x9C: €, ’, œ in Windows-1252, control characters in Latin-1.
    const text = [COLUMNS.join(';'), row({ titre: 'L’ŒUVRE', objet_social1: '006030' }), row({ id: 'W€’œ' })].join('\r\n');
    const cp1252: Record<string, number> = { '€': 0x80, '’': 0x92, 'Œ': 0x8c, 'œ': 0x9c };
    const file = path.join(dir, 'windows-1252.csv');
    fs.writeFileSync(file, Uint8Array.from([...text].map((c) => cp1252[c] ?? c.charCodeAt(0))));
    for (const encoding of ['latin1', 'windows-1252']) {
      const { code, out, err } = await cli(['rna', file, '--territory', 'commune:35238', '--encoding', encoding]);
      expect(code).toBe(0);
      expect(JSON.parse(out).sectors).toEqual({ culture: 1 });
      expect(err).toContain(`${file}:3 : id "W€’œ" is not an RNA number`);
    }
    const unknown = await cli(['rna', file, '--territory', 'commune:35238', '--encoding', 'ebcdic']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--encoding vaut utf8, windows-1252 ou latin1');
  });

  it('refuses a missing or unknown territory, and a file that is not an RNA extract', async () => {
    const file = extract();
    expect((await cli(['rna', file])).code).toBe(2);
    expect((await cli(['rna', file, '--territory', 'commune:99999'])).code).toBe(1);
    expect((await cli(['rna', file, '--territory', 'custom:x'])).code).toBe(1);
    const other = write('other.csv', ['a;b;c', '1;2;3']);
    const refused = await cli(['rna', other, '--territory', 'commune:35238']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('not an RNA extract: the header lacks id, objet_social1, adrs_codeinsee, position, date_disso');
    expect((await cli(['rna', path.join(dir, 'absent.csv'), '--territory', 'commune:35238'])).code).toBe(1);
  });

  it('refuses a wave of a core whose sectors the mapping does not follow, and takes a mapping onto them', async () => {
    // 2027's example core splits social_sante into action_sociale and sante.
    const core2027 = fileURLToPath(new URL('../../../../examples/core-2027/olva-core-2027.json', import.meta.url));
    const file = write('rna_2027.csv', [COLUMNS.join(';'), row({ objet_social1: '017000' }), row({ objet_social1: '019000' })]);
    const refused = await cli(['rna', file, '--territory', 'commune:35238', '--wave', '2027', '--core', core2027]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('la correspondance WALDEC 1.0.0 (data/waldec-sectors.json) classe les thèmes dans les secteurs de olva-core 2026.2.2 ; le tronc commun olva-core 2027.0.0');
    expect(refused.err).toContain('n’a pas le(s) secteur(s) social_sante. Pour un millésime de ce tronc commun, donnez une correspondance vers ses secteurs : --mapping <fichier.json>');
    // A territory's mapping onto 2027's sectors.
    const mapping = JSON.parse(fs.readFileSync(WALDEC_MAPPING_FILE, 'utf8'));
    mapping.version = '2.0.0-rennes';
    mapping.core.version = '2027.0.0';
    for (const entry of [...Object.values(mapping.families), ...Object.values(mapping.codes)] as { sector: string }[]) {
      if (entry.sector === 'social_sante') entry.sector = 'action_sociale';
    }
    mapping.families['017'].sector = 'sante';
    const mappingFile = path.join(dir, 'waldec-2027.json');
    fs.writeFileSync(mappingFile, JSON.stringify(mapping));
    const taken = await cli(['rna', file, '--territory', 'commune:35238', '--wave', '2027', '--core', core2027, '--mapping', mappingFile]);
    expect(taken.code, taken.err).toBe(0);
    expect(JSON.parse(taken.out)).toMatchObject({ wave: '2027', sectors: { action_sociale: 1, sante: 1 } });
    expect(JSON.parse(taken.out).source).toContain('WALDEC 2.0.0-rennes vers les secteurs de olva-core 2027.0.0');
    // That mapping, against the current core (no --core), is refused the other way round.
    const current = await cli(['rna', file, '--territory', 'commune:35238', '--mapping', mappingFile]);
    expect(current.code).toBe(1);
    expect(current.err).toMatch(/n’a pas le\(s\) secteur\(s\) (action_sociale, sante|sante, action_sociale)/);
  });

  it('maps every WALDEC family onto a main sector of the core it names', () => {
    const mapping = loadWaldecMapping();
    const core = loadCoreQuestionnaire();
    expect(mapping.core).toMatchObject({ id: core.id, version: core.version });
    const question = core.sections.flatMap((s) => s.items).find((q: any) => q.id === mapping.core.question) as any;
    const codes = new Set([...question.choices.map((c: { code: string }) => c.code), ...(question.other ? ['other'] : [])]);
    for (const [family, { sector }] of Object.entries({ ...mapping.families, ...mapping.codes })) expect(codes.has(sector), family).toBe(true);
  });
});
