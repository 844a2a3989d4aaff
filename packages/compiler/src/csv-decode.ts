/**
 * The text of a CSV file made by any tool, and its separator: UTF-8 with or without a byte
 * order mark, or the Windows-1252 of French Excel (and of files called "Latin-1", which in
 * France are Windows-1252 as soon as they hold a € or a ’), whole or as a stream of byte
 * chunks; and the separator guessed from the header line.
 */
import type { CsvDelimiter } from './csv-read.js';

/** The encodings a CSV file is read in. */
export type CsvEncoding = 'utf-8' | 'windows-1252';

/**
 * The encoding a command-line name stands for: `utf-8`/`utf8`, or `windows-1252`/`cp1252`, and
 * `latin1`/`iso-8859-1` read as Windows-1252 (its superset: bytes 0x80–0x9F of a French file
 * are €, ’, œ…, never Latin-1's control characters); undefined for any other name.
 */
export function csvEncodingNamed(name: string): CsvEncoding | undefined {
  return ENCODING_NAMES.get(name.toLowerCase());
}

const ENCODING_NAMES = new Map<string, CsvEncoding>([
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'],
  ['windows-1252', 'windows-1252'], ['cp1252', 'windows-1252'], ['latin1', 'windows-1252'], ['iso-8859-1', 'windows-1252'],
]);

/**
 * The characters of Windows-1252's bytes 0x80–0x9F (€, ’, œ, curly quotes, dashes…), where
 * Latin-1 has control characters. Node 20's TextDecoder('windows-1252') decodes as Latin-1
 * (browsers do not), which would lose the € and the apostrophe of every French Excel file:
 * whatever the decoder gave, these code points are mapped here.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;
const fromC1 = (c: string): string => CP1252_HIGH[c.charCodeAt(0) - 0x80]!;

/** Windows-1252 bytes as text (one character a byte, so a chunk decodes alone). */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(C1, fromC1);
}

/** True when `bytes` begin with the UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * The text of a whole file, without its byte order mark: UTF-8 when it has a byte order mark
 * or decodes as UTF-8 without error, else Windows-1252 (every byte is a character there, so a
 * file of French Excel reads right). `forced` skips the guess.
 */
export function decodeCsv(bytes: Uint8Array, forced?: CsvEncoding): { text: string; encoding: CsvEncoding; bom: boolean } {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (forced) return { text: forced === 'utf-8' ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(body) : decodeWindows1252(body), encoding: forced, bom };
  if (bom) return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252', bom };
  }
}

/**
 * The text of a file read as a stream of byte chunks (a file too large to hold), in the
 * encoding given, without a leading byte order mark. A UTF-8 character cut between two
 * chunks is decoded whole; invalid UTF-8 becomes U+FFFD.
 */
export async function* decodeCsvStream(chunks: AsyncIterable<Uint8Array>, encoding: CsvEncoding): AsyncGenerator<string> {
  const utf8 = encoding === 'utf-8' ? new TextDecoder('utf-8', { ignoreBOM: true }) : null;
  let head: Uint8Array | null = new Uint8Array(0); // the first bytes, until the BOM question is settled
  const decode = (bytes: Uint8Array, last: boolean): string => (utf8 ? utf8.decode(bytes, { stream: !last }) : decodeWindows1252(bytes));
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (head) {
      bytes = head.length ? concat(head, chunk) : chunk;
      if (bytes.length < 3) { head = bytes; continue; }
      head = null;
      if (hasUtf8Bom(bytes)) bytes = bytes.subarray(3);
    }
    const text = decode(bytes, false);
    if (text) yield text;
  }
  const text = decode(head ?? new Uint8Array(0), true); // a file of under three bytes has no BOM to drop
  if (text) yield text;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const ALL_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/**
 * The separator, among `candidates`, that splits the header line (the text's first line,
 * quotes respected) into the most fields; the first candidate on a tie.
 */
export function guessDelimiter<D extends CsvDelimiter = CsvDelimiter>(text: string, candidates: readonly D[] = ALL_DELIMITERS as readonly D[]): D {
  const counts = new Map<string, number>(candidates.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = candidates[0]!;
  for (const d of candidates) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
