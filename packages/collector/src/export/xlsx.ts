/**
 * XLSX export with exceljs's streaming writer: sheet "réponses" (codes, like the CSV),
 * sheet "libellés" (the same rows with labels instead of codes) and sheet "codebook".
 *
 * A zip entry is written after the previous one ends, so the sheets are filled one after
 * the other; the responses are therefore read twice (`openResponses` is called once per
 * data sheet). Shared strings and styles are off, and the writer waits for the output to
 * drain, so memory stays flat whatever the count.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CompiledQuestionnaire } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import { variableColumns, type VariableColumn } from './columns.js';
import { CODEBOOK_HEADER, codebookCells, codebookEntries } from './codebook.js';
import { escapeFormula, type Cell } from './escape.js';
import { headerCells, rowMapper, type ExportLocale } from './values.js';
import { missingFiller, type MissingMode } from './missing.js';

/** Sheet names, in workbook order. */
export const XLSX_SHEETS = { codes: 'réponses', labels: 'libellés', codebook: 'codebook' } as const;

/** Options of an XLSX export. */
export interface XlsxOptions {
  /** Language of the "libellés" sheet. */
  locale?: ExportLocale;
  columns?: VariableColumn[];
  /** Missing values as empty cells (default) or as the codes -7, -8, -9 (see missing.ts). */
  missing?: MissingMode;
}

/** A cell for exceljs: texts escaped like in the CSV (the file may be re-saved as CSV). */
function xlsxCell(cell: Cell): string | number | null {
  return typeof cell === 'string' ? escapeFormula(cell) : cell;
}

/** Lets the zip catch up, waits while the output is full, and stops when it was closed
 * (a client that went away): reading on would only fill memory. */
async function drain(output: Writable): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (output.writableNeedDrain && !output.destroyed) {
    await new Promise<void>((resolve) => {
      const done = () => {
        output.off('drain', done);
        output.off('close', done);
        resolve();
      };
      output.on('drain', done);
      output.on('close', done);
    });
  }
  if (output.destroyed) throw new Error('the export output was closed before the end');
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
  const columns = options.columns ?? variableColumns(compiled);
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
    const toCells = rowMapper(columns, mode, locale, options.missing === 'codes' ? missingFiller(compiled, columns) : undefined);
    let n = 0;
    for await (const response of openResponses()) {
      sheet.addRow(toCells(response).map(xlsxCell)).commit();
      if (++n % 500 === 0) await drain(output);
    }
    sheet.commit();
  }
  const sheet = workbook.addWorksheet(XLSX_SHEETS.codebook);
  sheet.addRow([...CODEBOOK_HEADER]).commit();
  for (const entry of codebookEntries(compiled, columns)) sheet.addRow(codebookCells(entry).map(xlsxCell)).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
}
