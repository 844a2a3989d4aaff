/**
 * The expected distribution of a territory from the open-data extract of the national
 * register of associations (RNA, "rna_waldec" files: `;`-separated, one association a row,
 * columns id;id_ex;siret;…;objet_social1;objet_social2;…;adrs_codeinsee;…;position;maj_time).
 * Keeps the associations whose head-office commune (adrs_codeinsee) lies in the territory,
 * skips dissolved ones (position other than A, or a date_disso), and counts them by core
 * sector through the versioned WALDEC mapping. Rows that cannot be read are counted and
 * their lines kept (the first 20), never fatal. The register overstates active
 * associations: dissolutions are rarely declared.
 */
import { CsvReadError, splitCsvStream } from '@olva/compiler/csv';
import { sectorOf, type WaldecMapping } from './waldec.js';

/** The columns the count reads (their order comes from the header). */
export const RNA_COLUMNS = ['id', 'objet_social1', 'adrs_codeinsee', 'position', 'date_disso'] as const;

/** What was read, kept and skipped. */
export interface RnaCount {
  /** Sector code → associations kept. */
  sectors: Record<string, number>;
  rows: number;
  kept: number;
  outside: number;
  dissolved: number;
  /** Kept associations whose theme the mapping does not classify (not in `sectors`). */
  unclassified: number;
  /** Rows without a usable commune code. */
  noCommune: number;
  malformed: number;
  /** Up to 20 malformed rows: line and reason. */
  malformedLines: { line: number; reason: string }[];
}

/** Thrown when the file is not an RNA extract (its header lacks a column the count needs). */
export class RnaFormatError extends Error {}

const MAX_REPORTED = 20;
const NO_DATE = /^(|0001-01-01|0000-00-00)$/;

/** Counts the associations of an RNA extract inside `communes` (INSEE codes). */
export async function countRna(chunks: AsyncIterable<string>, communes: ReadonlySet<string>, mapping: WaldecMapping): Promise<RnaCount> {
  const out: RnaCount = { sectors: {}, rows: 0, kept: 0, outside: 0, dissolved: 0, unclassified: 0, noCommune: 0, malformed: 0, malformedLines: [] };
  const bad = (line: number, reason: string): void => {
    out.malformed += 1;
    if (out.malformedLines.length < MAX_REPORTED) out.malformedLines.push({ line, reason });
  };
  let header: string[] | null = null;
  const at: Record<string, number> = {};
  try {
    for await (const record of splitCsvStream(chunks, ';')) {
      if (!header) {
        header = record.fields.map((f) => f.trim().toLowerCase());
        const missing = RNA_COLUMNS.filter((c) => !header!.includes(c));
        if (missing.length) throw new RnaFormatError(`line 1: not an RNA extract: the header lacks ${missing.join(', ')}`);
        for (const c of RNA_COLUMNS) at[c] = header.indexOf(c);
        continue;
      }
      out.rows += 1;
      if (record.fields.length !== header.length) { bad(record.line, `${record.fields.length} fields where the header has ${header.length}`); continue; }
      const get = (c: (typeof RNA_COLUMNS)[number]): string => record.fields[at[c]!]!.trim();
      if (!/^W\d{9}$/i.test(get('id'))) { bad(record.line, `id "${get('id').slice(0, 20)}" is not an RNA number`); continue; }
      const commune = get('adrs_codeinsee').toUpperCase();
      if (!/^[0-9][0-9AB]\d{3}$/.test(commune)) { out.noCommune += 1; continue; }
      if (!communes.has(commune)) { out.outside += 1; continue; }
      if (get('position').toUpperCase() !== 'A' || !NO_DATE.test(get('date_disso'))) { out.dissolved += 1; continue; }
      out.kept += 1;
      const sector = sectorOf(mapping, get('objet_social1'));
      if (sector === null) { out.unclassified += 1; continue; }
      out.sectors[sector] = (out.sectors[sector] ?? 0) + 1;
    }
  } catch (e) {
    // Only the last record can hold a quote never closed: every record before it is counted.
    if (!(e instanceof CsvReadError)) throw e;
    out.rows += 1;
    bad(e.recordLine, 'a quoted field is never closed before the end of the file');
  }
  if (!header) throw new RnaFormatError('the file is empty: no header line');
  return out;
}
