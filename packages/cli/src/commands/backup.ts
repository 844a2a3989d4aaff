/**
 * `olva backup --out <file>`: a consistent copy of an SQLite collector's database, made while
 * the collector runs (`backupSqlite` of @olva/collector: one snapshot, checked, renamed into
 * place). Restoring is starting the collector on the copy. A PostgreSQL database is backed up
 * by PostgreSQL's own tools: the command says which, with the URL's password masked.
 */
import {
  BackupError, ConfigError, databaseErrorWords, isPostgresUrl, loadConfig, maskUrl, sqliteFileOf, backupSqlite, type BackupReport,
} from '@olva/collector';
import { counted } from '@olva/schema';
import { parseCommand } from '../args.js';
import { reportConfigError } from '../config-problems.js';
import { printJson } from '../report.js';
import { EXIT, pickLang, say, type Bilingual, type CommandIO } from '../io.js';

export const usage: Bilingual = {
  fr: 'olva backup --out <fichier.sqlite> [--config <olva.config.json>] [--database <url>] [--force] [--json] : copie cohérente de la base SQLite du collecteur, pendant qu’il tourne',
  en: 'olva backup --out <file.sqlite> [--config <olva.config.json>] [--database <url>] [--force] [--json]: a consistent copy of the collector’s SQLite database, while it runs',
};

const help: Bilingual = {
  fr: `${usage.fr}
  Copier le fichier avec cp n’est pas une sauvegarde : les dernières réponses sont dans le journal
  (-wal) tant qu’il n’est pas reporté. olva backup lit un seul instantané, sans arrêter la collecte,
  vérifie la copie (integrity_check) et ne la met en place qu’entière.
  --out <fichier>       la copie (refusée si elle existe, sauf --force)
  --database <url>      sqlite:<chemin> (défaut : la base de la configuration)
  --force               remplace une copie existante
  Restaurer : arrêtez le collecteur, remplacez la base par la copie, relancez-le. Une copie garde les
  réponses personnelles : conservez-la sous la même durée que la base, et rejouez les effacements
  faits depuis (olva purge --submission). PostgreSQL : pg_dump.`,
  en: `${usage.en}
  Copying the file with cp is not a backup: the latest responses are in the log (-wal) until it is
  checkpointed. olva backup reads one snapshot without stopping the collection, checks the copy
  (integrity_check) and puts it in place only whole.
  --out <file>          the copy (refused if it exists, unless --force)
  --database <url>      sqlite:<path> (default: the configuration's database)
  --force               replaces an existing copy
  Restoring: stop the collector, replace the database with the copy, start it again. A copy keeps
  personal answers: keep it under the same retention as the database, and replay the erasures made
  since (olva purge --submission). PostgreSQL: pg_dump.`,
};

/** Why `backupSqlite` refused, in both languages. */
function refusal(error: BackupError): Bilingual {
  const f = error.file;
  switch (error.code) {
    case 'backup/no-database': return { fr: `pas de base à sauvegarder : ${f} n’existe pas (le collecteur n’a encore rien reçu, ou --database/--config ne désignent pas la bonne)`, en: `nothing to back up: ${f} does not exist (the collector has received nothing yet, or --database/--config do not name the right one)` };
    case 'backup/not-olva': return { fr: `${f} n’est pas une base de collecteur olva (pas de table olva_responses)`, en: `${f} is not an olva collector's database (no table olva_responses)` };
    case 'backup/exists': return { fr: `${f} existe déjà : choisissez un autre --out, ou --force pour le remplacer`, en: `${f} already exists: choose another --out, or --force to replace it` };
    case 'backup/same-file': return { fr: `la copie écraserait la base elle-même (${f}) : choisissez un autre --out`, en: `the copy would overwrite the database itself (${f}): choose another --out` };
    case 'backup/no-directory': return { fr: `le répertoire ${f} n’existe pas : créez-le d’abord`, en: `directory ${f} does not exist: create it first` };
    case 'backup/corrupt': return { fr: `la copie n’a pas passé la vérification d’intégrité de SQLite et n’a pas été gardée (${error.message})`, en: `the copy failed SQLite's integrity check and was not kept (${error.message})` };
  }
}

