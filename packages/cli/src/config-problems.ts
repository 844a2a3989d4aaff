/**
 * How commands print a collector configuration that cannot be used (`ConfigError`): a heading
 * that names the command, then every problem on its own indented line (`file#pointer: message
 * [rule]`), worded in the command's language (`--lang`), not the environment's.
 */
import { formatProblem, type ConfigError } from '@olva/collector';
import { EXIT, say, type Bilingual, type Lang, type Output } from './io.js';

/**
 * Writes the heading (e.g. `olva purge : configuration invalide :`) and each problem of the
 * configuration to `out`; returns the exit code of an invalid input (`EXIT.INVALID`).
 */
export function reportConfigError(out: Output, lang: Lang, heading: Bilingual, error: ConfigError): number {
  say(out, lang, heading);
  for (const p of error.problems) out.write(`  ${formatProblem(p, lang)}\n`);
  return EXIT.INVALID;
}
