/**
 * The rows of an imported spreadsheet, whatever it is: a CSV file (its encoding and separator
 * guessed, or given) or an XLSX workbook (its first sheet), with how it was read for the
 * summary.
 */
import type { CsvDelimiter, CsvEncoding } from '@olva/compiler/csv';
import { readCsv, type CsvRow } from './csv-read.js';
import { looksLikeZip, readXlsx } from './xlsx-read.js';

/** A spreadsheet's header and rows, and how they were read. */
export interface Table {
  header: string[];
  rows: CsvRow[];
  /** `{ format: 'csv', encoding, bom, separator }` or `{ format: 'xlsx', sheet }`. */
  format: Record<string, unknown>;
}

/** Reads a CSV file or an XLSX workbook (by its name, or its bytes starting as a zip). */
export async function readTable(file: string, bytes: Buffer, csv: { encoding?: CsvEncoding; delimiter?: CsvDelimiter } = {}): Promise<Table> {
  if (/\.xlsx$/i.test(file) || looksLikeZip(bytes)) {
    const sheet = await readXlsx(bytes);
    return { header: sheet.header, rows: sheet.rows, format: { format: 'xlsx', sheet: sheet.sheet } };
  }
  const read = readCsv(bytes, csv);
  return { header: read.header, rows: read.rows, format: { format: 'csv', encoding: read.encoding, bom: read.bom, separator: read.delimiter === '\t' ? 'tab' : read.delimiter } };
}
