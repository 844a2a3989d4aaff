/**
 * The one CSV reader of OLVA (the writer is `emit/csv.ts`): splits text into records as RFC
 * 4180 says (double-quoted fields holding separators, line breaks and "" for a quote; CRLF,
 * LF or CR line ends), each record with the line it starts on and each field with its line
 * and column, so that a check can name exactly where a value is wrong. It reads a whole text
 * (`splitCsv`) or a stream of text chunks (`splitCsvStream`, memory holding one record: the
 * national register of associations has millions of rows). Blank lines are skipped. A quote
 * never closed is a `CsvReadError` at the quote's line and column.
 */

/** The separators a CSV file is split on. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One record of a CSV text. */
export interface CsvRecord {
  /** The 1-based line the record starts on. */
  line: number;
  /** Its fields, unquoted ("" read as "; line breaks inside quotes kept as written). */
  fields: string[];
  /** Each field's 1-based line (a field after one over several lines starts further down). */
  lines: number[];
  /** Each field's 1-based column on its line (UTF-16 code units, the BOM not counted). */
  columns: number[];
}

/** How strictly quotes are read. */
export interface CsvSplitOptions {
  /**
   * When true, a character other than the separator or a line end after a closing quote
   * (`"a"b`) is a `csv-after-quote` error; otherwise it is kept (`ab`), as spreadsheets do.
   */
  strictQuotes?: boolean;
}

/** Text that cannot be read as CSV, at a line and column, with the rule and French and English text. */
export class CsvReadError extends Error {
  /**
   * @param rule `csv-unclosed-quote`, `csv-after-quote`, or a caller's own rule
   * @param text what is wrong, French and English (the place is not in it)
   * @param line 1-based line of the fault (for an unclosed quote: the quote's)
   * @param column 1-based column of the fault
   * @param recordLine the line the faulty record starts on
   */
  constructor(readonly rule: string, readonly text: { fr: string; en: string }, readonly line: number, readonly column = 1, readonly recordLine = line) {
    super(`${line}:${column}: [${rule}] ${text.en}`);
    this.name = 'CsvReadError';
  }
}

const enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const isQuotedStop = (k: number): boolean => k === QUOTE || k === LF || k === CR;

const separatorName = (d: string): { fr: string; en: string } => (d === '\t' ? { fr: 'tabulation', en: 'tab' } : { fr: `« ${d} »`, en: `"${d}"` });

/**
 * A CSV splitter fed text chunk by chunk: `push` yields the records a chunk completes,
 * `end` the last one. State crosses chunk boundaries (a CRLF, a "" or a quoted field cut in two).
 */
export class CsvSplitter {
  private state = State.FieldStart;
  private line = 1;
  /** Column of the next character. */
  private column = 1;
  /** A CR was the last character: an LF right after it belongs to the same line end. */
  private afterCR = false;
  /** Characters seen since the last record ended. */
  private started = false;
  private field = '';
  private fields: string[] = [];
  private lines: number[] = [];
  private columns: number[] = [];
  private recordLine = 1;
  private fieldLine = 1;
  private fieldColumn = 1;

  constructor(readonly delimiter: CsvDelimiter, private readonly options: CsvSplitOptions = {}) {}

  /** The records `chunk` completes. @throws CsvReadError (`strictQuotes` only) */
  *push(chunk: string): Generator<CsvRecord> {
    const d = this.delimiter;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.afterCR) {
        this.afterCR = false;
        if (c === '\n') {
          if (this.state === State.Quoted) this.field += c;
          continue;
        }
      }
      this.started = true;
      if (this.state === State.Quoted) {
        if (c === '"') this.state = State.QuoteInQuoted;
        else if (c === '\n' || c === '\r') { this.field += c; this.newLine(c); continue; }
        else {
          // A run of plain characters is taken at once: one string a run, not one a character.
          let j = i + 1;
          while (j < chunk.length && !isQuotedStop(chunk.charCodeAt(j))) j++;
          this.field += chunk.slice(i, j);
          this.column += j - i;
          i = j - 1;
          continue;
        }
        this.column += 1;
        continue;
      }
      if (this.state === State.QuoteInQuoted) {
        if (c === '"') { this.field += c; this.state = State.Quoted; this.column += 1; continue; }
        this.state = State.Unquoted; // the quote closed the field
        if (this.options.strictQuotes && c !== d && c !== '\n' && c !== '\r') {
          const sep = separatorName(d);
          throw new CsvReadError('csv-after-quote', {
            fr: `caractère « ${c} » après un champ entre guillemets (attendu ${sep.fr} ou fin de ligne)`,
            en: `character "${c}" after a quoted field (expected ${sep.en} or the end of the line)`,
          }, this.line, this.column, this.recordLine);
        }
      }
      if (c === d) {
        this.endField();
        this.column += 1;
        this.startField();
      } else if (c === '\n' || c === '\r') {
        this.endField();
        const record = this.endRecord();
        this.newLine(c);
        this.recordLine = this.line;
        this.startField();
        this.started = false;
        if (record) yield record;
      } else if (c === '"' && this.state === State.FieldStart) {
        this.state = State.Quoted;
        this.column += 1;
      } else {
        let j = i + 1;
        const dc = d.charCodeAt(0);
        while (j < chunk.length) {
          const k = chunk.charCodeAt(j);
          if (k === dc || k === LF || k === CR) break;
          j++;
        }
        this.field += chunk.slice(i, j);
        this.state = State.Unquoted;
        this.column += j - i;
        i = j - 1;
      }
    }
  }

  /** The last record, if the text does not end with a line break. @throws CsvReadError on a quote never closed */
  *end(): Generator<CsvRecord> {
    if (this.state === State.Quoted) {
      throw new CsvReadError('csv-unclosed-quote', { fr: 'guillemet ouvert ici et jamais fermé', en: 'quote opened here and never closed' }, this.fieldLine, this.fieldColumn, this.recordLine);
    }
    if (!this.started) return;
    this.endField();
    const record = this.endRecord();
    this.started = false;
    if (record) yield record;
  }

  private newLine(c: string): void {
    this.line += 1;
    this.column = 1;
    this.afterCR = c === '\r';
  }

  private startField(): void {
    this.state = State.FieldStart;
    this.fieldLine = this.line;
    this.fieldColumn = this.column;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.lines.push(this.fieldLine);
    this.columns.push(this.fieldColumn);
    this.field = '';
  }

  /** The record read, or null for a blank line (one empty field). */
  private endRecord(): CsvRecord | null {
    const record = { line: this.recordLine, fields: this.fields, lines: this.lines, columns: this.columns };
    this.fields = [];
    this.lines = [];
    this.columns = [];
    return record.fields.length === 1 && record.fields[0] === '' ? null : record;
  }
}

/** The records of a whole CSV text (a leading BOM is the caller's to drop). @throws CsvReadError */
export function splitCsv(text: string, delimiter: CsvDelimiter, options?: CsvSplitOptions): CsvRecord[] {
  const splitter = new CsvSplitter(delimiter, options);
  return [...splitter.push(text), ...splitter.end()];
}

/**
 * The records of a CSV text read as a stream of chunks, one at a time.
 * @throws CsvReadError after the last complete record, on a quote never closed
 */
export async function* splitCsvStream(chunks: AsyncIterable<string>, delimiter: CsvDelimiter, options?: CsvSplitOptions): AsyncGenerator<CsvRecord> {
  const splitter = new CsvSplitter(delimiter, options);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}
