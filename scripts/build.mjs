#!/usr/bin/env node
// `npm run build`: compiles every package, builds the core questionnaire alone and with each
// example extension into build/questionnaires/, generates custom-elements.json and bundles the
// embed. Each step is a command a user could type; this file only puts them in order.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('olva build: TypeScript packages');
  run(bin('tsc'), ['-b', 'tsconfig.json']);

  console.log('olva build: questionnaires');
  const cli = path.join(root, 'packages/cli/dist/bin.js');
  for (const [id, extension] of Object.entries(QUESTIONNAIRE_BUILDS)) {
    const out = path.join('build/questionnaires', id);
    fs.rmSync(path.join(root, out), { recursive: true, force: true });
    const args = [cli, 'build', 'packages/core-questionnaire/olva-core.json', '--out', out];
    if (extension) args.push('--extension', extension);
    run(process.execPath, args);
  }

  console.log('olva build: custom-elements.json and the embed');
  for (const workspace of ['elements', 'results-element']) {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'packages', workspace, 'package.json'), 'utf8'));
    if (manifest.scripts?.cem) run('npm', ['run', '--silent', 'cem', '-w', manifest.name]);
  }
  run(bin('rollup'), ['-c', '--silent']);
  run(bin('rollup'), ['-c', 'packages/results-element/rollup.config.mjs', '--silent']);
}
