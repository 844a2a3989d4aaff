import { describe, expect, it } from 'vitest';
import { parseReference } from './reference.js';
import { ReportError } from '../errors.js';

const HEADER = 'territoire;annee;secteur;etablissements_employeurs;postes_salaries;etp;source';
const GOOD = `\uFEFF${HEADER}\r
commune:35238;2022;Ensemble;1 052;12 480;9 870,5;INSEE, Flores 2022\r
commune:35238;2022;"Action sociale; santé";310;6 900;s;"INSEE ""Flores"""\r
commune:35238;2022;Sport;nd;S;;INSEE\r
`;

function errorOf(text: string): string {
  try {
    parseReference(text, 'ref.csv');
  } catch (e) {
    if (e instanceof ReportError) return e.message;
    throw e;
  }
  throw new Error('no error raised');
}

describe('the reference table (INSEE Flores shape)', () => {
  it('reads ; separated rows with thousands spaces, decimal commas, quotes and the secret', () => {
    const table = parseReference(GOOD, 'ref.csv');
    expect(table.rows).toEqual([
      { line: 2, territory: { level: 'commune', code: '35238' }, year: 2022, sector: 'Ensemble', total: true, employers: 1052, posts: 12480, fte: 9870.5, source: 'INSEE, Flores 2022', unpublished: {} },
      { line: 3, territory: { level: 'commune', code: '35238' }, year: 2022, sector: 'Action sociale; santé', total: false, employers: 310, posts: 6900, fte: null, source: 'INSEE "Flores"', unpublished: { fte: 's' } },
      // Why each figure is missing is kept, so the note writes what the file said.
      { line: 4, territory: { level: 'commune', code: '35238' }, year: 2022, sector: 'Sport', total: false, employers: null, posts: null, fte: null, source: 'INSEE', unpublished: { employers: 'nd', posts: 's' } },
    ]);
  });

  it('reads , separated files in any column order, optional columns left out', () => {
    const table = parseReference('secteur,annee,territoire,postes_salaries,etablissements_employeurs\nSport,2021,epci:200042174,820,180\n', 'r.csv');
    expect(table.rows[0]).toMatchObject({ sector: 'Sport', year: 2021, territory: { level: 'epci', code: '200042174' }, employers: 180, posts: 820, fte: null });
  });

  it('reads the bytes of a file saved by French Excel (Windows-1252) as well as UTF-8 ones', () => {
    const header = 'territoire;annee;secteur;etablissements_employeurs;postes_salaries\r\n';
    // "Santé, l’œuvre" in Windows-1252: é 0xE9, ’ 0x92, œ 0x9C.
    const cp1252 = Buffer.concat([Buffer.from(`${header}commune:35238;2022;Sant`), Buffer.from([0xe9, 0x2c, 0x20, 0x6c, 0x92, 0x9c]), Buffer.from('uvre;10;20\r\n')]);
    expect(parseReference(cp1252, 'ref.csv').rows[0]).toMatchObject({ line: 2, sector: 'Santé, l’œuvre', employers: 10, posts: 20 });
    expect(parseReference(Buffer.from(`\uFEFF${header}commune:35238;2022;Santé, l’œuvre;10;20\r\n`), 'ref.csv').rows[0]!.sector).toBe('Santé, l’œuvre');
  });

  it('names the file, line and column of each mistake', () => {
    const row = (fields: string) => `${HEADER}\ncommune:35238;2022;Ensemble;1052;12480;;\n${fields}\n`;
    expect(errorOf(row('commune:35238;2022;Sport;18O;820;;'))).toBe('ref.csv:3:26: [reports/reference-number] column etablissements_employeurs: a whole number expected (or "s" for statistical secret), got "18O"');
    expect(errorOf(row('ville:35238;2022;Sport;180;820;;'))).toMatch(/^ref\.csv:3:1: \[reports\/reference-territory\] "ville:35238" is not a level:code territory/);
    expect(errorOf(row('commune:35238;22;Sport;180;820;;'))).toBe('ref.csv:3:15: [reports/reference-year] a four-digit year expected, got "22"');
    expect(errorOf(row('commune:35238;2022;Sport;180;820'))).toBe('ref.csv:3:30: [reports/reference-fields] 5 fields on this line, 7 in the header');
    expect(errorOf(row('commune:35238;2022;Ensemble;180;820;;'))).toBe('ref.csv:3:20: [reports/reference-duplicate] commune:35238, 2022, "Ensemble" already given on line 2');
    expect(errorOf(row('commune:35238;2022;"Sport;180;820;;'))).toBe('ref.csv:3:20: [reports/csv-quote] quote opened here and never closed');
    expect(errorOf(row('commune:35238;2022;"Sport"x;180;820;;'))).toBe('ref.csv:3:27: [reports/csv-quote] character "x" after a quoted field (expected ";" or the end of the line)');
    expect(errorOf('territoire;annee;secteur;etablissement_employeurs;postes_salaries\n')).toMatch(/^ref\.csv:1:26: \[reports\/reference-column\] unknown column "etablissement_employeurs"; the columns are: territoire, annee/);
    expect(errorOf('territoire;annee;secteur;postes_salaries\n')).toBe('ref.csv:1:1: [reports/reference-column] required column "etablissements_employeurs" missing from the header');
    expect(errorOf(`${HEADER}\n`)).toBe('ref.csv:2:1: [reports/reference-empty] no data line after the header');
  });
});
