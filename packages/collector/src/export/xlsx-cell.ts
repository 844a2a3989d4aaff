/**
 * One cell of an XLSX sheet as SpreadsheetML: numbers as `<v>`, texts as inline strings
 * (`t="inlineStr"`, no shared-strings table to hold in memory), empty cells and empty texts
 * left out.
 *
 * Texts are escaped for spreadsheets first (`escapeFormula`, as in the CSV: the workbook may
 * be re-saved as CSV), then cut to Excel's limit, then written as XML text that every reader
 * gives back as that escaped text:
 * - `&`, `<`, `>` as entities; CR as `&#13;` (a raw CR would be read back as LF);
 * - the C0 controls XML 1.0 forbids (all but tab, LF, CR), U+FFFE and U+FFFF as OOXML's
 *   `_xHHHH_` escapes (ECMA-376 ST_Xstring), which Excel decodes to the character itself;
 * - a literal `_xHHHH_` in the text as `_x005F_xHHHH_`, so that no reader decodes it: without
 *   that, `_x003D_cmd` would come back as `=cmd`, past `escapeFormula`;
 * - a lone surrogate (not encodable in UTF-8) as U+FFFD.
 */
import { escapeFormula } from '@olva/compiler/csv';
import type { Cell } from './values.js';

/** Excel's limit on the characters (UTF-16 units) of a cell; it "repairs" longer ones away. */
export const XLSX_CELL_LIMIT = 32_767;

/** Ends a text cut to `XLSX_CELL_LIMIT`; the CSV and NDJSON exports keep the whole text. */
export const XLSX_TRUNCATION_MARK = ' […] (tronqué / truncated)';

/** Texts needing work beyond the fast path. `u`: a surrogate pair is one code point, so only
 * lone surrogates match the surrogate range. */
const SPECIAL = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/u;
const SPECIAL_ALL = /[&<>\r\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]|_x[0-9A-Fa-f]{4}_/gu;

/** The XML text for one match of SPECIAL_ALL. */
function replacement(match: string): string {
  switch (match) {
    case '&': return '&amp;';
    case '<': return '&lt;';
    case '>': return '&gt;';
    case '\r': return '&#13;';
  }
  if (match.length > 1) return `_x005F${match}`;
  const code = match.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** `text` cut to XLSX_CELL_LIMIT units with XLSX_TRUNCATION_MARK, never inside a surrogate pair. */
export function truncateForXlsx(text: string): string {
  if (text.length <= XLSX_CELL_LIMIT) return text;
  let end = XLSX_CELL_LIMIT - XLSX_TRUNCATION_MARK.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + XLSX_TRUNCATION_MARK;
}

/** The XML character data for a cell's text, as described above (no escapeFormula here). */
export function xlsxXmlText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, replacement) : text;
}

/** Cell references' column letters, by column index (0 → A, 26 → AA). */
const letters: string[] = [];

/** The column letters of the 0-based column `index`. */
export function columnLetters(index: number): string {
  let name = letters[index];
  if (name === undefined) {
    name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    letters[index] = name;
  }
  return name;
}

/** Distinct texts a workbook's shared-strings table holds at most (see `SharedStrings`). */
export const SHARED_STRINGS_MAX = 4096;

/** Texts longer than this (UTF-16 units) are written inline, never shared. */
export const SHARED_STRING_MAX_CHARS = 256;

/**
 * The workbook's shared-strings table (`xl/sharedStrings.xml`), bounded: the first
 * `SHARED_STRINGS_MAX` distinct short texts met go in, each written once and then named by
 * its index, the rest stay inline. The « libellés » sheet is mostly the same few labels
 * (« Oui », « Non », the choices') row after row, which inline cost each cell some 60 bytes of
 * XML, built, spooled, compressed and checksummed; the table holds a few hundred of them, and
 * at most a few MB whatever the answers.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];

  /**
   * @param columns which columns' texts may be shared, by index (all when absent): not those
   * whose every value is its own (identifiers, times, free texts), which filled the table with
   * texts named once before the labels of later rows had their turn
   */
  constructor(private readonly columns?: readonly boolean[]) {}

  /**
   * The index of `text` (a cell's value as the rows give it, in column `column`), added if there
   * is room; undefined to write it inline.
   */
  indexOf(text: string, column?: number): number | undefined {
    if (column !== undefined && this.columns && !this.columns[column]) return undefined;
    let i = this.index.get(text);
    if (i === undefined && this.items.length < SHARED_STRINGS_MAX && text.length <= SHARED_STRING_MAX_CHARS) {
      i = this.items.length;
      this.items.push(textXml(escapeFormula(text)));
      this.index.set(text, i);
    }
    return i;
  }

  /** The part's XML: every text added, in index order. */
  xml(): string {
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${this.items.length}">`
      + this.items.map((t) => `<si>${t}</si>`).join('') + '</sst>';
  }
}

/**
 * The `<t>` element of a text already escaped for spreadsheets and cut to the limit. xml:space
 * keeps leading and trailing white space, which readers may otherwise drop; only there (as
 * openpyxl writes it): on every text it was a quarter of the « libellés » sheet.
 */
function textXml(text: string): string {
  return `<t${EDGE_SPACE.test(text) ? ' xml:space="preserve"' : ''}>${xlsxXmlText(text)}</t>`;
}

/** A text beginning or ending with XML white space. */
const EDGE_SPACE = /^[ \t\n\r]|[ \t\n\r]$/;

/**
 * The `<c>` element of `cell` at `ref` (such as `B7`), with the style index `style` if given;
 * '' for an empty cell, null or '' (a spreadsheet's blank, as in the CSV). A number that is
 * not finite (no XML double) is written as text: from `strings` when given and it has room
 * (and shares column `column`'s texts), inline otherwise.
 */
export function cellXml(ref: string, cell: Cell, style?: number, strings?: SharedStrings, column?: number): string {
  if (cell === null || cell === '') return '';
  const s = style === undefined ? '' : ` s="${style}"`;
  if (typeof cell === 'number' && Number.isFinite(cell)) return `<c r="${ref}"${s}><v>${cell}</v></c>`;
  const shared = strings?.indexOf(String(cell), column);
  if (shared !== undefined) return `<c r="${ref}"${s} t="s"><v>${shared}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textXml(truncateForXlsx(escapeFormula(String(cell))))}</is></c>`;
}
