/**
 * `olva import`: responses from a spreadsheet into a collector's store: an olva export (CSV,
 * with or without missing-value codes, or NDJSON) or a foreign CSV (Sphinx, LimeSurvey,
 * Excel) through a mapping file. Every row goes through the collector's own intake, as a
 * `POST /v1/responses` would, and its idempotent insert: importing a file again adds nothing;
 * a refused row is reported and does not stop the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCollector, isPostgresUrl, loadConfig, parseReadQuery, sqliteFileOf, type Collector } from '@olva/collector';
import { payloadSchema, personalQuestionIds, type ResponsePayload, type TerritoryLevel } from '@olva/schema';
import { parseCommand } from '../args.js';
import { version } from '../cli.js';
import { commandPrefix, EXIT, pickLang, type Bilingual, type CommandIO } from '../io.js';
import { queryRefusalWords } from '../network-option.js';
import { CommandError, reportError } from './export.js';
import { fileError } from '@olva/compiler/read-json';
import { CsvReadError, csvEncodingNamed, type CsvDelimiter } from '@olva/compiler/csv';
import { readTable } from '../import/table.js';
import { XlsxReadError } from '../import/xlsx-read.js';
import { loadMapping, MappingError, NO_MAPPING, type ImportMapping } from '../import/mapping.js';
import { columnOfPointer, planColumns, type ColumnPlan } from '../import/plan.js';
import { BATCH, ndjsonOffers, offer, type Offer } from '../import/offer.js';
import { RowReader, readTime, type RowDefaults } from '../import/row-payload.js';
import { headerProblems, problemLines, summaryLine, type ImportCounts, type ImportProblem } from '../import/report.js';

export const usage: Bilingual = {
  fr: 'olva import <fichier.csv|.xlsx|.ndjson> --config <olva.config.json> [--questionnaire <id>] [--wave <millésime>] [--territory <niveau:code>] [--channel paper] [--source <nom>] [--mapping <fichier.json>] [--dry-run] [--json] : importe des réponses d’un tableur dans le collecteur',
  en: 'olva import <file.csv|.xlsx|.ndjson> --config <olva.config.json> [--questionnaire <id>] [--wave <wave>] [--territory <level:code>] [--channel paper] [--source <name>] [--mapping <file.json>] [--dry-run] [--json]: imports responses from a spreadsheet into the collector',
};

const help: Bilingual = {
  fr: `${usage.fr}
  <fichier>                 export d'olva (CSV, avec ou sans --missing codes, XLSX ou NDJSON) ou CSV/XLSX d'un autre outil (1re feuille)
  --config <fichier>        configuration du collecteur (base, builds acceptées, millésimes, territoires)
  --database <url>          sqlite:<chemin> ou postgres://… (remplace celle de la configuration)
  --questionnaire <id>      questionnaire (défaut : le seul accepté par la configuration)
  --version <x.y.z>         version du tronc commun (défaut : colonne questionnaire_version, sinon la plus récente acceptée)
  --extension <id[@x.y.z]>  extension territoriale répondue (défaut : colonnes extension_id/extension_version, sinon aucune)
  --wave <millésime>        millésime de toutes les lignes (sinon la colonne wave)
  --territory <niveau:code> territoire de toutes les lignes (sinon les colonnes territory_level/territory_code)
  --channel <canal>         web, paper (défaut), phone ou kiosk (sinon la colonne channel)
  --source <nom>            source (défaut : la colonne source, sinon import-<nom du fichier>)
  --date <AAAA-MM-JJ>       date des lignes sans started_at/submitted_at (défaut : maintenant)
  --mapping <fichier.json>  colonnes et valeurs d'un fichier d'un autre outil (schemas/import-mapping.schema.json)
  --encoding utf-8|windows-1252  encodage (défaut : deviné ; UTF-8 avec ou sans BOM, sinon Windows-1252 ; latin1 est lu en Windows-1252)
  --separator ','|';'|tab   séparateur (défaut : deviné sur l'en-tête)
  --dry-run                 vérifie tout, n'écrit rien
  --json                    résumé et problèmes en JSON (intégration continue)
  Sortie 1 quand une ligne est refusée.`,
  en: `${usage.en}
  <file>                    an olva export (CSV, with or without --missing codes, XLSX or NDJSON) or another tool's CSV/XLSX (first sheet)
  --config <file>           collector configuration (database, accepted builds, waves, territories)
  --database <url>          sqlite:<path> or postgres://… (overrides the configuration's)
  --questionnaire <id>      questionnaire (default: the only one the configuration accepts)
  --version <x.y.z>         core version (default: the questionnaire_version column, else the newest accepted)
  --extension <id[@x.y.z]>  territorial extension answered (default: extension_id/extension_version columns, else none)
  --wave <wave>             wave of every row (else the wave column)
  --territory <level:code>  territory of every row (else the territory_level/territory_code columns)
  --channel <channel>       web, paper (default), phone or kiosk (else the channel column)
  --source <name>           source (default: the source column, else import-<file name>)
  --date <YYYY-MM-DD>       date of rows without started_at/submitted_at (default: now)
  --mapping <file.json>     columns and values of another tool's file (schemas/import-mapping.schema.json)
  --encoding utf-8|windows-1252  encoding (default: guessed; UTF-8 with or without BOM, else Windows-1252; latin1 is read as Windows-1252)
  --separator ','|';'|tab   separator (default: guessed from the header)
  --dry-run                 checks everything, writes nothing
  --json                    summary and problems as JSON (for CI)
  Exit 1 when any row is refused.`,
};

/** The questionnaire id: the option, else the only one the configuration accepts. */
function questionnaireId(collector: Collector, given: string | undefined): string {
  if (given) return given;
  const ids = [...new Set(collector.registry.accepted().map((b) => b.compiled.questionnaire.id))];
  if (ids.length === 1) return ids[0]!;
  throw new CommandError({
    fr: `indiquez --questionnaire (la configuration en accepte ${ids.length} : ${ids.join(', ') || 'aucun'})`,
    en: `give --questionnaire (the configuration accepts ${ids.length}: ${ids.join(', ') || 'none'})`,
  }, EXIT.USAGE);
}

