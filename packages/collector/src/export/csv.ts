/**
 * CSV export: UTF-8 with a byte-order mark (so spreadsheets read accents right), one row per
 * response, one column per variable (see columns.ts and values.ts), RFC 4180 quoting, CRLF
 * line ends, texts that look like formulas escaped. Streamed: rows are produced as the store
 * yields responses, in chunks of about 64 KiB, so memory does not grow with the count.
 */
import { Readable } from 'node:stream';
import type { CompiledQuestionnaire } from '@olva/schema';
import type { StoredResponse } from '../store/types.js';
import { variableColumns, type VariableColumn } from './columns.js';
import { csvRecord, CSV_BOM } from '@olva/compiler/csv';
import { headerCells, rowMapper, type CellMode, type ExportLocale } from './values.js';
import { missingFiller, type MissingMode } from './missing.js';
import { harmonise } from './harmonise.js';

/** Options of a CSV export. */
export interface CsvOptions {
  /** Field separator: `,` (default, RFC 4180) or `;` (what French spreadsheets expect). */
  separator?: ',' | ';';
  /** Codes (default) or labels. */
  mode?: CellMode;
  /** Language of labels in `labels` mode. */
  locale?: ExportLocale;
  /** Precomputed columns; defaults to `variableColumns(compiled)`. */
  columns?: VariableColumn[];
  /** Missing values as empty cells (default) or as the codes -7, -8, -9 (see missing.ts). */
  missing?: MissingMode;
  /** One column set across core versions through their crosswalks (see harmonise.ts). */
  harmonise?: boolean;
}

const CHUNK = 64 * 1024;

/**
 * The CSV text of an export, as an async iterable of chunks (the first one starts with the
 * BOM and the header). `compiled` are the questionnaire versions the responses were answered
 * with; their union gives the columns.
 */
export async function* csvExport(
  compiled: readonly CompiledQuestionnaire[],
  responses: AsyncIterable<StoredResponse>,
  options: CsvOptions = {},
): AsyncGenerator<string> {
  const separator = options.separator ?? ',';
  const h = options.harmonise ? harmonise(compiled) : undefined;
  const columns = options.columns ?? variableColumns(h?.builds ?? compiled);
  const toCells = rowMapper(columns, options.mode ?? 'codes', options.locale ?? 'fr',
    missingFiller(compiled, columns, h, options.missing ?? 'empty'), h && ((r) => h.answers(r.payload)));
  let chunk = CSV_BOM + csvRecord(headerCells(columns), separator);
  for await (const response of responses) {
    chunk += csvRecord(toCells(response), separator);
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The same export as a Node readable stream of UTF-8 bytes (for an HTTP reply or a file). */
export function csvReadable(
  compiled: readonly CompiledQuestionnaire[],
  responses: AsyncIterable<StoredResponse>,
  options: CsvOptions = {},
): Readable {
  return Readable.from(csvExport(compiled, responses, options), { objectMode: false });
}
