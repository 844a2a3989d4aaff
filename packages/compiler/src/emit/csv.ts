/**
 * The one CSV writer of OLVA: the build's codebook and every export of the collector (data,
 * codebook; its XLSX escapes texts the same way). RFC 4180 quoting, CRLF line ends, a UTF-8
 * byte order mark so that spreadsheet software reads accents right, and formula escaping so
 * that no cell is ever run as a spreadsheet formula, whichever separator the file is opened
 * with.
 */

/** UTF-8 byte order mark. */
export const BOM = '\uFEFF';

/** A CSV cell: text, number, boolean, or empty (`null`, `undefined`). */
export type CsvCell = string | number | boolean | null | undefined;

/** Field separators: `,` (RFC 4180) or `;` (what French spreadsheets expect). */
export type CsvSeparator = ',' | ';';

/**
 * Every place of a text where a spreadsheet could start a cell: the start, and after a comma,
 * a semicolon or a line break, because a file written with one separator gets opened with
 * the other (French Excel splits on `;`) or cut into lines by a lenient reader. Double quotes
 * there are skipped: such a reader drops them. A formula start is `=`, `+`, `-`, `@`, a tab or
 * a carriage return.
 */
const FORMULA_STARTS = /(?<=^|[,;\r\n])"*(?=[=+\-@\t\r])/g;
/** The same test without a look-behind: three times faster on the texts that need nothing. */
const HAS_FORMULA_START = /^"*[=+\-@\t\r]|[,;\r\n]"*[=+\-@\t\r]/;

/** A field holding one of these is quoted: both separators, so that it stays one field with either. */
const MUST_QUOTE = /[",;\r\n]/;

/**
 * Escapes spreadsheet formulas (CSV injection): wherever a cell could begin in `text` (see
 * above), a formula start gets a leading `'`, which spreadsheets show as text. `=1+1` becomes
 * `'=1+1`, `x;=cmd` becomes `x;'=cmd`, `a\n-b` becomes `a\n'-b`.
 */
export function escapeFormula(text: string): string {
  // A look-behind, not a captured break: in `\r=`, the CR is a formula start and a break.
  return HAS_FORMULA_START.test(text) ? text.replace(FORMULA_STARTS, "$&'") : text;
}

/**
 * One CSV field: empty for null, undefined and non-finite numbers; numbers and booleans as
 * JavaScript writes them; texts formula-escaped, then quoted when they hold a comma, a
 * semicolon, a quote, CR or LF.
 */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  const text = escapeFormula(value);
  return MUST_QUOTE.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(cells: readonly CsvCell[], separator: CsvSeparator = ','): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += separator;
    line += csvField(cells[i]);
  }
  return line + '\r\n';
}

/** A whole CSV document (BOM, header, rows, CRLF after every record). */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[], separator: CsvSeparator = ','): string {
  let out = BOM + csvRecord(headers, separator);
  for (const row of rows) out += csvRecord(row, separator);
  return out;
}
