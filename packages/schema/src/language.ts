/**
 * The language a tool speaks when nothing on its command line says: French unless the
 * environment asks for English (`OLVA_LANG`, then the POSIX locale variables in their order of
 * precedence). One rule for the CLI and the collector's configuration messages.
 */

/** The languages of every OLVA message, French first. */
export type MessageLanguage = 'fr' | 'en';

/** `en` when `OLVA_LANG`, `LC_ALL`, `LC_MESSAGES` or `LANG` (the first one set) starts with "en"; `fr` otherwise. */
export function environmentLanguage(env: Readonly<Record<string, string | undefined>>): MessageLanguage {
  return /^en/i.test(env.OLVA_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '') ? 'en' : 'fr';
}
