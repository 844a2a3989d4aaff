import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain .mjs script, without types
import { checkPackages, formatPackProblem, publishOrder, specifiersOf, installedShipsTypes, rootEngines, workspaceManifests } from './pack.mjs';
// @ts-expect-error: a plain .mjs script, without types
import { packedReadme } from './packed-readme.mjs';

interface Manifest { name: string; version: string; private?: boolean; [field: string]: unknown }
interface Problem { package: string; file: string; rule: string; fr: string; en: string }

/** A packed package: its manifest and its files (text), as the tarball holds them. */
const packed = (manifest: Manifest, files: Record<string, string>) => ({
  manifest,
  files: new Map(Object.entries({ 'package.json': JSON.stringify(manifest), 'README.md': '# x', ...files }).map(([k, v]) => [k, Buffer.from(v)])),
});

const base = (name: string, extra: Partial<Manifest> = {}): Manifest => ({
  name, version: '1.2.0', license: 'EUPL-1.2', type: 'module', engines: { node: rootEngines() }, scripts: { prepublishOnly: 'node ../../scripts/publish-guard.mjs' },
  exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } }, types: './dist/index.d.ts', files: ['dist', 'README.md'],
  ...extra,
});

/** A workspace of `@olva/low` (depended on), `@olva/high` (depending on it) and the private `@olva/test-support`. */
function check(high: ReturnType<typeof packed>, low = packed(base('@olva/low'), { 'dist/index.js': 'export const low = 1;', 'dist/index.d.ts': 'export declare const low = 1;' })) {
  const workspace = new Map<string, Manifest>([
    ['@olva/low', low.manifest],
    ['@olva/high', high.manifest],
    ['@olva/test-support', { name: '@olva/test-support', version: '1.2.0', private: true }],
  ]);
  return (checkPackages([low, high], workspace) as Promise<Problem[]>).then((problems) => problems.map((p) => `${p.package} ${p.file} ${p.rule}`));
}

const goodHigh = () => packed(base('@olva/high', { dependencies: { '@olva/low': '1.2.0', lit: '^3.3.0' } }), {
  'dist/index.js': "import { low } from '@olva/low';\nimport { html } from 'lit';\nimport fs from 'node:fs';\nexport const text = `imported from \"${low}\"`;\nexport const lazy = () => import('./lazy.js');",
  'dist/index.d.ts': "import type { low } from '@olva/low';\nexport declare const text: string;",
  'dist/lazy.js': 'export {};',
});

