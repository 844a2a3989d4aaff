/**
 * Where `olva analyse` and `olva crosstab` read responses from: the collector's store (through
 * its streaming read, `--config` or `--database`), or an NDJSON file of `olva-response`
 * payloads (`olva export --format ndjson`) with the compiled versions they answered (`--build`:
 * build directories, or the JSON file of `olva export --format questionnaires`). Either way the
 * responses are streamed: never all in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkNationalReferences, disclosureRuleProblems, disclosureRules, readNdjsonPayloads, NETWORK_TERRITORY, type TerritoryRef, type DisclosureRules, type ExpectedSectors, type NationalReferences, type PayloadProblem } from '@olva/analysis';
import { parseTerritoryQuery, TerritoryDirectory, type CollectorConfig } from '@olva/collector';
import { COMPILED_FORMAT_VERSION, territoryKey, versionKeyOf, versionKeyString, type CompiledQuestionnaire, type ResponsePayload } from '@olva/schema';
import { validateDocument } from '@olva/schema/validate';
import { schemaProblemMessage } from '@olva/compiler/schema-messages';
import { nationalReferencesPath } from '@olva/core-questionnaire';
import { parseCommand, type COMMON_OPTIONS, type OptionSpec, type OptionValues } from './args.js';
import { EXIT, pickLang, type Bilingual, type CommandIO, type Lang } from './io.js';
import { CommandError, openRead, reportError } from './commands/export.js';
import { readJsonFile } from '@olva/compiler/read-json';

/** The input options both commands accept. */
export const inputOptions = {
  config: { type: 'string', short: 'c' },
  database: { type: 'string' },
  questionnaire: { type: 'string', short: 'q' },
  responses: { type: 'string', short: 'r', multiple: true },
  build: { type: 'string', short: 'b', multiple: true },
  rules: { type: 'string' },
} as const;

/** Help lines of the input options. */
export const inputHelp = {
  fr: `  --config <fichier>        lit la base du collecteur (SQLite ou PostgreSQL) et ses builds
  --database <url>          sqlite:<chemin> ou postgres://… (remplace celle de la configuration)
  --questionnaire <id>      seulement ce questionnaire (défaut : tous)
  --responses <f.ndjson>    ou : un fichier NDJSON de réponses (olva export --format ndjson ; répétable, une
                            réponse présente dans plusieurs fichiers comptée une fois)…
  --build <dossier|f.json>  …avec les versions compilées répondues (répétable : dossiers de olva build,
                            ou le fichier de olva export --format questionnaires)
  --rules <f.json>          seuils du secret {"minCell": 3, "smallBase": 30, "minBase": 10} (défaut : la clé
                            "disclosure" de la configuration, sinon ceux-ci)`,
  en: `  --config <file>           reads the collector's database (SQLite or PostgreSQL) and its builds
  --database <url>          sqlite:<path> or postgres://… (overrides the configuration's)
  --questionnaire <id>      only this questionnaire (default: all)
  --responses <f.ndjson>    or: an NDJSON file of responses (olva export --format ndjson; repeatable, a
                            response in several files counted once)…
  --build <dir|f.json>      …with the compiled versions answered (repeatable: olva build directories,
                            or the file of olva export --format questionnaires)
  --rules <f.json>          disclosure thresholds {"minCell": 3, "smallBase": 30, "minBase": 10} (default: the
                            configuration's "disclosure" key, else these)`,
};

/** An opened input: the versions, a stream of payloads, and what the configuration says of the sample. */
export interface AnalysisInput {
  compiled: CompiledQuestionnaire[];
  /** The payloads, of the given waves only when some are given (the store filters them itself). */
  responses(waves?: readonly string[]): AsyncIterable<ResponsePayload>;
  /**
   * How many responses the last pass of `responses` met again (same `submissionId`) in the
   * NDJSON files and left out: an EPCI's export holds its communes' responses too.
   */
  repeated?: () => number;
  expected?: ExpectedSectors[];
  sectorQuestion?: string;
  /** The configuration's disclosure thresholds (`disclosure`), used when `--rules` is not given. */
  rules?: DisclosureRules;
  /**
   * Which territory lies inside which: the official geography, the configuration's custom
   * territories and the builds'. Loaded when first asked (a second of start-up otherwise paid
   * by every crosstab and every analysis of all territories).
   */
  territories(): TerritoryDirectory;
  close(): Promise<void>;
}