/** The report of a backup, in both languages. */
function done(r: BackupReport, source: string): Bilingual {
  const mb = (r.bytes / 1_048_576).toFixed(1);
  return {
    fr: `✓ ${r.file} (${mb.replace('.', ',')} Mo) : copie cohérente de ${source} — ${counted('fr', r.responses, 'réponse', 'réponses')}, ${counted('fr', r.questionnaires, 'version de questionnaire', 'versions de questionnaire')}, ${counted('fr', r.publications, 'acte de publication', 'actes de publication')}, ${counted('fr', r.exclusions, 'doublon écarté', 'doublons écartés')}, ${counted('fr', r.erased, 'effacement mémorisé', 'effacements mémorisés')}. Vérifiée (integrity_check).`,
    en: `✓ ${r.file} (${mb} MB): consistent copy of ${source} — ${counted('en', r.responses, 'response', 'responses')}, ${counted('en', r.questionnaires, 'questionnaire version', 'questionnaire versions')}, ${counted('en', r.publications, 'act of publication', 'acts of publication')}, ${counted('en', r.exclusions, 'duplicate set aside', 'duplicates set aside')}, ${counted('en', r.erased, 'erasure remembered', 'erasures remembered')}. Checked (integrity_check).`,
  };
}

/** Runs `olva backup`; resolves to the exit code. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const env = io.env ?? process.env;
  const lang = pickLang(argv, env);
  const parsed = parseCommand('backup', argv, {
    out: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' }, database: { type: 'string' }, force: { type: 'boolean' },
  }, { usage, help }, io);
  if ('exit' in parsed) return parsed.exit;
  const v = parsed.values;
  const fail = (text: Bilingual, exit: number = EXIT.INVALID): number => {
    say(io.stderr, lang, { fr: `olva backup : ${text.fr}`, en: `olva backup: ${text.en}` });
    return exit;
  };
  if (!v.out) return fail({ fr: '--out <fichier.sqlite> manque : où écrire la copie ?', en: '--out <file.sqlite> is missing: where should the copy go?' }, EXIT.USAGE);
  let url: string;
  try {
    url = loadConfig(v.config ?? 'olva.config.json', { ...env, ...(v.database ? { OLVA_DATABASE_URL: v.database } : {}) } as NodeJS.ProcessEnv).config.databaseUrl;
  } catch (error) {
    if (error instanceof ConfigError) return reportConfigError(io.stderr, lang, { fr: 'olva backup : configuration invalide :', en: 'olva backup: invalid configuration:' }, error);
    return fail({ fr: (error as Error).message, en: (error as Error).message });
  }
  if (isPostgresUrl(url)) {
    const command = `pg_dump --format=custom --file=${v.out} '${maskUrl(url)}'`;
    return fail({
      fr: `la base est PostgreSQL (${maskUrl(url)}) : sauvegardez-la avec les outils de PostgreSQL, qui la lisent en un instantané pendant que le collecteur tourne : ${command} (restauration : pg_restore).`,
      en: `the database is PostgreSQL (${maskUrl(url)}): back it up with PostgreSQL's tools, which read one snapshot while the collector runs: ${command} (restore: pg_restore).`,
    });
  }
  const file = sqliteFileOf(url);
  if (file === ':memory:') return fail({ fr: 'la base est en mémoire (sqlite::memory:) : rien ne reste à sauvegarder', en: 'the database is in memory (sqlite::memory:): nothing lasts to back up' });
  let report: BackupReport;
  try {
    report = backupSqlite(file, v.out, { overwrite: v.force === true });
  } catch (error) {
    if (error instanceof BackupError) return fail(refusal(error));
    const said = databaseErrorWords(error, url);
    return fail({ fr: `la copie a échoué : ${said.fr}`, en: `the copy failed: ${said.en}` });
  }
  if (v.json) printJson(io.stdout, { backup: report, source: url });
  else say(io.stdout, lang, done(report, file));
  return EXIT.OK;
}