/** Parses `--extension id[@version]`. */
function parseExtension(value: string | undefined): RowDefaults['extension'] {
  if (!value) return undefined;
  const [id, version] = value.split('@');
  return version ? { id: id!, version } : { id: id! };
}

/** Runs `olva import`; resolves to the exit code. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const lang = pickLang(argv, io.env);
  const parsed = parseCommand('import', argv, {
    config: { type: 'string', short: 'c' },
    database: { type: 'string' },
    questionnaire: { type: 'string', short: 'q' },
    version: { type: 'string' },
    extension: { type: 'string' },
    wave: { type: 'string', short: 'w' },
    territory: { type: 'string', short: 't' },
    channel: { type: 'string' },
    source: { type: 'string' },
    date: { type: 'string' },
    mapping: { type: 'string', short: 'm' },
    encoding: { type: 'string' },
    separator: { type: 'string' },
    'dry-run': { type: 'boolean' },
  }, { usage, help }, io);
  if ('exit' in parsed) return parsed.exit;
  const v = parsed.values;
  const usageError = (fr: string, en: string) => reportError('import', new CommandError({ fr, en }, EXIT.USAGE), io, lang);
  if (parsed.positionals.length !== 1) return usageError('donnez un fichier à importer, un seul', 'give one file to import');
  if (!v.config) return usageError('indiquez --config <olva.config.json> (ses builds, millésimes et territoires vérifient chaque ligne)', 'give --config <olva.config.json> (its builds, waves and territories check each row)');
  const encoding = v.encoding === undefined ? undefined : csvEncodingNamed(v.encoding);
  if (v.encoding !== undefined && !encoding) return usageError('--encoding doit valoir utf-8 ou windows-1252', '--encoding must be utf-8 or windows-1252');
  const separators: Record<string, CsvDelimiter> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };
  if (v.separator !== undefined && !Object.hasOwn(separators, v.separator)) return usageError("--separator doit valoir ',', ';' ou tab", "--separator must be ',', ';' or tab");
  const channels = (payloadSchema as { properties: { channel: { enum: string[] } } }).properties.channel.enum;
  if (v.channel !== undefined && !channels.includes(v.channel)) return usageError(`--channel doit valoir ${channels.join(', ')}`, `--channel must be one of ${channels.join(', ')}`);
  const query = parseReadQuery({ wave: v.wave, territory: v.territory }, false);
  if ('error' in query) {
    const words = queryRefusalWords(query);
    return usageError(words.fr, words.en);
  }
  const time = v.date === undefined ? new Date().toISOString() : readTime(v.date);
  if (!time) return usageError(`--date « ${v.date} » : AAAA-MM-JJ ou RFC 3339`, `--date "${v.date}": YYYY-MM-DD or RFC 3339`);
  const file = parsed.positionals[0]!;
  const name = path.basename(file);
  const dryRun = v['dry-run'] === true;

  let collector: Collector | undefined;
  try {
    let mapping: ImportMapping = NO_MAPPING;
    if (v.mapping) mapping = loadMapping(v.mapping);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      const why = fileError(e);
      throw new CommandError({ fr: `${file} : illisible (${why.fr})`, en: `${file}: cannot be read (${why.en})` });
    }
    let config = loadConfig(v.config).config;
    if (v.database) config = { ...config, databaseUrl: v.database };
    // A dry run writes nothing, not even the SQLite file it would fill: a database that does
    // not exist yet is read as an empty one, in memory.
    if (dryRun && !isPostgresUrl(config.databaseUrl) && !fs.existsSync(sqliteFileOf(config.databaseUrl))) config = { ...config, databaseUrl: 'sqlite::memory:' };
    collector = await createCollector({ config, logStream: false });
    const questionnaire = questionnaireId(collector, v.questionnaire);
    const versions = collector.registry.accepted().map((b) => b.compiled).filter((c) => c.questionnaire.id === questionnaire);
    const personal = personalQuestionIds(versions);
    const overrides: Partial<ResponsePayload> = {
      ...(query.waves ? { wave: query.waves[0] } : {}),
      ...(query.territories.length ? { territory: query.territories[0] } : {}),
      ...(v.channel ? { channel: v.channel as ResponsePayload['channel'] } : {}),
      ...(v.source ? { source: v.source } : {}),
    };

    const ndjson = /\.(nd)?jsonl?$/i.test(file) || /^\s*\{/.test(bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, ''));
    let offers: Iterable<Offer>;
    let plan: ColumnPlan | undefined;
    let format: Record<string, unknown> = { format: 'ndjson' };
    if (ndjson) {
      offers = ndjsonOffers(bytes.toString('utf8'), overrides);
    } else {
      const table = await readTable(file, bytes, { ...(encoding ? { encoding } : {}), ...(v.separator ? { delimiter: separators[v.separator] } : {}) });
      format = table.format;
      const { header, rows } = table;
      const emptyColumns = new Set(header.map((_, i) => i).filter((i) => rows.every((r) => !(r.cells[i] ?? '').trim())));
      const planned = planColumns(header, versions, mapping, emptyColumns);
      if (planned.problems.length) {
        return finish(io, lang, { file: name, dryRun, json: v.json === true, format, counts: { read: rows.length, imported: 0, present: 0, refused: 0 }, problems: headerProblems(planned.problems, v.mapping), headerRefused: true });
      }
      const rowPlan = planned.plan;
      plan = rowPlan;
      const reader = new RowReader(rowPlan, versions, mapping, {
        questionnaire,
        ...(v.version ? { version: v.version } : {}),
        ...(v.extension ? { extension: parseExtension(v.extension) } : {}),
        ...(query.territories[0] ? { territory: query.territories[0] as { level: TerritoryLevel; code: string } } : {}),
        ...(query.waves ? { wave: query.waves[0] } : {}),
        ...(v.channel ? { channel: v.channel } : {}),
        ...(v.source ? { source: v.source } : {}),
        fallbackSource: `import-${name}`.slice(0, 64),
        time,
        waves: config.waves ?? [],
        client: { name: 'olva-import', version: version() },
      });
      // Payloads are made as rows are offered, so that memory holds one batch of them.
      offers = (function* rowOffers() {
        for (const row of rows) {
          const { payload, problems } = reader.payload(row.cells);
          yield {
            line: row.line, body: payload,
            problems: problems.map((p) => {
              const c = columnOfPointer(rowPlan, p.pointer);
              return { line: row.line, ...(c !== undefined ? { column: c } : {}), pointer: p.pointer, rule: p.code, message: p.message };
            }),
          };
        }
      })();
    }

    const counts: ImportCounts = { read: 0, imported: 0, present: 0, refused: 0 };
    const problems: ImportProblem[] = [];
    let batch: Offer[] = [];
    const flush = async () => {
      const outcomes = await Promise.all(batch.map((o) => offer(collector!, o, plan, dryRun, personal)));
      batch = [];
      for (const outcome of outcomes) {
        counts[outcome.status] += 1;
        problems.push(...outcome.problems);
      }
    };
    for (const o of offers) {
      counts.read += 1;
      batch.push(o);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return finish(io, lang, { file: name, dryRun, json: v.json === true, format, counts, problems, headerRefused: false });
  } catch (e) {
    if (e instanceof MappingError) {
      for (const p of e.problems) io.stderr.write(`${commandPrefix('import', lang)}${p.file}#${p.pointer}, ${p.rule}${lang === 'fr' ? ' : ' : ': '}${p.message[lang]}\n`);
      return EXIT.INVALID;
    }
    if (e instanceof XlsxReadError) return reportError('import', new CommandError({ fr: `${name} : classeur XLSX illisible : ${e.text.fr}`, en: `${name}: unreadable XLSX workbook: ${e.text.en}` }), io, lang);
    if (e instanceof CsvReadError) return reportError('import', new CommandError({ fr: `${name}:${e.line}, ${e.rule} : ${e.text.fr}`, en: `${name}:${e.line}, ${e.rule}: ${e.text.en}` }), io, lang);
    return reportError('import', e, io, lang);
  } finally {
    await collector?.close();
  }
}

/** What `finish` reports on. */
interface Report {
  file: string;
  dryRun: boolean;
  json: boolean;
  /** How the file was read: its format, and for a CSV its encoding, BOM and separator. */
  format: Record<string, unknown>;
  counts: ImportCounts;
  problems: ImportProblem[];
  /** True when the header stopped the import before any row. */
  headerRefused: boolean;
}