describe('npm run pack: the checks of a packed package (scripts/pack.mjs)', () => {
  it('finds nothing in a package a user can install as it is', async () => {
    expect(await check(goodHigh())).toEqual([]);
  });

  it('names a package that does not declare the Node versions the repository supports', async () => {
    const high = goodHigh();
    delete high.manifest.engines;
    expect(await check(high)).toEqual(['@olva/high package.json#/engines/node engines']);
    high.manifest.engines = { node: '>=18' };
    const problems = (await checkPackages([high], new Map([['@olva/high', high.manifest], ['@olva/low', base('@olva/low')]]))) as Problem[];
    expect(problems.map(formatPackProblem)).toEqual([`@olva/high package.json#/engines/node: [engines] « >=18 » : le dépôt prend en charge Node « ${rootEngines()} » (engines du package.json racine), que chaque paquet déclare\n    ">=18": the repository supports Node "${rootEngines()}" (the root package.json's engines), which every package declares`]);
  });

  it.each([
    ['test files, fixtures, build leftovers and test-support code', {
      'dist/index.test.js': '',
      'dist/__fixtures__/a.json': '{}',
      'dist/.tsbuildinfo': '{}',
      'dist/harness.js': "import { chromium } from '@olva/test-support/chromium';",
    }, ['dist/index.test.js test-file', 'dist/__fixtures__/a.json test-file', 'dist/.tsbuildinfo build-leftover', 'dist/harness.js test-support']],
    ['an import out of the package, into another package’s sources or past its exports', {
      'dist/a.js': "import '../../low/src/index.js';",
      'dist/b.d.ts': "import type { X } from '@olva/low/src/types.js';",
      'dist/c.js': "export { low } from '@olva/low/internal';",
    }, ['dist/a.js outside-package', 'dist/b.d.ts reaches-src', 'dist/c.js unexported-subpath']],
  ])('names %s', async (_, files: Record<string, string>, expected: string[]) => {
    const high = goodHigh();
    for (const [file, text] of Object.entries(files)) high.files.set(file, Buffer.from(text));
    expect(await check(high)).toEqual(expected.map((line) => `@olva/high ${line}`));
  });

  it('names each run-time or type import left out of dependencies, where devDependencies or the root do not count, French first', async () => {
    const high = goodHigh();
    high.manifest.devDependencies = { semver: '^7.7.0' };
    high.files.set('dist/v.js', Buffer.from("import semver from 'semver';\nconst yazl = await import('yazl');\nimport.meta.resolve('@olva/embed');"));
    // What tsc infers through lit (lit-html) is a dependency of the declarations; a comment is not.
    high.files.set('dist/t.d.ts', Buffer.from('/** Counts, apart from "no answer". */\nexport declare const part: () => import("lit-html/directive.js").DirectiveResult;'));
    const problems = (await checkPackages([high], new Map([['@olva/high', high.manifest], ['@olva/low', base('@olva/low')]]))) as Problem[];
    expect(problems.map((p) => `${p.package} ${p.file} ${p.rule}`)).toEqual([
      '@olva/high dist/v.js undeclared-dependency',
      '@olva/high dist/v.js undeclared-dependency',
      '@olva/high dist/v.js undeclared-dependency',
      '@olva/high dist/t.d.ts undeclared-type-dependency',
    ]);
    expect(formatPackProblem(problems[0])).toBe(
      '@olva/high dist/v.js: [undeclared-dependency] importe « semver » à l’exécution, absent de ses « dependencies » (seulement dans ses devDependencies)\n'
      + '    imports "semver" at run time, missing from its "dependencies" (only in its devDependencies)',
    );
  });

  it('names a declared library whose types come from an undeclared @types package', async () => {
    const high = goodHigh();
    high.manifest.dependencies = { ...(high.manifest.dependencies as object), 'better-sqlite3': '^12.4.0', '@scope/untyped': '^1.0.0' };
    high.files.set('dist/store.d.ts', Buffer.from("import type Database from 'better-sqlite3';\nimport type { X } from '@scope/untyped';\nexport declare const db: Database.Database;"));
    const workspace = new Map([['@olva/high', high.manifest], ['@olva/low', base('@olva/low')]]);
    const untyped = (dep: string) => !['better-sqlite3', '@scope/untyped'].includes(dep);
    const problems = (await checkPackages([high], workspace, untyped)) as Problem[];
    expect(problems.map((p) => `${p.file} ${p.rule} ${p.en.split(',')[0]}`)).toEqual([
      'dist/store.d.ts undeclared-type-dependency its types come from "@types/better-sqlite3"',
      'dist/store.d.ts undeclared-type-dependency its types come from "@types/scope__untyped"',
    ]);
    // Declared, the types reach the user; a library with its own declarations needs nothing more.
    high.manifest.dependencies = { ...(high.manifest.dependencies as object), '@types/better-sqlite3': '^7.6.0', '@types/scope__untyped': '^1.0.0' };
    expect(await checkPackages([high], workspace, untyped)).toEqual([]);
    expect(installedShipsTypes('better-sqlite3', 'packages/collector')).toBe(false);
    expect(installedShipsTypes('lit', 'packages/elements')).toBe(true);
  });

  it('names a source map whose sources are neither packed nor inlined, and a script whose map is not packed', async () => {
    const high = goodHigh();
    const map = (sources: string[], sourcesContent?: (string | null)[]) => Buffer.from(JSON.stringify({ version: 3, sources, sourcesContent, mappings: '' }));
    high.files.set('dist/index.js', Buffer.from('export const a = 1;\n//# sourceMappingURL=index.js.map'));
    high.files.set('dist/index.js.map', map(['../src/index.ts'], ['export const a = 1;']));
    high.files.set('dist/bundle.js.map', map(['../README.md', '../../elements/dist/x.js'], [null, 'x']));
    expect(await check(high)).toEqual([]);
    high.files.set('dist/lazy.js', Buffer.from('export {};\n//# sourceMappingURL=lazy.js.map'));
    high.files.set('dist/tsc/index.js.map', map(['../../src/index.ts', '../../src/b.ts']));
    high.files.set('dist/broken.js.map', Buffer.from('{'));
    expect(await check(high)).toEqual([
      '@olva/high dist/lazy.js map-missing',
      '@olva/high dist/tsc/index.js.map map-source-missing',
      '@olva/high dist/broken.js.map map-source-missing',
    ]);
  });

  it('names a declaration whose map is not packed, and a declaration map whose sources are not', async () => {
    const high = goodHigh();
    high.files.set('dist/index.d.ts', Buffer.from('export declare const a = 1;\n//# sourceMappingURL=index.d.ts.map'));
    expect(await check(high)).toEqual(['@olva/high dist/index.d.ts map-missing']);
    // tsc never inlines a declaration map's sources: shipped without src/, it leads nowhere.
    high.files.set('dist/index.d.ts.map', Buffer.from(JSON.stringify({ version: 3, sources: ['../src/index.ts'], mappings: '' })));
    expect(await check(high)).toEqual(['@olva/high dist/index.d.ts.map map-source-missing']);
    high.files.set('src/index.ts', Buffer.from('export const a = 1;'));
    expect(await check(high)).toEqual([]);
  });

  it('names a target of exports, types, bin or sideEffects missing from the tarball, and a files entry that brings nothing', async () => {
    const high = goodHigh();
    Object.assign(high.manifest, {
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './define': './dist/define.js', './bundled/*': './bundled/*' },
      bin: { olva: './bin/olva.js' },
      sideEffects: ['./dist/define.js'],
      files: ['dist', 'bin', 'README.md'],
    });
    expect(await check(high)).toEqual([
      '@olva/high package.json#/exports/.~1define missing-target',
      '@olva/high package.json#/exports/.~1bundled~1* missing-target',
      '@olva/high package.json#/bin/olva missing-target',
      '@olva/high package.json#/sideEffects/0 missing-target',
      '@olva/high package.json#/files/1 files-entry-empty',
    ]);
  });

  it('wants one version, internal dependencies pinned to it, no private one, one range per library, a licence and a README', async () => {
    const high = packed(base('@olva/high', {
      version: '1.3.0',
      license: undefined,
      dependencies: { '@olva/low': '^1.2.0', '@olva/test-support': '1.2.0', lit: '^3.2.0' },
    }), { 'dist/index.js': '', 'dist/index.d.ts': '' });
    high.files.delete('README.md');
    const low = packed(base('@olva/low', { dependencies: { lit: '^3.3.0' } }), { 'dist/index.js': '', 'dist/index.d.ts': '' });
    const third = packed(base('@olva/third'), { 'dist/index.js': '', 'dist/index.d.ts': '' });
    const workspace = new Map<string, Manifest>([
      ['@olva/low', low.manifest], ['@olva/high', high.manifest], ['@olva/third', third.manifest],
      ['@olva/test-support', { name: '@olva/test-support', version: '1.2.0', private: true }],
    ]);
    const problems = (await checkPackages([low, third, high], workspace)) as Problem[];
    expect(problems.map((p) => `${p.package} ${p.file} ${p.rule}`)).toEqual([
      '@olva/high package.json#/version version-mismatch',
      '@olva/high package.json#/license license',
      '@olva/high README.md readme',
      '@olva/high package.json#/dependencies/@olva~1low unpinned-dependency',
      '@olva/high package.json#/dependencies/@olva~1test-support private-dependency',
      '@olva/high package.json#/files/1 files-entry-empty',
      '@olva/low package.json#/dependencies/lit range-mismatch',
      '@olva/high package.json#/dependencies/lit range-mismatch',
    ]);
    expect(problems[0].fr).toBe('version 1.3.0, les autres paquets sont en 1.2.0');
  });
});

