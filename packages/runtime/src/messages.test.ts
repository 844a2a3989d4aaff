import { describe, expect, it } from 'vitest';
import { localize } from './messages.js';

describe('localize', () => {
  it('localizes definition texts with a French fallback', () => {
    expect(localize({ fr: 'Oui', en: 'Yes' }, 'en')).toBe('Yes');
    expect(localize({ fr: 'Oui' }, 'en')).toBe('Oui');
    expect(localize(undefined, 'fr')).toBe('');
  });
});
