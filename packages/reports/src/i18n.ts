/**
 * The languages of the reports, French first. Texts of definitions go through `localize`
 * (`@olva/runtime`), shares and numbers through the charts' `percent` and `number`
 * (`@olva/charts`), so a figure reads the same in its chart and in its table.
 */

/** A language of the reports. */
export type Lang = 'fr' | 'en';

/** A text in both languages. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** A date `YYYY-MM-DD` (or an ISO timestamp) written out: `1er mars 2026`, `1 March 2026`. */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const written = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  // French writes the first of the month as an ordinal ("1er janvier"); Intl does not.
  return lang === 'fr' && date.getUTCDate() === 1 ? written.replace(/^1(?=\s)/, '1er') : written;
}

/** The colon between a label and its value: " : " in French, ": " in English. */
export function colon(lang: Lang): string {
  return lang === 'en' ? ': ' : '\u00a0: ';
}
