/**
 * A worksheet's XML (`xl/worksheets/sheetN.xml`) made on demand by an async generator: the
 * header row in bold and frozen, column widths from the header, then one `<row>` per row of
 * cells, pulled from `rows` only as the consumer asks for more XML (the zip entry's stream,
 * whose back-pressure therefore reaches the store).
 */
import type { Cell } from './values.js';
import { cellXml, columnLetters, type SharedStrings } from './xlsx-cell.js';

/** Style index of the header cells in the package's styles.xml (see xlsx-parts.ts). */
export const HEADER_STYLE = 1;

/** XML gathered before it is handed on: big enough to keep stream calls few, small enough
 * to stay far below the zip stream's buffers. */
export const CHUNK_CHARS = 64 * 1024;

const SHEET_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
  + '<sheetViews><sheetView workbookViewId="0">'
  + '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
  + '</sheetView></sheetViews>';

/** A column's width in characters: its header's, within bounds. */
function width(header: string): number {
  return Math.min(Math.max(header.length + 2, 8), 50);
}

/** The `<row>` element of row number `n` (1-based), its texts from `strings` where it has them. */
export function rowXml(n: number, cells: readonly Cell[], style?: number, strings?: SharedStrings): string {
  let xml = `<row r="${n}">`;
  for (let i = 0; i < cells.length; i++) xml += cellXml(columnLetters(i) + n, cells[i], style, strings, i);
  return `${xml}</row>`;
}

/**
 * Yields the sheet's XML in chunks: `header` as its first row, then every row of `rows`, their
 * texts from `strings` where it has them. Rows are read only as chunks are asked for;
 * returning early (the consumer went away) ends the iteration of `rows`.
 */
export async function* sheetXml(
  header: readonly string[], rows: AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>, strings?: SharedStrings,
): AsyncGenerator<string, void, undefined> {
  let xml = sheetStart(header);
  let n = 1;
  for await (const cells of rows) {
    xml += rowXml(++n, cells, undefined, strings);
    if (xml.length >= CHUNK_CHARS) {
      yield xml;
      xml = '';
    }
  }
  yield `${xml}${SHEET_END}`;
}

/** The sheet's XML up to its header row included (rows follow from number 2). */
export function sheetStart(header: readonly string[]): string {
  let xml = SHEET_START;
  if (header.length) {
    xml += '<cols>';
    header.forEach((name, i) => { xml += `<col min="${i + 1}" max="${i + 1}" width="${width(name)}" customWidth="1"/>`; });
    xml += '</cols>';
  }
  return `${xml}<sheetData>${rowXml(1, header, HEADER_STYLE)}`;
}

/** What closes a sheet after its last row. */
export const SHEET_END = '</sheetData></worksheet>';
