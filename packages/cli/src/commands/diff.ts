/**
 * `olva diff <old> <new> [--core <file>] [--json]`: compares two versions of a questionnaire
 * definition, or of a territorial extension. Both versions are validated first (schema and lint
 * rules, as `olva validate`); then every change is classified (patch, minor, major), named as a
 * statistician would (reworded, added, removed, renamed, recoded, split, merged), the declared
 * version bump is checked, the next version is suggested, and the new version's crosswalk is
 * checked (a MAJOR change to a question needs an entry). Exit 1 when a file is invalid, the bump
 * is too small or the crosswalk is missing or wrong, so that CI can gate a new version on it.
 */
import {
  load, hasErrors, withLocations, diffQuestionnaires, diffExtensions, bumpCovers, declaredBump,
  type CompilerProblem, type DiffResult, type LoadedDocument,
} from '@olva/compiler';
import { counted, type QuestionnaireDefinition, type TerritorialExtension } from '@olva/schema';
import { parse } from '../args.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type CommandIO } from '../io.js';
import { defaultCorePath } from '../core-path.js';
import { checkDefinition, checkExtension, loadCore } from '../checked.js';
import { KIND_WORDS, verdictLines } from '../diff-words.js';
import { jsonProblem, printJson, printProblems, printStop, summary } from '../report.js';

/** One line on how to call the command. */
export const usage = {
  fr: 'olva diff <ancien.json> <nouveau.json> [--core <tronc-commun.json>] [--json] [--lang fr|en] — valide puis compare deux versions du questionnaire (ou d’une extension) et propose le numéro de la suivante',
  en: 'olva diff <old.json> <new.json> [--core <core.json>] [--json] [--lang fr|en] — validates then compares two versions of the questionnaire (or of an extension) and suggests the next version number',
};

function wrongKind(doc: LoadedDocument, expected?: string): CompilerProblem {
  const what = expected ? { en: `a ${expected} like the other file`, fr: `de même type que l’autre fichier (${expected})` } : { en: 'a questionnaire definition or an extension', fr: 'une définition de questionnaire ou une extension' };
  return {
    file: doc.file, pointer: '', rule: 'load/wrong-kind', severity: 'error',
    message: `olva diff compares two versions of one document; this is a ${doc.kind} document, expected ${what.en}`,
    hint: 'give two versions of the core questionnaire, or two versions of one extension',
    fr: { message: `olva diff compare deux versions d’un même document ; ce document est de type ${doc.kind}, attendu ${what.fr}`, hint: 'donnez deux versions du tronc commun, ou deux versions d’une même extension' },
  };
}

/** Validates both versions; the problems, and the core used for extensions. */
async function validateBoth(docs: LoadedDocument[], coreOption: string | undefined): Promise<{ problems: CompilerProblem[]; sources: LoadedDocument[] }> {
  const problems: CompilerProblem[] = [];
  const sources = [...docs];
  const first = docs[0]!.kind;
  for (const doc of docs) {
    if (doc.kind !== 'questionnaire' && doc.kind !== 'extension') problems.push(wrongKind(doc));
    else if (doc.kind !== first) problems.push(wrongKind(doc, first));
  }
  if (hasErrors(problems)) return { problems, sources };
  if (first === 'questionnaire') {
    for (const doc of docs) problems.push(...checkDefinition(doc));
    return { problems, sources };
  }
  const { core, problems: coreProblems } = await loadCore(coreOption ?? defaultCorePath());
  problems.push(...coreProblems.filter((p) => p.severity === 'error'));
  if (!core) return { problems, sources };
  sources.push(core);
  for (const doc of docs) problems.push(...checkExtension(doc, core));
  return { problems, sources };
}

