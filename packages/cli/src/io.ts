/**
 * What a command writes to, and in which language. Commands never touch `process` directly,
 * so that tests run them in-process and read what they print.
 */
import { environmentLanguage } from '@olva/schema';

/** Something text can be written to (process.stdout, a test buffer…). */
export interface Output {
  write(chunk: string): unknown;
}

/** The outputs a command gets. */
export interface CommandIO {
  stdout: Output;
  stderr: Output;
  /** Environment variables (defaults to process.env); read for LANG / OLVA_LANG. */
  env?: Record<string, string | undefined>;
}

/** A language of the messages. */
export type Lang = 'fr' | 'en';

/** A text in both languages. */
export interface Bilingual { fr: string; en: string }

/** A command module: what `src/commands/<name>.ts` exports. */
export interface CommandModule {
  /** One line saying what the command does and how to call it. */
  usage: Bilingual;
  /** Runs the command; resolves to the exit code (0 fine, 1 invalid input, 2 usage). */
  run(argv: string[], io: CommandIO): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = Object.freeze({ OK: 0, INVALID: 1, USAGE: 2 });

/**
 * The language of the messages: `--lang fr|en` in argv wins, then the environment
 * (`environmentLanguage` of @olva/schema: OLVA_LANG, LC_ALL, LC_MESSAGES, LANG); French otherwise.
 */
export function pickLang(argv: readonly string[], env: Record<string, string | undefined> = process.env): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i >= 0) {
    const value = argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
    if (value === 'en' || value === 'fr') return value;
  }
  return environmentLanguage(env);
}

/** Writes one line in the chosen language. */
export function say(out: Output, lang: Lang, text: Bilingual): void {
  out.write(`${text[lang]}\n`);
}

/** Writes both languages, French first (help texts). */
export function sayBoth(out: Output, text: Bilingual): void {
  out.write(`${text.fr}\n${text.en}\n`);
}

/** The start of a command's line in the chosen language: `olva build : ` (French spacing) or `olva build: `. */
export function commandPrefix(command: string, lang: Lang): string {
  return lang === 'fr' ? `olva ${command} : ` : `olva ${command}: `;
}

/**
 * Reports a usage mistake of `olva <command>` on `out` (stderr): the reason in the chosen
 * language (`olva build : …` / `olva build: …`), then the command's usage in both languages.
 * Returns the usage exit code, `EXIT.USAGE` (2).
 */
export function usageMistake(out: Output, lang: Lang, command: string, reason: Bilingual, usage: Bilingual): number {
  out.write(`${commandPrefix(command, lang)}${reason[lang]}\n`);
  sayBoth(out, usage);
  return EXIT.USAGE;
}
