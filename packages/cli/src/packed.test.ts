/**
 * The CLI as a territorial developer gets it: the packages `olva` needs, packed with `npm pack`
 * (files lists, exports maps, bin and the prepack of @olva/schema's bundled schemas all
 * included), installed in an empty folder outside the repository, then `npx olva` run there.
 * Needs `npm run build` first (packing takes the built dist/). Uses the npm cache first
 * (--prefer-offline) and runs no install script (nothing here needs a native module).
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledQuestionnaire } from '@olva/schema';
import { prng } from '@olva/test-support/prng';
import { generateFor } from '@olva/test-support/responses';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs a command; resolves to its exit code and output (never rejects on a non-zero exit). */
function run(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: String(out), err: String(err) });
    });
  });
}

/** The workspace folders of @olva/cli and of every @olva package it depends on, transitively. */
function workspaceClosure(): string[] {
  const byName = new Map<string, { dir: string; deps: string[] }>();
  for (const dir of readdirSync(join(root, 'packages'))) {
    const file = join(root, 'packages', dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; dependencies?: Record<string, string> };
    byName.set(pkg.name, { dir: `packages/${dir}`, deps: Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@olva/')) });
  }
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const dep of byName.get(name)!.deps) visit(dep);
  };
  visit('@olva/cli');
  return [...seen].map((name) => byName.get(name)!.dir);
}

/** Packs the workspaces into `base`, installs the tarballs in an empty app there, runs olva. */
async function packInstallRun(workspaces: string[], base: string): Promise<void> {
  expect(resolve(base).startsWith(resolve(root))).toBe(false);
  const tarballs = join(base, 'tarballs');
  mkdirSync(tarballs);
  const pack = await run('npm', ['pack', '--silent', '--pack-destination', tarballs, ...workspaces.flatMap((w) => ['-w', w])], root);
  expect(pack.code, pack.err).toBe(0);
  const files = readdirSync(tarballs).filter((f) => f.endsWith('.tgz')).map((f) => join(tarballs, f));
  expect(files.length).toBe(workspaces.length);

  const app = join(base, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{"name": "mon-territoire", "private": true}\n');
  const install = await run('npm', ['install', ...files, '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], app);
  expect(install.code, install.err).toBe(0);
  // The bundled schemas were generated into @olva/schema at pack time and left out of the repository.
  expect(existsSync(join(root, 'packages/schema/bundled'))).toBe(false);
  // The pages `olva serve` serves beside the API ship with the collector: the cockpit, the iframe page.
  for (const page of ['suivi/index.html', 'iframe/index.html', 'iframe/iframe.js']) {
    expect(existsSync(join(app, 'node_modules/@olva/collector', page)), page).toBe(true);
  }

  const olva = (...args: string[]) => run('npx', ['--no', 'olva', ...args], app, { LANG: 'fr_FR.UTF-8', OLVA_LANG: '' });
  const init = await olva('init', 'extension', '--territory', 'epci:200040293', '--out', 'mon-extension.json');
  expect(init.err).toBe('');
  expect(init.code).toBe(0);
  const ext = JSON.parse(readFileSync(join(app, 'mon-extension.json'), 'utf8'));
  expect(ext.$schema).toBe('./node_modules/@olva/schema/bundled/extension.schema.json');
  expect(existsSync(join(app, ext.$schema))).toBe(true);
  expect(ext.territory.name).toBe('CC du Clunisois');

  const validate = await olva('validate', 'mon-extension.json');
  expect(validate.out + validate.err).toContain('node_modules/@olva/core-questionnaire/olva-core.json');
  expect(validate.code, validate.err).toBe(0);

  ext.sections[0].items[0].type = 'singel';
  writeFileSync(join(app, 'broken.json'), JSON.stringify(ext, null, 2));
  const broken = await olva('validate', 'broken.json');
  expect(broken.code).toBe(1);
  expect(broken.err + broken.out).toContain('"singel" n’est pas un type de question');

  const build = await olva('build', 'node_modules/@olva/core-questionnaire/olva-core.json', '--extension', 'mon-extension.json', '--out', 'out', '--json');
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
}

describe('olva from the packed npm packages, outside the repository', () => {
  it('installs from the tarballs and runs npx olva init, validate, build, analyse and report', async () => {
    const workspaces = workspaceClosure();
    for (const dir of workspaces) {
      expect(existsSync(join(root, dir, 'dist')), `${dir}/dist is missing: run npm run build first`).toBe(true);
    }
    const base = mkdtempSync(join(tmpdir(), 'olva-packed-'));
    try {
      await packInstallRun(workspaces, base);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, 600_000);
});
