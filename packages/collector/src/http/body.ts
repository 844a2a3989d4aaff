/**
 * Reads a request body under a size limit that holds before parsing and after
 * decompression: the declared length is checked first, then the bytes as they arrive, then
 * the bytes gzip/deflate/brotli expand to (a small bomb never fills memory).
 */
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { HttpError } from './errors.js';
import { text } from '../messages.js';

function tooLarge(limit: number, what: 'declared' | 'decompressed' | 'body'): HttpError {
  return new HttpError(413, 'payload-too-large', text(what === 'body' ? 'payload-too-large.body' : `payload-too-large.${what}`, { limit }), { connection: 'close' });
}

function decoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const e = (encoding ?? 'identity').trim().toLowerCase();
  if (e === 'identity' || e === '') return null;
  if (e === 'gzip' || e === 'x-gzip') return zlib.createGunzip();
  if (e === 'deflate') return zlib.createInflate();
  if (e === 'br') return zlib.createBrotliDecompress();
  throw new HttpError(415, 'unsupported-encoding', text('unsupported-encoding', { encoding: e.slice(0, 40) }));
}

/**
 * Reads `stream` (the raw request) into a UTF-8 string, or rejects with a 413, 415 or 400
 * `HttpError` (400 also when the bytes are not valid UTF-8).
 */
export function readBody(stream: Readable, headers: { 'content-length'?: string; 'content-encoding'?: string | string[] }, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = headers['content-length'];
    if (declared !== undefined && Number(declared) > limit) {
      stream.resume();
      reject(tooLarge(limit, 'declared'));
      return;
    }
    let inflate: ReturnType<typeof decoder>;
    try {
      inflate = decoder(Array.isArray(headers['content-encoding']) ? headers['content-encoding'].join(',') : headers['content-encoding']);
    } catch (e) {
      stream.resume();
      reject(e);
      return;
    }
    let settled = false;
    const fail = (e: HttpError) => {
      if (settled) return;
      settled = true;
      stream.unpipe();
      inflate?.destroy();
      stream.resume();
      reject(e);
    };
    const chunks: Buffer[] = [];
    let raw = 0;
    let decoded = 0;
    const collect = (chunk: Buffer) => {
      decoded += chunk.length;
      if (decoded > limit) fail(tooLarge(limit, inflate ? 'decompressed' : 'body'));
      else chunks.push(chunk);
    };
    const done = () => {
      if (settled) return;
      settled = true;
      // A response usually arrives in one chunk: no copy then.
      const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      // Decoding would store U+FFFD in place of what the client meant: refuse instead.
      if (!isUtf8(bytes)) reject(new HttpError(400, 'invalid-utf8', text('invalid-utf8')));
      else resolve(bytes.toString('utf8'));
    };
    const count = (chunk: Buffer): boolean => {
      raw += chunk.length;
      if (raw > limit) fail(tooLarge(limit, 'body'));
      return !settled;
    };
    stream.on('error', () => fail(new HttpError(400, 'aborted', text('aborted'))));
    if (inflate) {
      stream.on('data', count);
      inflate.on('data', collect);
      inflate.on('end', done);
      inflate.on('error', () => fail(new HttpError(400, 'malformed-encoding', text('malformed-encoding'))));
      stream.pipe(inflate);
    } else {
      // One listener, not two: node copies the list of listeners of each event it emits.
      stream.on('data', (chunk: Buffer) => { if (count(chunk)) collect(chunk); });
      stream.on('end', done);
    }
  });
}
