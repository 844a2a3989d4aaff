/**
 * `@olva/compiler/csv`: the CSV writer alone (formula escaping, quoting, records, BOM), for
 * the collector's exports. A separate entry so that a server can write CSV without loading
 * the compiler's emitters (json-schema-to-typescript among them).
 */
export { escapeFormula, csvField, csvRecord, toCsv, BOM as CSV_BOM, type CsvCell, type CsvSeparator } from './emit/csv.js';
