/**
 * Submission ids: `crypto.randomUUID` where it exists; it is missing outside secure contexts
 * (a page served over plain http), where a v4 UUID is made from `crypto.getRandomValues`.
 */
export function newSubmissionId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  return uuidOfBytes(b, 4);
}

/**
 * A UUID of the given version from 16 bytes (or more: the first 16), its version and RFC 9562
 * variant bits set: random bytes for a v4, a SHA-1 digest for a v5. `bytes` is not changed.
 */
export function uuidOfBytes(bytes: Uint8Array, version: number): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | (version << 4);
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
