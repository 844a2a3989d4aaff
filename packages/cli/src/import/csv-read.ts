/**
 * Reading a CSV file made by any tool: its encoding (UTF-8, with or without a byte order mark,
 * or the Windows-1252 of French Excel), its separator (`,`, `;` or a tab, from the header),
 * and its records (RFC 4180 quoting, fields over several lines) each with the line it starts
 * on, so that a refused row is named `file.csv:line`.
 */

/** The encodings a CSV file is read in. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** The separators a CSV file is split on. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One record and the 1-based line of the file it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV file once read. */
export interface CsvDocument {
  encoding: CsvEncoding;
  /** True when the file began with a UTF-8 byte order mark. */
  bom: boolean;
  delimiter: CsvDelimiter;
  header: string[];
  rows: CsvRow[];
}

/** A file that cannot be read as CSV, at a line. */
export class CsvReadError extends Error {
  constructor(readonly line: number, readonly rule: string, readonly text: { fr: string; en: string }) {
    super(text.en);
  }
}

/**
 * The characters of Windows-1252's bytes 0x80–0x9F (€, ’, œ, curly quotes, dashes…), where
 * Latin-1 has control characters. Node 20's TextDecoder('windows-1252') decodes as Latin-1,
 * which would lose the € and the apostrophe of every French Excel file.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 bytes as text. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * The text of a file: UTF-8 when it has a byte order mark or decodes as UTF-8 without error,
 * else Windows-1252 (every byte is a character there, so a file of French Excel reads right).
 * `forced` skips the guess.
 */
export function decodeCsv(bytes: Uint8Array, forced?: CsvEncoding): { text: string; encoding: CsvEncoding; bom: boolean } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (forced) return { text: forced === 'utf-8' ? new TextDecoder('utf-8').decode(body) : decodeWindows1252(body), encoding: forced, bom };
  if (bom) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
  }
}

/** The separator that splits the header line into the most fields (quotes respected). */
export function guessDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

/** Splits CSV text into records (RFC 4180; CRLF, LF or CR line ends); blank lines are skipped. */
export function splitRecords(text: string, delimiter: CsvDelimiter): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let start = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: start, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    throw new CsvReadError(quoteLine, 'csv-unclosed-quote', {
      fr: `guillemet ouvert ligne ${quoteLine} et jamais fermé`,
      en: `quote opened on line ${quoteLine} and never closed`,
    });
  }
  if (field !== '' || cells.length) endRecord();
  return rows;
}

/** Reads a CSV file's bytes: encoding, separator, header and rows. */
export function readCsv(bytes: Uint8Array, options: { encoding?: CsvEncoding; delimiter?: CsvDelimiter } = {}): CsvDocument {
  const { text, encoding, bom } = decodeCsv(bytes, options.encoding);
  const delimiter = options.delimiter ?? guessDelimiter(text);
  const [head, ...rows] = splitRecords(text, delimiter);
  if (!head) throw new CsvReadError(1, 'csv-empty', { fr: 'fichier vide : aucune ligne d’en-tête', en: 'empty file: no header line' });
  return { encoding, bom, delimiter, header: head.cells.map((c) => c.trim()), rows };
}
