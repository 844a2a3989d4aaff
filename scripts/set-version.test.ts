import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain .mjs script, without types
import { setWorkspaceVersion } from './set-version.mjs';

/** A scratch workspace: `@olva/low`, `@olva/high` depending on it, both at 0.1.0. */
function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-version-'));
  const write = (file: string, json: unknown) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), `${JSON.stringify(json, null, 2)}\n`);
  };
  write('package.json', { name: 'olva', private: true, workspaces: ['packages/low', 'packages/high'] });
  write('packages/low/package.json', { name: '@olva/low', version: '0.1.0', dependencies: { ajv: '^8.20.0' } });
  write('packages/high/package.json', {
    name: '@olva/high', version: '0.1.0',
    dependencies: { '@olva/low': '0.1.0', lit: '^3.3.0' }, devDependencies: { '@olva/low': '^0.1.0' }, peerDependencies: { '@olva/low': '0.1.0' },
  });
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, 'packages', name, 'package.json'), 'utf8'));
  return { dir, read };
}

describe('npm run set-version (scripts/set-version.mjs)', () => {
  it('sets the version of every package and pins the internal dependencies to it, third-party ones untouched', () => {
    const w = workspace();
    expect(setWorkspaceVersion(w.dir, '0.2.0')).toEqual(['packages/low/package.json', 'packages/high/package.json']);
    expect(w.read('low')).toEqual({ name: '@olva/low', version: '0.2.0', dependencies: { ajv: '^8.20.0' } });
    expect(w.read('high')).toEqual({
      name: '@olva/high', version: '0.2.0',
      dependencies: { '@olva/low': '0.2.0', lit: '^3.3.0' }, devDependencies: { '@olva/low': '0.2.0' }, peerDependencies: { '@olva/low': '0.2.0' },
    });
    expect(setWorkspaceVersion(w.dir, '0.2.0')).toEqual([]);
  });

  it('refuses what is not a version, French first, and writes nothing', () => {
    const w = workspace();
    expect(() => setWorkspaceVersion(w.dir, 'v0.2')).toThrow('« v0.2 » n’est pas une version semver (1.2.3) / "v0.2" is not a semver version (1.2.3)');
    expect(() => setWorkspaceVersion(w.dir, '')).toThrow('indiquez la version à poser : npm run set-version -- 0.2.0 / give the version to set: npm run set-version -- 0.2.0');
    expect(w.read('low').version).toBe('0.1.0');
  });
});
