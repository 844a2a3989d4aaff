import type { Locale } from '@olva/runtime';

/** Reads a `lang` attribute: `en` and `en-GB` give English, anything else French. */
export function toLocale(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
