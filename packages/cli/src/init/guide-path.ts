/**
 * Where the extension guide is, for the messages of `olva init`: the repository's
 * `docs/extension-guide.md` when olva runs from its repository, else the copy packed into
 * `@olva/cli` (`docs/`, written by its prepack), wherever npm or npx installed it. A bare
 * `docs/extension-guide.md` would name a file the user's project does not have.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the extension guide at hand, or undefined when neither copy exists. */
export function extensionGuideFile(): string | undefined {
  // From src/init/ or dist/init/: the package's root is two levels up, the repository's four
  // (installed, four levels up is node_modules/, which has no docs/).
  const candidates = [new URL('../../docs/extension-guide.md', import.meta.url), new URL('../../../../docs/extension-guide.md', import.meta.url)];
  return candidates.map((url) => fileURLToPath(url)).find((file) => existsSync(file));
}

/**
 * The guide as a message names it: relative to `cwd` when it lies inside (`node_modules/@olva/cli/docs/…`),
 * absolute otherwise (npx's cache, a global install), and the repository's path when none is at hand.
 */
export function extensionGuideForMessage(cwd: string = process.cwd()): string {
  const file = extensionGuideFile();
  if (!file) return 'docs/extension-guide.md';
  const inside = relative(cwd, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : file;
}
