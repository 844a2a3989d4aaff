/**
 * Where the bundled (self-contained) extension schema is on this disk, for the `$schema` line
 * of the files `olva init` writes: in the repository's `schemas/bundled/` when olva runs from
 * its repository, else in the installed `@olva/schema` package (`bundled/`, generated into it
 * when the package is packed).
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled schemas, by kind of document. */
export type BundledSchema = 'extension' | 'questionnaire';

/**
 * Absolute path of a bundled schema, or undefined when neither location has it. The
 * repository comes first: its copy is the one kept up to date by a test, while a package's
 * `bundled/` exists only between the prepack and the postpack of `npm pack`.
 */
export function bundledSchemaFile(kind: BundledSchema): string | undefined {
  // From src/init/ or dist/init/ of packages/cli, the repository's root is four levels up;
  // the generator beside schemas/ tells the repository from any other folder.
  const root = new URL('../../../../', import.meta.url);
  const inRepository = fileURLToPath(new URL(`schemas/bundled/${kind}.schema.json`, root));
  if (existsSync(inRepository) && existsSync(fileURLToPath(new URL('scripts/bundle-schemas.mjs', root)))) return inRepository;
  try {
    return createRequire(import.meta.url).resolve(`@olva/schema/bundled/${kind}.schema.json`);
  } catch {
    return undefined;
  }
}

/**
 * The `$schema` value for a document written at `documentFile`: the bundled schema's path
 * relative to the document (editors resolve it from the document's folder), with `/`.
 */
export function schemaReference(kind: BundledSchema, documentFile: string): string | undefined {
  const file = bundledSchemaFile(kind);
  if (!file) return undefined;
  const rel = relative(dirname(documentFile), file).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
