/**
 * JSON parsing for untrusted bodies: nesting is measured before parsing (so a deeply nested
 * body never reaches the recursive parser), keys that could poison prototypes
 * (`__proto__`, `constructor`, `prototype`) are refused rather than silently dropped, and so
 * are strings and keys holding U+0000 or a lone surrogate (see `BAD_CHARACTER`).
 */
import { pointerOf } from '@olva/schema';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { readBody } from './body.js';
import { text } from '../messages.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True when at most `max` arrays and objects open in the whole text: then none can nest
 * deeper. Counting them is a native search, about thirty times faster than the scan below,
 * and a response has fewer than the limit (this is most of what a body cost to check).
 */
function fewOpenings(text: string, max: number): boolean {
  let n = 0;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) if (++n > max) return false;
  for (let i = text.indexOf('['); i !== -1; i = text.indexOf('[', i + 1)) if (++n > max) return false;
  return true;
}

/** Depth of the deepest array/object nesting in JSON text; stops counting past `max`. */
export function jsonDepthExceeds(text: string, max: number): boolean {
  if (fewOpenings(text, max)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * U+0000, or a surrogate without its pair. PostgreSQL refuses the first in TEXT (a 500 that a
 * browser's outbox would retry for ever) and neither can be written as UTF-8 (SQLite stored
 * invalid bytes); no answer, code or id needs them.
 */
const BAD_CHARACTER = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a parsed body is refused, and where (JSON pointer). */
interface Refusal {
  pointer: string;
  reason: 'forbidden-key' | 'bad-character';
}

/**
 * The first forbidden key, or key or string with a bad character, or null. The path is kept
 * as a stack and written out only when one is found: most bodies have none, and building a
 * pointer for every key was a measurable share of the collector's work per response.
 */
function findRefusal(root: unknown): Refusal | null {
  const path: (string | number)[] = [];
  let reason: Refusal['reason'] = 'forbidden-key';
  const refused = (why: Refusal['reason']): true => {
    reason = why;
    return true;
  };
  const walk = (value: unknown): boolean => {
    if (typeof value === 'string') return BAD_CHARACTER.test(value) && refused('bad-character');
    if (value === null || typeof value !== 'object') return false;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        if (walk(value[i])) return true;
        path.pop();
      }
      return false;
    }
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      path.push(keys[i]);
      if (FORBIDDEN_KEYS.has(keys[i])) return refused('forbidden-key');
      if (BAD_CHARACTER.test(keys[i])) return refused('bad-character');
      if (walk((value as Record<string, unknown>)[keys[i]])) return true;
      path.pop();
    }
    return false;
  };
  return walk(root) ? { pointer: pointerOf(...path), reason } : null;
}

/**
 * False when the parsed text can hold neither a forbidden key nor a bad character, so the
 * walk is skipped: a key spells `constructor` either literally or through a `\u` escape (the
 * other escapes only give quotes, slashes and control characters), and in text decoded from
 * valid UTF-8 a NUL or a lone surrogate can only come from a `\u` escape (JSON refuses a raw
 * control character in a string). Most bodies hold neither.
 */
function mayBeRefused(text: string): boolean {
  return text.includes('\\u') || text.includes('__proto__') || text.includes('constructor') || text.includes('prototype');
}

/**
 * Makes the collector's own reader the one JSON parser of every route of `app` (call on the
 * root instance, before the routes): the size limit holds on the raw stream and after
 * decompression, bytes that are not UTF-8 and unsafe JSON are refused before any route sees
 * them, and nothing else is parsed (another type is a 415). Fastify's own parsers, which the
 * duplicates routes and the publications had, took UTF-16, nesting without end, and answered a
 * body they refused in English with fastify's words.
 */
export function parseJsonBodies(app: FastifyInstance, limits: { bodyBytes: number; maxDepth: number }): void {
  app.removeAllContentTypeParsers();
  // A callback parser: an async one added a promise to each request.
  app.addContentTypeParser('application/json', (request: FastifyRequest, payload: NodeJS.ReadableStream, done: (error: Error | null, body?: unknown) => void) => {
    readBody(payload as Readable, request.headers, limits.bodyBytes).then((text) => {
      // No body is no body, whatever the Content-Type a client sets on every request: an erasure
      // or a publication takes none. A post needs one, and says so.
      if (text === '' && request.method !== 'POST') {
        done(null, undefined);
        return;
      }
      let body: unknown;
      try {
        body = parseSafeJson(text, limits.maxDepth);
      } catch (e) {
        done(e as Error);
        return;
      }
      done(null, body);
    }, (e: Error) => done(e));
  });
}

/** Parses an untrusted JSON body; throws a 400 `HttpError` on anything unsafe or malformed. */
export function parseSafeJson(json: string, maxDepth: number): unknown {
  if (jsonDepthExceeds(json, maxDepth)) {
    throw new HttpError(400, 'malformed-json', text('malformed-json.depth', { max: maxDepth }));
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    // V8's message quotes the body; say where instead, so answers are never echoed or logged.
    const position = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new HttpError(400, 'malformed-json', position ? text('malformed-json.at', { position }) : json.trim() === '' ? text('malformed-json.empty') : text('malformed-json'));
  }
  const refusal = mayBeRefused(json) ? findRefusal(value) : null;
  if (refusal?.reason === 'forbidden-key') {
    throw new HttpError(400, 'malformed-json', text('malformed-json.key', { pointer: refusal.pointer }));
  }
  if (refusal) {
    const message = refusal.pointer ? text('invalid-character', { pointer: refusal.pointer }) : text('invalid-character.root');
    throw new HttpError(400, 'invalid-character', message, {}, [{ pointer: refusal.pointer, code: 'invalid-character', message }]);
  }
  return value;
}
