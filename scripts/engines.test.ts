/**
 * A fresh `npm install` on the Node versions the project supports (`engines` of the root
 * package.json, the README's « Node.js ≥ 20.19 ») prints no EBADENGINE: every package the lock
 * installs accepts the oldest supported version and the one running the tests, and a user's
 * install of the packed packages resolves the same way (no root `overrides`).
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import semver from 'semver';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(`../${file}`, import.meta.url), 'utf8'));

describe('the packages the lock installs run on the Node versions the project supports', () => {
  it('accepts the oldest supported Node and the running one in every engines field', () => {
    const supported = read('package.json').engines.node as string;
    const lock = read('package-lock.json') as { packages: Record<string, { engines?: { node?: string } }> };
    const versions = [semver.minVersion(supported)!.version, process.versions.node];
    const refusing = Object.entries(lock.packages).flatMap(([where, p]) => {
      const range = p.engines?.node;
      if (!range || !semver.validRange(range)) return [];
      return versions.filter((v) => !semver.satisfies(v, range)).map((v) => `${where} (${range}) refuses Node ${v}`);
    });
    expect(refusing).toEqual([]);
  });

  it('resolves as a user\'s install does: no overrides, which reach this repository only', () => {
    // An override (light-my-request's cookie held at 1.1 until December 2026) kept the lock
    // clean while a user's `npm install @olva/collector` on Node 20 still printed EBADENGINE:
    // a pin that must reach users goes in the published package's own dependencies.
    expect(read('package.json').overrides).toBeUndefined();
    expect(read('package.json').resolutions).toBeUndefined();
  });
});
