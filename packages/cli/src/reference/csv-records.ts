/**
 * Records of a delimited text file read as a stream (the RNA extract is `;`-separated, with
 * double-quoted fields that may hold separators and line breaks, "" for a quote). Memory holds
 * one record at a time, whatever the file's size. A record the parser cannot close (a quote
 * never closed before the end of the file) is reported, not thrown.
 */

/** One record and the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits a stream of text chunks into records. */
export async function* csvRecords(chunks: AsyncIterable<string>, separator = ';'): AsyncGenerator<CsvRecord | { line: number; error: string }> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;      // inside a quoted field
  let afterQuote = false;  // a quote was just closed (or is the first of "")
  let fieldStart = true;
  let line = 1;
  let recordLine = 1;
  let pendingCR = false;
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') { quoted = false; afterQuote = true; continue; }
        if (c === '\n' || c === '\r') { line += 1; if (c === '\r') pendingCR = true; field += '\n'; continue; }
        field += c;
        continue;
      }
      if (afterQuote && c === '"') { field += '"'; quoted = true; afterQuote = false; continue; }
      afterQuote = false;
      if (c === separator) { fields.push(field); field = ''; fieldStart = true; continue; }
      if (c === '\n' || c === '\r') {
        if (c === '\r') pendingCR = true;
        fields.push(field);
        yield { line: recordLine, fields };
        fields = []; field = ''; fieldStart = true;
        line += 1;
        recordLine = line;
        continue;
      }
      if (c === '"' && fieldStart) { quoted = true; fieldStart = false; continue; }
      fieldStart = false;
      field += c;
    }
  }
  if (quoted) {
    yield { line: recordLine, error: 'a quoted field is never closed before the end of the file' };
    return;
  }
  if (fields.length || field.length) {
    fields.push(field);
    yield { line: recordLine, fields };
  }
}
