/**
 * JSON pointers (RFC 6901), the one way every OLVA problem names the place it is about.
 * Written once here so that the schema's validator, the runtime, the compiler and the
 * collector escape keys the same way.
 */

/** Escapes one reference token of a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from its tokens: `pointerOf('sections', 0, 'id')` → `/sections/0/id`. */
export function pointerOf(...tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

/** Appends tokens to an existing pointer: `childPointer('/answers', 'a/b')` → `/answers/a~1b`. */
export function childPointer(base: string, ...tokens: readonly (string | number)[]): string {
  return base + pointerOf(...tokens);
}

/**
 * The value a JSON pointer names in `document` (`/sections/0/id`), or `undefined` when the
 * path does not exist. Lets a message quote the value it is about.
 */
export function valueAtPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let node: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
