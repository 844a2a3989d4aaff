#!/usr/bin/env node
// `npm run build`: compiles every package, builds the core questionnaire alone and with each
// example extension into build/questionnaires/, generates custom-elements.json and bundles the
// embed. Each step is a command a user could type; this file only puts them in order, and skips
// a step whose inputs have not changed since it last succeeded (scripts/fresh.mjs): with nothing
// changed, `npm start` starts in seconds. `npm run build -- --force` rebuilds everything.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unlessFresh } from './fresh.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, opts = {}) => {
  const started = Date.now();
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  console.log(`  ✓ ${path.basename(cmd)} ${args.slice(0, 3).join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

/** The builds the demo, the stories, the tests and the bench use: id → extension file. */
export const QUESTIONNAIRE_BUILDS = {
  'olva-core': null,
  'olva-core+rennes-2026': 'examples/extensions/rennes-2026.json',
  'olva-core+lorient-agglo-2026': 'examples/extensions/lorient-agglo-2026.json',
};

/** The workspace directories a package is built from: its own and those it depends on, transitively. */
function workspaceClosure(dir, seen = new Set()) {
  if (seen.has(dir)) return seen;
  seen.add(dir);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  for (const dep of Object.keys(manifest.dependencies ?? {})) {
    if (dep.startsWith('@olva/')) workspaceClosure(`packages/${dep.slice('@olva/'.length)}`, seen);
  }
  return seen;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stamps = path.join(root, 'node_modules/.cache/olva-build');
  if (process.argv.includes('--force')) fs.rmSync(stamps, { recursive: true, force: true });
  const at = (...paths) => paths.map((p) => path.join(root, p));
  /** Runs a step unless it is up to date; inputs and outputs are paths from the root. */
  const step = (name, inputs, outputs, build, key = '') => {
    const ran = unlessFresh(stamps, name, { inputs: at('package-lock.json', 'scripts/build.mjs', ...inputs), outputs: at(...outputs), key }, build);
    if (!ran) console.log(`  ✓ ${name}: à jour / up to date`);
  };

  console.log('olva build: TypeScript packages');
  run(bin('tsc'), ['-b', 'tsconfig.json']);

  console.log('olva build: questionnaires');
  const cli = path.join(root, 'packages/cli/dist/bin.js');
  for (const [id, extension] of Object.entries(QUESTIONNAIRE_BUILDS)) {
    const out = path.join('build/questionnaires', id);
    const args = [cli, 'build', 'packages/core-questionnaire/olva-core.json', '--out', out];
    if (extension) args.push('--extension', extension);
    step(id, [...workspaceClosure('packages/cli'), ...(extension ? [extension] : [])], [out], () => {
      fs.rmSync(path.join(root, out), { recursive: true, force: true });
      run(process.execPath, args);
    }, args.slice(1).join(' '));
  }

  console.log('olva build: custom-elements.json and the embed');
  for (const workspace of ['elements', 'results-element']) {
    const dir = path.join('packages', workspace);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
    if (manifest.scripts?.cem) {
      step(`cem ${workspace}`, [path.join(dir, 'src'), path.join(dir, 'package.json'), path.join(dir, 'custom-elements-manifest.config.mjs'), 'scripts/cem-public-surface.mjs'], [path.join(dir, 'custom-elements.json')], () => run('npm', ['run', '--silent', 'cem', '-w', manifest.name]));
    }
  }
  step('rollup embed', [...workspaceClosure('packages/embed'), 'rollup.config.mjs'], ['packages/embed/dist/olva.js', 'packages/embed/dist/olva.js.map'], () => run(bin('rollup'), ['-c', '--silent']));
  step('rollup results-element', [...workspaceClosure('packages/results-element'), 'rollup.config.mjs'], ['packages/results-element/dist/olva-results.js', 'packages/results-element/dist/olva-results.js.map'], () => run(bin('rollup'), ['-c', 'packages/results-element/rollup.config.mjs', '--silent']));
}
