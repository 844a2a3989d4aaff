/**
 * The collector is a server: it must not load the compiler's emitters at run time
 * (json-schema-to-typescript and its dependencies weigh several megabytes and are only needed
 * by `olva build`). This walks the import graph of the collector's sources the way Node would
 * load them (type-only imports are erased) and lists the npm packages it reaches.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../', import.meta.url));

/** The module specifiers a source file loads at run time (type-only imports and exports left out). */
function specifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of code.matchAll(statement)) if (!m[2]) out.push(m[3]!);
  for (const m of code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Source file of a specifier, as vitest.config.ts resolves `@olva/*`; null for an npm package or a Node built-in. */
function resolve(from: string, spec: string): string | null {
  if (spec.startsWith('.')) return path.resolve(path.dirname(from), spec.replace(/\.js$/, '.ts'));
  const olva = /^@olva\/([a-z-]+)(?:\/(.+))?$/.exec(spec);
  if (olva) return path.join(packages, olva[1]!, 'src', `${olva[2] ?? 'index'}.ts`);
  return null;
}

/** Every source file and npm package reached from an entry. */
function graph(entry: string): { files: Set<string>; npm: Set<string> } {
  const files = new Set<string>();
  const npm = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
      const target = resolve(file, spec);
      if (target) todo.push(target);
      else if (!spec.startsWith('node:')) npm.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, npm };
}

describe('the collector\'s import graph', () => {
  it('reaches the compiler\'s CSV writer and codebook model, but not json-schema-to-typescript', () => {
    const { files, npm } = graph(path.join(packages, 'collector/src/index.ts'));
    // The walk does follow the collector into the compiler (else the check below proves nothing).
    expect(files).toContain(path.join(packages, 'compiler/src/emit/csv.ts'));
    expect(files).toContain(path.join(packages, 'compiler/src/emit/codebook.ts'));
    expect(npm).toContain('fastify');
    expect([...npm]).not.toContain('json-schema-to-typescript');
    expect(files).not.toContain(path.join(packages, 'compiler/src/emit/index.ts'));
  });
});
