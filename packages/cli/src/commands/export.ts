/**
 * `olva export`: the exports of the collector's HTTP API, from the command line, reading the
 * store directly (the database URL of the configuration, or `--database`). Whoever can read
 * the database already reads every territory, so no token is asked for. The answers of
 * questions marked personal are still left out unless `--personal` asks for them, as the HTTP
 * exports leave them out for a token without `export-personal`.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  codebookCsv, codebookEntries, codebookMarkdown, ConfigError, createCollector, databaseErrorText, DatabaseUrlError, csvReadable, exportBaseName, exportedResponses, exportedVersions,
  exportVersions, harmonise as harmoniseVersions, leftOut, loadConfig, ndjsonReadable, openStore, parseMissing, parseReadQuery, personalNote, personalPolicy, writeXlsx,
  type CollectorConfig, type ReadQuery, type ResponseFilter, type ResponseStore,
} from '@olva/collector';
import { AnalysisError } from '@olva/analysis';
import type { CompiledQuestionnaire } from '@olva/schema';
import { parseCommand } from '../args.js';
import { reportConfigError } from '../config-problems.js';
import { queryRefusalWords } from '../network-option.js';
import { commandPrefix, EXIT, pickLang, type Bilingual, type CommandIO, type Lang, type Output } from '../io.js';

export const usage: Bilingual = {
  fr: 'olva export --config <olva.config.json> --questionnaire <id> [--wave <millésime>] [--territory <niveau:code>] [--format csv|xlsx|codebook|codebook-md|ndjson|questionnaires] [--personal] [--out <fichier>] : exporte les réponses ou le dictionnaire des variables',
  en: 'olva export --config <olva.config.json> --questionnaire <id> [--wave <wave>] [--territory <level:code>] [--format csv|xlsx|codebook|codebook-md|ndjson|questionnaires] [--personal] [--out <file>]: exports responses or the codebook',
};

const help: Bilingual = {
  fr: `${usage.fr}
  --config <fichier>        configuration du collecteur (base de données, builds acceptés)
  --database <url>          sqlite:<chemin> ou postgres://… (remplace celle de la configuration)
  --questionnaire <id>      questionnaire à exporter (obligatoire), p. ex. olva-core
  --wave <millésime>        millésime (répétable) ; absent : tous
  --territory <niveau:code> territoire (répétable), p. ex. commune:35238 ; absent : tous
  --format <format>         csv (défaut), xlsx (feuilles réponses, libellés, codebook), codebook (CSV), codebook-md,
                            ndjson (une charge utile olva-response par ligne, pour olva analyse --responses),
                            questionnaires (les versions compilées répondues, tableau JSON, pour olva analyse --build)
  --labels                  CSV : libellés au lieu des codes
  --locale fr|en            langue des libellés (défaut fr)
  --separator ';'           CSV : séparateur point-virgule (tableurs français)
  --missing codes           valeurs manquantes en codes : -7 non posée, -8 laissée vide, -9 absente de la version (défaut : cellules vides)
  --harmonise               une seule série de colonnes pour toutes les versions du tronc commun, par leurs tables de passage
  --personal                inclut les réponses aux questions marquées personnelles (nom, RNA, courriel, commentaire) ;
                            sans lui elles sont laissées de côté, comme pour un jeton sans le droit export-personal
  --out <fichier>           fichier de sortie (obligatoire pour xlsx) ; absent : sortie standard`,
  en: `${usage.en}
  --config <file>           collector configuration (database, accepted builds)
  --database <url>          sqlite:<path> or postgres://… (overrides the configuration's)
  --questionnaire <id>      questionnaire to export (required), e.g. olva-core
  --wave <wave>             wave (repeatable); absent: all
  --territory <level:code>  territory (repeatable), e.g. commune:35238; absent: all
  --format <format>         csv (default), xlsx (codes, labels and codebook sheets), codebook (CSV), codebook-md,
                            ndjson (one olva-response payload per line, for olva analyse --responses),
                            questionnaires (the compiled versions answered, a JSON array, for olva analyse --build)
  --labels                  CSV: labels instead of codes
  --locale fr|en            language of labels (default fr)
  --separator ';'           CSV: semicolon separator (French spreadsheets)
  --missing codes           missing values as codes: -7 not asked, -8 left blank, -9 not in the version answered (default: empty cells)
  --harmonise               one column set across the core's versions, through their crosswalks
  --personal                include the answers of questions marked personal (name, RNA, e-mail, comment);
                            without it they are left out, as for a token without the export-personal right
  --out <file>              output file (required for xlsx); absent: standard output`,
};

/** Options shared by `olva export` and `olva stats`. */
export const readOptions = {
  config: { type: 'string', short: 'c' },
  database: { type: 'string' },
  questionnaire: { type: 'string', short: 'q' },
  wave: { type: 'string', short: 'w', multiple: true },
  territory: { type: 'string', short: 't', multiple: true },
} as const;

