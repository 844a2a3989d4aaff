/** `codebook.csv`: one record per export column (UTF-8 with BOM, `,`, CRLF, RFC 4180). */
import type { CompiledQuestionnaire } from '@olva/schema';
import { CODEBOOK_HEADERS, codebookRows } from './codebook.js';
import { toCsv } from './csv.js';

/** `codebook.csv` of a compiled questionnaire. */
export function emitCodebookCsv(compiled: CompiledQuestionnaire): string {
  const rows = codebookRows(compiled).map((row) => CODEBOOK_HEADERS.map((h) => row[h]));
  return toCsv(CODEBOOK_HEADERS, rows);
}
