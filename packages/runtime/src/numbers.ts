/** Numbers written the way each interface language writes them. */
import type { Locale } from './types.js';

const formats = new Map<Locale, Intl.NumberFormat>();

/** Group and decimal separators: French groups with a narrow no-break space, as Intl's fr-FR. */
const SEPARATORS: Record<Locale, readonly [group: string, decimal: string]> = {
  fr: ['\u202f', ','],
  en: [',', '.'],
};

/** The BCP 47 tag Intl is given for an interface language: France's French, British English. */
export function localeTag(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'fr-FR';
}

/** Intl's own formatter, for what the hand-written path leaves (infinities, NaN, 1e21 and beyond). */
function intl(value: number, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 6 });
    formats.set(locale, format);
  }
  return format.format(value);
}

/**
 * The whole and decimal digits of `abs` (≥ 0) rounded to 6 decimals the way Intl rounds: from
 * the shortest decimal that reads back as the same double (what `toExponential()` writes, and
 * what ICU starts from), half away from zero. Not `toFixed`, which rounds the double's exact
 * binary value (0.0000005 is a little less than 5e-7: toFixed gives 0, Intl 0.000001).
 */
function roundedDigits(abs: number): { whole: string; decimals: string } {
  const [mantissa = '0', exponent = '0'] = abs.toExponential().split('e');
  let digits = mantissa.replace('.', '');
  // How many of the digits stand before the decimal point (≤ 0: zeros follow the point first).
  let point = Number(exponent) + 1;
  const kept = point + 6;
  if (kept < digits.length) {
    const up = kept >= 0 && digits.charCodeAt(kept) >= 53; // '5'
    const head = kept > 0 ? digits.slice(0, kept).split('') : [];
    if (up) {
      let i = head.length - 1;
      while (i >= 0 && head[i] === '9') head[i--] = '0';
      if (i >= 0) head[i] = String(Number(head[i]) + 1);
      else {
        head.unshift('1');
        point += 1;
      }
    }
    digits = head.join('');
    if (!/[1-9]/.test(digits)) return { whole: '0', decimals: '' };
  }
  if (point <= 0) return { whole: '0', decimals: ('0'.repeat(-point) + digits).replace(/0+$/, '') };
  return { whole: digits.slice(0, point).padEnd(point, '0'), decimals: digits.slice(point).replace(/0+$/, '') };
}

/**
 * A number as the language writes it ("100 000", "3,5"; "100,000", "3.5"), up to 6 decimals,
 * exactly as `Intl.NumberFormat` (fr-FR, en-GB) writes it. Written by hand rather than by
 * Intl: the first NumberFormat of a page loads the ICU locale data, 40–60 ms of the main
 * thread on a loaded two-core machine (issue 13), paid on the first page as soon as a hint
 * says "between 0 and 100 000".
 */
export function localNumber(value: number, locale: Locale): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return intl(value, locale);
  const [group, decimal] = SEPARATORS[locale];
  const { whole, decimals } = roundedDigits(Math.abs(value));
  // Intl writes the minus of a negative value even when it rounds to zero ("-0").
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${decimals ? decimal + decimals : ''}`;
}

/** A number as French writes it ("100 000", "3,5"). */
export function fr(n: number): string {
  return localNumber(n, 'fr');
}

/** A number as English writes it ("100,000", "3.5"). */
export function en(n: number): string {
  return localNumber(n, 'en');
}
