/** Decoding CSV bytes (UTF-8 with or without BOM, Windows-1252), whole or streamed, and the separator guess. */
import { describe, expect, it } from 'vitest';
import { csvEncodingNamed, decodeCsv, decodeCsvStream, decodeWindows1252, guessDelimiter, type CsvEncoding } from './csv-decode.js';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

async function decodeChunks(chunks: Uint8Array[], encoding: CsvEncoding): Promise<string> {
  async function* source() { for (const c of chunks) yield c; }
  let text = '';
  for await (const part of decodeCsvStream(source(), encoding)) text += part;
  return text;
}

/** Every way of cutting `all` in three chunks. */
function* cuts(all: Uint8Array): Generator<Uint8Array[]> {
  for (let i = 0; i <= all.length; i++) for (let j = i; j <= all.length; j++) yield [all.subarray(0, i), all.subarray(i, j), all.subarray(j)];
}

describe('CSV decoding', () => {
  it('reads UTF-8 with or without BOM, else Windows-1252 (€, ’, œ included)', () => {
    expect(decodeCsv(bytes('\uFEFFé;€'))).toEqual({ text: 'é;€', encoding: 'utf-8', bom: true });
    expect(decodeCsv(bytes('é;€'))).toEqual({ text: 'é;€', encoding: 'utf-8', bom: false });
    expect(decodeCsv(bytes([0xe9, 0x3b, 0x80, 0x92, 0x9c]))).toEqual({ text: 'é;€’œ', encoding: 'windows-1252', bom: false });
    expect(decodeCsv(bytes([0xe9]), 'utf-8')).toEqual({ text: '\uFFFD', encoding: 'utf-8', bom: false });
    expect(decodeCsv(bytes('\uFEFFa'), 'windows-1252')).toEqual({ text: 'a', encoding: 'windows-1252', bom: true });
  });

  it('decodes all of Windows-1252 where Latin-1 has control characters', () => {
    const high = Array.from({ length: 32 }, (_, k) => 0x80 + k);
    expect(decodeWindows1252(Uint8Array.from(high))).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xa0, 0xc9, 0xff]))).toBe('A\u00a0Éÿ');
  });

  it('decodes a stream cut anywhere as the whole file, without its BOM', async () => {
    const utf8 = bytes('\uFEFFl’été;€\n');
    const cp1252 = bytes([0xef, 0xbb, 0xbf, 0x6c, 0x92, 0xe9, 0x74, 0xe9, 0x3b, 0x80, 0x0a]);
    for (const chunks of cuts(utf8)) expect(await decodeChunks(chunks, 'utf-8')).toBe('l’été;€\n');
    for (const chunks of cuts(cp1252)) expect(await decodeChunks(chunks, 'windows-1252')).toBe('l’été;€\n');
    expect(await decodeChunks([bytes('ab')], 'utf-8')).toBe('ab');
    expect(await decodeChunks([], 'windows-1252')).toBe('');
  });

  it('reads "latin1" as Windows-1252, and knows no other name', () => {
    expect(['utf8', 'UTF-8', 'windows-1252', 'cp1252', 'latin1', 'ISO-8859-1'].map(csvEncodingNamed)).toEqual(['utf-8', 'utf-8', 'windows-1252', 'windows-1252', 'windows-1252', 'windows-1252']);
    expect(csvEncodingNamed('ebcdic')).toBeUndefined();
    expect(csvEncodingNamed('constructor')).toBeUndefined();
  });

  it('guesses the separator from the header, quotes respected', () => {
    expect(guessDelimiter('"a,b";c;d\n1,2,3,4,5')).toBe(';');
    expect(guessDelimiter('a,b,c')).toBe(',');
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('a;b,c')).toBe(',');
    expect(guessDelimiter('a;b,c', [';', ','])).toBe(';');
  });
});
