/**
 * The submissionId of an imported row without one of its own: a UUID version 5 (RFC 9562,
 * SHA-1 of a namespace and a name), so that importing the same row again names the same
 * submission and the collector's idempotent insert adds nothing.
 */
import { createHash } from 'node:crypto';
import { uuidOfBytes } from '@olva/runtime';

/** olva import's namespace (a random UUID fixed once): its ids never collide with another tool's v5 ids. */
const NAMESPACE = 'b7f3c1de-5a0e-4c8e-9f27-6d1a4e0b9c53';

/** The UUID v5 of `name` in olva import's namespace (or `namespace`). */
export function uuidV5(name: string, namespace: string = NAMESPACE): string {
  return uuidOfBytes(createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest(), 5);
}
