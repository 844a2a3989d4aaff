/**
 * The territory's reference table of employer associations, in the shape of INSEE's Flores
 * tables (établissements employeurs and postes salariés at 31 December, by sector), supplied
 * as CSV. Columns (header line, any order; `;` or `,` separated; UTF-8, or the Windows-1252 of
 * French Excel when given as bytes):
 *
 * | column | required | content |
 * |---|---|---|
 * | `territoire` | yes | `level:code`, e.g. `commune:35238`, `epci:200042174`, `departement:35`; `network:all` for the whole network's table |
 * | `annee` | yes | the year of the figures (four digits) |
 * | `secteur` | yes | the sector's label; `Ensemble` (or `Total`) for all sectors |
 * | `etablissements_employeurs` | yes | employer establishments of associations (integer) |
 * | `postes_salaries` | yes | salaried posts at 31 December (integer) |
 * | `etp` | no | full-time equivalents (decimal, `,` or `.`) |
 * | `source` | no | where the row comes from (e.g. `INSEE, Flores 2022`) |
 *
 * Numbers may have spaces between thousands; `s` (INSEE's statistical secret) or `nd` (not
 * available) stand for a figure not published. Any mistake stops the reading with the file,
 * line and column, and what was expected.
 */
import { decodeCsv } from '@olva/compiler/csv';
import { isTerritoryLevel } from '@olva/schema';
import { isNetworkTerritory, type TerritoryRef } from '@olva/analysis';
import { ReportError } from '../errors.js';
import type { Bilingual } from '../i18n.js';
import { readCsvRecords, type CsvField } from './csv-records.js';

/** The columns of a reference table, with whether each is required. */
export const REFERENCE_COLUMNS = Object.freeze([
  { name: 'territoire', required: true },
  { name: 'annee', required: true },
  { name: 'secteur', required: true },
  { name: 'etablissements_employeurs', required: true },
  { name: 'postes_salaries', required: true },
  { name: 'etp', required: false },
  { name: 'source', required: false },
] as const);

type ColumnName = (typeof REFERENCE_COLUMNS)[number]['name'];

/** One row of the reference table; null figures are secret (`s`) or not available (`nd`). */
export interface ReferenceRow {
  /** Its line in the file. */
  line: number;
  /** A territory payloads name, or the network (`network:all`), whose report reads the network's table. */
  territory: TerritoryRef;
  year: number;
  sector: string;
  /** True for the all-sectors row (`Ensemble`, `Total`). */
  total: boolean;
  employers: number | null;
  posts: number | null;
  fte: number | null;
  source: string;
  /**
   * Why a null figure is missing, as the file said it: `s` (INSEE's statistical secret), `nd`
   * (not available); a figure absent from the file (an empty or missing `etp`) has no entry.
   */
  unpublished: Partial<Record<'employers' | 'posts' | 'fte', 's' | 'nd'>>;
}

/** A reference table read from a file. */
export interface ReferenceTable {
  file: string;
  rows: ReferenceRow[];
}

const TOTAL = /^(ensemble|total|tous secteurs|all sectors)$/i;
const NOT_PUBLISHED = /^(s|nd|n\.d\.)$/i;

/**
 * Reads and checks a reference table: its text, or its file's bytes (UTF-8 with or without
 * BOM, else Windows-1252). @throws ReportError naming file, line and column.
 */
