import { describe, expect, it } from 'vitest';
import { parseSafeJson } from './safe-json.js';
import { HttpError } from './errors.js';

function refusal(text: string): HttpError {
  try {
    parseSafeJson(text, 32);
  } catch (e) {
    expect(e).toBeInstanceOf(HttpError);
    return e as HttpError;
  }
  throw new Error(`${text} was accepted`);
}

describe('parseSafeJson', () => {
  it('parses ordinary JSON, prototype-like words as values included', () => {
    expect(parseSafeJson('{"a":[1,{"b":"__proto__"}],"c":null}', 32)).toEqual({ a: [1, { b: '__proto__' }], c: null });
  });

  it('names the JSON pointer of a forbidden key, however deep, with ~ and / escaped', () => {
    expect(refusal('{"answers":{"x":[0,{"y/z":{"__proto__":1}}]}}').message).toContain('/answers/x/1/y~1z/__proto__');
    expect(refusal('{"a~b":{"constructor":{}}}').message).toContain('/a~0b/constructor');
    expect(refusal('[{"prototype":1}]').message).toContain('/0/prototype');
  });

  it('finds forbidden keys spelt with \\u escapes, which the text does not show literally', () => {
    expect(refusal('{"a":{"\\u005f_proto__":1}}').message).toContain('/a/__proto__');
    expect(refusal('{"constr\\u0075ctor":{}}').message).toContain('/constructor');
    expect(refusal('[{"pr\\u006Ftotype":1}]').message).toContain('/0/prototype');
    // Other escapes cannot spell a letter: such keys are ordinary.
    expect(parseSafeJson('{"proto\\ttype":1,"a\\nb":"constructor\\/x"}', 32)).toEqual({ 'proto\ttype': 1, 'a\nb': 'constructor/x' });
  });

  it('refuses nesting past the limit before parsing, and malformed text without echoing it', () => {
    expect(refusal(`${'['.repeat(40)}${']'.repeat(40)}`).text.en).toContain('deeper than 32');
    expect(refusal(`{"a":${'[{"b":'.repeat(17)}1${'}]'.repeat(17)}}`).text.fr).toContain('sur plus de 32 niveaux');
    // Many arrays and objects side by side are not deep; brackets inside strings do not nest.
    const wide = `[${Array.from({ length: 50 }, (_, i) => `{"q${i}":[${i}]}`).join(',')}]`;
    expect(parseSafeJson(wide, 32)).toHaveLength(50);
    expect(parseSafeJson(`{"text":"${'['.repeat(40)}"}`, 32)).toEqual({ text: '['.repeat(40) });
    expect(parseSafeJson(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toHaveLength(1);
    const e = refusal('{"secret answer":');
    expect(e.statusCode).toBe(400);
    expect(e.error).toBe('malformed-json');
    expect(e.message).not.toContain('secret');
  });
});
