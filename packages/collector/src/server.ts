/**
 * The collector: a fastify server over a response store. `createCollector` wires the
 * configuration, the store, the accepted builds, territories and tokens, and registers the
 * response API, health checks, exports and statistics. Logs are JSON (pino) and carry
 * neither answers nor client addresses.
 */
import type { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Authorizer } from './auth.js';
import { ConfigError, type CollectorConfig } from './config/load.js';
import { guardTokens } from './http/token-routes.js';
import { allowCors } from './http/cors.js';
import { MAX_PATH_SEGMENT, notFoundOrWrongMethod, refuseBadUrl, replyToClientError, replyToError } from './http/error-replies.js';
import { localiseReplies } from './http/language.js';
import { parseJsonBodies } from './http/safe-json.js';
import { BuildRegistry, loadBuilds } from './questionnaires.js';
import { healthRoutes } from './routes/health.js';
import { warnOfUntrustedProxy } from './http/untrusted-proxy.js';
import { communesRoutes } from './routes/communes.js';
import { responsesRoutes } from './routes/responses.js';
import { waveRoutes } from './routes/waves.js';
import { openStore, maskUrl } from './store/open.js';
import type { ResponseStore } from './store/types.js';
import { TerritoryDirectory } from './territories.js';
import { createAuthorizer } from './tokens.js';
import { exportRoutes } from './export/routes.js';
import { statsRoutes } from './stats/routes.js';
import { resultsRoutes } from './results/routes.js';
import { cockpitRoutes } from './routes/cockpit/routes.js';
import { SqlResponseStore } from './store/sql-store.js';
import { admit, type Admission } from './admit.js';
import { unknownTerritoryProblems } from './config/territory-codes.js';
import type { Text } from './messages.js';
import { expectedSectorWarnings, wavesWithoutBuild } from './waves.js';
import { buildDriftWarnings } from './build-drift.js';
import { versionKeyOf, type CompiledQuestionnaire } from '@olva/schema';
import { DEFAULT_SECTOR_QUESTION } from './stats/sample.js';

/** Options of `createCollector`. */
export interface CollectorOptions {
  config: CollectorConfig;
  /** A store to use instead of opening `config.databaseUrl` (then the caller closes it). */
  store?: ResponseStore;
  /** Refuse an SQLite file that does not exist yet rather than create it (a command that only reads). */
  databaseMustExist?: boolean;
  /** Where JSON logs go (default stdout); `false` for none. */
  logStream?: Writable | false;
  /** More routes (the demo's pages), registered after the API. */
  extraRoutes?: (app: FastifyInstance) => Promise<void>;
  /** Called after a response is stored for the first time (never with its answers). */
  onStored?: (info: { submissionId: string; buildId: string; territory: { level: string; code: string } }) => void;
}

/** A running (or ready to listen) collector. */
export interface Collector {
  app: FastifyInstance;
  config: CollectorConfig;
  store: ResponseStore;
  registry: BuildRegistry;
  auth: Authorizer;
  /** What the configuration and its builds get wrong without stopping the collector (both languages), for the operator. */
  warnings: Text[];
  /** Listens on the configured host and port; resolves with the base URL. */
  listen(): Promise<string>;
  /**
   * Checks a response by the same intake as `POST /v1/responses` and stores it the same way
   * (without the HTTP part: rate limit, origin); `dryRun` checks only. For `olva import`.
   */
  admit(body: unknown, options?: { dryRun?: boolean }): Promise<Admission>;
  /** Stops accepting requests, waits for those in flight, then closes the store if it opened it. */
  close(): Promise<void>;
}

