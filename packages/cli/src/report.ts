/** How commands print compiler problems: one line each, in the chosen language, then a summary. */
import { formatProblem, type CompilerProblem } from '@olva/compiler';
import { counted } from '@olva/schema';
import type { Lang, Output } from './io.js';

/** Counts of errors and warnings. */
export function count(problems: readonly CompilerProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/** Writes every problem, one line each (`file#pointer: [rule] message — hint`). */
export function printProblems(out: Output, lang: Lang, problems: readonly CompilerProblem[]): void {
  for (const p of problems) out.write(`${formatProblem(p, lang)}\n`);
}

/** "2 erreurs, 1 avertissement" / "2 errors, 1 warning". */
export function summary(lang: Lang, problems: readonly CompilerProblem[]): string {
  const { errors, warnings } = count(problems);
  return lang === 'fr'
    ? `${counted(lang, errors, 'erreur', 'erreurs')}, ${counted(lang, warnings, 'avertissement', 'avertissements')}`
    : `${counted(lang, errors, 'error', 'errors')}, ${counted(lang, warnings, 'warning', 'warnings')}`;
}

/** A problem as printed by `--json`: the CompilerProblem plus its formatted line. */
export function jsonProblem(p: CompilerProblem, lang: Lang): CompilerProblem & { text: string } {
  return { ...p, text: formatProblem(p, lang) };
}

/** Writes a value as JSON (one document, pretty, ending with a newline). */
export function printJson(out: Output, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Reports the problems that stop a command before it does its work: with `json`, one document
 * `{ ok: false, problems, summary }` on stdout; otherwise each problem, then `<why>: <summary>.`
 * on stderr (`why` e.g. "Comparaison impossible" / "Cannot compare").
 */
export function printStop(io: { stdout: Output; stderr: Output }, lang: Lang, problems: readonly CompilerProblem[], json: boolean, why: { fr: string; en: string }): void {
  if (json) {
    printJson(io.stdout, { ok: false, problems: problems.map((p) => jsonProblem(p, lang)), summary: count(problems) });
    return;
  }
  printProblems(io.stderr, lang, problems);
  io.stderr.write(lang === 'fr' ? `${why.fr} : ${summary('fr', problems)}.\n` : `${why.en}: ${summary('en', problems)}.\n`);
}
