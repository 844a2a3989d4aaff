/**
 * Questionnaire texts in the chosen language. The interface strings of the web components
 * live with them (`uiMessages` of @olva/elements).
 */
import type { Locale } from './types.js';

/** A questionnaire text in the chosen language, falling back to French (always present). */
export function localize(text: { fr: string; en?: string } | undefined, locale: Locale | string): string {
  if (!text) return '';
  return locale === 'en' && text.en ? text.en : text.fr;
}
