import { describe, expect, it } from 'vitest';
import { localNumber } from './numbers.js';

describe('localNumber', () => {
  it('writes numbers as French and English do, small whole numbers as plain digits', () => {
    expect(localNumber(7, 'fr')).toBe('7');
    expect(localNumber(999, 'en')).toBe('999');
    expect(localNumber(100_000, 'fr')).toBe(new Intl.NumberFormat('fr-FR').format(100_000));
    expect(localNumber(100_000, 'en')).toBe('100,000');
    expect(localNumber(3.5, 'fr')).toBe('3,5');
    expect(localNumber(3.5, 'en')).toBe('3.5');
    expect(localNumber(-2, 'en')).toBe('-2');
    expect(localNumber(1.1234567, 'en')).toBe('1.123457');
  });

  it('writes every whole number under 1,000 exactly as Intl does', () => {
    for (let n = 0; n < 1000; n++) {
      expect(localNumber(n, 'fr')).toBe(new Intl.NumberFormat('fr-FR').format(n));
      expect(localNumber(n, 'en')).toBe(new Intl.NumberFormat('en-GB').format(n));
    }
  });
});
