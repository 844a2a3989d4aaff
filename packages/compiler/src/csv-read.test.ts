/** The one CSV reader: records, their lines and columns, whole or streamed, and its errors. */
import { describe, expect, it } from 'vitest';
import { CsvReadError, splitCsv, splitCsvStream, type CsvRecord } from './csv-read.js';

const cells = (records: CsvRecord[]) => records.map((r) => ({ line: r.line, cells: r.fields }));

function errorOf(run: () => unknown): CsvReadError {
  try {
    run();
  } catch (e) {
    if (e instanceof CsvReadError) return e;
    throw e;
  }
  throw new Error('no error raised');
}

async function* chunksOf(...parts: string[]): AsyncGenerator<string> {
  for (const part of parts) yield part;
}

async function collect(chunks: AsyncIterable<string>, delimiter: ';' | ','): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of splitCsvStream(chunks, delimiter)) out.push(record);
  return out;
}

const SAMPLE = 'a;b;c\r\n1;"x\r\ny";"say ""hi"""\r\n\r\n2;"un; deux"\rtrois;;\n"";z;"é\n"\n4;"a""b""";\r\n';

describe('CSV records', () => {
  it('keeps the line each record starts on, across quoted line breaks and blank lines', () => {
    expect(cells(splitCsv('a;b\r\n1;"x\r\ny"\r\n\r\n2;"say ""hi"""\n3;z', ';'))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', 'x\r\ny'] },
      { line: 5, cells: ['2', 'say "hi"'] },
      { line: 6, cells: ['3', 'z'] },
    ]);
  });

  it('reads CR, LF and CRLF line ends, empty fields, a trailing separator and a last line without a break', () => {
    expect(cells(splitCsv('a,b\rc,\n,d\r\n"",e,', ','))).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', ''] },
      { line: 3, cells: ['', 'd'] },
      { line: 4, cells: ['', 'e', ''] },
    ]);
  });

  it('gives each field its line and column, after fields over several lines too', () => {
    const [, second] = splitCsv('h1;h2;h3\nab;"x\ny";zz;\n', ';');
    expect(second).toEqual({ line: 2, fields: ['ab', 'x\ny', 'zz', ''], lines: [2, 2, 3, 3], columns: [1, 4, 4, 7] });
  });

  it('keeps a quote inside an unquoted field, and text after a closing quote unless told to be strict', () => {
    expect(splitCsv('say 5" wide,"a"b\n', ',')[0]!.fields).toEqual(['say 5" wide', 'ab']);
    const error = errorOf(() => splitCsv('x;y\n1;"a"b\n', ';', { strictQuotes: true }));
    expect(error).toMatchObject({ rule: 'csv-after-quote', line: 2, column: 6, recordLine: 2 });
    expect(error.text.en).toBe('character "b" after a quoted field (expected ";" or the end of the line)');
    expect(splitCsv('"a";"b"\r\n', ';', { strictQuotes: true })[0]!.fields).toEqual(['a', 'b']);
  });

  it('names the line and column of a quote never closed, and the line of its record', () => {
    const error = errorOf(() => splitCsv('a\nb;"x\ny";"open\nstill', ';'));
    expect(error).toMatchObject({ rule: 'csv-unclosed-quote', line: 3, column: 4, recordLine: 2 });
    expect(error.text).toEqual({ fr: 'guillemet ouvert ici et jamais fermé', en: 'quote opened here and never closed' });
  });

  it('reads a stream cut anywhere (inside a CRLF, a "" or a quoted field) as the whole text', async () => {
    const whole = splitCsv(SAMPLE, ';');
    expect(whole.map((r) => r.fields)).toEqual([['a', 'b', 'c'], ['1', 'x\r\ny', 'say "hi"'], ['2', 'un; deux'], ['trois', '', ''], ['', 'z', 'é\n'], ['4', 'a"b"', '']]);
    for (let cut = 0; cut <= SAMPLE.length; cut++) {
      expect(await collect(chunksOf(SAMPLE.slice(0, cut), SAMPLE.slice(cut)), ';')).toEqual(whole);
    }
    expect(await collect(chunksOf(...SAMPLE), ';')).toEqual(whole);
  });

  it('yields every complete record of a stream before the error of a quote never closed', async () => {
    const seen: string[][] = [];
    let error: unknown;
    try {
      for await (const record of splitCsvStream(chunksOf('a,b\n1,2\n3,"op', 'en\n'), ',')) seen.push(record.fields);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([['a', 'b'], ['1', '2']]);
    expect(error).toMatchObject({ rule: 'csv-unclosed-quote', line: 3, column: 3, recordLine: 3 });
  });
});
