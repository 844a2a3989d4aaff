/**
 * `@olva/compiler/csv`: OLVA's one CSV writer (formula escaping, quoting, records, BOM), for
 * the collector's exports, and its one CSV reader (records with their lines and columns, whole
 * or streamed; the decoding of UTF-8 and Windows-1252 bytes; the separator guess), for every
 * file the CLI and the reports read. A separate entry so that a server can read and write CSV
 * without loading the compiler's emitters (json-schema-to-typescript among them).
 */
export { escapeFormula, csvField, csvRecord, toCsv, BOM as CSV_BOM, type CsvCell, type CsvSeparator } from './emit/csv.js';
export { splitCsv, splitCsvStream, CsvSplitter, CsvReadError, type CsvRecord, type CsvDelimiter, type CsvSplitOptions } from './csv-read.js';
export { decodeCsv, decodeCsvStream, decodeWindows1252, hasUtf8Bom, guessDelimiter, csvEncodingNamed, type CsvEncoding } from './csv-decode.js';
