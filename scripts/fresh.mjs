// Which steps of `npm run build` can be skipped: a step is up to date when the content of every
// one of its inputs is what it was when the step last succeeded and all of its outputs are still
// there. Content, not modification times: `tsc -b` and `git checkout` rewrite files whose text
// does not change, and a copied checkout keeps times that say nothing. tsc -b is incremental on
// its own; the questionnaire builds, the custom-elements manifests and the rollup bundles are
// not, and cost most of the build.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Never inputs: installed packages (package-lock.json stands for them), tsc's own state, which
 * changes on every run, and tests, which no build reads.
 */
const ignored = (name) => name === 'node_modules' || name === '.tsbuildinfo' || /\.test\.ts$/.test(name);

/**
 * Every file under `entries` (files or directories), as sorted absolute paths, leaving out
 * `except` (absolute paths of files or directories, typically the step's own outputs).
 * @param {string[]} entries
 * @param {string[]} [except]
 * @returns {string[]}
 */
export function inputFiles(entries, except = []) {
  const skipped = new Set(except.map((p) => path.resolve(p)));
  const files = [];
  const walk = (p) => {
    if (skipped.has(p) || ignored(path.basename(p))) return;
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return; // a missing input is part of the digest by its absence
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    else files.push(p);
  };
  for (const entry of entries) walk(path.resolve(entry));
  return [...new Set(files)].sort();
}

/**
 * A digest of the step's inputs: their paths (so that a file added, renamed or removed counts)
 * and their content, plus `key` (the step's arguments).
 * @param {{ inputs: string[], outputs: string[], key?: string }} step
 * @returns {string}
 */
export function inputDigest({ inputs, outputs, key = '' }) {
  const hash = createHash('sha256').update(key).update('\0');
  for (const file of inputFiles(inputs, outputs)) hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/**
 * Runs `build` unless the step is up to date (see the top of this file), then records its
 * inputs' digest in `stampDir`; a failed build records nothing, so the next run tries again.
 * @param {string} stampDir where the digests are kept, one file per step
 * @param {string} name the step's name, unique within `stampDir`
 * @param {{ inputs: string[], outputs: string[], key?: string }} step files or directories
 * @param {() => void} build
 * @returns {boolean} whether `build` ran
 */
export function unlessFresh(stampDir, name, step, build) {
  const stamp = path.join(stampDir, `${name.replace(/[^\w.+-]/g, '_')}.sha256`);
  const digest = inputDigest(step);
  const recorded = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8') : '';
  if (recorded === digest && step.outputs.every((p) => fs.existsSync(p))) return false;
  fs.rmSync(stamp, { force: true });
  build();
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(stamp, digest);
  return true;
}
