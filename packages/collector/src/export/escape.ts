/**
 * Cell encoding shared by every export: spreadsheet-formula escaping and RFC 4180 quoting.
 */

/** A cell value once mapped from an answer: text, a number, or empty (null). */
export type Cell = string | number | null;

// One formula-escaping rule for the codebook and every export: the compiler's.
import { escapeFormula } from '@olva/compiler';
export { escapeFormula };

const quoteTests = new Map<string, RegExp>();

/** The test for "this field must be quoted" with a given separator (made once per separator). */
function needsQuotes(separator: string): RegExp {
  let re = quoteTests.get(separator);
  if (!re) {
    re = new RegExp(`["\\r\\n${separator.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')}]`);
    quoteTests.set(separator, re);
  }
  return re;
}

/** Quotes one field per RFC 4180 when it holds the separator, a quote or a line break. */
export function quoteField(text: string, separator: string): string {
  return needsQuotes(separator).test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV field: empty for null, numbers as written by JavaScript, texts escaped then quoted. */
export function csvField(cell: Cell, separator: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return quoteField(escapeFormula(cell), separator);
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRecord(cells: readonly Cell[], separator: string): string {
  const quote = needsQuotes(separator);
  let line = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) line += separator;
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    if (typeof cell === 'number') {
      if (Number.isFinite(cell)) line += cell;
      continue;
    }
    const text = escapeFormula(cell);
    line += quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }
  return line + '\r\n';
}