/** The territories as the collector knows them (official, the configuration's custom ones, those of the builds' extensions), loaded on first use. */
function directoryOf(compiled: readonly CompiledQuestionnaire[], config?: Pick<CollectorConfig, 'customTerritories'>): () => TerritoryDirectory {
  let territories: TerritoryDirectory | undefined;
  return () => {
    if (territories) return territories;
    territories = new TerritoryDirectory(config?.customTerritories);
    for (const c of compiled) if (c.territory?.level === 'custom' && c.territory.communes) territories.addCustom(c.territory.code, c.territory.communes);
    return territories;
  };
}

const fail = (fr: string, en: string, code: number = EXIT.INVALID) => new CommandError({ fr, en }, code);

/** The content of a JSON file, or a `CommandError` worded by `message` from why it has none. */
export function jsonFileOrFail(file: string, message: (why: Bilingual) => Bilingual): unknown {
  const read = readJsonFile(file);
  if ('why' in read) throw new CommandError(message(read.why));
  return read.value;
}

const isCompiled = (v: unknown): v is CompiledQuestionnaire =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'olva-compiled-questionnaire' && (v as { formatVersion?: unknown }).formatVersion === COMPILED_FORMAT_VERSION;

/** The compiled versions of a build directory or of a JSON file (one compiled questionnaire or an array). */
export function loadBuild(where: string): CompiledQuestionnaire[] {
  let file = where;
  try {
    if (fs.statSync(where).isDirectory()) file = path.join(where, 'questionnaire.json');
  } catch {
    throw fail(`${where} : ni dossier de build ni fichier (introuvable)`, `${where}: neither a build directory nor a file (not found)`);
  }
  const value = jsonFileOrFail(file, (why) => ({
    fr: `${file} : illisible (${why.fr}) ; lancez olva build, ou donnez le fichier de olva export --format questionnaires`,
    en: `${file}: cannot be read (${why.en}); run olva build, or give the file of olva export --format questionnaires`,
  }));
  const list = Array.isArray(value) ? value : [value];
  list.forEach((c, i) => {
    if (!isCompiled(c)) {
      const at = Array.isArray(value) ? `#/${i}` : '';
      throw fail(`${file}${at} : pas un questionnaire compilé de cette version d’olva (kind "olva-compiled-questionnaire", formatVersion ${COMPILED_FORMAT_VERSION})`,
        `${file}${at}: not a compiled questionnaire of this version of olva (kind "olva-compiled-questionnaire", formatVersion ${COMPILED_FORMAT_VERSION})`);
    }
  });
  return list as CompiledQuestionnaire[];
}

/**
 * Parses `--territory level:code`: a territory payloads name, or the network (`network:all`,
 * every response pooled, decision 0018), which the collector's query parser leaves out since
 * no token scope names it.
 */
export function parseTerritoryOption(value: string | undefined): TerritoryRef | undefined {
  if (value === undefined) return undefined;
  if (value.trim().startsWith(`${NETWORK_TERRITORY.level}:`)) {
    if (value.trim() === territoryKey(NETWORK_TERRITORY)) return { ...NETWORK_TERRITORY };
    throw fail(`--territory : le réseau n’a qu’un code, ${territoryKey(NETWORK_TERRITORY)} (toutes les réponses regroupées), lu « ${value} »`,
      `--territory: the network has one code only, ${territoryKey(NETWORK_TERRITORY)} (every response pooled), got "${value}"`, EXIT.USAGE);
  }
  const parsed = parseTerritoryQuery(value);
  if ('error' in parsed || parsed.length !== 1) {
    // The collector's words list the levels a payload names; here the network is one more.
    const network = territoryKey(NETWORK_TERRITORY);
    throw fail(`--territory : ${'error' in parsed ? parsed.error.fr : 'un seul territoire niveau:code'} ; ou ${network} pour l’ensemble du réseau`,
      `--territory: ${'error' in parsed ? parsed.error.en : 'one territory level:code'}; or ${network} for the whole network`, EXIT.USAGE);
  }
  return parsed[0]!;
}

