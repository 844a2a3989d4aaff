/**
 * XLSX export with exceljs's streaming writer: sheet "réponses" (codes, like the CSV),
 * sheet "libellés" (the same rows with labels instead of codes) and sheet "codebook".
 *
 * A zip entry is written after the previous one ends, so the sheets are filled one after
 * the other; the responses are therefore read twice (`openResponses` is called once per
 * data sheet). Shared strings and styles are off.
 *
 * Back-pressure: exceljs's sheet buffer (`StreamBuf`) never refuses a write; it hands every
 * 64 KiB of committed rows to the archive's entry stream (a PassThrough made by archiver)
 * whatever that stream's fill, so rows piled up there (about 15 KB per row) whenever deflate
 * or the client was slower than the store. The writer therefore waits, every few rows, until
 * that entry stream has drained; from there on archiver, deflate and the output are piped,
 * and pipes honour back-pressure down to the socket. Memory stays flat whatever the count
 * and however slow the reader.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CompiledQuestionnaire } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import { variableColumns, type VariableColumn } from './columns.js';
import { CODEBOOK_HEADER, codebookCells, codebookEntries } from './codebook.js';
import { escapeFormula } from '@olva/compiler/csv';
import { headerCells, rowMapper, type Cell, type ExportLocale } from './values.js';
import { missingFiller, type MissingMode } from './missing.js';
import { harmonise } from './harmonise.js';

/** Sheet names, in workbook order. */
export const XLSX_SHEETS = { codes: 'réponses', labels: 'libellés', codebook: 'codebook' } as const;

/** Options of an XLSX export. */
export interface XlsxOptions {
  /** Language of the "libellés" sheet. */
  locale?: ExportLocale;
  columns?: VariableColumn[];
  /** Missing values as empty cells (default) or as the codes -7, -8, -9 (see missing.ts). */
  missing?: MissingMode;
  /** One column set across core versions through their crosswalks (see harmonise.ts). */
  harmonise?: boolean;
}

/** A cell for exceljs: texts escaped like in the CSV (the file may be re-saved as CSV). */
function xlsxCell(cell: Cell): string | number | null {
  return typeof cell === 'string' ? escapeFormula(cell) : cell;
}

/** Rows committed between two checks of the entry stream (a few dozen KiB of XML). */
const ROWS_PER_CHECK = 100;
/** Bytes of sheet XML the archive's entry stream may hold before the writer waits. */
const ENTRY_BACKLOG = 256 * 1024;

/** The stream archiver reads a sheet from: a PassThrough of readable-stream 2, which has no
 * `writableLength` yet, hence its state's `length`. */
interface EntryStream {
  once(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
  _writableState?: { length?: unknown };
}

/** The entry stream of a sheet: exceljs's `StreamBuf` pipes into it (exceljs 4.4 and
 * archiver 5; `undefined` if their insides change, and then only the output is watched,
 * which the slow-reader test of memory.test.ts would catch). */
function entryStream(sheet: ExcelJS.Worksheet): EntryStream | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const entry = Array.isArray(pipes) ? pipes[0] as EntryStream | undefined : undefined;
  return entry && typeof entry.once === 'function' && typeof entry._writableState?.length === 'number' ? entry : undefined;
}

/** Resolves on `event` of `stream`, or rejects once the output is closed (a client that
 * went away: reading on would only fill memory). */
function until(stream: EntryStream | Writable, event: 'drain', output: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = () => { off(); resolve(); };
    const closed = () => { off(); reject(new Error('the export output was closed before the end')); };
    const off = () => {
      stream.off(event, done);
      output.off('close', closed);
    };
    stream.once(event, done);
    output.once('close', closed);
  });
}

/** Waits until the sheet's entry stream and the output have room for more rows. */
async function room(sheet: ExcelJS.Worksheet, output: Writable): Promise<void> {
  if (output.destroyed) throw new Error('the export output was closed before the end');
  const entry = entryStream(sheet);
  // The entry buffers every write beyond its high-water mark, so it emits 'drain' once empty.
  if (entry && (entry._writableState!.length as number) > ENTRY_BACKLOG) await until(entry, 'drain', output);
  if (output.writableNeedDrain) await until(output, 'drain', output);
}

/**
 * Writes the workbook to `output` and resolves once it is complete (the output is ended).
 * `openResponses` must yield the same responses in the same order each time it is called.
 */
export async function writeXlsx(
  compiled: readonly CompiledQuestionnaire[],
  openResponses: () => AsyncIterable<StoredResponse>,
  output: Writable,
  options: XlsxOptions = {},
): Promise<void> {
  const h = options.harmonise ? harmonise(compiled) : undefined;
  const columns = options.columns ?? variableColumns(h?.builds ?? compiled);
  const locale = options.locale ?? 'fr';
  const finished = new Promise<void>((resolve, reject) => {
    output.once('finish', resolve);
    output.once('close', resolve);
    output.once('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  workbook.creator = 'olva';
  const header = headerCells(columns);
  for (const mode of ['codes', 'labels'] as const) {
    const sheet = workbook.addWorksheet(XLSX_SHEETS[mode]);
    sheet.addRow(header).commit();
    const toCells = rowMapper(columns, mode, locale, options.missing === 'codes' ? missingFiller(compiled, columns, h) : undefined, h && ((r) => h.answers(r.payload)));
    let n = 0;
    for await (const response of openResponses()) {
      sheet.addRow(toCells(response).map(xlsxCell)).commit();
      if (++n % ROWS_PER_CHECK === 0) await room(sheet, output);
    }
    sheet.commit();
  }
  const sheet = workbook.addWorksheet(XLSX_SHEETS.codebook);
  sheet.addRow([...CODEBOOK_HEADER]).commit();
  for (const entry of codebookEntries(compiled, columns, { harmonisation: h, missing: options.missing })) sheet.addRow(codebookCells(entry).map(xlsxCell)).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
}
