/**
 * Option parsing for the commands, on node:util's parseArgs. A usage mistake (unknown option,
 * missing value) becomes a message and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { EXIT, sayBoth, type Bilingual, type CommandIO } from './io.js';

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

/** Parsed arguments, or the usage error. */
export type Parsed<O extends Record<string, OptionSpec>> =
  | { ok: true; values: OptionValues<O & typeof COMMON_OPTIONS>; positionals: string[] }
  | { ok: false; error: string };

/** Parses argv with the given options plus the common ones (--json, --lang, --help). */
export function parse<O extends Record<string, OptionSpec>>(argv: string[], options: O): Parsed<O> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { ok: true, values: values as OptionValues<O & typeof COMMON_OPTIONS>, positionals };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
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
    io.stderr.write(`olva ${command}: ${parsed.error}\n`);
    sayBoth(io.stderr, text.usage);
    return { exit: EXIT.USAGE };
  }
  if (parsed.values.help) {
    sayBoth(io.stdout, text.help);
    return { exit: EXIT.OK };
  }
  return { values: parsed.values, positionals: parsed.positionals };
}