/** The national references: the file given, the bundled one by default, none with `none`. */
export function loadReferences(option: string | undefined): NationalReferences | undefined {
  if (option === 'none') return undefined;
  const file = option ?? nationalReferencesPath;
  const value = jsonFileOrFail(file, (why) => ({ fr: `${file} : repères nationaux illisibles (${why.fr})`, en: `${file}: national references cannot be read (${why.en})` }));
  return checkNationalReferences(value, file);
}

/** Opens the store or the NDJSON file named by the options. */
export async function openAnalysisInput(values: Record<string, unknown>): Promise<AnalysisInput> {
  const builds = (values.build as string[] | undefined) ?? [];
  if (values.responses) {
    if (values.config || values.database) throw fail('--responses exclut --config et --database', '--responses excludes --config and --database', EXIT.USAGE);
    if (!builds.length) throw fail('--responses demande --build <dossier|fichier> (les versions compilées répondues)', '--responses needs --build <dir|file> (the compiled versions answered)', EXIT.USAGE);
    const files = values.responses as string[];
    for (const file of files) if (!fs.existsSync(file)) throw fail(`${file} : fichier introuvable`, `${file}: no such file`);
    const compiled = builds.flatMap(loadBuild);
    const known = new Set(compiled.map((c) => versionKeyString(versionKeyOf(c))));
    const validate = (p: unknown): PayloadProblem[] => {
      const problems: PayloadProblem[] = validateDocument('payload', p)
        .map((x) => ({ pointer: x.pointer, rule: x.rule, message: x.message, fr: schemaProblemMessage(x).fr }));
      if (problems.length) return problems;
      const payload = p as ResponsePayload;
      if (known.has(versionKeyString(payload))) return [];
      const answered = `${payload.questionnaire.id} ${payload.questionnaire.version}${payload.extension ? ` + ${payload.extension.id} ${payload.extension.version}` : ''}`;
      return [{ pointer: '/questionnaire', rule: 'analysis/unknown-version', message: `answered ${answered}, which no --build gives`, fr: `répondue avec ${answered}, qu’aucun --build ne donne` }];
    };
    const wanted = values.questionnaire as string | undefined;
    let repeated = 0;
    return {
      compiled,
      territories: directoryOf(compiled),
      async *responses(waves) {
        // The files of several collectors (or of an EPCI and one of its communes) may share
        // responses: each counts once, by its id, as the store keeps it once.
        const seen = new Set<string>();
        repeated = 0;
        for (const file of files) {
          for await (const p of readNdjsonPayloads(fs.createReadStream(file), { source: file, validate })) {
            if (wanted && p.questionnaire.id !== wanted) continue;
            if (waves && !waves.includes(p.wave)) continue;
            if (seen.has(p.submissionId)) { repeated += 1; continue; }
            seen.add(p.submissionId);
            yield p;
          }
        }
      },
      repeated: () => repeated,
      close: async () => {},
    };
  }
  if (builds.length) throw fail('--build va avec --responses ; avec --config, les builds viennent de la configuration', '--build goes with --responses; with --config, the builds come from the configuration', EXIT.USAGE);
  const opened = await openRead({ config: values.config, database: values.database, questionnaire: values.questionnaire }, false);
  const stats = opened.config?.stats;
  return {
    compiled: opened.known.filter((c) => !opened.filter.questionnaireId || c.questionnaire.id === opened.filter.questionnaireId),
    territories: directoryOf(opened.known, opened.config ?? undefined),
    async *responses(waves) {
      for await (const r of opened.store.stream({ ...opened.filter, ...(waves ? { waves: [...waves] } : {}) })) yield r.payload;
    },
    ...(stats?.expected ? { expected: stats.expected } : {}),
    ...(stats?.sectorQuestion ? { sectorQuestion: stats.sectorQuestion } : {}),
    ...(opened.config?.disclosure ? { rules: opened.config.disclosure } : {}),
    close: () => opened.close(),
  };
}

