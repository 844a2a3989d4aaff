import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalPayload, payloadDigest } from './canonical.js';

describe('canonicalJson and payloadDigest', () => {
  it('sorts keys at every level, keeps array order, and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'é' }, u: undefined })).toBe('{"a":{"c":"é","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
  });

  it('writes every string as JSON.stringify does, escapes and surrogates included', () => {
    const strings = ['', 'plain', '"quoted"', 'é « » €', 'a\\b', 'tab\there', 'nul\u0000', '\u001f', '\u007f', 'line\u2028sep', '😀 pair', 'lone \ud800', 'lone \udc00 end', '\udc00\ud800'];
    for (const s of strings) {
      expect(canonicalJson(s)).toBe(JSON.stringify(s));
      expect(canonicalJson({ [s]: [s] })).toBe(JSON.stringify({ [s]: [s] }));
    }
  });

  it('gives one digest whatever the key order or whitespace, and another for other values', () => {
    const a = JSON.parse('{"x": 1, "y": {"p": [1, 2], "q": "v"}}');
    const b = JSON.parse('{"y":{"q":"v","p":[1,2]},"x":1}');
    expect(payloadDigest(a)).toBe(payloadDigest(b));
    expect(payloadDigest(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(payloadDigest({ ...a, x: 2 })).not.toBe(payloadDigest(a));
    expect(payloadDigest({ ...a, y: { p: [2, 1], q: 'v' } })).not.toBe(payloadDigest(a));
  });
});

describe('canonicalPayload', () => {
  it('gives the canonical text, which reads back as the payload, and its digest', () => {
    const payload = JSON.parse('{"b":[1,"é"],"a":{"z":null,"y":true}}');
    const { json, digest } = canonicalPayload(payload);
    expect(json).toBe('{"a":{"y":true,"z":null},"b":[1,"é"]}');
    expect(JSON.parse(json)).toEqual(payload);
    expect(digest).toBe(payloadDigest(payload));
  });
});
