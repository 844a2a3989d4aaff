/** `readBody` on streams without a declared length: the limit holds as the bytes arrive. */
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBody } from './body.js';
import { HttpError } from './errors.js';

const chunks = (parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));

async function refusal(promise: Promise<string>): Promise<[number, string]> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    return [(e as HttpError).statusCode, (e as HttpError).body().error];
  }
  throw new Error('expected a refusal');
}

describe('readBody', () => {
  it('joins the chunks of a body within the limit, in order', async () => {
    expect(await readBody(chunks(['{"a":', '"é"', '}']), {}, 100)).toBe('{"a":"é"}');
    expect(await readBody(chunks(['x'.repeat(50), 'y'.repeat(50)]), {}, 100)).toBe('x'.repeat(50) + 'y'.repeat(50));
  });

  it('refuses with 413 a body that goes over the limit in a later chunk, and bytes that are not UTF-8', async () => {
    expect(await refusal(readBody(chunks(['x'.repeat(60), 'y'.repeat(60)]), {}, 100))).toEqual([413, 'payload-too-large']);
    expect(await refusal(readBody(Readable.from([Buffer.from([0x7b, 0xe9, 0x7d])]), {}, 100))).toEqual([400, 'invalid-utf8']);
  });

  it('counts the compressed bytes and the bytes they expand to, each against the limit', async () => {
    const packed = zlib.gzipSync('z'.repeat(500));
    expect(await readBody(Readable.from([packed]), { 'content-encoding': 'gzip' }, 1000)).toBe('z'.repeat(500));
    expect(await refusal(readBody(Readable.from([packed]), { 'content-encoding': 'gzip' }, 200))).toEqual([413, 'payload-too-large']);
    expect(await refusal(readBody(Readable.from([packed]), { 'content-encoding': 'gzip' }, packed.length - 1))).toEqual([413, 'payload-too-large']);
  });
});
