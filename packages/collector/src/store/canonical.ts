/**
 * Canonical JSON and the digest that tells an identical replay from a conflicting reuse of a
 * submissionId: key order and whitespace must not matter, values must.
 */
import { hash } from 'node:crypto';

// `"key":` for the keys met so far: payloads repeat the same few dozen keys (envelope fields
// and question ids), and quoting them was a good part of the work. Bounded all the same.
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_MAX = 10_000;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`;
    if (quotedKeys.size < QUOTED_KEYS_MAX) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * A character JSON.stringify writes otherwise than as itself: a quote, a backslash, a control
 * character, or a surrogate (escaped when lone). A string without any is quoted as it is.
 */
const ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  // One string built by appending (no per-level arrays and joins): the collector digests
  // every response it receives. Most strings need no escape, and quoting them here costs a
  // search where JSON.stringify cost a call: a third of the digest's time.
  if (typeof value === 'string') return ESCAPED.test(value) ? JSON.stringify(value) : `"${value}"`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const keys = Object.keys(value as Record<string, unknown>).sort();
  let out = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const v = (value as Record<string, unknown>)[keys[i]];
    if (v === undefined) continue;
    out += (first ? '' : ',') + quotedKey(keys[i]) + canonicalJson(v);
    first = false;
  }
  return `${out}}`;
}

/** SHA-256 (hex) of the canonical JSON of a payload. */
export function payloadDigest(payload: unknown): string {
  return canonicalPayload(payload).digest;
}

/**
 * A payload's canonical JSON and its digest. The collector stores that same text, so each
 * response it receives is serialised once.
 */
export function canonicalPayload(payload: unknown): { json: string; digest: string } {
  const json = canonicalJson(payload);
  // One-shot `hash`: no Hash object per response.
  return { json, digest: hash('sha256', json, 'hex') };
}
