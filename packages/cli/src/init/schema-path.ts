/**
 * Where the bundled (self-contained) extension schema is for the `$schema` line of the files
 * `olva init` writes: in the repository's `schemas/bundled/` when olva runs from its
 * repository and the document lies inside it; else in the `@olva/schema` installed in the document's project
 * (`node_modules/@olva/schema/bundled/`, generated into the package when it is packed), by the
 * path the project sees; else a copy of the CLI's own, written beside the document (`.olva/`), since the
 * CLI's folder (npx's cache, a global install) is not the project's and may vanish.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled schemas, by kind of document. */
export type BundledSchema = 'extension' | 'questionnaire';

/** The repository's root when olva runs from its repository, else undefined. */
function repositoryRoot(): string | undefined {
  // From src/init/ or dist/init/ of packages/cli, the repository's root is four levels up;
  // the generator beside schemas/ tells the repository from any other folder.
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  return existsSync(join(root, 'scripts', 'bundle-schemas.mjs')) ? root : undefined;
}

/** The repository's bundled schema when olva runs from its repository, else undefined. */
function repositorySchemaFile(kind: BundledSchema): string | undefined {
  const root = repositoryRoot();
  const file = root && join(root, 'schemas', 'bundled', `${kind}.schema.json`);
  return file && existsSync(file) ? file : undefined;
}

/** Whether `dir` is `root` or lies under it. */
function isWithin(root: string, dir: string): boolean {
  const rel = relative(root, resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Absolute path of a bundled schema the document's project holds, or undefined. The
 * repository comes first for a document inside it: its copy is the one kept up to date by a
 * test, while its `packages/schema/bundled/` exists only between the prepack and the postpack
 * of `npm pack`. A document elsewhere (`--out /tmp/x.json` from the repository) is not the
 * repository's: a path climbing out to the repository would break as soon as either moves.
 * Then the project's own node_modules, searched up from the document as Node does, and kept
 * as found: through pnpm's link or npm's folder, not the store's versioned path that
 * `require.resolve` returns and the next upgrade removes.
 */
export function projectSchemaFile(kind: BundledSchema, documentDir: string = process.cwd()): string | undefined {
  const root = repositoryRoot();
  const inRepository = repositorySchemaFile(kind);
  if (root && inRepository && isWithin(root, documentDir)) return inRepository;
  for (let dir = resolve(documentDir); ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', '@olva', 'schema', 'bundled', `${kind}.schema.json`);
    if (existsSync(installed)) return installed;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The bundled schema the CLI itself carries: the repository's when it runs from there (the
 * workspace's @olva/schema has no `bundled/` outside `npm pack`), else that of the
 * @olva/schema it resolves, wherever it is installed.
 */
function cliSchemaFile(kind: BundledSchema): string | undefined {
  const inRepository = repositorySchemaFile(kind);
  if (inRepository) return inRepository;
  try {
    return createRequire(import.meta.url).resolve(`@olva/schema/bundled/${kind}.schema.json`);
  } catch {
    return undefined;
  }
}

/**
 * Where the copy goes when the document's project has no @olva/schema, relative to the
 * document's folder: a folder of its own, so that `olva validate dir/*.json` never takes the
 * schema for a document.
 */
export const schemaCopyPath = (kind: BundledSchema): string => `.olva/${kind}.schema.json`;

/**
 * The `$schema` value for a document written at `documentFile` (relative to the document,
 * with `/`, as editors resolve it), or undefined when no schema is at hand. `copied` names the
 * file written when the project has no @olva/schema: the CLI's schema, copied into `.olva/`
 * beside the document (rewritten when it differs, so that a newer CLI brings its newer schema).
 */
export function schemaReference(kind: BundledSchema, documentFile: string): { ref: string; copied?: string } | undefined {
  const documentDir = dirname(documentFile);
  const relativeRef = (file: string) => {
    const rel = relative(documentDir, file).split(sep).join('/');
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const inProject = projectSchemaFile(kind, documentDir);
  if (inProject) return { ref: relativeRef(inProject) };
  const own = cliSchemaFile(kind);
  if (!own) return undefined;
  const copy = join(documentDir, schemaCopyPath(kind));
  const text = readFileSync(own);
  mkdirSync(dirname(copy), { recursive: true });
  if (!existsSync(copy) || !readFileSync(copy).equals(text)) writeFileSync(copy, text);
  return { ref: `./${schemaCopyPath(kind)}`, copied: copy };
}
