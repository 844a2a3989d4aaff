import { describe, expect, it } from 'vitest';
import { memoryIo } from '@olva/test-support/command-io';
import { parseCommand } from './args.js';

const text = { usage: { fr: 'olva essai <x> : essaie', en: 'olva essai <x>: tries' }, help: { fr: 'aide complète', en: 'full help' } };
const options = { out: { type: 'string' }, many: { type: 'string', multiple: true } } as const;

describe('parseCommand', () => {
  it('ends a usage mistake with the command, the error and the usage on stderr, exit 2', () => {
    const m = memoryIo();
    expect(parseCommand('essai', ['--nope'], options, text, m.io)).toEqual({ exit: 2 });
    expect(m.err()).toMatch(/^olva essai : option inconnue --nope\n/);
    expect(m.err()).toContain('olva essai <x> : essaie\nolva essai <x>: tries\n');
    expect(m.out()).toBe('');
  });

  it('says each mistake in the language asked, never parseArgs\' English', () => {
    const said = (argv: string[], lang: 'fr' | 'en') => {
      const m = memoryIo();
      parseCommand('essai', [...argv, '--lang', lang], options, text, m.io);
      return m.err().split('\n')[0];
    };
    expect([said(['--nope'], 'en'), said(['-z'], 'fr')]).toEqual(['olva essai: unknown option --nope', 'olva essai : option inconnue -z']);
    expect([said(['--out'], 'fr'), said(['--out', '--many', 'x'], 'en')]).toEqual(['olva essai : l’option --out attend une valeur (--out <valeur>)', 'olva essai: option --out needs a value (--out <value>)']);
    expect(said(['--json=oui'], 'fr')).toBe('olva essai : l’option --json ne prend pas de valeur (« oui » donné)');
    // A repeated option kept its last value only: the first one was dropped without a word.
    expect([said(['--out', 'a.json', '--out=b.json'], 'fr'), said(['--out', 'a', '--out', 'b'], 'en')]).toEqual(['olva essai : l’option --out ne se donne qu’une fois (« a.json » puis « b.json »)', 'olva essai: option --out is given once only ("a" then "b")']);
    expect(parseCommand('essai', ['--out', 'f', '--out', 'f', '--many', '1', '--many', '2'], options, text, memoryIo().io)).toEqual({ values: { out: 'f', many: ['1', '2'] }, positionals: [] });
    expect(parseCommand('essai', ['--out=-', 'a'], options, text, memoryIo().io)).toEqual({ values: { out: '-' }, positionals: ['a'] });
  });

  it('ends --help with the help on stdout, French then English, exit 0', () => {
    const m = memoryIo();
    expect(parseCommand('essai', ['--out', 'f', '-h'], options, text, m.io)).toEqual({ exit: 0 });
    expect(m.out()).toBe('aide complète\nfull help\n');
    expect(m.err()).toBe('');
  });

  it('returns the values and positionals otherwise, writing nothing', () => {
    const m = memoryIo();
    const parsed = parseCommand('essai', ['a', '--out', 'f', '--many', '1', '--many', '2', '--lang', 'en'], options, text, m.io);
    expect(parsed).toEqual({ values: { out: 'f', many: ['1', '2'], lang: 'en' }, positionals: ['a'] });
    expect(m.out() + m.err()).toBe('');
  });
});
