/**
 * The guard of the two languages: every command's usual failures (an unknown option, an option
 * without its value, a missing file, a file that is not JSON, a value out of place) said with
 * `--lang fr` carry no English, and with `--lang en` no French. The usage lines that follow a
 * usage mistake are bilingual on purpose and left out; paths and values given are chosen so
 * that they cannot look like either language.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { olva } from '@olva/test-support/cli-run';
import { memoryIo } from '@olva/test-support/command-io';
import { openStore } from '@olva/collector';
import { COMMAND_NAMES, loadCommand } from './commands/index.js';
import { reportStartFailure } from './commands/serve.js';

const dir = mkdtempSync(join(tmpdir(), 'olva-lang-'));
const absent = join(dir, 'x1.json');
const notJson = join(dir, 'x2.json');
const trailing = join(dir, 'x3.json');
const folder = join(dir, 'x4');
const lines = join(dir, 'x5.ndjson');
writeFileSync(notJson, 'zzz, qqq\n');
writeFileSync(trailing, '{"a": 1,}');
writeFileSync(lines, '{"kind": "olva-response", \n');
mkdirSync(folder);
const demoConfig = fileURLToPath(new URL('../../../examples/demo/olva.config.json', import.meta.url));
const workbook = join(dir, 'x10.xlsx');
writeFileSync(workbook, 'zzz');
const build = join(dir, 'x6.json');
writeFileSync(build, '[]');

/** Each command's usual failures (argv without --lang). */
const FAILURES: Record<string, string[][]> = {
  init: [['--zz'], ['--out'], ['zz'], ['extension', 'zz:1'], ['extension', 'commune:00000'], ['extension', 'commune:35238', '--core', notJson, '--out', join(dir, 'x9.json')]],
  validate: [['--zz'], [], [absent], [notJson], [trailing], [folder], ['--core', notJson, trailing]],
  build: [['--zz'], [], [notJson, '--out', join(dir, 'o')], [absent, '--out'], [trailing, '--extension', absent, '--out', join(dir, 'o')]],
  preview: [['--zz'], [], [absent], ['--core', absent], [trailing, '--port', 'zz']],
  diff: [['--zz'], [absent], [absent, notJson], [trailing, notJson], [trailing, trailing, '--core', notJson]],
  impact: [['--zz'], ['--core', notJson, trailing], ['--core', absent, absent]],
  serve: [['--zz'], ['--port'], ['--config', absent], ['--config', notJson], ['--config', trailing]],
  demo: [['--zz'], ['--port']],
  export: [['--zz'], ['--config', absent, '-q', 'zz'], ['--config', notJson, '-q', 'zz'], ['--database', 'zz://zz', '-q', 'zz'], ['--database', `sqlite:${join(dir, 'x7.sqlite')}`, '-q', 'zz', '--format', 'zz']],
  import: [['--zz'], [], [absent], [absent, '--config', absent], [absent, '--config', notJson], [absent, '--mapping', notJson, '--config', absent],
    [workbook, '--config', demoConfig, '--database', `sqlite:${join(dir, 'x11.sqlite')}`, '-q', 'olva-core', '--wave', '2026', '--dry-run']],
  stats: [['--zz'], ['--config', notJson], ['--database', 'zz://zz'], ['--database', `sqlite:${notJson}`]],
  purge: [['--zz'], ['--config', notJson], ['--config', demoConfig, '--database', `sqlite:${folder}`], ['--submission', 'zz'], ['--personal-only', '--before', 'zz'], ['--before', '2026-01-01'], ['--personal-only', '--submission', '00000000-0000-0000-0000-000000000000']],
  backup: [['--zz'], ['--force'], ['--config', demoConfig, '--database', `sqlite:${notJson}`, '--out', join(dir, 'x12.sqlite')], ['--out', join(dir, 'x8.sqlite'), '--config', notJson]],
  token: [['--zz'], ['--name'], ['--name', 'zz', '--territory', 'zz', '--rights', 'zz'], ['--name', 'ab', '--territory', 'commune:35238', '--rights', 'zz'], ['--name', 'ab', '--territory', 'commune:35238']],
  reference: [['--zz'], [], ['rna'], ['rna', absent, '--territory', 'commune:35238'], ['rna', absent, '--territory', 'zz']],
  analyse: [
    ['--zz'], ['--responses', lines, '--wave', '2026', '--out', join(dir, 'r.json')],
    ['--responses', lines, '--build', notJson, '--wave', '2026', '--out', join(dir, 'r.json')],
    ['--responses', lines, '--build', build, '--wave', '2026', '--out', join(dir, 'r.json'), '--rules', notJson],
    ['--responses', lines, '--build', build, '--wave', '2026', '--out', join(dir, 'r.json'), '--expected', trailing],
    ['--responses', lines, '--build', build, '--wave', '2026', '--out', join(dir, 'r.json'), '--references', absent],
    ['--responses', lines, '--build', build, '--wave', '2026', '--out', join(dir, 'r.json'), '--references', build],
    ['--responses', notJson, '--build', build, '--wave', '2026', '--out', join(dir, 'r.json')],
    ['--responses', lines, '--build', build, '--wave', '2026', '--out', join(dir, 'r.json'), '--territory', 'zz'],
    ['--responses', lines, '--build', build, '--wave', '2026', '--out', join(dir, 'r.json'), '--weight', 'zz'], ['--responses', lines, '--build', build], ['--config', notJson, '--wave', '2026', '--out', join(dir, 'r.json')],
  ],
  crosstab: [['--zz'], [], ['--responses', lines, '--build', build, '--rows', 'zz'], ['--responses', lines, '--build', folder, '--rows', 'zz', '--cols', 'zz']],
  report: [['--zz'], ['zz'], ['key-figures'], ['key-figures', '--results', absent, '--out', join(dir, 'x.html')], ['key-figures', '--results', notJson, '--out', join(dir, 'x.html')], ['employers', '--results', trailing, '--out', join(dir, 'x.html'), '--territory', 'zz']],
};

