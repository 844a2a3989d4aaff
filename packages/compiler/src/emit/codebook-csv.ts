/** `codebook.csv`: one record per export column (UTF-8 with BOM, `,`, CRLF, RFC 4180). */
import type { CompiledQuestionnaire } from '@olva/schema';
import { CODEBOOK_HEADERS, codebookRows } from './codebook.js';
import { toCsv, type CsvSeparator } from './csv.js';

/** A codebook line as the CSV writes it: a text per header (the collector adds metadata lines). */
export type CodebookLine = Readonly<Record<(typeof CODEBOOK_HEADERS)[number], string>>;

/** The cells of one codebook line, in `CODEBOOK_HEADERS` order. */
export function codebookCells(line: CodebookLine): string[] {
  return CODEBOOK_HEADERS.map((h) => line[h] ?? '');
}

/**
 * A codebook as CSV (UTF-8 BOM, RFC 4180, formulas escaped): the one writer of `olva build`'s
 * `codebook.csv` and of the collector's export codebook.
 */
export function codebookCsv(lines: readonly CodebookLine[], separator: CsvSeparator = ','): string {
  return toCsv(CODEBOOK_HEADERS, lines.map(codebookCells), separator);
}

/** `codebook.csv` of a compiled questionnaire. */
export function emitCodebookCsv(compiled: CompiledQuestionnaire): string {
  return codebookCsv(codebookRows(compiled));
}
