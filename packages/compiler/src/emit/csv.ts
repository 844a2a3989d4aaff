/**
 * CSV writing shared by the codebook (and usable by the collector's export): RFC 4180 quoting,
 * CRLF line ends, a UTF-8 byte order mark so that spreadsheet software reads accents right,
 * and formula escaping so that no cell is ever run as a spreadsheet formula.
 */

/** UTF-8 byte order mark. */
export const BOM = '\uFEFF';

/**
 * Escapes spreadsheet formulas (CSV injection): a cell starting with `=`, `+`, `-`, `@`, a tab
 * or a carriage return gets a leading `'`, which spreadsheets show as text.
 */
export function escapeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One CSV field: formula-escaped, then quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const cell = typeof value === 'string' ? escapeFormula(value) : String(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A whole CSV document (BOM, header, rows, CRLF after every record). */
export function toCsv(headers: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const lines = [headers, ...rows].map((r) => r.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
