/**
 * Where the bundled (self-contained) extension schema is on this disk, for the `$schema` line
 * of the files `olva init` writes: in the installed `@olva/schema` package (`bundled/`, put
 * there when the package is packed), else in the repository's `schemas/bundled/`.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled schemas, by kind of document. */
export type BundledSchema = 'extension' | 'questionnaire';

/** Absolute path of a bundled schema, or undefined when neither location has it. */
export function bundledSchemaFile(kind: BundledSchema): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(`@olva/schema/bundled/${kind}.schema.json`);
  } catch {
    // In the repository (src/init/ or dist/init/ of packages/cli): the generated copy at the root.
    const file = fileURLToPath(new URL(`../../../../schemas/bundled/${kind}.schema.json`, import.meta.url));
    return existsSync(file) ? file : undefined;
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
