/**
 * `olva validate <file...> [--core <file>] [--json]`: checks each file against its schema and,
 * for definitions and extensions, the lint rules. The kind of each file comes from its content
 * (an extension has `extends`; a response has `kind: "olva-response"`). An extension is linted
 * against the core given with --core, or a core among the files with the id it extends, or the
 * canonical core of @olva/core-questionnaire.
 */
import {
  load, validateDocuments, lint, hasErrors, withLocations, RULES,
  type CompilerProblem, type LoadedDocument,
} from '@olva/compiler';
import type { QuestionnaireDefinition, TerritorialExtension } from '@olva/schema';
import { parse } from '../args.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type CommandIO } from '../io.js';
import { defaultCorePath } from '../core-path.js';
import { count, jsonProblem, printJson, printProblems, summary } from '../report.js';

/** One line on how to call the command. */
export const usage = {
  fr: 'olva validate <fichier...> [--core <tronc-commun.json>] [--json] [--lang fr|en] — vérifie définitions, extensions et réponses ; olva validate --rules liste les règles',
  en: 'olva validate <file...> [--core <core.json>] [--json] [--lang fr|en] — checks definitions, extensions and responses; olva validate --rules lists the rules',
};

interface FileReport { file: string; kind: string; ok: boolean; core?: string }

function problemKey(p: CompilerProblem): string {
  return `${p.file}\u0000${p.pointer}\u0000${p.rule}\u0000${p.message}`;
}

/** Runs `olva validate`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const args = parse(argv, { core: { type: 'string' }, rules: { type: 'boolean' } });
  if (!args.ok) return usageMistake(io.stderr, lang, 'validate', args.error, usage);
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  if (args.values.rules) {
    const rules = RULES.map((r) => ({ name: r.name, severity: r.severity, description: r.description }));
    if (args.values.json) printJson(io.stdout, rules);
    else for (const r of rules) io.stdout.write(`${r.name.padEnd(28)} ${r.severity === 'warning' ? (lang === 'fr' ? '(avertissement) ' : '(warning) ') : ''}${r.description[lang]}\n`);
    return EXIT.OK;
  }
  const coreOption = args.values.core;
  const files = args.positionals;
  if (files.length === 0) return usageMistake(io.stderr, lang, 'validate', { fr: 'indiquez au moins un fichier.', en: 'give at least one file.' }, usage);

  const loaded = await load(files);
  const problems: CompilerProblem[] = [...loaded.problems];
  const reports: FileReport[] = [];
  // A file that could not be read or parsed has no kind yet: « document inconnu » sent people
  // looking for what olva did not recognise, when the JSON itself was at fault.
  for (const p of loaded.problems) reports.push({ file: p.file, kind: 'unread', ok: false });

  const sources: LoadedDocument[] = [...loaded.documents];
  const schemaOk = new Map<LoadedDocument, boolean>();
  for (const doc of loaded.documents) {
    const found = validateDocuments([doc]);
    problems.push(...found);
    schemaOk.set(doc, !hasErrors(found));
  }

  // The core for extensions: --core, else a valid core among the files, else the canonical one.
  let explicitCore: LoadedDocument | null | undefined;
  const coreFor = async (ext: LoadedDocument): Promise<LoadedDocument | null> => {
    const wanted = (ext.document as { extends?: { id?: unknown } }).extends?.id;
    if (!coreOption) {
      const among = loaded.documents.find((d) => d.kind === 'questionnaire' && schemaOk.get(d) && (d.document as { id?: unknown }).id === wanted);
      if (among) return among;
    }
    if (explicitCore !== undefined) return explicitCore;
    const path = coreOption ?? defaultCorePath();
    const coreLoad = await load([path]);
    problems.push(...coreLoad.problems);
    const core = coreLoad.documents[0];
    if (!core) return (explicitCore = null);
    sources.push(core);
    const coreProblems = validateDocuments([core]);
    if (core.kind !== 'questionnaire') {
      problems.push({ file: path, pointer: '', rule: 'load/wrong-kind', severity: 'error', message: 'the --core file is not a questionnaire definition', hint: 'give the core questionnaire after --core', fr: { message: 'le fichier --core n’est pas une définition de questionnaire', hint: 'donnez le tronc commun après --core' } });
      return (explicitCore = null);
    }
    problems.push(...coreProblems);
    if (hasErrors(coreProblems)) return (explicitCore = null);
    problems.push(...lint(core.document as QuestionnaireDefinition, null, { core: core.file }));
    return (explicitCore = core);
  };

  for (const doc of loaded.documents) {
    const report: FileReport = { file: doc.file, kind: doc.kind, ok: true };
    if (schemaOk.get(doc)) {
      if (doc.kind === 'questionnaire') {
        problems.push(...lint(doc.document as QuestionnaireDefinition, null, { core: doc.file }));
      } else if (doc.kind === 'extension') {
        const core = await coreFor(doc);
        if (core) {
          report.core = core.file;
          // Only the extension's own problems: the core's are reported when it is validated itself.
          problems.push(...lint(core.document as QuestionnaireDefinition, doc.document as TerritorialExtension, { core: core.file, extension: doc.file })
            .filter((p) => p.file === doc.file));
        } else {
          problems.push({ file: doc.file, pointer: '/extends', rule: 'validate/no-core', severity: 'error', message: 'no valid core to check this extension against', hint: 'give the core with --core <file>', fr: { message: 'aucun tronc commun valide pour vérifier cette extension', hint: 'indiquez le tronc commun avec --core <fichier>' } });
        }
      }
    }
    reports.push(report);
  }

  reports.sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file));
  const seen = new Set<string>();
  const unique = withLocations(problems.filter((p) => (seen.has(problemKey(p)) ? false : (seen.add(problemKey(p)), true))), sources);
  for (const r of reports) r.ok = !unique.some((p) => p.file === r.file && p.severity === 'error');
  const ok = !hasErrors(unique);

  if (args.values.json) {
    printJson(io.stdout, { ok, files: reports, problems: unique.map((p) => jsonProblem(p, lang)), summary: count(unique) });
  } else {
    // One stream for the whole report, so that file lines and their problems stay in order.
    const out = ok ? io.stdout : io.stderr;
    for (const r of reports) {
      const kindName = lang === 'fr'
        ? ({ questionnaire: 'questionnaire', extension: 'extension', payload: 'réponse', compiled: 'questionnaire compilé', unknown: 'document inconnu', unread: 'non lu' } as Record<string, string>)[r.kind] ?? r.kind
        : r.kind === 'unread' ? 'not read' : r.kind;
      const against = r.core ? (lang === 'fr' ? `, vérifiée avec ${r.core}` : `, checked against ${r.core}`) : '';
      out.write(`${r.ok ? '✓' : '✗'} ${r.file} (${kindName}${against})\n`);
    }
    printProblems(out, lang, unique);
    const line = summary(lang, unique);
    say(out, lang, ok
      ? { fr: `Valide (${line}).`, en: `Valid (${line}).` }
      : { fr: `Invalide : ${line}.`, en: `Invalid: ${line}.` });
  }
  return ok ? EXIT.OK : EXIT.INVALID;
}
