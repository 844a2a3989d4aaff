import { describe, expect, it, vi } from 'vitest';
import { prng } from '@olva/test-support/prng';
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

  it('writes any number exactly as Intl.NumberFormat does (fr-FR, en-GB, up to 6 decimals)', () => {
    const random = prng(20261206);
    const intl = {
      fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 }),
      en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
    } as const;
    const values = [-0, 0.5, -0.5, 1e-7, -1e-7, 0.0000005, 1.0000005, 2.5e-6, 0.1 + 0.2, 999.9999999, 1900, 2026, 100_000,
      -1234.5, 123_456_789.123456789, 2 ** 53, 1e20, -1e20, 1e21, Infinity, -Infinity, NaN];
    for (let i = 0; i < 2000; i++) {
      const magnitude = 10 ** Math.floor(random() * 22 - 8);
      const value = (random() - 0.3) * magnitude;
      values.push(value, Math.round(value), Math.round(value * 1000) / 1000);
    }
    for (const value of values) {
      expect(localNumber(value, 'fr'), String(value)).toBe(intl.fr.format(value));
      expect(localNumber(value, 'en'), String(value)).toBe(intl.en.format(value));
    }
  });

  it('builds no Intl.NumberFormat for a finite number (its first one loads ICU data on the first page)', () => {
    const built = vi.spyOn(Intl, 'NumberFormat');
    try {
      expect(localNumber(100_000, 'fr')).toBe('100\u202f000');
      expect(localNumber(-1234.56, 'en')).toBe('-1,234.56');
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });
});