describe('the links of a packed README (scripts/packed-readme.mjs, rule readme-link)', () => {
  it('names a relative link, and a CDN link to a file or a version the tarballs do not have', async () => {
    const readme = [
      '[ok](https://cdn.jsdelivr.net/npm/@olva/high@1.2.0/docs/guide.md#a) [page](https://www.npmjs.com/package/@olva/low#part) [here](#here)',
      '[relative](../../docs/guide.md) [missing](https://cdn.jsdelivr.net/npm/@olva/low@1.2.0/docs/guide.md)',
      '[old](https://cdn.jsdelivr.net/npm/@olva/high@1.1.0/docs/guide.md) [gone](https://www.npmjs.com/package/@olva/gone)',
      '```sh', 'echo [not a link](../x.md)', '```',
      '[ref]: src/API.md',
    ].join('\n');
    const high = packed(base('@olva/high', { dependencies: { '@olva/low': '1.2.0' } }), {
      'dist/index.js': '', 'dist/index.d.ts': '', 'README.md': readme, 'docs/guide.md': '# guide',
    });
    const problems = (await check(high)) as string[];
    expect(problems).toEqual(Array(5).fill('@olva/high README.md readme-link'));
    const words = (await checkPackages([packed(base('@olva/low'), { 'dist/index.js': '', 'dist/index.d.ts': '' }), high], new Map([['@olva/low', base('@olva/low')], ['@olva/high', high.manifest]]))) as Problem[];
    expect(words.map((p) => p.en)).toEqual([
      '"../../docs/guide.md": relative link, broken on npm\'s site and in node_modules (scripts/packed-readme.mjs at prepack?)',
      '"https://cdn.jsdelivr.net/npm/@olva/low@1.2.0/docs/guide.md": docs/guide.md is not in @olva/low ("files"?)',
      '"https://cdn.jsdelivr.net/npm/@olva/high@1.1.0/docs/guide.md": version 1.1.0, the package is at 1.2.0',
      '"https://www.npmjs.com/package/@olva/gone": @olva/gone is not a published package',
      '"src/API.md": relative link, broken on npm\'s site and in node_modules (scripts/packed-readme.mjs at prepack?)',
    ]);
  });

  it('makes each relative link of a README absolute, at the packed version, shipping the repository files it names', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const workspace = [...(workspaceManifests(root) as Map<string, Manifest & { dir: string }>).values()];
    const version = workspace.find((m) => m.name === '@olva/embed')!.version;
    const text = '[perf](../../docs/performance.md) [look](../elements/README.md#for-web-teams-bundles-csp-look) [mine](src/olva.ts) [web](https://a.example/x) `[code](../x)`';
    const result = packedReadme(text, { packageDir: path.join(root, 'packages/embed'), root, workspace });
    expect(result.text).toBe(`[perf](https://cdn.jsdelivr.net/npm/@olva/embed@${version}/docs/performance.md) [look](https://www.npmjs.com/package/@olva/elements#for-web-teams-bundles-csp-look) [mine](https://cdn.jsdelivr.net/npm/@olva/embed@${version}/src/olva.ts) [web](https://a.example/x) \`[code](../x)\``);
    expect(result.ship.map(({ from, to }: { from: string; to: string }) => [from, to])).toEqual([[path.join(root, 'docs/performance.md'), 'docs/performance.md']]);
    // A shipped guide's links: to another shipped one relative (that one shipped too), to a package absolute.
    const collector = packedReadme('[run](../../docs/running-a-collector.md)', { packageDir: path.join(root, 'packages/collector'), root, workspace });
    // The guide's own links decide what else ships (a decision record it cites, say): the ones
    // named here must, each once, the README's first.
    const shipped = collector.ship.map((s: { to: string }) => s.to);
    expect(shipped[0]).toBe('docs/running-a-collector.md');
    expect(shipped).toEqual(expect.arrayContaining(['docs/releasing-the-core.md', 'docs/release.md']));
    expect(new Set(shipped).size).toBe(shipped.length);
    const guide = collector.ship[0].text as string;
    expect(guide).toContain('](releasing-the-core.md');
    expect(guide).toContain('](https://www.npmjs.com/package/@olva/collector');
    expect(guide).not.toContain('](../');
    expect(() => packedReadme('[x](../../nowhere.md)', { packageDir: path.join(root, 'packages/embed'), root, workspace })).toThrow('packages/embed/README.md: « ../../nowhere.md »: no such file');
  });
});

