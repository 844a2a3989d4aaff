/**
 * Test support for the command line's tests: runs `olva` in-process and reads what it printed,
 * and writes changed copies of example files.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { main } from '@olva/cli';
import { memoryIo } from './command-io.js';

/** Runs olva in-process (French environment unless `--lang` says otherwise); the exit code and output. */
export async function olva(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const m = memoryIo({ LANG: 'fr_FR.UTF-8' });
  const code = await main(argv, m.io);
  return { code, out: m.out(), err: m.err() };
}

/** A copy of the JSON file `file` changed by `edit`, written under the same name in a new temporary folder. */
export function variant(file: string, edit: (doc: any) => void): string { // eslint-disable-line @typescript-eslint/no-explicit-any
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  edit(doc);
  const out = join(mkdtempSync(join(tmpdir(), 'olva-variant-')), basename(file));
  writeFileSync(out, JSON.stringify(doc, null, 2));
  return out;
}
