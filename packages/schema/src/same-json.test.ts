import { describe, expect, it } from 'vitest';
import { isJsonObject, sameJson } from './same-json.js';

describe('isJsonObject', () => {
  it('takes an object with or without members', () => {
    expect(isJsonObject({})).toBe(true);
    expect(isJsonObject({ olva: { a: 1 } })).toBe(true);
  });
  it('refuses null, arrays and scalars', () => {
    for (const value of [null, undefined, [], [{}], 'x', 0, true]) expect(isJsonObject(value)).toBe(false);
  });
});

describe('sameJson', () => {
  it('ignores key order and tells arrays from objects', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ 0: 'x' }, ['x'])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});
