/**
 * Reads CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into records whose
 * every field knows its line and column, so that a check can say exactly where a value is
 * wrong. The separator is the header's: `;` (INSEE's downloads, French spreadsheets) when the
 * first line has one, `,` otherwise. Small files only (a territory's reference table): the
 * whole text is read at once.
 */
import { ReportError } from '../errors.js';

/** One field and where it starts (1-based line and column). */
export interface CsvField {
  value: string;
  line: number;
  column: number;
}

/** The records of a CSV text, header first, and the separator found. */
export interface CsvRecords {
  separator: ',' | ';';
  records: CsvField[][];
}

/** Splits CSV text into records of located fields. @throws ReportError on an unclosed quote. */
export function readCsvRecords(text: string, file: string): CsvRecords {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = firstLine.includes(';') ? ';' : ',';
  const records: CsvField[][] = [];
  let record: CsvField[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const atRecordEnd = () => i >= source.length || source[i] === '\n' || source[i] === '\r';
  while (i < source.length) {
    const start = { line, column: i - lineStart + 1 };
    let value = '';
    if (source[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= source.length) {
          throw new ReportError('reports/csv-quote', { fr: 'guillemet ouvert ici et jamais fermé', en: 'quote opened here and never closed' }, `${file}:${start.line}:${start.column}`);
        }
        const c = source[i]!;
        if (c === '"' && source[i + 1] === '"') { value += '"'; i += 2; continue; }
        if (c === '"') { i += 1; break; }
        if (c === '\n') { line += 1; lineStart = i + 1; }
        value += c;
        i += 1;
      }
      if (!atRecordEnd() && source[i] !== separator) {
        throw new ReportError('reports/csv-quote', {
          fr: `caractère « ${source[i]} » après un champ entre guillemets (attendu « ${separator} » ou fin de ligne)`,
          en: `character "${source[i]}" after a quoted field (expected "${separator}" or the end of the line)`,
        }, `${file}:${line}:${i - lineStart + 1}`);
      }
    } else {
      while (!atRecordEnd() && source[i] !== separator) value += source[i++];
    }
    record.push({ value, ...start });
    if (source[i] === separator) {
      i += 1;
      if (!atRecordEnd()) continue;
      record.push({ value: '', line, column: i - lineStart + 1 });
    }
    // End of the record: keep it unless the line is blank.
    if (!(record.length === 1 && record[0]!.value === '')) records.push(record);
    record = [];
    if (source[i] === '\r') i += 1;
    if (source[i] === '\n') i += 1;
    line += 1;
    lineStart = i;
  }
  return { separator, records };
}
