/**
 * @olva/collector: the server that receives OLVA response payloads, stores them durably and
 * idempotently (SQLite embedded, PostgreSQL in production), and gives them back, exported
 * and summarised, to tokens scoped to territories.
 */
export { createCollector, type Collector, type CollectorOptions } from './server.js';
export { loadConfig, resolveConfig, ConfigError, formatProblem, configLanguage, sha256Hex, DEFAULTS, type CollectorConfig, type ConfigProblem, type TokenConfig } from './config/load.js';
export { MESSAGES, text, type Text, type Lang, type MessageKey } from './messages.js';
export { negotiateLanguage } from './http/language.js';
export { configSchema } from './config/schema.js';
export { openStore, maskUrl, isPostgresUrl, sqliteFileOf, DatabaseUrlError, databaseErrorText, databaseErrorWords } from './store/open.js';
export { backupSqlite, BackupError, type BackupReport, type BackupOptions } from './store/sqlite-backup.js';
export { SqlResponseStore, InvalidCursorError } from './store/sql-store.js';
export { payloadDigest, canonicalJson } from './store/canonical.js';
export type { ResponseStore, StoredResponse, ResponseFilter, InsertOutcome, TerritoryRef, Exclusion, ExclusionEvent, StreamOptions } from './store/types.js';
export { nameKey, rnaKey } from './duplicates/normalise.js';
export { findDuplicates, type DuplicateCandidate, type DuplicateGroup } from './duplicates/detect.js';
export type { QuestionnaireRegistry, AcceptedBuild } from './questionnaire-registry.js';
export type { VersionKey } from '@olva/schema';
export { versionKeyString, versionKeyOf as keyOf } from '@olva/schema';
export type { Authorizer, Scope, Right, Principal, AuthDecision } from './auth.js';
export { parseTerritoryQuery } from './auth.js';
export { createAuthorizer } from './tokens.js';
export { purgeExpired, purgePersonalBefore, purgePersonalExpired, type PurgeReport, type PersonalPurgeReport } from './purge.js';
export { TerritoryDirectory } from './territories.js';
export { searchCommunes, findCommune, communesNamed, communesWithPostcode, foldCommuneName, type Commune } from './geography/commune-search.js';
export { answerCommuneSearch, answerCommuneLookup, type CommuneAnswer } from './routes/communes.js';
export { demoRoutes, siteRoutes, type DemoSite, type SiteFiles } from './demo-site.js';
export * from './export/index.js';
export * from './stats/index.js';
export { closeOnSignals } from './lifecycle.js';
export type { Admission } from './admit.js';
export { waveProblems, type WaveRule } from './waves.js';
export { DEMO_CSP, IFRAME_PAGE_DIR } from './demo-site.js';
export { resultsRoutes, publicResultsPath } from './results/routes.js';
export { computeResults, DEFAULT_RESULTS_QUESTIONNAIRE } from './results/compute.js';
export type { PublicationStore, PublicationEvent, PublishedSnapshot } from './store/publications.js';
export { seedCockpitDemo } from './routes/cockpit/demo-seed.js';
export { COCKPIT_CSP } from './routes/cockpit/page.js';