export function parseReference(source: string | Uint8Array, file: string): ReferenceTable {
  const text = typeof source === 'string' ? source : decodeCsv(source).text;
  const { records } = readCsvRecords(text, file);
  const at = (f: { line: number; column: number }) => `${file}:${f.line}:${f.column}`;
  const fail = (f: { line: number; column: number }, rule: string, message: Bilingual): never => {
    throw new ReportError(`reports/${rule}`, message, at(f));
  };
  const header = records[0];
  if (!header) fail({ line: 1, column: 1 }, 'reference-empty', { fr: 'fichier vide : une ligne d’en-tête puis une ligne par secteur', en: 'empty file: a header line, then one line per sector' });
  const known = REFERENCE_COLUMNS.map((c) => c.name) as string[];
  const index = new Map<ColumnName, number>();
  header!.forEach((field, k) => {
    const name = field.value.trim().toLowerCase();
    if (!known.includes(name)) {
      fail(field, 'reference-column', { fr: `colonne inconnue « ${field.value} » ; colonnes possibles : ${known.join(', ')}`, en: `unknown column "${field.value}"; the columns are: ${known.join(', ')}` });
    }
    if (index.has(name as ColumnName)) fail(field, 'reference-column', { fr: `colonne « ${name} » en double`, en: `column "${name}" given twice` });
    index.set(name as ColumnName, k);
  });
  for (const c of REFERENCE_COLUMNS) {
    if (c.required && !index.has(c.name)) {
      fail({ line: 1, column: 1 }, 'reference-column', { fr: `colonne obligatoire « ${c.name} » absente de l’en-tête`, en: `required column "${c.name}" missing from the header` });
    }
  }
  const rows: ReferenceRow[] = [];
  const seen = new Map<string, number>();
  for (const record of records.slice(1)) {
    const line = record[0]!.line;
    if (record.length !== header!.length) {
      const where = record[Math.min(record.length, header!.length) - 1]!;
      fail(where, 'reference-fields', {
        fr: `${record.length} champs sur cette ligne, ${header!.length} dans l’en-tête`,
        en: `${record.length} fields on this line, ${header!.length} in the header`,
      });
    }
    const field = (name: ColumnName): CsvField | undefined => (index.has(name) ? record[index.get(name)!] : undefined);
    const territoryField = field('territoire')!;
    const [level, code, ...rest] = territoryField.value.trim().split(':');
    if (!(isTerritoryLevel(level) || isNetworkTerritory({ level: level ?? '', code: code ?? '' })) || !code || rest.length) {
      fail(territoryField, 'reference-territory', {
        fr: `« ${territoryField.value} » n’est pas un territoire niveau:code (commune:35238, epci:200042174, departement:35…, network:all pour l’ensemble du réseau)`,
        en: `"${territoryField.value}" is not a level:code territory (commune:35238, epci:200042174, departement:35…, network:all for the whole network)`,
      });
    }
    const yearField = field('annee')!;
    if (!/^\d{4}$/.test(yearField.value.trim())) {
      fail(yearField, 'reference-year', { fr: `année attendue sur quatre chiffres, lu « ${yearField.value} »`, en: `a four-digit year expected, got "${yearField.value}"` });
    }
    const sectorField = field('secteur')!;
    const sector = sectorField.value.trim();
    if (!sector) fail(sectorField, 'reference-sector', { fr: 'secteur vide (« Ensemble » pour tous les secteurs)', en: 'empty sector ("Ensemble" for all sectors)' });
    const unpublished: ReferenceRow['unpublished'] = {};
    const number = (name: ColumnName, integer: boolean, optional: boolean, key: keyof ReferenceRow['unpublished']): number | null => {
      const f = field(name);
      if (!f) return null;
      const raw = f.value.trim();
      if (optional && raw === '') return null;
      if (NOT_PUBLISHED.test(raw)) {
        unpublished[key] = /^s$/i.test(raw) ? 's' : 'nd';
        return null;
      }
      const cleaned = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
      const pattern = integer ? /^\d+$/ : /^\d+(\.\d+)?$/;
      if (!pattern.test(cleaned)) {
        fail(f, 'reference-number', {
          fr: `colonne ${name} : ${integer ? 'entier positif' : 'nombre positif'} attendu (ou « s » pour le secret statistique), lu « ${f.value} »`,
          en: `column ${name}: ${integer ? 'a whole number' : 'a non-negative number'} expected (or "s" for statistical secret), got "${f.value}"`,
        });
      }
      return Number(cleaned);
    };
    const row: ReferenceRow = {
      line,
      territory: { level: level as TerritoryRef['level'], code: code! },
      year: Number(yearField.value.trim()),
      sector,
      total: TOTAL.test(sector),
      employers: number('etablissements_employeurs', true, false, 'employers'),
      posts: number('postes_salaries', true, false, 'posts'),
      fte: number('etp', false, true, 'fte'),
      source: field('source')?.value.trim() ?? '',
      unpublished,
    };
    const key = `${level}:${code}|${row.year}|${sector.toLowerCase()}`;
    if (seen.has(key)) {
      fail(sectorField, 'reference-duplicate', {
        fr: `${level}:${code}, ${row.year}, « ${sector} » déjà donné ligne ${seen.get(key)}`,
        en: `${level}:${code}, ${row.year}, "${sector}" already given on line ${seen.get(key)}`,
      });
    }
    seen.set(key, line);
    rows.push(row);
  }
  if (!rows.length) fail({ line: 2, column: 1 }, 'reference-empty', { fr: 'aucune ligne de données après l’en-tête', en: 'no data line after the header' });
  return { file, rows };
}
