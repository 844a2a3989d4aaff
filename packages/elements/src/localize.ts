import type { LocalizedText } from '@olva/schema';
import type { Locale } from '@olva/runtime';

/** The text in the interface language, falling back to French (always present). */
export function localized(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return (locale === 'en' ? text.en : undefined) ?? text.fr;
}

/** Reads a `lang` attribute: `en` and `en-GB` give English, anything else French. */
export function toLocale(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