/** Request fields that may be logged: never the address, the headers or the body. */
const serializers = {
  req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/**
 * Builds a collector from a resolved configuration. Throws `ConfigError` when a territory code it names is unknown or a build
 * directory is unusable, and the store's error when the database cannot be opened.
 */
export async function createCollector(options: CollectorOptions): Promise<Collector> {
  const { config } = options;
  const builds = loadBuilds(config.builds, config.file ?? 'configuration');
  const territories = new TerritoryDirectory(config.customTerritories);
  for (const b of builds) {
    const t = b.compiled.territory;
    if (t?.level === 'custom' && t.communes) territories.addCustom(t.code, t.communes, t.name);
  }
  const unknown = unknownTerritoryProblems(config, territories);
  if (unknown.length) throw new ConfigError(unknown);
  const ownsStore = !options.store;
  const store = options.store ?? await openStore(config.databaseUrl, { concurrentSnapshots: config.limits.concurrentExports, mustExist: options.databaseMustExist });
  const registry = new BuildRegistry(builds, store);
  const auth = createAuthorizer(config.tokens, territories);

  const app = Fastify({
    logger: options.logStream === false
      ? false
      : { level: config.logLevel, serializers, ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: config.trustProxy,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    bodyLimit: config.limits.bodyBytes,
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    // Refusals fastify and node make themselves get the collector's error body too.
    frameworkErrors: replyToError,
    clientErrorHandler: replyToClientError,
  });

  app.setErrorHandler(replyToError);
  notFoundOrWrongMethod(app);
  // Error messages are built in French and English; each reply gets the request's language.
  localiseReplies(app);
  app.addHook('onRequest', refuseBadUrl);
  warnOfUntrustedProxy(app, config.trustProxy);

  allowCors(app, config);
  guardTokens(app);
  // Only JSON, by the collector's own reader, on every route that takes a body.
  parseJsonBodies(app, config.limits);
  await app.register(healthRoutes, { store });
  await app.register(communesRoutes);
  await app.register(responsesRoutes, { config, store, registry, territories, auth, ...(options.onStored ? { onStored: options.onStored } : {}) });
  await app.register(waveRoutes, { waves: config.waves ?? [], versions: () => registry.accepted().map((b) => b.compiled.questionnaire.version), origins: new Set(config.origins.map((o) => o.origin)) });
  await app.register(exportRoutes, { store, registry, authorizer: auth });
  await app.register(statsRoutes, { store, registry, authorizer: auth, ...(config.stats ? { stats: config.stats } : {}) });
  await app.register(resultsRoutes, { store, registry, authorizer: auth, territories, ...(config.disclosure ? { rules: config.disclosure } : {}), ...(config.stats ? { stats: config.stats } : {}) });
  // The cockpit groups responses in SQL: it needs the SQL store (every store opened from a URL is one).
  if (store instanceof SqlResponseStore) {
    const context = { db: store.db, registry, territories, waves: config.waves ?? [], ...(config.stats ? { stats: config.stats } : {}) };
    await app.register(cockpitRoutes, { context, store, authorizer: auth, tokens: config.tokens });
  }
  if (options.extraRoutes) await app.register(async (scope) => options.extraRoutes!(scope));

  app.addHook('onClose', async () => {
    if (ownsStore) await store.close();
  });

  const file = config.file ?? 'configuration';
  const stored = new Map<string, CompiledQuestionnaire>();
  for (const b of builds) {
    const { questionnaire, extension } = versionKeyOf(b.compiled);
    const kept = await store.getQuestionnaire(questionnaire, extension);
    if (kept) stored.set(b.buildId, kept);
  }
  const warnings = [
    ...buildDriftWarnings(builds, stored),
    ...wavesWithoutBuild(config.waves ?? [], builds.map((b) => b.compiled.questionnaire.version), file),
    ...expectedSectorWarnings(config.stats?.expected ?? [], config.waves ?? [], builds.map((b) => b.compiled), config.stats?.sectorQuestion ?? DEFAULT_SECTOR_QUESTION, file),
  ];
  return {
    app, config, store, registry, auth, warnings,
    async listen() {
      const address = await app.listen({ host: config.host, port: config.port });
      app.log.info({ event: 'listening', database: maskUrl(config.databaseUrl), questionnaires: builds.map((b) => b.buildId) }, 'collector ready');
      return address;
    },
    admit(body, admitOptions = {}) {
      return admit(body, { registry, territories, store, waves: config.waves ?? [] }, admitOptions);
    },
    async close() {
      await app.close();
    },
  };
}
