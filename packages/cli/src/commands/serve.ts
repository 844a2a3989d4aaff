/**
 * `olva serve [--config olva.config.json]`: runs the collector. An invalid configuration
 * stops it before it starts, with every reason (file, pointer, rule) and exit code 1.
 * Environment variables (OLVA_PORT, OLVA_HOST, OLVA_DATABASE_URL, OLVA_TOKENS…) override the file.
 */
import { closeOnSignals, ConfigError, createCollector, databaseErrorWords, loadConfig, maskUrl, siteRoutes, type Collector, type CollectorConfig, type Text } from '@olva/collector';
import { counted } from '@olva/schema';
import { parse } from '../args.js';
import { reportConfigError } from '../config-problems.js';
import { bundlesNotServed, collectorSiteFiles } from '../site-files.js';
import { EXIT, pickLang, say, sayBoth, usageMistake, type Bilingual, type CommandIO, type Lang } from '../io.js';

export const usage: Bilingual = {
  fr: 'olva serve [--config <olva.config.json>] [--port <n>] : lance le collecteur de réponses (variables OLVA_PORT, OLVA_HOST, OLVA_DATABASE_URL, OLVA_TOKENS…)',
  en: 'olva serve [--config <olva.config.json>] [--port <n>]: runs the response collector (variables OLVA_PORT, OLVA_HOST, OLVA_DATABASE_URL, OLVA_TOKENS…)',
};

/** Prints why a collector cannot start (`url`: its database, when known); returns the exit code. */
export function reportStartFailure(error: unknown, io: CommandIO, lang: Lang, command: string, url?: string): number {
  if (error instanceof ConfigError) {
    return reportConfigError(io.stderr, lang, { fr: `olva ${command} : configuration invalide, le collecteur ne démarre pas :`, en: `olva ${command}: invalid configuration, the collector does not start:` }, error);
  }
  // A port already taken is the usual failure, and Node says it in English ("listen EADDRINUSE: address already in use").
  const taken = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (taken?.code === 'EADDRINUSE') {
    const where = taken.port === undefined ? '' : ` ${taken.address ?? ''}:${taken.port}`;
    say(io.stderr, lang, {
      fr: `olva ${command} : le collecteur ne démarre pas : le port${where} est déjà pris ; choisissez-en un autre avec OLVA_PORT=8081 (ou --port).`,
      en: `olva ${command}: the collector cannot start: port${where} is taken; choose another one with OLVA_PORT=8081 (or --port).`,
    });
    return EXIT.INVALID;
  }
  const said = databaseErrorWords(error, url);
  say(io.stderr, lang, { fr: `olva ${command} : le collecteur ne démarre pas : ${said.fr}`, en: `olva ${command}: the collector cannot start: ${said.en}` });
  return EXIT.INVALID;
}

/** Loads the configuration with the command's overrides; throws ConfigError. */
export function configWith(file: string, env: Record<string, string | undefined>, port?: string): { config: CollectorConfig; warnings: Text[] } {
  return loadConfig(file, { ...env, ...(port !== undefined ? { OLVA_PORT: port } : {}) } as NodeJS.ProcessEnv);
}

/** Runs until SIGINT/SIGTERM; resolves with the exit code. */
export async function serveUntilSignal(collector: Collector): Promise<number> {
  const { closed } = closeOnSignals(collector);
  await closed;
  return EXIT.OK;
}

/** Runs `olva serve`. */
export async function run(argv: string[], io: CommandIO): Promise<number> {
  const env = io.env ?? process.env;
  const lang = pickLang(argv, env);
  const args = parse(argv, { config: { type: 'string', short: 'c' }, port: { type: 'string', short: 'p' } });
  if (!args.ok) return usageMistake(io.stderr, lang, 'serve', args.error, usage);
  if (args.values.help) { sayBoth(io.stdout, usage); return EXIT.OK; }
  const file = args.values.config ?? 'olva.config.json';
  let collector: Collector;
  let database: string | undefined;
  try {
    const { config, warnings } = configWith(file, env, args.values.port);
    database = config.databaseUrl;
    for (const w of warnings) say(io.stderr, lang, { fr: `olva serve : attention : ${w.fr}`, en: `olva serve: warning: ${w.en}` });
    let served: string[] = [];
    const site = collectorSiteFiles(config.builds);
    collector = await createCollector({ config, extraRoutes: async (app) => { served = await siteRoutes(app, site); } });
    for (const w of collector.warnings) say(io.stderr, lang, { fr: `olva serve : attention : ${w.fr}`, en: `olva serve: warning: ${w.en}` });
    const url = await collector.listen();
    const accepted = collector.registry.accepted().length;
    say(io.stderr, lang, {
      fr: `olva serve : collecteur prêt sur ${url} (base ${maskUrl(config.databaseUrl)}, ${counted('fr', accepted, 'questionnaire accepté', 'questionnaires acceptés')})`,
      en: `olva serve: collector ready on ${url} (database ${maskUrl(config.databaseUrl)}, ${counted('en', accepted, 'questionnaire', 'questionnaires')} accepted)`,
    });
    // The prefixes pages embed from, so that the operator sees at once what sites may paste.
    if (served.length) say(io.stderr, lang, { fr: `  sert aussi : ${served.join(' ')}`, en: `  also serves: ${served.join(' ')}` });
    for (const line of bundlesNotServed(site)) say(io.stderr, lang, line);
  } catch (error) {
    return reportStartFailure(error, io, lang, 'serve', database);
  }
  return serveUntilSignal(collector);
}
