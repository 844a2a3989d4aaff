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
