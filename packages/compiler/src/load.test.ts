import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, detectKind, isProblem } from './load.js';
import { syntaxErrorOffset, lineColumn } from '@olva/schema';

describe('load', () => {
  it('parses JSON with a byte-order mark', () => {
    const doc = parseDocument('a.json', '\ufeff{"id": "x", "sections": []}');
    expect(isProblem(doc)).toBe(false);
    expect(doc).toMatchObject({ file: 'a.json', kind: 'questionnaire' });
  });

  it('names the line and column of a syntax error, even when V8 does not give a position', () => {
    const doc = parseDocument('bad.json', '{\n  "id": "x",\n  "ok": tru\n}');
    expect(isProblem(doc) && doc.rule).toBe('load/json-syntax');
    expect(isProblem(doc) && doc.message).toMatch(/^invalid JSON at line 3, column 9/);
    expect(isProblem(doc) && doc.file).toBe('bad.json');
  });

  it('says in French and English which slip broke the JSON, not V8\'s English alone', () => {
    const says = (text: string) => {
      const doc = parseDocument('e.json', text);
      if (!isProblem(doc)) throw new Error('expected a problem');
      return [doc.fr!.message, doc.message];
    };
    expect(says('{\n  "a": 1,\n}')).toEqual(['JSON invalide ligne 3, colonne 1 : virgule en trop avant « } » : le dernier élément n’en prend pas', 'invalid JSON at line 3, column 1: a comma too many before "}": the last item takes none']);
    expect(says('{"a": [1, 2],\n "b": true\n "c": 3}')[0]).toBe('JSON invalide ligne 3, colonne 2 : virgule manquante avant cet élément');
    expect(says('{"a": 1, // note\n}')[1]).toBe('invalid JSON at line 1, column 10: JSON allows no comments');
    expect(says("{'a': 1}")[0]).toMatch(/pas entre apostrophes$/);
    expect(says('{"a": [1, 2')[0]).toMatch(/le fichier s’arrête avant la fin du JSON/);
    expect(says('{"a": tru}')[0]).toBe('JSON invalide ligne 1, colonne 7 : caractère « t » inattendu');
  });

  it('finds the first syntax error offset', () => {
    expect(syntaxErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(syntaxErrorOffset('{"a": "x\ny"}')).toBe(8);
    expect(syntaxErrorOffset('{"a": 1} x')).toBe(9);
    expect(syntaxErrorOffset('{"a": {"b": [true, null, -1.5e3, "\\u00e9"]}}')).toBe(-1);
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('tells documents apart by their content', () => {
    expect(detectKind({ id: 'x', extends: { id: 'olva-core' } })).toBe('extension');
    expect(detectKind({ id: 'x', sections: [] })).toBe('questionnaire');
    expect(detectKind({ kind: 'olva-response' })).toBe('payload');
    expect(detectKind({ kind: 'olva-compiled-questionnaire', id: 'x' })).toBe('compiled');
    expect(detectKind([1])).toBe('unknown');
  });
});

import { pointerOffsets, pointerPosition } from '@olva/schema';

describe('source positions', () => {
  it('maps JSON pointers to lines and columns', () => {
    const text = '{\n  "a": [1, {"b/c": true}],\n  "d": "x"\n}';
    const offsets = pointerOffsets(text);
    expect(pointerPosition(offsets, text, '/a/1/b~1c')).toEqual({ line: 2, column: 13 }); // the member's key
    expect(pointerPosition(offsets, text, '/d')).toEqual({ line: 3, column: 3 });
    expect(pointerPosition(offsets, text, '/a/0')).toEqual({ line: 2, column: 9 });
    expect(pointerPosition(offsets, text, '/a/1/missing')).toEqual({ line: 2, column: 12 });
    expect(pointerPosition(offsets, text, '')).toEqual({ line: 1, column: 1 });
  });

  it('finds every value of the canonical core, each member at its key', () => {
    const text = fs.readFileSync(new URL('../../core-questionnaire/olva-core.json', import.meta.url), 'utf8');
    const pointers = new Map<string, string | null>();
    const walk = (value: unknown, pointer: string, key: string | null): void => {
      pointers.set(pointer, key);
      if (value !== null && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, Array.isArray(value) ? null : k);
      }
    };
    walk(JSON.parse(text), '', null);
    const offsets = pointerOffsets(text);
    expect([...offsets.keys()].sort()).toEqual([...pointers.keys()].sort());
    for (const [pointer, key] of pointers) {
      if (key !== null) expect(text.startsWith(JSON.stringify(key), offsets.get(pointer)), pointer).toBe(true);
    }
  });
});
