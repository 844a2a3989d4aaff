/**
 * A count and its noun in agreement, for every message that prints a number of things: « 1
 * réponse », « 3 réponses », "0 responses", never « réponse(s) ». The rule is CLDR's for the
 * two languages (French: integer part 0 or 1, so « 0 réponse », « 1,5 heure »; English:
 * exactly 1), written out rather than asked of `Intl.PluralRules` because the survey's runtime
 * uses it too, and the embed's byte budget pays for every name a minifier cannot shorten.
 * A count is never negative.
 */
import type { MessageLanguage } from './language.js';

/** `one` when `n` takes the singular in `lang`, `many` otherwise (the word alone, for an adjective or a participle that agrees). */
export function plural(lang: MessageLanguage, n: number, one: string, many: string): string {
  return (lang === 'fr' ? n < 2 : n === 1) ? one : many;
}

/** `n` followed by its noun in agreement: `counted('fr', 3, 'réponse', 'réponses')` is « 3 réponses ». */
export function counted(lang: MessageLanguage, n: number, one: string, many: string): string {
  return `${n} ${plural(lang, n, one, many)}`;
}
