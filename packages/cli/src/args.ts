/**
 * Option parsing for the commands, on node:util's parseArgs. A usage mistake (unknown option,
 * missing value) becomes a message and exit code 2, never a stack trace.
 */
import { parseArgs } from 'node:util';

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
