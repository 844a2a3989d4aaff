/**
 * Text as every emitter writes it: the one JSON layout, the French and English of a localized
 * text, help texts as plain text. Pure functions: no clock, disk or environment.
 */
import type { LocalizedText } from '@olva/schema';

/** Pretty JSON with two spaces and a final newline: the one JSON layout of every output. */
export function prettyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The French text, or '' when there is none. */
export function fr(text: LocalizedText | undefined): string {
  return text?.fr ?? '';
}

/** The English text, falling back to French (French is the required language). */
export function en(text: LocalizedText | undefined): string {
  return text?.en ?? text?.fr ?? '';
}

/**
 * Help texts may use a safe Markdown subset (links, emphasis); on paper and in the codebook
 * they are shown as plain text: `[text](url)` → `text (url)`, `**x**`/`*x*` → `x`.
 */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, '$1$2');
}
