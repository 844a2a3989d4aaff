import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error: a plain .mjs build script, without types
import { unlessFresh } from './fresh.mjs';

/** A scratch tree with one input directory, one input file and one output; `runs` counts builds. */
function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-fresh-'));
  const src = path.join(dir, 'src');
  fs.mkdirSync(path.join(src, 'nested'), { recursive: true });
  fs.writeFileSync(path.join(src, 'nested', 'a.js'), 'export const a = 1;');
  fs.writeFileSync(path.join(dir, 'config.mjs'), 'export default {};');
  const out = path.join(dir, 'out.js');
  let runs = 0;
  const build = (key = '') =>
    unlessFresh(path.join(dir, 'stamps'), 'bundle', { inputs: [src, path.join(dir, 'config.mjs')], outputs: [out], key }, () => {
      runs += 1;
      fs.writeFileSync(out, 'built');
    });
  return { dir, src, out, build, runs: () => runs };
}

describe('unlessFresh: skips a build step whose inputs have not changed (scripts/build.mjs)', () => {
  it('builds the first time, then skips while nothing changes, even if times do', () => {
    const s = scratch();
    expect(s.build()).toBe(true);
    expect(s.build()).toBe(false);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(s.src, 'nested', 'a.js'), later, later);
    expect(s.build()).toBe(false);
    expect(s.runs()).toBe(1);
  });

  it('rebuilds when a file changes, is added or is removed, or the arguments change', () => {
    const s = scratch();
    s.build();
    fs.writeFileSync(path.join(s.src, 'nested', 'a.js'), 'export const a = 2;');
    expect(s.build()).toBe(true);
    fs.writeFileSync(path.join(s.src, 'b.js'), '');
    expect(s.build()).toBe(true);
    fs.rmSync(path.join(s.src, 'b.js'));
    expect(s.build()).toBe(true);
    fs.writeFileSync(path.join(s.dir, 'config.mjs'), 'export default { x: 1 };');
    expect(s.build()).toBe(true);
    expect(s.build('--extension e.json')).toBe(true);
    expect(s.build('--extension e.json')).toBe(false);
    expect(s.runs()).toBe(5 + 1);
  });

  it('rebuilds when an output is gone, and after a failed build', () => {
    const s = scratch();
    s.build();
    fs.rmSync(s.out);
    expect(s.build()).toBe(true);
    fs.writeFileSync(path.join(s.src, 'nested', 'a.js'), 'broken');
    const stamps = path.join(s.dir, 'stamps');
    expect(() => unlessFresh(stamps, 'bundle', { inputs: [s.src, path.join(s.dir, 'config.mjs')], outputs: [s.out] }, () => { throw new Error('rollup failed'); })).toThrow('rollup failed');
    expect(s.build()).toBe(true);
  });

  it('ignores tests, tsc state and installed packages, and the step\'s own outputs inside its inputs', () => {
    const s = scratch();
    s.build();
    fs.writeFileSync(path.join(s.src, 'a.test.ts'), '');
    fs.writeFileSync(path.join(s.src, '.tsbuildinfo'), '{}');
    fs.mkdirSync(path.join(s.src, 'node_modules'));
    fs.writeFileSync(path.join(s.src, 'node_modules', 'x.js'), '');
    expect(s.build()).toBe(false);
    const inner = path.join(s.src, 'bundle.js');
    const step = { inputs: [s.src], outputs: [inner] };
    const stamps = path.join(s.dir, 'stamps');
    unlessFresh(stamps, 'inner', step, () => fs.writeFileSync(inner, 'one'));
    expect(unlessFresh(stamps, 'inner', step, () => fs.writeFileSync(inner, 'two'))).toBe(false);
  });
});
