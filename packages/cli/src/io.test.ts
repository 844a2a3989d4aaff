import { describe, expect, it } from 'vitest';
import { memoryIo } from '@olva/test-support/command-io';
import { usageMistake } from './io.js';

const usage = { fr: 'olva essai <x> : essaie', en: 'olva essai <x>: tries' };

describe('usageMistake', () => {
  it('writes the reason after the command (French spacing in French), then the usage in both languages; exit 2', () => {
    const fr = memoryIo();
    expect(usageMistake(fr.io.stderr, 'fr', 'essai', { fr: 'indiquez un fichier.', en: 'give a file.' }, usage)).toBe(2);
    expect(fr.err()).toBe('olva essai : indiquez un fichier.\nolva essai <x> : essaie\nolva essai <x>: tries\n');
    const en = memoryIo();
    expect(usageMistake(en.io.stderr, 'en', 'essai', { fr: 'indiquez un fichier.', en: 'give a file.' }, usage)).toBe(2);
    expect(en.err()).toBe('olva essai: give a file.\nolva essai <x> : essaie\nolva essai <x>: tries\n');
  });
});