/**
 * What only English output has: its small words, which French never uses (« invalide » is
 * French: whole words only), and the phrases of Node and V8 (« ENOENT: », "Unexpected token").
 */
const ENGLISH = [/\b(the|of|in|is|are|be|use|not|and|with|to|for|from|this|that|cannot|must|should|give|no|missing|unknown|invalid|unsupported|expected|found)\b/i,
  /E[A-Z]{3,}:/, /\(s\)/];
/** What only French output has. */
const FRENCH = [/[«»]/, /[éèêàçù]/, /\b(le|la|les|du|des|une?|est|pas|dans|sur|avec|pour|fichier|réponses?)\b/i, /\(s\)/];

/**
 * The text to look for words in: without what the user gave or the tool's own names, which
 * are the same in both languages (paths, option names, placeholders, quoted values, rule
 * names in brackets, JSON pointers).
 */
function wordsOf(text: string): string {
  return text.replaceAll(dir, '')
    .replace(/\[[\w/.-]+\]/g, ' ').replace(/--[\w-]+/g, ' ').replace(/<[^>\n]*>/g, ' ').replace(/"[^"\n]*"/g, ' ')
    .replace(/#\/?\S*/g, ' ').replace(/\S*\.(json|ndjson|sqlite|html|csv)\b/g, ' ').replace(/\bzz\S*/g, ' ').replace(/\b[a-z]+:\/\/\S*/g, ' ');
}

/** What `olva <argv> --lang <lang>` says, without the usage lines (bilingual by design). */
async function says(argv: string[], lang: 'fr' | 'en'): Promise<string> {
  const r = await olva(...argv, '--lang', lang);
  expect(r.code, `olva ${argv.join(' ')} --lang ${lang}\n${r.err}`).toBeGreaterThan(0);
  const usage = await loadCommand(argv[0] as (typeof COMMAND_NAMES)[number]).then((m) => [m.usage.fr, m.usage.en]);
  return `${r.out}${r.err}`.split('\n').filter((line) => !usage.includes(line)).join('\n');
}

describe('olva speaks one language at a time', () => {
  it('covers every command', () => {
    expect(Object.keys(FAILURES).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  it('a port already taken is said in each language, not in Node\'s "listen EADDRINUSE: address already in use"', async () => {
    const listen = (server: Server, port: number) => new Promise<Error | null>((done) => {
      server.once('error', done).listen(port, '127.0.0.1', () => done(null));
    });
    const first = createServer();
    await listen(first, 0);
    const port = (first.address() as AddressInfo).port;
    const taken = await listen(createServer(), port);
    first.close();
    for (const [lang, tells] of [['fr', ENGLISH], ['en', FRENCH]] as const) {
      const m = memoryIo();
      expect(reportStartFailure(taken, m.io, lang, 'serve')).toBe(1);
      expect(m.err()).toContain(`127.0.0.1:${port}`);
      expect(tells.filter((t) => t.test(wordsOf(m.err().replace(/OLVA_PORT=\d+|127\.0\.0\.1:\d+/g, ''))))).toEqual([]);
    }
  });

  it('a database that does not open is said in each language, not in SQLite\'s "unable to open database file"', async () => {
    const refused = await openStore(`sqlite:${folder}`).then(() => null, (e: unknown) => e);
    for (const [lang, tells] of [['fr', ENGLISH], ['en', FRENCH]] as const) {
      const m = memoryIo();
      expect(reportStartFailure(refused, m.io, lang, 'serve', `sqlite:${folder}`)).toBe(1);
      expect(tells.filter((t) => t.test(wordsOf(m.err())))).toEqual([]);
    }
  });

  for (const [command, cases] of Object.entries(FAILURES)) {
    it(`olva ${command}: its failures in French carry no English, in English no French`, async () => {
      for (const argv of cases) {
        for (const [lang, tells] of [['fr', ENGLISH], ['en', FRENCH]] as const) {
          const text = await says([command, ...argv], lang);
          const found = tells.filter((t) => t.test(wordsOf(text))).map((t) => wordsOf(text).match(t)![0]);
          expect(found, `olva ${command} ${argv.join(' ')} --lang ${lang}:\n${text}`).toEqual([]);
        }
      }
    });
  }
});
