import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CORE = join(root, 'packages/core-questionnaire/olva-core.json');
const RENNES = join(root, 'examples/extensions/rennes-2026.json');
const fixtures = fileURLToPath(new URL('./lint/fixtures/', import.meta.url));

describe('build', () => {
  it('is deterministic: two builds of the same input give the same bytes', async () => {
    const a = mkdtempSync(join(tmpdir(), 'olva-build-a-'));
    const b = mkdtempSync(join(tmpdir(), 'olva-build-b-'));
    const first = await build({ core: CORE, extension: RENNES, out: a });
    const second = await build({ core: CORE, extension: RENNES, out: b });
    expect(first.problems).toEqual([]);
    expect(second.problems).toEqual([]);
    const names = readdirSync(a).sort();
    expect(names).toEqual(expect.arrayContaining(['questionnaire.json', 'answers.schema.json', 'payload.schema.json', 'validator.js', 'codebook.csv', 'codebook.md', 'paper.html']));
    expect(readdirSync(b).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name).toBe(true);
    expect(first.files).toEqual(names.map((n) => join(a, n)));
    const written = JSON.parse(readFileSync(join(a, 'questionnaire.json'), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(first.compiled)));
  });

  it('writes nothing when the definitions have an error', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'olva-build-bad-')), 'out');
    const result = await build({ core: join(fixtures, '_base/core.json'), extension: join(fixtures, 'extension-unknown-point/extension.json'), out });
    expect(result.compiled).toBeNull();
    expect(result.files).toEqual([]);
    expect(result.problems.map((p) => p.rule)).toEqual(['extension-unknown-point']);
    expect(existsSync(out)).toBe(false);
  });
});

describe('build output errors', () => {
  it('reports an output directory that is a file, without throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'olva-build-file-'));
    const out = join(dir, 'not-a-dir');
    writeFileSync(out, 'x');
    const result = await build({ core: CORE, out });
    expect(result.compiled).toBeNull();
    expect(result.problems.map((p) => p.rule)).toEqual(['build/write-failed']);
  });
});
