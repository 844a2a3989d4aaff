/**
 * The `olva` dispatcher: finds the command in the registry, loads its module and runs it.
 * `main` never throws and never exits the process: it resolves to the exit code, so that
 * tests call it in-process and bin.ts sets `process.exitCode`.
 */
import { createRequire } from 'node:module';
import { COMMAND_NAMES, CommandUnavailable, isCommand, loadCommand, type CommandName } from './commands/index.js';
import { EXIT, pickLang, say, sayBoth, type Bilingual, type CommandIO } from './io.js';

/** What each command does, for `olva --help` (without loading every module). */
export const SUMMARIES: Record<CommandName, Bilingual> = {
  validate: { fr: 'vérifie des définitions, extensions ou réponses (schémas et règles)', en: 'checks definitions, extensions or responses (schemas and rules)' },
  build: { fr: 'compile le tronc commun et une extension vers un répertoire', en: 'compiles the core and an extension into a directory' },
  diff: { fr: 'compare deux versions d’un questionnaire et classe les changements', en: 'compares two versions of a questionnaire and classifies the changes' },
  serve: { fr: 'lance le collecteur de réponses (API HTTP)', en: 'runs the response collector (HTTP API)' },
  demo: { fr: 'lance la démonstration depuis le dépôt olva : page municipale, questionnaire embarqué, collecteur', en: 'runs the demo from the olva repository: municipal page, embedded survey, collector' },
  export: { fr: 'exporte les réponses (CSV, XLSX) avec le livre de codes', en: 'exports responses (CSV, XLSX) with the codebook' },
  stats: { fr: 'statistiques d’échantillon par territoire et par vague', en: 'sample statistics by territory and wave' },
  purge: { fr: 'supprime des réponses (effacement sur demande, durée de conservation)', en: 'deletes responses (erasure on request, retention)' },
  backup: { fr: 'copie cohérente de la base SQLite du collecteur, pendant qu’il tourne', en: 'a consistent copy of the collector’s SQLite database, while it runs' },
  init: { fr: 'écrit le squelette d’une extension territoriale pour un territoire officiel', en: 'writes the skeleton of a territorial extension for an official territory' },
  preview: { fr: 'aperçu en direct d’une extension : questionnaire, formulaire papier, livre de codes', en: 'live preview of an extension: survey, paper form, codebook' },
  report: { fr: 'écrit les chiffres clés, la note sur les employeurs ou le rapport complet (PDF, HTML)', en: 'writes the key figures, the employers note or the full report (PDF, HTML)' },
  analyse: { fr: 'résultats d’un millésime (JSON) avec comparaisons au réseau, au national et au millésime précédent', en: 'results of a wave (JSON) with comparisons to the network, national figures and the previous wave' },
  crosstab: { fr: 'tableau croisé de deux questions, protégé par le secret statistique, avec χ² et V de Cramér', en: 'cross-tabulation of two questions under disclosure control, with chi-square and Cramér’s V' },
  impact: { fr: 'impact d’un nouveau tronc commun sur les extensions du réseau', en: 'impact of a new core on the network’s extensions' },
  reference: { fr: 'répartition attendue des associations par secteur, depuis le RNA', en: 'expected distribution of associations by sector, from the RNA' },
  import: { fr: 'importe dans le collecteur des réponses d’un tableur (export d’olva, Sphinx, LimeSurvey, Excel)', en: 'imports responses from a spreadsheet into the collector (olva export, Sphinx, LimeSurvey, Excel)' },
  token: { fr: 'fabrique un jeton du collecteur et l’entrée de configuration qui porte son empreinte', en: 'makes a collector token and the configuration entry that holds its hash' },
};

/** The version of @olva/cli (its package.json), or `unknown`. */
export function version(): string {
  try {
    return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Prints the list of commands, French then English. */
export function printHelp(io: CommandIO): void {
  sayBoth(io.stdout, { fr: 'Usage : olva <commande> [options]   (olva <commande> --help pour le détail)', en: 'Usage: olva <command> [options]   (olva <command> --help for details)' });
  io.stdout.write('\n');
  const width = Math.max(...COMMAND_NAMES.map((n) => n.length));
  for (const name of COMMAND_NAMES) {
    io.stdout.write(`  ${name.padEnd(width)}  ${SUMMARIES[name].fr}\n  ${' '.repeat(width)}  ${SUMMARIES[name].en}\n`);
  }
  io.stdout.write('\n');
  sayBoth(io.stdout, {
    fr: 'Options communes : --json (sortie pour la CI), --lang fr|en, --help. Codes de sortie : 0 correct, 1 entrée invalide, 2 usage.',
    en: 'Common options: --json (output for CI), --lang fr|en, --help. Exit codes: 0 fine, 1 invalid input, 2 usage.',
  });
}

/**
 * Runs `olva` with `argv` (without the node and script paths). Resolves to the exit code:
 * 0 fine, 1 invalid input, 2 usage (unknown command or option, missing argument).
 */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  let env = io.env ?? process.env;
  const lang = pickLang(argv, env);
  // Global options before the command: the language is passed on through OLVA_LANG, so that
  // every command (whoever wrote it) speaks the same language without parsing --lang itself.
  let args = argv;
  while (args[0] === '--lang' || args[0]?.startsWith('--lang=')) {
    args = args.slice(args[0] === '--lang' ? 2 : 1);
    env = { ...env, OLVA_LANG: lang };
  }
  const [first, ...rest] = args;
  if (first === undefined) {
    printHelp({ ...io, stdout: io.stderr });
    return EXIT.USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    if (rest[0] && isCommand(rest[0])) return main([rest[0], '--help'], io);
    printHelp(io);
    return EXIT.OK;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${version()}\n`);
    return EXIT.OK;
  }
  if (!isCommand(first)) {
    say(io.stderr, lang, { fr: `olva : commande inconnue « ${first} ».`, en: `olva: unknown command "${first}".` });
    say(io.stderr, lang, { fr: `Commandes : ${COMMAND_NAMES.join(', ')} (olva --help).`, en: `Commands: ${COMMAND_NAMES.join(', ')} (olva --help).` });
    return EXIT.USAGE;
  }
  let command;
  try {
    command = await loadCommand(first);
  } catch (error) {
    if (error instanceof CommandUnavailable && error.reason === 'missing') {
      say(io.stderr, lang, { fr: `olva : la commande « ${first} » n’est pas installée dans cette version (module commands/${first}.js absent).`, en: `olva: command "${first}" is not installed in this build (module commands/${first}.js is missing).` });
      return EXIT.USAGE;
    }
    const detail = error instanceof CommandUnavailable ? error.detail : String(error);
    say(io.stderr, lang, { fr: `olva : impossible de charger la commande « ${first} » : ${detail}`, en: `olva: cannot load command "${first}": ${detail}` });
    return EXIT.INVALID;
  }
  try {
    return await command.run(rest, { ...io, env });
  } catch (error) {
    // A command should report bad input itself; anything that escapes is a bug, said plainly.
    say(io.stderr, lang, { fr: `olva ${first} : erreur inattendue : ${(error as Error)?.stack ?? error}`, en: `olva ${first}: unexpected error: ${(error as Error)?.stack ?? error}` });
    return EXIT.INVALID;
  }
}