/**
 * Writes the report: with `--json`, one JSON document on stdout; else each problem on stderr
 * and the counts on stdout. Exit 1 when a row (or the header) was refused.
 */
function finish(io: CommandIO, lang: 'fr' | 'en', r: Report): number {
  const failed = r.headerRefused || r.counts.refused > 0;
  if (r.json) {
    io.stdout.write(`${JSON.stringify({ file: r.file, ...r.format, dryRun: r.dryRun, ...r.counts, problems: r.problems }, null, 2)}\n`);
    return failed ? EXIT.INVALID : EXIT.OK;
  }
  for (const line of problemLines(r.file, r.problems, lang)) io.stderr.write(`${line}\n`);
  const sep = lang === 'fr' ? ' : ' : ': ';
  const read = r.format.format === 'csv' ? (lang === 'fr' ? ` (CSV ${r.format.encoding}, séparateur « ${r.format.separator} »)` : ` (CSV ${r.format.encoding}, separator "${r.format.separator}")`)
    : r.format.format === 'xlsx' ? (lang === 'fr' ? ` (XLSX, feuille « ${r.format.sheet} »)` : ` (XLSX, sheet "${r.format.sheet}")`) : '';
  const stopped = r.headerRefused ? (lang === 'fr' ? 'en-tête refusé, aucune ligne importée ; ' : 'header refused, no row imported; ') : '';
  io.stdout.write(`olva import${sep}${r.file}${read}${sep}${stopped}${summaryLine(r.counts, lang, r.dryRun)}\n`);
  return failed ? EXIT.INVALID : EXIT.OK;
}
