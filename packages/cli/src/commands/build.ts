/**
 * `olva build [<core>] [--extension <file>] --out <dir> [--json]`: compiles the core (with one
 * extension; without a core named, the installed @olva/core-questionnaire's, as `olva
 * validate` reads it, so that a territory's project needs no path into node_modules) and writes questionnaire.json, the schemas, the validator, the types, the
 * codebooks and the paper form into <dir>. Nothing is written when there is an error.
 */
import { build } from '@olva/compiler';
import { parse } from '../args.js';
import { defaultCorePath } from '../core-path.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type CommandIO } from '../io.js';
import { count, jsonProblem, printJson, printProblems, summary } from '../report.js';

/** One line on how to call the command. */
export const usage = {
  fr: 'olva build [<tronc-commun.json>] [--extension <extension.json>] --out <répertoire> [--json] [--lang fr|en] — compile le questionnaire (sans tronc commun nommé, avec --extension : celui de @olva/core-questionnaire)',
  en: 'olva build [<core.json>] [--extension <extension.json>] --out <dir> [--json] [--lang fr|en] — compiles the questionnaire (with --extension and no core named: @olva/core-questionnaire\'s)',
};

/** Runs `olva build`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const args = parse(argv, { extension: { type: 'string', short: 'e' }, out: { type: 'string', short: 'o' } });
  const usageError = (fr: string, en: string) => usageMistake(io.stderr, lang, 'build', { fr, en }, usage);
  if (!args.ok) return usageError(args.error.fr, args.error.en);
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  const extension = args.values.extension ?? null;
  if (args.positionals.length > 1 || (args.positionals.length === 0 && !extension)) {
    return usageError('indiquez un tronc commun, ou une extension (--extension) pour le tronc commun installé.', 'give one core file, or an extension (--extension) for the installed core.');
  }
  const out = args.values.out;
  if (!out) return usageError('indiquez le répertoire de sortie avec --out <répertoire>.', 'give the output directory with --out <dir>.');

  const result = await build({ core: args.positionals[0] ?? defaultCorePath(), extension, out });
  const ok = result.compiled !== null && !result.problems.some((p) => p.severity === 'error');
  if (args.values.json) {
    printJson(io.stdout, {
      ok,
      id: result.compiled?.id ?? null,
      out: out,
      files: result.files,
      problems: result.problems.map((p) => jsonProblem(p, lang)),
      summary: count(result.problems),
    });
  } else if (ok) {
    printProblems(io.stdout, lang, result.problems);
    say(io.stdout, lang, {
      fr: `✓ ${result.compiled!.id} : ${result.files.length} fichiers écrits dans ${out} (${summary('fr', result.problems)}).`,
      en: `✓ ${result.compiled!.id}: ${result.files.length} files written to ${out} (${summary('en', result.problems)}).`,
    });
    for (const f of result.files) io.stdout.write(`  ${f}\n`);
  } else {
    printProblems(io.stderr, lang, result.problems);
    say(io.stderr, lang, { fr: `✗ Rien n’a été écrit : ${summary('fr', result.problems)}.`, en: `✗ Nothing was written: ${summary('en', result.problems)}.` });
  }
  return ok ? EXIT.OK : EXIT.INVALID;
}