/** What a read command opened: call `close` when done. */
export interface OpenedRead {
  store: ResponseStore;
  query: ReadQuery;
  filter: ResponseFilter;
  /** Every known compiled version (accepted builds and versions kept in the store). */
  known: CompiledQuestionnaire[];
  config: CollectorConfig | null;
  close(): Promise<void>;
}

/** A user-facing error: printed without a stack. */
export class CommandError extends Error {
  constructor(readonly text: Bilingual, readonly exitCode: number = EXIT.INVALID) {
    super(text.en);
  }
}

/**
 * Opens the store and parses the read options common to export and stats. With a
 * configuration, the collector is built (not started) so that its builds and kept versions
 * give the codebooks; `--database` alone reads the versions kept in the store.
 */
export async function openRead(values: Record<string, unknown>, requireQuestionnaire: boolean): Promise<OpenedRead> {
  if (!values.config && !values.database) {
    throw new CommandError({ fr: 'indiquez --config <olva.config.json> ou --database <url>', en: 'give --config <olva.config.json> or --database <url>' }, EXIT.USAGE);
  }
  const query = parseReadQuery({ questionnaire: values.questionnaire, wave: values.wave, territory: values.territory }, requireQuestionnaire);
  if ('error' in query) throw new CommandError(queryRefusalWords(query), EXIT.USAGE);
  const filter: ResponseFilter = { territories: query.territories.length ? query.territories : 'all' };
  if (query.questionnaire) filter.questionnaireId = query.questionnaire;
  if (query.waves) filter.waves = query.waves;
  if (values.config) {
    let config = loadConfig(values.config as string).config;
    if (values.database) config = { ...config, databaseUrl: values.database as string };
    // A reading command never creates the database it was pointed at: a wrong path is said, not read as empty.
    const collector = await createCollector({ config, logStream: false, databaseMustExist: true }).catch(inWords(config.databaseUrl));
    try {
      const known = await collector.registry.all();
      return { store: collector.store, query, filter, known, config, close: () => collector.close() };
    } catch (e) {
      await collector.close();
      throw e;
    }
  }
  const store = await openStore(values.database as string, { mustExist: true }).catch(inWords(values.database as string));
  try {
    const known = await store.listQuestionnaires();
    return { store, query, filter, known, config: null, close: () => store.close() };
  } catch (e) {
    await store.close();
    throw e;
  }
}

/** Rethrows a database that cannot be opened as a `CommandError` in both languages (SQLite's and PostgreSQL's words are English). */
function inWords(url: string): (error: unknown) => never {
  return (error) => {
    const said = databaseErrorText(error, url);
    throw said ? new CommandError(said) : error;
  };
}

