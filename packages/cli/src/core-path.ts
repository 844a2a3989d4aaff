/**
 * Where the canonical core questionnaire is: `olva validate` lints extensions against it when
 * no `--core` is given.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Path of `olva-core.json` from @olva/core-questionnaire. */
export function defaultCorePath(): string {
  try {
    return createRequire(import.meta.url).resolve('@olva/core-questionnaire/olva-core.json');
  } catch {
    // In the monorepo without an installed workspace link: the sibling package (src/ and dist/ are both one level down).
    return fileURLToPath(new URL('../../core-questionnaire/olva-core.json', import.meta.url));
  }
}
