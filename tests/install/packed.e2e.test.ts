/**
 * The @olva packages as a user installs them, without the network: `npm run pack`'s tarballs
 * (scripts/pack.mjs, with its checks) unpacked into an empty project outside the repository,
 * as npm lays them out (node_modules/@olva/*), their third-party dependencies linked from the
 * workspace's node_modules (only those the manifests declare: an undeclared import fails here).
 * Then every `exports` entry is imported in a child node process, `olva` runs, and the two
 * bundles are checked to be the bytes the browser tests load. Needs `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CompiledQuestionnaire } from '@olva/schema';
import { prng } from '@olva/test-support/prng';
import { generateFor } from '@olva/test-support/responses';
// @ts-expect-error: a plain .mjs script, without types
import { extractTarball, formatPackProblem, packAll, workspaceManifests } from '../../scripts/pack.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Manifest {
  name: string; version: string; private?: boolean; dir: string; customElements?: string;
  exports: Record<string, unknown>; bin?: Record<string, string>;
  dependencies?: Record<string, string>; peerDependencies?: Record<string, string>;
}

/** The single-file bundles (package → file), which the browser tests load from the workspace. */
const BUNDLES: Record<string, string> = {
  '@olva/embed': 'dist/olva.js',
  '@olva/results-element': 'dist/olva-results.js',
};

/** Runs a command; resolves to its exit code and output (never rejects on a non-zero exit). */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: String(out), err: String(err) });
    });
  });
}

/**
 * Links each third-party dependency a packed package declares from the workspace: the
 * package's own node_modules first (npm nested it there), else the root's, at the same place
 * in the project. A declared dependency the workspace lacks is a failure, unless optional.
 */
