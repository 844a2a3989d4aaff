/**
 * XLSX export: sheet "réponses" (codes, like the CSV), sheet "libellés" (the same rows with
 * labels instead of codes) and sheet "codebook", written by our own streaming writer
 * (xlsx-sheet.ts, xlsx-cell.ts, xlsx-parts.ts) into a zip made by yazl (zip-stream.ts).
 *
 * A zip entry is written after the previous one ends, so the sheets are filled one after
 * the other; the responses are therefore read twice (`openResponses` is called once per
 * data sheet, when its sheet's turn comes). Texts are inline strings: no shared-strings
 * table grows with the rows.
 *
 * Back-pressure: each sheet's XML comes from an async generator that yazl reads through
 * pipes (deflate, then the archive's stream, then `output`), so rows are pulled from the
 * store only as fast as the output takes the bytes: memory stays flat whatever the count and
 * however slow the reader (memory.test.ts).
 */
import type { Writable } from 'node:stream';
import type { CompiledQuestionnaire } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import { variableColumns, type VariableColumn } from './columns.js';
import { CODEBOOK_HEADER, codebookCells, codebookEntries } from './codebook.js';
import { headerCells, rowMapper, type Cell, type ExportLocale } from './values.js';
import { missingFiller, type MissingMode } from './missing.js';
import { harmonise } from './harmonise.js';
import { sheetXml } from './xlsx-sheet.js';
import { packageParts, sheetPath } from './xlsx-parts.js';
import { writeZip, type ZipEntry } from './zip-stream.js';

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

/** The rows of `responses`, mapped to cells one at a time. */
async function* rowsOf(responses: AsyncIterable<StoredResponse>, toCells: (r: StoredResponse) => Cell[]): AsyncGenerator<Cell[]> {
  for await (const response of responses) yield toCells(response);
}

/**
 * Writes the workbook to `output` and resolves once it is complete (the output is ended).
 * `openResponses` must yield the same responses in the same order each time it is called.
 * Texts are escaped as in the CSV (`escapeFormula`) and cut at Excel's 32,767 characters
 * (see xlsx-cell.ts).
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
  const header = headerCells(columns);
  const dataSheet = (mode: 'codes' | 'labels') => () => {
    const toCells = rowMapper(columns, mode, locale, missingFiller(compiled, columns, h, options.missing ?? 'empty'), h && ((r) => h.answers(r.payload)));
    return sheetXml(header, rowsOf(openResponses(), toCells));
  };
  const codebookSheet = () => sheetXml(CODEBOOK_HEADER, codebookEntries(compiled, columns, { harmonisation: h, missing: options.missing }).map(codebookCells));
  const names = [XLSX_SHEETS.codes, XLSX_SHEETS.labels, XLSX_SHEETS.codebook];
  const sheets: ZipEntry[] = [dataSheet('codes'), dataSheet('labels'), codebookSheet].map((content, i) => ({ path: sheetPath(i), content }));
  const parts: ZipEntry[] = packageParts(names, new Date()).map(([path, content]) => ({ path, content }));
  await writeZip([...parts, ...sheets], output);
}
