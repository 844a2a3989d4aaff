/**
 * `olva impact --core <new core> [--from <current core>] <extension...> [--json]`: before a
 * new core is published, which of the network's extensions still validate against it, which
 * must widen their range of core versions (a range that widens is suggested:
 * `^2026.1.0 || ^2027.0.0`), and which read a question or insert at an extension point that
 * the new core removed. `--from` is the core the extensions were written for (default: the
 * canonical core of @olva/core-questionnaire). Exit 0 when every extension works with the new
 * core as it is, 1 when one must change (range or content) or a file is invalid.
 */
import {
  load, hasErrors, withLocations, extensionImpact, validateDocuments,
  type CompilerProblem, type ExtensionImpact, type LoadedDocument,
} from '@olva/compiler';
import { counted, plural, type QuestionnaireDefinition, type TerritorialExtension } from '@olva/schema';
import { parse } from '../args.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type CommandIO, type Lang } from '../io.js';
import { defaultCorePath } from '../core-path.js';
import { loadCore } from '../checked.js';
import { jsonProblem, printJson, printProblems, printStop, summary } from '../report.js';

/** One line on how to call the command. */
export const usage = {
  fr: 'olva impact --core <nouveau-tronc.json> [--from <tronc-actuel.json>] <extension.json...> [--json] [--lang fr|en] — quelles extensions restent valides, lesquelles doivent élargir leur plage de versions, lesquelles lisent une question retirée',
  en: 'olva impact --core <new-core.json> [--from <current-core.json>] <extension.json...> [--json] [--lang fr|en] — which extensions still validate, which must widen their version range, which read a removed question',
};

/** The lines about one extension, in one language. */
function describe(i: ExtensionImpact, coreVersion: string, lang: Lang): string[] {
  const fr = lang === 'fr';
  const head = `${i.extension.id} ${i.extension.version} (${i.extension.range})`;
  const lines: string[] = [];
  if (i.status === 'ok') lines.push(fr ? `✓ ${head} : valide avec ${coreVersion}, rien à changer` : `✓ ${head}: valid with ${coreVersion}, nothing to change`);
  if (i.status === 'widen') {
    lines.push(fr
      ? `↔ ${head} : valide avec ${coreVersion}, mais sa plage ne l’inclut pas ; élargissez-la : "extends": { "version": "${i.suggestedRange}" }`
      : `↔ ${head}: valid with ${coreVersion}, but its range does not include it; widen it: "extends": { "version": "${i.suggestedRange}" }`);
  }
  if (i.status === 'broken') {
    lines.push(fr ? `✗ ${head} : à modifier avant de passer à ${coreVersion}` : `✗ ${head}: must be changed before moving to ${coreVersion}`);
    for (const q of i.missingQuestions) {
      lines.push(fr
        ? `    ${q.pointer} lit la question « ${q.question} »${q.removed ? `, retirée par le tronc commun ${coreVersion}` : `, absente du tronc commun ${coreVersion}`}`
        : `    ${q.pointer} reads question "${q.question}"${q.removed ? `, which core ${coreVersion} removed` : `, which core ${coreVersion} does not have`}`);
    }
    for (const p of i.missingPoints) {
      lines.push(fr
        ? `    ${p.pointer} s’insère au point « ${p.point} »${p.removed ? `, retiré par le tronc commun ${coreVersion}` : `, absent du tronc commun ${coreVersion}`}`
        : `    ${p.pointer} inserts at point "${p.point}"${p.removed ? `, which core ${coreVersion} removed` : `, which core ${coreVersion} does not have`}`);
    }
    if (!i.inRange) lines.push(fr ? `    puis élargissez sa plage : "${i.suggestedRange}"` : `    then widen its range: "${i.suggestedRange}"`);
  }
  return lines;
}

