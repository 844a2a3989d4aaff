/**
 * Reading a CSV file made by any tool through OLVA's one CSV reader (`@olva/compiler/csv`):
 * its encoding (UTF-8, with or without a byte order mark, or the Windows-1252 of French
 * Excel), its separator (`,`, `;` or a tab, from the header), and its records each with the
 * line it starts on, so that a refused row is named `file.csv:line`.
 */
import { CsvReadError, decodeCsv, guessDelimiter, splitCsv, type CsvDelimiter, type CsvEncoding } from '@olva/compiler/csv';

/** One record and the 1-based line of the file it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV file once read. */
export interface CsvDocument {
  encoding: CsvEncoding;
  /** True when the file began with a UTF-8 byte order mark. */
  bom: boolean;
  delimiter: CsvDelimiter;
  header: string[];
  rows: CsvRow[];
}

/** Reads a CSV file's bytes: encoding, separator, header and rows. @throws CsvReadError */
export function readCsv(bytes: Uint8Array, options: { encoding?: CsvEncoding; delimiter?: CsvDelimiter } = {}): CsvDocument {
  const { text, encoding, bom } = decodeCsv(bytes, options.encoding);
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const [head, ...rows] = splitCsv(text, delimiter).map((r): CsvRow => ({ line: r.line, cells: r.fields }));
  if (!head) throw new CsvReadError('csv-empty', { fr: 'fichier vide : aucune ligne d’en-tête', en: 'empty file: no header line' }, 1);
  return { encoding, bom, delimiter, header: head.cells.map((c) => c.trim()), rows };
}
