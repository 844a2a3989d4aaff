/**
 * A reference table's CSV text read by OLVA's one CSV reader (`@olva/compiler/csv`) into
 * records whose every field knows its line and column, so that a check can say exactly where
 * a value is wrong. The separator is the header's: `;` (INSEE's downloads, French
 * spreadsheets) or `,`, whichever splits it into more fields. Quotes are read strictly: text
 * after a closing quote is a mistake here, not a value to guess.
 */
import { CsvReadError, guessDelimiter, splitCsv } from '@olva/compiler/csv';
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

/** Splits CSV text into records of located fields. @throws ReportError (`reports/csv-quote`) on a quote never closed or text after one */
export function readCsvRecords(text: string, file: string): CsvRecords {
  const source = text.replace(/^\uFEFF/, '');
  const separator = guessDelimiter(source, [';', ',']);
  try {
    const records = splitCsv(source, separator, { strictQuotes: true })
      .map((r) => r.fields.map((value, k): CsvField => ({ value, line: r.lines[k]!, column: r.columns[k]! })));
    return { separator, records };
  } catch (e) {
    if (e instanceof CsvReadError) throw new ReportError('reports/csv-quote', e.text, `${file}:${e.line}:${e.column}`);
    throw e;
  }
}
