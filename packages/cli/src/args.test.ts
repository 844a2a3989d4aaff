import { describe, expect, it } from 'vitest';
import { memoryIo } from '@olva/test-support/command-io';
import { parseCommand } from './args.js';

const text = { usage: { fr: 'olva essai <x> : essaie', en: 'olva essai <x>: tries' }, help: { fr: 'aide complète', en: 'full help' } };
const options = { out: { type: 'string' }, many: { type: 'string', multiple: true } } as const;

describe('parseCommand', () => {
  it('ends a usage mistake with the command, the error and the usage on stderr, exit 2', () => {
    const m = memoryIo();
    expect(parseCommand('essai', ['--nope'], options, text, m.io)).toEqual({ exit: 2 });
    expect(m.err()).toMatch(/^olva essai: .*--nope/);
    expect(m.err()).toContain('olva essai <x> : essaie\nolva essai <x>: tries\n');
    expect(m.out()).toBe('');
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
