/**
 * JSON parsing for untrusted bodies: nesting is measured before parsing (so a deeply nested
 * body never reaches the recursive parser), and keys that could poison prototypes
 * (`__proto__`, `constructor`, `prototype`) are refused rather than silently dropped.
 */
import { HttpError } from './errors.js';

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

function escapeToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The JSON pointer of the first forbidden key, or null. The path is kept as a stack and
 * written out only when a key is found: most bodies have none, and building a pointer for
 * every key was a measurable share of the collector's work per response.
 */
function findForbiddenKey(root: unknown): string | null {
  const path: (string | number)[] = [];
  const walk = (value: unknown): boolean => {
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
      if (FORBIDDEN_KEYS.has(keys[i]) || walk((value as Record<string, unknown>)[keys[i]])) return true;
      path.pop();
    }
    return false;
  };
  return walk(root) ? path.map((k) => `/${escapeToken(k)}`).join('') : null;
}

/**
 * False when no key of the parsed text can be a forbidden one, so the walk is skipped: a key
 * spells `constructor` either literally or through a `\u` escape (the other escapes only
 * give quotes, slashes and control characters). Most bodies hold neither.
 */
function mayHoldForbiddenKey(text: string): boolean {
  return text.includes('\\u') || text.includes('__proto__') || text.includes('constructor') || text.includes('prototype');
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
  const forbidden = mayHoldForbiddenKey(text) ? findForbiddenKey(value) : null;
  if (forbidden !== null) {
    throw new HttpError(400, 'malformed-json', `the key at ${forbidden} is not allowed (__proto__, constructor and prototype are refused)`);
  }
  return value;
}