/** Runs `olva diff`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const args = parse(argv, { core: { type: 'string' } });
  if (!args.ok || (!args.values.help && args.positionals.length !== 2)) {
    return usageMistake(io.stderr, lang, 'diff', args.ok
      ? { fr: 'indiquez deux fichiers, l’ancienne version puis la nouvelle.', en: 'give two files, the old version then the new one.' }
      : args.error, usage);
  }
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }

  const loaded = await load(args.positionals);
  const checked = loaded.documents.length === 2 ? await validateBoth(loaded.documents, args.values.core) : { problems: [], sources: loaded.documents };
  const located = withLocations([...loaded.problems, ...checked.problems], checked.sources);
  if (hasErrors(located)) {
    printStop(io, lang, located, Boolean(args.values.json), { fr: 'Comparaison impossible', en: 'Cannot compare' });
    return EXIT.INVALID;
  }

  const [oldDoc, newDoc] = loaded.documents as [LoadedDocument, LoadedDocument];
  const files = { old: oldDoc.file, new: newDoc.file };
  const result: DiffResult = oldDoc.kind === 'extension'
    ? diffExtensions(oldDoc.document as TerritorialExtension, newDoc.document as TerritorialExtension, files)
    : diffQuestionnaires(oldDoc.document as QuestionnaireDefinition, newDoc.document as QuestionnaireDefinition, files);
  const before = oldDoc.document as { id: string; version: string };
  const after = newDoc.document as { id: string; version: string };
  const problems = withLocations(result.problems, checked.sources);
  if (args.values.json) {
    printJson(io.stdout, {
      ok: result.ok,
      kind: oldDoc.kind,
      old: { file: oldDoc.file, id: before.id, version: before.version },
      new: { file: newDoc.file, id: after.id, version: after.version },
      required: result.required,
      declared: result.declared,
      next: result.next,
      questions: result.questions,
      changes: result.changes,
      problems: problems.map((p) => jsonProblem(p, lang)),
    });
    return result.ok ? EXIT.OK : EXIT.INVALID;
  }
  const out = result.ok ? io.stdout : io.stderr;
  const K = KIND_WORDS[lang];
  out.write(`${before.id} ${before.version} → ${after.id} ${after.version}\n`);
  if (result.questions.length) {
    say(out, lang, { fr: 'Pour les comparaisons statistiques :', en: 'For statistical comparisons:' });
    for (const line of verdictLines(result.questions, lang)) out.write(`${line}\n`);
  }
  const n = result.changes.length;
  if (n) say(out, lang, { fr: 'Détail des changements :', en: 'Every change:' });
  for (const c of result.changes) out.write(`  [${K[c.kind]}] ${c.pointer} ${c.rule}${lang === 'fr' ? ' :' : ':'} ${lang === 'fr' ? c.fr.message : c.message}\n`);
  printProblems(out, lang, problems);
  // Accepted, the version to publish is the one declared: naming the smallest one that would
  // do there (2026.2.2 for a 2026.3.0 without a change) read as a contradiction of the ✓ below.
  const publish = result.ok && result.next !== null && after.version !== result.next
    ? { fr: `${after.version} (${result.next} suffirait)`, en: `${after.version} (${result.next} would do)` }
    : { fr: result.next ?? '?', en: result.next ?? '?' };
  say(out, lang, {
    fr: `${counted('fr', n, 'changement', 'changements')} ; version requise : ${KIND_WORDS.fr[result.required]} ; version déclarée : ${KIND_WORDS.fr[result.declared]} ; version à publier : ${publish.fr}.`,
    en: `${counted('en', n, 'change', 'changes')}; required bump: ${KIND_WORDS.en[result.required]}; declared bump: ${KIND_WORDS.en[result.declared]}; version to publish: ${publish.en}.`,
  });
  if (result.ok) {
    say(out, lang, { fr: `✓ ${after.version} est un numéro de version correct pour ces changements.`, en: `✓ ${after.version} is a right version number for these changes.` });
  } else if (result.declared === 'invalid') {
    say(out, lang, { fr: '✗ La nouvelle version doit être une version semver supérieure à l’ancienne.', en: '✗ The new version must be a semver version greater than the old one.' });
    // The files given the other way round read as a core that went back, with crosswalk errors
    // on the way: the order is what to fix.
    if (declaredBump(after.version, before.version) !== 'invalid') {
      say(out, lang, {
        fr: `  ${after.version} précède ${before.version} : les deux fichiers sont-ils inversés ? L’ancienne version d’abord : olva diff ${newDoc.file} ${oldDoc.file}`,
        en: `  ${after.version} comes before ${before.version}: are the two files the other way round? The old version first: olva diff ${newDoc.file} ${oldDoc.file}`,
      });
    }
  } else {
    // Both verdicts when both fail: fixing the crosswalk alone must not leave a second surprise.
    if (hasErrors(problems)) say(out, lang, { fr: `✗ La table de passage (crosswalk) est incomplète ou fausse : ${summary('fr', problems)}.`, en: `✗ The crosswalk is missing or wrong: ${summary('en', problems)}.` });
    if (!bumpCovers(result.declared, result.required)) say(out, lang, { fr: `✗ Le changement de version déclaré (${KIND_WORDS.fr[result.declared]}) est trop faible : il faut au moins une version ${KIND_WORDS.fr[result.required]} (${result.next}).`, en: `✗ The declared bump (${KIND_WORDS.en[result.declared]}) is too small: these changes need at least a ${KIND_WORDS.en[result.required]} version (${result.next}).` });
  }
  return result.ok ? EXIT.OK : EXIT.INVALID;
}
