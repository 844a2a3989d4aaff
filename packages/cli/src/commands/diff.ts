/**
 * `olva diff <old> <new> [--json]`: compares two versions of a questionnaire definition,
 * classifies every change (patch, minor, major) and checks that the declared version bump is
 * big enough. Exit 1 when a file is invalid or the bump is too small, so that CI can gate a new
 * core version on it.
 */
import {
  load, validateDocuments, hasErrors, withLocations, diffQuestionnaires,
  type CompilerProblem, type DiffResult,
} from '@olva/compiler';
import type { QuestionnaireDefinition } from '@olva/schema';
import { parse } from '../args.js';
import { EXIT, pickLang, say, sayBoth, type CommandIO, type Lang } from '../io.js';
import { count, jsonProblem, printJson, printProblems, summary } from '../report.js';

/** One line on how to call the command. */
export const usage = {
  fr: 'olva diff <ancien.json> <nouveau.json> [--json] [--lang fr|en] — classe les changements entre deux versions du questionnaire',
  en: 'olva diff <old.json> <new.json> [--json] [--lang fr|en] — classifies the changes between two versions of the questionnaire',
};

const KIND: Record<Lang, Record<string, string>> = {
  fr: { none: 'aucun', patch: 'correctif', minor: 'mineure', major: 'majeure', invalid: 'invalide' },
  en: { none: 'none', patch: 'patch', minor: 'minor', major: 'major', invalid: 'invalid' },
};

/** Runs `olva diff`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const args = parse(argv, {});
  if (!args.ok || (!args.values.help && args.positionals.length !== 2)) {
    say(io.stderr, lang, args.ok
      ? { fr: 'olva diff : indiquez deux fichiers, l’ancienne version puis la nouvelle.', en: 'olva diff: give two files, the old version then the new one.' }
      : { fr: `olva diff : ${args.error}`, en: `olva diff: ${args.error}` });
    sayBoth(io.stderr, usage);
    return EXIT.USAGE;
  }
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }

  const loaded = await load(args.positionals);
  const problems: CompilerProblem[] = [...loaded.problems];
  for (const doc of loaded.documents) {
    if (doc.kind !== 'questionnaire') {
      problems.push({
        file: doc.file, pointer: '', rule: 'load/wrong-kind', severity: 'error',
        message: `olva diff compares questionnaire definitions; this is a ${doc.kind} document`,
        hint: 'give two versions of the core questionnaire',
        fr: { message: `olva diff compare des définitions de questionnaire ; ce document est de type ${doc.kind}`, hint: 'donnez deux versions du tronc commun' },
      });
    } else {
      problems.push(...validateDocuments([doc]));
    }
  }
  const located = withLocations(problems, loaded.documents);
  if (hasErrors(located)) {
    if (args.values.json) {
      printJson(io.stdout, { ok: false, problems: located.map((p) => jsonProblem(p, lang)), summary: count(located) });
    } else {
      printProblems(io.stderr, lang, located);
      say(io.stderr, lang, { fr: `Comparaison impossible : ${summary('fr', located)}.`, en: `Cannot compare: ${summary('en', located)}.` });
    }
    return EXIT.INVALID;
  }

  const [before, after] = loaded.documents.map((d) => d.document as QuestionnaireDefinition);
  const result: DiffResult = diffQuestionnaires(before!, after!);
  if (args.values.json) {
    printJson(io.stdout, {
      ok: result.ok,
      old: { file: loaded.documents[0]!.file, id: before!.id, version: before!.version },
      new: { file: loaded.documents[1]!.file, id: after!.id, version: after!.version },
      required: result.required,
      declared: result.declared,
      changes: result.changes,
    });
    return result.ok ? EXIT.OK : EXIT.INVALID;
  }
  const out = result.ok ? io.stdout : io.stderr;
  out.write(`${before!.id} ${before!.version} → ${after!.id} ${after!.version}\n`);
  for (const c of result.changes) out.write(`  [${KIND[lang][c.kind]}] ${c.pointer} ${c.rule}: ${c.message}\n`);
  const n = result.changes.length;
  say(out, lang, {
    fr: `${n} changement${n > 1 ? 's' : ''} ; version requise : ${KIND.fr[result.required]} ; version déclarée : ${KIND.fr[result.declared]}.`,
    en: `${n} change${n === 1 ? '' : 's'}; required bump: ${KIND.en[result.required]}; declared bump: ${KIND.en[result.declared]}.`,
  });
  if (!result.ok) {
    say(out, lang, result.declared === 'invalid'
      ? { fr: '✗ La nouvelle version doit être une version semver supérieure à l’ancienne.', en: '✗ The new version must be a semver version greater than the old one.' }
      : { fr: `✗ Le changement de version déclaré (${KIND.fr[result.declared]}) est trop faible : il faut au moins une version ${KIND.fr[result.required]}.`, en: `✗ The declared bump (${KIND.en[result.declared]}) is too small: these changes need at least a ${KIND.en[result.required]} version.` });
  }
  return result.ok ? EXIT.OK : EXIT.INVALID;
}
