/** Numbers written the way each interface language writes them. */
import type { Locale } from './types.js';

const formats = new Map<Locale, Intl.NumberFormat>();

/**
 * A number as the language writes it ("100 000", "3,5"; "100,000", "3.5"), up to 6 decimals.
 * The formatter is built on first need and kept: the first NumberFormat of a page loads the
 * ICU locale data (10–15 ms on a slow machine), which must not be paid when the script
 * loads, nor for the small whole numbers that steps, counts and most hints hold, which
 * every language here writes as plain digits.
 */
export function localNumber(value: number, locale: Locale): string {
  if (Number.isInteger(value) && value >= 0 && value < 1000 && !Object.is(value, -0)) return String(value);
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 6 });
    formats.set(locale, format);
  }
  return format.format(value);
}

/** A number as French writes it ("100 000", "3,5"). */
export function fr(n: number): string {
  return localNumber(n, 'fr');
}

/** A number as English writes it ("100,000", "3.5"). */
export function en(n: number): string {
  return localNumber(n, 'en');
}