/** Reports an error in the chosen language; returns the exit code. */
export function reportError(command: string, e: unknown, io: CommandIO, lang: Lang): number {
  const prefix = commandPrefix(command, lang);
  if (e instanceof CommandError) {
    io.stderr.write(`${prefix}${e.text[lang]}\n`);
    return e.exitCode;
  }
  // A configuration's problems are worded in the command's language, not the environment's.
  if (e instanceof ConfigError) {
    return reportConfigError(io.stderr, lang, { fr: `${commandPrefix(command, 'fr')}configuration invalide :`, en: `${commandPrefix(command, 'en')}invalid configuration:` }, e);
  }
  if (e instanceof DatabaseUrlError) {
    io.stderr.write(`${prefix}--database ${e.text[lang]}\n`);
    return EXIT.USAGE;
  }
  if (e instanceof AnalysisError && e.text) {
    io.stderr.write(`${prefix}${e.pointer}: [${e.rule}] ${e.text[lang]}\n`);
    return EXIT.INVALID;
  }
  io.stderr.write(`${prefix}${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.INVALID;
}

/** Writes to an output, waiting for it to drain when it is a stream that asks to. */
async function write(out: Output, chunk: string): Promise<void> {
  const ok = out.write(chunk);
  const emitter = out as unknown as NodeJS.EventEmitter;
  if (ok === false && typeof emitter.once === 'function') await once(emitter, 'drain');
}

/** Runs `olva export`; resolves to the exit code. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const parsed = parseCommand('export', argv, {
    ...readOptions,
    format: { type: 'string', short: 'f', default: 'csv' },
    out: { type: 'string', short: 'o' },
    labels: { type: 'boolean' },
    locale: { type: 'string', default: 'fr' },
    separator: { type: 'string', default: ',' },
    missing: { type: 'string', default: 'empty' },
    harmonise: { type: 'boolean' },
    personal: { type: 'boolean' },
  }, { usage, help }, io);
  if ('exit' in parsed) return parsed.exit;
  const v = parsed.values;
  const formats = ['csv', 'xlsx', 'codebook', 'codebook-md', 'ndjson', 'questionnaires'];
  const usageError = (fr: string, en: string) => reportError('export', new CommandError({ fr, en }, EXIT.USAGE), io, lang);
  if (parsed.positionals.length) return usageError(`argument inattendu « ${parsed.positionals[0]} »`, `unexpected argument "${parsed.positionals[0]}"`);
  if (!formats.includes(v.format!)) return usageError(`--format doit valoir ${formats.join(', ')}`, `--format must be one of ${formats.join(', ')}`);
  if (v.locale !== 'fr' && v.locale !== 'en') return usageError('--locale doit valoir fr ou en', '--locale must be fr or en');
  if (v.separator !== ',' && v.separator !== ';') return usageError("--separator doit valoir ',' ou ';'", "--separator must be ',' or ';'");
  const missing = parseMissing(v.missing);
  if (missing === null) return usageError('--missing doit valoir empty ou codes', '--missing must be empty or codes');
  if (v.format === 'xlsx' && !v.out) return usageError('--format xlsx demande --out <fichier.xlsx>', '--format xlsx needs --out <file.xlsx>');
  let opened: OpenedRead | undefined;
  try {
    opened = await openRead(v, true);
    const { store, query, filter } = opened;
    const whole = exportVersions(opened.known, query.questionnaire!, filter.territories);
    if (!whole.length) {
      throw new CommandError({
        fr: `aucune version du questionnaire « ${query.questionnaire} » n’est connue (vérifiez --config ou la base)`,
        en: `no version of questionnaire "${query.questionnaire}" is known (check --config or the database)`,
      });
    }
    const personal = personalPolicy(opened.known, query.questionnaire!, v.personal === true);
    const compiled = exportedVersions(whole, personal);
    const omitted = leftOut(personal);
    if (omitted.length && v.format !== 'questionnaires') {
      io.stderr.write(lang === 'fr'
        ? `olva export : réponses personnelles laissées de côté (${omitted.join(', ')}) ; --personal pour les inclure\n`
        : `olva export: personal answers left out (${omitted.join(', ')}); --personal to include them\n`);
    }
    const separator = v.separator as ',' | ';';
    const locale = v.locale as 'fr' | 'en';
    const harmonise = v.harmonise === true;
    const codebook = { missing, ...(harmonise ? { harmonisation: harmoniseVersions(compiled) } : {}) };
    if (v.format === 'xlsx') {
      const file = fs.createWriteStream(v.out!);
      await writeXlsx(compiled, () => store.stream(filter), file, { locale, missing, harmonise });
    } else {
      const body = v.format === 'csv'
        ? csvReadable(compiled, store.stream(filter), { separator, mode: v.labels ? 'labels' : 'codes', locale, missing, harmonise })
        : v.format === 'ndjson'
          ? ndjsonReadable(exportedResponses(store.stream(filter), personal))
          : Readable.from([v.format === 'codebook'
            ? codebookCsv(codebookEntries(compiled, undefined, codebook), separator)
            : v.format === 'questionnaires'
              ? `${JSON.stringify(whole)}\n`
              : codebookMarkdown(codebookEntries(compiled, undefined, codebook), exportBaseName(query), personalNote(personal))]);
      if (v.out) {
        await pipeline(body, fs.createWriteStream(v.out));
      } else {
        for await (const chunk of body) await write(io.stdout, typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
      }
    }
    if (v.out) io.stderr.write(lang === 'fr' ? `olva export : ${v.format} écrit dans ${v.out}\n` : `olva export: ${v.format} written to ${v.out}\n`);
    return EXIT.OK;
  } catch (e) {
    return reportError('export', e, io, lang);
  } finally {
    await opened?.close();
  }
}
