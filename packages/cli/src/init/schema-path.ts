/**
 * Where the bundled (self-contained) extension schema is on this disk, for the `$schema` line
 * of the files `olva init` writes: in the repository's `schemas/bundled/` when olva runs from
 * its repository; else in the `@olva/schema` installed in the document's project
 * (`node_modules/@olva/schema/bundled/`, generated into the package when it is packed), by the
 * path the project sees; else beside the CLI itself (a global or npx install).
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled schemas, by kind of document. */
export type BundledSchema = 'extension' | 'questionnaire';

/**
 * Absolute path of a bundled schema for a document in `documentDir`, or undefined when no
 * location has it. The repository comes first: its copy is the one kept up to date by a test,
 * while its `packages/schema/bundled/` exists only between the prepack and the postpack of
 * `npm pack`. Then the project's own node_modules, searched up from the document as Node
 * does, and kept as found: through pnpm's link or npm's folder, not the store's versioned path
 * that `require.resolve` returns and the next upgrade removes. Last, the @olva/schema the CLI
 * resolves, wherever it is installed.
 */
export function bundledSchemaFile(kind: BundledSchema, documentDir: string = process.cwd()): string | undefined {
  // From src/init/ or dist/init/ of packages/cli, the repository's root is four levels up;
  // the generator beside schemas/ tells the repository from any other folder.
  const root = new URL('../../../../', import.meta.url);
  const inRepository = fileURLToPath(new URL(`schemas/bundled/${kind}.schema.json`, root));
  if (existsSync(inRepository) && existsSync(fileURLToPath(new URL('scripts/bundle-schemas.mjs', root)))) return inRepository;
  for (let dir = documentDir; ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', '@olva', 'schema', 'bundled', `${kind}.schema.json`);
    if (existsSync(installed)) return installed;
    if (dirname(dir) === dir) break;
  }
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
  const file = bundledSchemaFile(kind, dirname(documentFile));
  if (!file) return undefined;
  const rel = relative(dirname(documentFile), file).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