/**
 * Parses the arguments of `olva analyse` or `olva crosstab`: a usage error, `--help`, a stray
 * argument or no input given end the command (`exit`); otherwise the values and language.
 */
export function parseAnalysisArgs<O extends Record<string, OptionSpec>>(command: string, argv: string[], options: O, text: { usage: Bilingual; help: Bilingual }, io: CommandIO):
  { exit: number } | { values: OptionValues<O & typeof inputOptions & typeof COMMON_OPTIONS>; lang: Lang; usageError: (fr: string, en: string) => number } {
  const lang = pickLang(argv, io.env);
  const parsed = parseCommand(command, argv, { ...inputOptions, ...options }, text, io);
  if ('exit' in parsed) return parsed;
  const values = parsed.values as OptionValues<O & typeof inputOptions & typeof COMMON_OPTIONS>;
  const usageError = (fr: string, en: string) => reportError(command, new CommandError({ fr, en }, EXIT.USAGE), io, lang);
  if (parsed.positionals.length) return { exit: usageError(`argument inattendu « ${parsed.positionals[0]} »`, `unexpected argument "${parsed.positionals[0]}"`) };
  const v = values as Record<string, unknown>;
  if (!v.config && !v.database && !v.responses) {
    return { exit: usageError('indiquez --config <olva.config.json> ou --responses <réponses.ndjson> --build <dossier>', 'give --config <olva.config.json> or --responses <payloads.ndjson> --build <dir>') };
  }
  return { values, lang, usageError };
}

/** The disclosure thresholds of `--rules <file.json>`, checked; the defaults without it. */
export function loadRules(file: string | undefined): DisclosureRules | undefined {
  if (!file) return undefined;
  const value = jsonFileOrFail(file, (why) => ({ fr: `${file} : seuils illisibles (${why.fr})`, en: `${file}: thresholds cannot be read (${why.en})` }));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw fail(`${file} : un objet {minCell, smallBase, minBase}`, `${file}: an object {minCell, smallBase, minBase}`);
  }
  const extra = Object.keys(value).find((k) => !['minCell', 'smallBase', 'minBase'].includes(k));
  if (extra !== undefined) throw fail(`${file}#/${extra} : seuil inconnu (minCell, smallBase, minBase)`, `${file}#/${extra}: unknown threshold (minCell, smallBase, minBase)`);
  const [problem] = disclosureRuleProblems(value as Record<string, unknown>);
  if (problem) throw fail(`${file}#${problem.pointer} : ${problem.message.fr}`, `${file}#${problem.pointer}: ${problem.message.en}`);
  return disclosureRules(value as Partial<DisclosureRules>);
}

/** Reads `--expected` (of `olva analyse` and `olva stats`): a JSON array of { territory, wave?, source?, sectors }. */
export function readExpected(file: string): ExpectedSectors[] {
  const value = jsonFileOrFail(file, (why) => ({ fr: `${file} : répartitions attendues illisibles : ${why.fr}`, en: `${file}: cannot read the expected distributions: ${why.en}` }));
  if (!Array.isArray(value) || value.some((e) => typeof e?.territory?.code !== 'string' || typeof e?.sectors !== 'object')) {
    throw new CommandError({ fr: `${file} : doit être un tableau JSON de {territory, sectors}`, en: `${file}: must be a JSON array of {territory, sectors}` });
  }
  return value as ExpectedSectors[];
}
