import { describe, expect, it } from 'vitest';
import { pointerOf, valueAtPointer } from './pointer.js';

describe('valueAtPointer', () => {
  const doc = { sections: [{ id: 's', 'a/b': { '~x': 0 } }] };

  it('reads back what pointerOf names, escaped keys included', () => {
    expect(valueAtPointer(doc, pointerOf('sections', 0, 'id'))).toBe('s');
    expect(valueAtPointer(doc, pointerOf('sections', 0, 'a/b', '~x'))).toBe(0);
    expect(valueAtPointer(doc, '')).toBe(doc);
  });

  it('gives undefined for a path that does not exist, inherited names included', () => {
    expect(valueAtPointer(doc, '/sections/1/id')).toBeUndefined();
    expect(valueAtPointer(doc, '/sections/0/id/length')).toBeUndefined();
    expect(valueAtPointer(doc, '/constructor')).toBeUndefined();
  });
});
