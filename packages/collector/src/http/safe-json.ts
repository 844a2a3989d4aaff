/**
 * JSON parsing for untrusted bodies: nesting is measured before parsing (so a deeply nested
 * body never reaches the recursive parser), and keys that could poison prototypes
 * (`__proto__`, `constructor`, `prototype`) are refused rather than silently dropped.
 */
import { HttpError } from './errors.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Depth of the deepest array/object nesting in JSON text; stops counting past `max`. */
export function jsonDepthExceeds(text: string, max: number): boolean {
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

function findForbiddenKey(value: unknown, pointer: string): string | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${pointer}/${i}`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here);
    if (found) return found;
  }
  return null;
}

/** Parses an untrusted JSON body; throws a 400 `HttpError` on anything unsafe or malformed. */
export function parseSafeJson(text: string, maxDepth: number): unknown {
  if (jsonDepthExceeds(text, maxDepth)) {
    throw new HttpError(400, 'malformed-json', `the body nests arrays or objects deeper than ${maxDepth} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's message quotes the body; say where instead, so answers are never echoed or logged.
    const position = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new HttpError(400, 'malformed-json', `the body is not valid JSON${position ? ` (at character ${position})` : text.trim() === '' ? ' (it is empty)' : ''}`);
  }
  const forbidden = findForbiddenKey(value, '');
  if (forbidden !== null) {
    throw new HttpError(400, 'malformed-json', `the key at ${forbidden} is not allowed (__proto__, constructor and prototype are refused)`);
  }
  return value;
}
