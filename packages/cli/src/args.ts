/**
 * Option parsing for the commands, on node:util's parseArgs. A usage mistake (unknown option,
 * missing value) becomes a message and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { commandPrefix, EXIT, pickLang, sayBoth, type Bilingual, type CommandIO } from './io.js';

/** How one option is declared (the subset of parseArgs' options the commands use). */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

/** The options every command accepts. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

/** The parsed value of each declared option (absent ones are undefined). */
export type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]?: O[K] extends { type: 'boolean'; multiple: true } ? boolean[]
    : O[K] extends { type: 'boolean' } ? boolean
      : O[K] extends { multiple: true } ? string[]
        : string;
};

/** Parsed arguments, or the usage error in both languages. */
export type Parsed<O extends Record<string, OptionSpec>> =
  | { ok: true; values: OptionValues<O & typeof COMMON_OPTIONS>; positionals: string[] }
  | { ok: false; error: Bilingual };

/**
 * Parses argv with the given options plus the common ones (--json, --lang, --help). parseArgs
 * reads the tokens without judging them (its own errors are English sentences); the mistakes
 * are then said here, in both languages: an unknown option (the usage that follows lists the
 * known ones), an option without its value, a value given to a switch.
 */
export function parse<O extends Record<string, OptionSpec>>(argv: string[], options: O): Parsed<O> {
  const all: Record<string, OptionSpec> = { ...COMMON_OPTIONS, ...options };
  const { tokens } = parseArgs({ args: argv, options: all, allowPositionals: true, strict: false, tokens: true });
  const given = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = all[t.name];
    if (!spec) return { ok: false, error: { fr: `option inconnue ${t.rawName}`, en: `unknown option ${t.rawName}` } };
    // As strict parsing did: a value that starts with a dash is the next option, the value forgotten (--out=-x gives one).
    if (spec.type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) {
      return { ok: false, error: { fr: `l’option ${t.rawName} attend une valeur (${t.rawName} <valeur>)`, en: `option ${t.rawName} needs a value (${t.rawName} <value>)` } };
    }
    // parseArgs keeps the last of a repeated option: `--responses a.ndjson --responses b.ndjson`
    // analysed b alone, a dropped without a word.
    if (spec.type === 'string' && !spec.multiple) {
      const before = given.get(t.name);
      if (before !== undefined && before !== t.value) {
        return { ok: false, error: { fr: `l’option --${t.name} ne se donne qu’une fois (« ${before} » puis « ${t.value} »)`, en: `option --${t.name} is given once only ("${before}" then "${t.value}")` } };
      }
      given.set(t.name, t.value!);
    }
    if (spec.type === 'boolean' && t.value !== undefined) {
      return { ok: false, error: { fr: `l’option ${t.rawName} ne prend pas de valeur (« ${t.value} » donné)`, en: `option ${t.rawName} takes no value ("${t.value}" given)` } };
    }
  }
  // Every token is known and well formed now: the values, repeated options gathered, short names resolved, defaults applied.
  const { values, positionals } = parseArgs({ args: argv, options: all, allowPositionals: true, strict: false });
  return { ok: true, values: values as OptionValues<O & typeof COMMON_OPTIONS>, positionals };
}

/**
 * Parses a command's arguments and ends the command where they say so: a usage mistake writes
 * `olva <command>: <error>` and the usage to stderr (`exit` 2); `--help` writes the help to
 * stdout (`exit` 0). Otherwise the parsed values and positionals, for the command to check.
 */
export function parseCommand<O extends Record<string, OptionSpec>>(command: string, argv: string[], options: O, text: { usage: Bilingual; help: Bilingual }, io: CommandIO):
  { exit: number } | { values: OptionValues<O & typeof COMMON_OPTIONS>; positionals: string[] } {
  const parsed = parse(argv, options);
  if (!parsed.ok) {
    const lang = pickLang(argv, io.env);
    io.stderr.write(`${commandPrefix(command, lang)}${parsed.error[lang]}\n`);
    sayBoth(io.stderr, text.usage);
    return { exit: EXIT.USAGE };
  }
  if (parsed.values.help) {
    sayBoth(io.stdout, text.help);
    return { exit: EXIT.OK };
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
