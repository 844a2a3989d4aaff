/**
 * The one shape every phase of the compiler reports problems in, so that the command line,
 * CI and editors show the same thing: which file, where in it (a JSON pointer), which rule,
 * what is wrong and how to fix it.
 */

/** How serious a problem is: an `error` stops the build, a `warning` does not. */
export type Severity = 'error' | 'warning';

/** A language the compiler can speak. */
export type Lang = 'fr' | 'en';

/** One problem found in a document. */
export interface CompilerProblem {
  /** The file the problem is in, as it was given to `load` (or a document name). */
  file: string;
  /** JSON pointer (RFC 6901) of the offending value in that file; '' for the whole document. */
  pointer: string;
  /** The rule broken: `load/…`, `schema/<ajv keyword>` or a lint rule name such as `duplicate-id`. */
  rule: string;
  /** What is wrong, in English. */
  message: string;
  /** How to fix it, in English. */
  hint?: string;
  /** `error` blocks the build; `warning` does not. */
  severity: Severity;
  /** French message and hint (French first in every user-facing output). */
  fr?: { message: string; hint?: string };
  /** Line (1-based) of the pointed value in the file, when the source text is known. */
  line?: number;
  /** Column (1-based) of the pointed value in the file, when the source text is known. */
  column?: number;
}

/** The message and hint of a problem in one language (English when no French text exists). */
export function localized(p: CompilerProblem, lang: Lang): { message: string; hint?: string } {
  if (lang === 'fr' && p.fr) return { message: p.fr.message, hint: p.fr.hint ?? p.hint };
  return { message: p.message, hint: p.hint };
}

/**
 * One line for a problem: `file.json#/sections/0/items/3: [rule] message — hint`, followed by
 * `(line 12, column 7)` when the position is known. With `lang: 'fr'` the French message and
 * hint are used where they exist.
 */
export function formatProblem(p: CompilerProblem, lang: Lang = 'en'): string {
  const { message, hint } = localized(p, lang);
  const where = `${p.file}#${p.pointer}`;
  const level = p.severity === 'warning' ? (lang === 'fr' ? ' (avertissement)' : ' (warning)') : '';
  const at = p.line === undefined ? '' : lang === 'fr' ? ` (ligne ${p.line}, colonne ${p.column})` : ` (line ${p.line}, column ${p.column})`;
  return `${where}: [${p.rule}]${level} ${message}${hint ? ` — ${hint}` : ''}${at}`;
}

/** True when at least one problem is an error. */
export function hasErrors(problems: readonly CompilerProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
