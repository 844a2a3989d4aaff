#!/usr/bin/env node
// `npm run set-version -- 0.2.0`: gives every workspace package the release version and pins
// every @olva dependency to it, then updates package-lock.json. `npm version --workspaces`
// changes the versions only, leaving the pins on the previous release, which `npm run pack`
// then refuses (unpinned-dependency). See docs/release.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceManifests } from './pack.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * Sets `version` on every workspace manifest under `at` and pins the workspace's own packages
 * to it in every dependency field. Returns the manifests it rewrote (paths from `at`).
 */
export function setWorkspaceVersion(at, version) {
  // `npm run set-version` alone (the `--` and the version forgotten) said « «  » n’est pas une version ».
  if (!version) throw new Error('indiquez la version à poser : npm run set-version -- 0.2.0 / give the version to set: npm run set-version -- 0.2.0');
  if (!SEMVER.test(version)) {
    throw new Error(`« ${version} » n’est pas une version semver (1.2.3) / "${version}" is not a semver version (1.2.3)`);
  }
  const manifests = [...workspaceManifests(at).values()];
  const internal = new Set(manifests.map((m) => m.name));
  const changed = [];
  for (const { dir, ...manifest } of manifests) {
    const before = JSON.stringify(manifest);
    manifest.version = version;
    for (const field of FIELDS) {
      for (const dep of Object.keys(manifest[field] ?? {})) if (internal.has(dep)) manifest[field][dep] = version;
    }
    if (JSON.stringify(manifest) === before) continue;
    const file = path.join(dir, 'package.json');
    fs.writeFileSync(path.join(at, file), `${JSON.stringify(manifest, null, 2)}\n`);
    changed.push(file);
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = process.argv[2];
  try {
    const changed = setWorkspaceVersion(root, version ?? '');
    console.log(`${changed.length} package.json à ${version} / set to ${version}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  // The lock records each workspace's version and ranges: without this, `npm ci` would refuse it.
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