function linkDependencies(app: string, manifest: Manifest): string[] {
  const missing: string[] = [];
  const optional = Object.keys(manifest.peerDependencies ?? {});
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
    if (dep.startsWith('@olva/')) continue;
    const own = join(root, manifest.dir, 'node_modules', dep);
    const [from, to] = existsSync(own)
      ? [own, join(app, 'node_modules', manifest.name, 'node_modules', dep)]
      : [join(root, 'node_modules', dep), join(app, 'node_modules', dep)];
    if (!existsSync(from)) {
      if (!optional.includes(dep)) missing.push(`${manifest.name} → ${dep}`);
      continue;
    }
    if (existsSync(to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    symlinkSync(from, to, 'dir');
  }
  return missing;
}

/** The specifiers a user imports: one per `exports` subpath, patterns filled from the package's files. */
function entriesOf(app: string, manifest: Manifest): string[] {
  return Object.entries(manifest.exports).flatMap(([subpath, target]) => {
    if (!subpath.includes('*')) return [`${manifest.name}${subpath.slice(1)}`];
    const [before, after] = (target as string).split('*');
    const folder = join(app, 'node_modules', manifest.name, dirname(`${before}x`));
    return (existsSync(folder) ? readdirSync(folder) : []).filter((f) => f.endsWith(after)).map((f) => `${manifest.name}${subpath.slice(1).replace('*', f.slice(0, f.length - after.length))}`);
  });
}

/**
 * The child that imports the entries: node entries first, then the browser's (packages that
 * declare custom elements) with Lit's own DOM shim, as Lit's server rendering loads components.
 * Prints one JSON line: the entries imported and the failures.
 */
const IMPORTER = `
const [nodeEntries, browserEntries, shim] = JSON.parse(process.argv[2]);
const imported = [], failed = [];
const load = async (spec) => {
  try {
    await import(spec, spec.endsWith('.json') ? { with: { type: 'json' } } : undefined);
    imported.push(spec);
  } catch (error) { failed.push(spec + ': ' + String(error).split('\\n')[0]); }
};
for (const spec of nodeEntries) await load(spec);
const { HTMLElement, Element, customElements, CSSStyleSheet } = await import(shim);
Object.assign(globalThis, { HTMLElement, Element, customElements, CSSStyleSheet });
for (const spec of browserEntries) await load(spec);
console.log(JSON.stringify({ imported, failed, elements: ['olva-survey', 'olva-results'].filter((n) => customElements.get(n)) }));
`;

let base: string;
let app: string;
let packed: Manifest[];

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'olva-packed-'));
  expect(resolve(base).startsWith(resolve(root))).toBe(false);
  app = join(base, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name": "mon-territoire", "private": true, "type": "module"}\n');

  const { tarballs, problems } = await packAll(join(base, 'tarballs'));
  expect((problems as unknown[]).map(formatPackProblem)).toEqual([]);
  const workspace = workspaceManifests() as Map<string, Manifest>;
  packed = [...(tarballs as Map<string, string>).keys()].map((name) => workspace.get(name)!);
  for (const [name, tarball] of tarballs as Map<string, string>) extractTarball(tarball, join(app, 'node_modules', name));
  expect(packed.flatMap((manifest) => linkDependencies(app, manifest))).toEqual([]);
  // What npm does for a bin at install: a link in node_modules/.bin, so that `npx olva` runs it.
  mkdirSync(join(app, 'node_modules/.bin'));
  symlinkSync('../@olva/cli/bin/olva.js', join(app, 'node_modules/.bin/olva'));
}, 120_000);

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('the packed @olva packages, installed outside the repository without the network', () => {
  it('packs every publishable package and leaves @olva/test-support out', () => {
    expect(packed.map((m) => m.name).sort()).toEqual([...workspaceManifests().values()].filter((m: Manifest) => !m.private).map((m: Manifest) => m.name).sort());
    expect(existsSync(join(app, 'node_modules/@olva/test-support'))).toBe(false);
    // The bundled schemas were generated into @olva/schema at pack time and left out of the repository.
    expect(existsSync(join(root, 'packages/schema/bundled'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/@olva/schema/bundled/extension.schema.json'))).toBe(true);
  });

  it('links its READMEs absolutely, to files it ships, and leaves the repository as it was', () => {
    // npm's site rewrites no relative link without a `repository`: the packed README links the
    // copy of docs/performance.md shipped in the package, on the CDN, at this version.
    const version = packed.find((m) => m.name === '@olva/embed')!.version;
    const readme = readFileSync(join(app, 'node_modules/@olva/embed/README.md'), 'utf8');
    expect(readme).toContain(`(https://cdn.jsdelivr.net/npm/@olva/embed@${version}/docs/performance.md)`);
    expect(readme).toContain('(https://www.npmjs.com/package/@olva/elements#for-web-teams-bundles-csp-look)');
    expect(readFileSync(join(app, 'node_modules/@olva/embed/docs/performance.md'), 'utf8')).toBe(readFileSync(join(root, 'docs/performance.md'), 'utf8'));
    expect(readFileSync(join(root, 'packages/embed/README.md'), 'utf8')).toContain('](../../docs/performance.md)');
    expect(readdirSync(join(root, 'packages')).filter((dir) => existsSync(join(root, 'packages', dir, 'docs')) || existsSync(join(root, 'packages', dir, '.packed-readme.json')))).toEqual([]);
  });

  it('imports every entry of every exports map in node', async () => {
    const bundles = new Set(Object.entries(BUNDLES).map(([name, file]) => `${name}/${file}`));
    const isBundle = (manifest: Manifest, spec: string) => {
      const subpath = `.${spec.slice(manifest.name.length)}`;
      const target = manifest.exports[subpath];
      const file = typeof target === 'string' ? target : (target as { import?: string } | undefined)?.import;
      return file !== undefined && bundles.has(`${manifest.name}/${file.slice(2)}`);
    };
    const entries = (browser: boolean) => packed.filter((m) => Boolean(m.customElements) === browser)
      .flatMap((m) => entriesOf(app, m).filter((spec) => !isBundle(m, spec)));
    const nodeEntries = entries(false);
    const browserEntries = entries(true);
    writeFileSync(join(app, 'import-all.mjs'), IMPORTER);
    // Lit's shim, the one the installed lit itself depends on.
    const shim = pathToFileURL(createRequire(join(root, 'package.json')).resolve('@lit-labs/ssr-dom-shim')).href;
    const child = await run(process.execPath, ['import-all.mjs', JSON.stringify([nodeEntries, browserEntries, shim])], app);
    expect(child.err).toBe('');
    const { imported, failed, elements } = JSON.parse(child.out) as { imported: string[]; failed: string[]; elements: string[] };
    expect(failed).toEqual([]);
    expect(imported).toEqual([...nodeEntries, ...browserEntries]);
    expect(imported).toEqual(expect.arrayContaining(['@olva/schema/validate', '@olva/schema/bundled/questionnaire.schema.json', '@olva/core-questionnaire/olva-core.json', '@olva/elements/define', '@olva/results-element/define', '@olva/cli', '@olva/collector']));
    expect(elements).toEqual(['olva-survey', 'olva-results']);
  });

  it('ships the bundles the browser tests load, byte for byte', () => {
    for (const [name, file] of Object.entries(BUNDLES)) {
      const workspaceFile = join(root, 'packages', name.slice('@olva/'.length), file);
      expect(readFileSync(join(app, 'node_modules', name, file)).equals(readFileSync(workspaceFile)), `${name}/${file}`).toBe(true);
    }
  });

  it('takes an editor\'s « go to definition » on an @olva import to the TypeScript source', async () => {
    // What VS Code asks tsserver: the .d.ts's map, shipped with src/*.ts, leads past the declaration.
    const editor = join(app, 'editeur');
    mkdirSync(editor);
    writeFileSync(join(editor, 'tsconfig.json'), '{"compilerOptions": {"module": "NodeNext", "moduleResolution": "NodeNext", "strict": true, "noEmit": true}, "files": ["use.ts"]}\n');
    const file = join(editor, 'use.ts');
    writeFileSync(file, "import { validateDocument } from '@olva/schema/validate';\nvalidateDocument;\n");
    const server = spawn(process.execPath, [createRequire(import.meta.url).resolve('typescript/lib/tsserver.js'), '--disableAutomaticTypingAcquisition'], { cwd: editor });
    const found = await new Promise<{ file: string }[]>((done) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk;
        const reply = /^\{"seq":0,"type":"response","command":"definition".*$/m.exec(out);
        if (reply) done(JSON.parse(reply[0]).body);
      });
      for (const [seq, command, args] of [[1, 'open', { file }], [2, 'definition', { file, line: 2, offset: 3 }]] as const) {
        server.stdin.write(`${JSON.stringify({ seq, type: 'request', command, arguments: args })}\n`);
      }
    }).finally(() => server.kill());
    expect(found.map((d) => d.file)).toEqual([join(app, 'node_modules/@olva/schema/src/validate.ts')]);
  });

  it('runs olva --version and --help', async () => {
    const version = await run(process.execPath, [join(app, 'node_modules/.bin/olva'), '--version'], app);
    expect(version.code, version.err).toBe(0);
    expect(version.out.trim()).toBe(packed.find((m) => m.name === '@olva/cli')!.version);
    const help = await run(process.execPath, [join(app, 'node_modules/.bin/olva'), '--help'], app);
    expect(help.code, help.err).toBe(0);
    expect(help.out).toContain('Usage : olva <commande>');
    expect(help.out).toContain('Usage: olva <command>');
  });

  it('runs olva init, validate, build, analyse and report as a territorial developer does', async () => {
    // The bin link npx would run, without npx's own second of start-up on each of seven commands.
    const olva = (...args: string[]) => run(process.execPath, [join(app, 'node_modules/.bin/olva'), ...args], app, { LANG: 'fr_FR.UTF-8', OLVA_LANG: '' });
    // The pages `olva serve` serves beside the API ship with the collector: the cockpit, the iframe page.
    for (const page of ['suivi/index.html', 'iframe/index.html', 'iframe/iframe.js']) {
      expect(existsSync(join(app, 'node_modules/@olva/collector', page)), page).toBe(true);
    }
    const init = await olva('init', 'extension', '--territory', 'epci:200040293', '--out', 'mon-extension.json');
    expect(init.err).toBe('');
    expect(init.code).toBe(0);
    // The guide it names is in the project, packed into @olva/cli (the repository's docs/ is not).
    expect(init.out).toContain('Les exemples du fichier : node_modules/@olva/cli/docs/extension-guide.md.');
    expect(readFileSync(join(app, 'node_modules/@olva/cli/docs/extension-guide.md'), 'utf8')).toContain('question-types.md');
    expect(existsSync(join(app, 'node_modules/@olva/cli/docs/question-types.md'))).toBe(true);
    const ext = JSON.parse(readFileSync(join(app, 'mon-extension.json'), 'utf8'));
    expect(ext.$schema).toBe('./node_modules/@olva/schema/bundled/extension.schema.json');
    expect(existsSync(join(app, ext.$schema))).toBe(true);
    expect(ext.territory.name).toBe('CC du Clunisois');
    // The file an editor opens, in a folder of its own: $schema is relative to that file.
    const nested = await olva('init', 'extension', '--territory', 'epci:200040293', '--out', 'territoire/extension.json', '--json');
    expect(nested.code, nested.err).toBe(0);
    expect(JSON.parse(nested.out).schema).toBe('../node_modules/@olva/schema/bundled/extension.schema.json');
    expect(existsSync(join(app, 'territoire', JSON.parse(nested.out).schema))).toBe(true);
    // The CLI installed elsewhere (npx, a global install) for a project that links @olva/schema
    // as pnpm does: $schema goes through the project's node_modules, not the CLI's copy or the
    // store's versioned path, which the next upgrade removes.
    const project = join(base, 'projet');
    const store = join(base, 'store/@olva+schema@0.1.0/node_modules/@olva');
    mkdirSync(store, { recursive: true });
    symlinkSync(join(app, 'node_modules/@olva/schema'), join(store, 'schema'), 'dir');
    mkdirSync(join(project, 'node_modules/@olva'), { recursive: true });
    symlinkSync(join(store, 'schema'), join(project, 'node_modules/@olva/schema'), 'dir');
    const elsewhere = await run(process.execPath, [join(app, 'node_modules/.bin/olva'), 'init', 'extension', '--territory', 'epci:200040293', '--out', 'territoire/extension.json', '--json'], project);
    expect(elsewhere.code, elsewhere.err).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'territoire/extension.json'), 'utf8')).$schema).toBe('../node_modules/@olva/schema/bundled/extension.schema.json');

    // `npx olva init` in a project without @olva/schema: the CLI's folder is npx's cache, which
    // npm empties, so the schema is copied beside the document and $schema names the copy, in a
    // folder of its own: `olva validate *.json` still reads the documents only.
    const bare = join(base, 'sans-schema');
    mkdirSync(bare);
    const npx = await run(process.execPath, [join(app, 'node_modules/.bin/olva'), 'init', 'extension', '--territory', 'epci:200040293', '--out', 'extension.json'], bare, { LANG: 'fr_FR.UTF-8', OLVA_LANG: '' });
    expect(npx.code, npx.err).toBe(0);
    expect(npx.out).toContain('Schéma copié dans .olva/extension.schema.json (ce projet n’a pas @olva/schema)');
    // The CLI lies outside this project (npx's cache): the guide is named by its absolute path.
    expect(npx.out).toContain(`Les exemples du fichier : ${join(app, 'node_modules/@olva/cli/docs/extension-guide.md')}.`);
    expect(JSON.parse(readFileSync(join(bare, 'extension.json'), 'utf8')).$schema).toBe('./.olva/extension.schema.json');
    expect(readFileSync(join(bare, '.olva/extension.schema.json'), 'utf8')).toBe(readFileSync(join(app, 'node_modules/@olva/schema/bundled/extension.schema.json'), 'utf8'));

    const validate = await olva('validate', 'mon-extension.json');
    expect(validate.out + validate.err).toContain('node_modules/@olva/core-questionnaire/olva-core.json');
    expect(validate.code, validate.err).toBe(0);

    ext.sections[0].items[0].type = 'singel';
    writeFileSync(join(app, 'broken.json'), JSON.stringify(ext, null, 2));
    const broken = await olva('validate', 'broken.json');
    expect(broken.code).toBe(1);
    expect(broken.err + broken.out).toContain('"singel" n’est pas un type de question');

    // As the README and init's « Ensuite » write it: the installed core, no path into node_modules.
    const build = await olva('build', '--extension', 'mon-extension.json', '--out', 'out', '--json');
    expect(build.code, build.err).toBe(0);
    expect(JSON.parse(build.out).files).toContain('out/paper.html');
    expect(existsSync(join(app, 'out', 'paper.html'))).toBe(true);

    // The analyst's steps: olva report checks the results document against a schema that must
    // ship inside the packages (it used to be read from the repository's schemas/ folder).
    const compiled = JSON.parse(readFileSync(join(app, 'out', 'questionnaire.json'), 'utf8')) as CompiledQuestionnaire;
    const answered = generateFor(compiled, { level: 'epci', code: '200040293' }, '2026', 40, prng(5));
    writeFileSync(join(app, 'responses.ndjson'), answered.map((g) => JSON.stringify(g.payload)).join('\n') + '\n');
    const analyse = await olva('analyse', '--responses', 'responses.ndjson', '--build', 'out', '--wave', '2026', '--out', 'results.json');
    expect(analyse.code, analyse.err).toBe(0);
    const report = await olva('report', 'key-figures', '--results', 'results.json', '--out', 'chiffres-cles.html');
    expect(report.err).toBe('');
    expect(report.code).toBe(0);
    expect(readFileSync(join(app, 'chiffres-cles.html'), 'utf8')).toContain('<html');

    // olva import loads its own readers (yauzl, saxes) from the installed dependencies.
    const importHelp = await olva('import', '--help');
    expect(importHelp.code, importHelp.err).toBe(0);
    expect(importHelp.out).toContain('--mapping');
  });
});