describe('npm publish from a package folder (scripts/publish-guard.mjs)', () => {
  it('is refused, saying how to publish, and npm run pack names a package without the guard', async () => {
    const child = spawnSync('npm', ['publish', '--dry-run'], { cwd: fileURLToPath(new URL('../packages/charts', import.meta.url)), encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('npm publish depuis le dossier d’un paquet est refusé : lancez « npm run pack »');
    expect(child.stderr).toContain('Publishing from a package\'s folder is refused');
    const high = goodHigh();
    delete high.manifest.scripts;
    expect(await check(high)).toEqual(['@olva/high package.json#/scripts/prepublishOnly publish-guard']);
  });
});

describe('specifiersOf', () => {
  it('reads imports, not the words « from "x" » inside a string', () => {
    expect(specifiersOf('const a = `copied from "${b}"`;\nimport x from "y";\nexport * from \'./z.js\';')).toEqual(['y', './z.js']);
  });
});

describe('publishOrder', () => {
  it('puts each package after the @olva packages it depends on, optional peers included', () => {
    const m = (name: string, deps: Record<string, string> = {}, peers: Record<string, string> = {}) => ({ name, version: '1.0.0', dependencies: deps, peerDependencies: peers });
    const order = publishOrder([
      m('@olva/cli', { '@olva/reports': '1.0.0', semver: '^7' }, { '@olva/embed': '1.0.0' }),
      m('@olva/schema'),
      m('@olva/reports', { '@olva/schema': '1.0.0' }),
      m('@olva/embed', { '@olva/schema': '1.0.0' }),
    ]) as { name: string }[];
    expect(order.map((p) => p.name)).toEqual(['@olva/schema', '@olva/reports', '@olva/embed', '@olva/cli']);
  });
});