/** Runs `olva impact`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const args = parse(argv, { core: { type: 'string' }, from: { type: 'string' } });
  if (!args.ok || (!args.values.help && (!args.values.core || args.positionals.length === 0))) {
    return usageMistake(io.stderr, lang, 'impact', args.ok
      ? { fr: 'indiquez le nouveau tronc commun (--core) et au moins une extension.', en: 'give the new core (--core) and at least one extension.' }
      : args.error, usage);
  }
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }

  // The new core must itself be valid before anything is judged against it.
  const next = await loadCore(args.values.core!);
  const from = await loadCore(args.values.from ?? defaultCorePath());
  const coreProblems = withLocations([...next.problems, ...(args.values.from ? from.problems : [])].filter((p) => p.severity === 'error'), [next.core, from.core].filter((d): d is LoadedDocument => d !== null));
  if (!next.core || hasErrors(coreProblems)) {
    printStop(io, lang, coreProblems, Boolean(args.values.json), { fr: 'Analyse impossible', en: 'Cannot analyse' });
    return EXIT.INVALID;
  }
  const core = next.core.document as QuestionnaireDefinition;
  const oldCore = from.core?.document as QuestionnaireDefinition | undefined;

  const loaded = await load(args.positionals);
  const fileProblems: CompilerProblem[] = [...loaded.problems];
  const impacts: (ExtensionImpact & { file: string })[] = [];
  for (const doc of loaded.documents) {
    if (doc.kind !== 'extension') {
      fileProblems.push({
        file: doc.file, pointer: '', rule: 'load/wrong-kind', severity: 'error',
        message: `olva impact reads territorial extensions; this is a ${doc.kind} document`, hint: 'give the extensions of the network after --core',
        fr: { message: `olva impact lit des extensions territoriales ; ce document est de type ${doc.kind}`, hint: 'donnez les extensions du réseau après --core' },
      });
      continue;
    }
    const schema = validateDocuments([doc]);
    if (hasErrors(schema)) { fileProblems.push(...schema); continue; }
    const impact = extensionImpact(core, doc.document as TerritorialExtension, { core: next.core.file, extension: doc.file }, oldCore);
    impacts.push({ ...impact, file: doc.file, problems: withLocations(impact.problems, [doc, next.core]) });
  }
  const located = withLocations(fileProblems, loaded.documents);
  const ok = !hasErrors(located) && impacts.every((i) => i.status === 'ok');

  if (args.values.json) {
    printJson(io.stdout, {
      ok,
      core: { file: next.core.file, id: core.id, version: core.version },
      extensions: impacts.map((i) => ({ ...i, problems: i.problems.map((p) => jsonProblem(p, lang)) })),
      problems: located.map((p) => jsonProblem(p, lang)),
    });
    return ok ? EXIT.OK : EXIT.INVALID;
  }
  const out = ok ? io.stdout : io.stderr;
  say(out, lang, {
    fr: `${core.id} ${core.version} : impact sur ${counted('fr', impacts.length, 'extension', 'extensions')}`,
    en: `${core.id} ${core.version}: impact on ${counted('en', impacts.length, 'extension', 'extensions')}`,
  });
  for (const i of impacts) {
    for (const line of describe(i, core.version, lang)) out.write(`${line}\n`);
    printProblems(out, lang, i.problems);
  }
  printProblems(out, lang, located);
  const n = (s: ExtensionImpact['status']) => impacts.filter((i) => i.status === s).length;
  say(out, lang, {
    fr: `${n('ok')} ${plural('fr', n('ok'), 'valide telle quelle', 'valides telles quelles')}, ${n('widen')} à élargir, ${n('broken')} à modifier${located.length ? ` ; fichiers illisibles : ${summary('fr', located)}` : ''}.`,
    en: `${n('ok')} valid as is, ${n('widen')} to widen, ${n('broken')} to change${located.length ? `; unreadable files: ${summary('en', located)}` : ''}.`,
  });
  return ok ? EXIT.OK : EXIT.INVALID;
}
