/**
 * Reads `olva.config.json`, applies environment overrides, validates the result against the
 * configuration schema and resolves paths. Any problem stops the server before it starts,
 * with the file, the JSON pointer and the rule named.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import proxyAddr from '@fastify/proxy-addr';
import type { ErrorObject } from 'ajv';
import { toProblems } from '@olva/schema/validate';
import { environmentLanguage, parseJson, type JsonSyntaxError } from '@olva/schema';
import { disclosureRuleProblems, disclosureRules, type DisclosureRules } from '@olva/analysis';
import type { Scope } from '../auth.js';
import type { TerritoryRef } from '../store/types.js';
import type { StatsConfig } from '../stats/expected.js';
import { configSchema } from './schema.js';
import { isPostgresUrl, isSqliteUrl, maskUrl, sqliteFileOf } from '../store/database-url.js';
import { waveConfigProblems, type WaveRule } from '../waves.js';
import { schemaText, text, type Lang, type Text } from '../messages.js';

/** One reason a configuration is refused. */
export interface ConfigProblem {
  /** The configuration file, or `environment` for a variable. */
  file: string;
  /** JSON pointer in the file, or the variable's name. */
  pointer: string;
  rule: string;
  /** What is wrong, in both languages (`../messages.ts`); `formatProblem` picks one. */
  message: Text;
}

/**
 * The language of configuration messages when no one chose it (`environmentLanguage` of
 * @olva/schema, the rule of the CLI's `--lang` default), reading this process's environment by default.
 */
export function configLanguage(env: Record<string, string | undefined> = process.env): Lang {
  return environmentLanguage(env);
}

/** Thrown when the configuration cannot be used; `problems` lists every reason. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[], lang: Lang = configLanguage()) {
    super(`${lang === 'en' ? 'invalid configuration:' : 'configuration invalide :'}\n${problems.map((p) => formatProblem(p, lang)).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** `file#/pointer: message [rule]` in `lang` (French by default), the way every OLVA tool reports a problem. */
export function formatProblem(p: ConfigProblem, lang: Lang = 'fr'): string {
  // `problems.map(formatProblem)` passes an index: anything but 'en' is French.
  const l: Lang = lang === 'en' ? 'en' : 'fr';
  // `environment` is the place's code; the word before the variable's name is the language's.
  const file = p.file === 'environment' ? (l === 'fr' ? 'environnement ' : 'environment ') : `${p.file}#`;
  return `${file}${p.pointer}${l === 'fr' ? ' : ' : ': '}${p.message[l]} [${p.rule}]`;
}

/** A token as the server holds it: only its hash. */
export interface TokenConfig {
  name: string;
  sha256: string;
  scope: Scope;
  /** True when the file held the token in clear (demo only). */
  plain: boolean;
  /** Where the entry was written, when not in the file's `tokens` (`OLVA_TOKENS`): for problems found later. */
  from?: { file: string; pointer: string };
}

/** A custom territory responses may name. */
export interface CustomTerritory {
  code: string;
  name: string;
  communes: string[];
}

/** The resolved configuration of a collector. */
export interface CollectorConfig {
  /** Absolute path of the file, or null when built in code. */
  file: string | null;
  host: string;
  port: number;
  /** `false`, `true`, or the proxies' addresses as fastify reads them (comma-separated). */
  trustProxy: boolean | string;
  logLevel: string;
  databaseUrl: string;
  /** Absolute build directories. */
  builds: string[];
  /** Days kept, per questionnaire id. */
  retention: Record<string, number>;
  /** Days the answers of personal questions are kept, per questionnaire id (`personalRetention`). */
  personalRetention: Record<string, number>;
  /** Pages allowed to post (CORS) for territories; with `read: true` also to call the token
   * routes (read, export, statistics, erasure) from the browser. */
  origins: { origin: string; territories: TerritoryRef[] | 'all'; read?: boolean }[];
  customTerritories: CustomTerritory[];
  tokens: TokenConfig[];
  /** `concurrentExports`: streams of the store read at once (`DEFAULT_CONCURRENT_SNAPSHOTS` when absent). */
  limits: { bodyBytes: number; ratePerMinute: number; maxDepth: number; concurrentExports?: number };
  /** Sample monitoring: the sector question and expected distributions (see stats/expected.ts). */
  stats?: StatsConfig;
  /** Waves tied to versions (see waves.ts); empty: every wave accepts every version. */
  waves?: WaveRule[];
  /** Disclosure thresholds of every aggregate given out (results, publications), defaults
   * filled in; absent from a configuration built in code, which then gets the defaults. */
  disclosure?: DisclosureRules;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  logLevel: 'info',
  databaseUrl: 'sqlite:.olva-data/olva.sqlite',
  bodyBytes: 256 * 1024,
  ratePerMinute: 120,
  maxDepth: 32,
};

let validator: ReturnType<Ajv2020['compile']> | undefined;

function validate(raw: unknown): ErrorObject[] {
  validator ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(configSchema);
  return validator(raw) ? [] : [...(validator.errors ?? [])];
}

/** ajv's errors as configuration problems: the schema package's mapping, plus what a token entry needs. */
function schemaProblems(file: string, errors: ErrorObject[]): ConfigProblem[] {
  return toProblems(errors).map((problem) => ({
    file,
    pointer: problem.pointer,
    rule: problem.rule,
    message: problem.rule === 'schema/oneOf' && /^\/tokens\/\d+$/.test(problem.pointer) ? text('config.token-one-of') : schemaText(problem),
  }));
}

/**
 * A token whose scope names the network (`network:all`, decision 0018): the schema says only
 * which levels a scope takes; the network names results documents, which a token of scope
 * `"all"` reads and publishes, and the problem says so in place of the schema's.
 */
function withNetworkScopes(file: string, merged: Record<string, any>, problems: ConfigProblem[]): ConfigProblem[] {
  const named = new Map<string, ConfigProblem>();
  (Array.isArray(merged.tokens) ? merged.tokens : []).forEach((t: any, i: number) => {
    const scope = t?.scope?.territories;
    if (!Array.isArray(scope)) return;
    const j = scope.findIndex((x: any) => x?.level === 'network');
    if (j >= 0) named.set(`/tokens/${i}/scope/territories`, { file, pointer: `/tokens/${i}/scope/territories/${j}`, rule: 'network-scope', message: text('network-scope', { name: String(t.name ?? i) }) });
  });
  if (!named.size) return problems;
  return [...problems.filter((p) => ![...named.keys()].some((k) => p.pointer === k || p.pointer.startsWith(`${k}/`))), ...named.values()];
}

function envProblem(name: string, rule: string, message: Text): ConfigProblem {
  return { file: 'environment', pointer: name, rule, message };
}

/**
 * Environment overrides: OLVA_HOST, OLVA_PORT, OLVA_TRUST_PROXY (`true`, `false` or the
 * proxies' addresses), OLVA_DATABASE_URL, OLVA_LOG_LEVEL, OLVA_BODY_LIMIT, OLVA_RATE_LIMIT,
 * OLVA_CONCURRENT_EXPORTS, OLVA_TOKENS (a JSON array of token entries that replaces the file's). They are applied before validation, so they are checked by the same schema.
 */
function applyEnv(raw: Record<string, any>, env: NodeJS.ProcessEnv, problems: ConfigProblem[]): Record<string, any> {
  const out = structuredClone(raw);
  const int = (name: string): number | undefined => {
    const v = env[name];
    if (v === undefined || v === '') return undefined;
    if (!/^\d+$/.test(v)) { problems.push(envProblem(name, 'integer', text('integer', { value: v }))); return undefined; }
    return Number(v);
  };
  const port = int('OLVA_PORT');
  if (env.OLVA_HOST || port !== undefined || env.OLVA_LOG_LEVEL || env.OLVA_TRUST_PROXY) {
    out.server = { ...(out.server ?? {}) };
    if (env.OLVA_HOST) out.server.host = env.OLVA_HOST;
    if (env.OLVA_TRUST_PROXY) out.server.trustProxy = env.OLVA_TRUST_PROXY === 'true' ? true : env.OLVA_TRUST_PROXY === 'false' ? false : env.OLVA_TRUST_PROXY;
    if (port !== undefined) out.server.port = port;
    if (env.OLVA_LOG_LEVEL) out.server.logLevel = env.OLVA_LOG_LEVEL;
  }
  if (env.OLVA_DATABASE_URL) out.database = { url: env.OLVA_DATABASE_URL, fromEnv: true };
  const body = int('OLVA_BODY_LIMIT');
  const rate = int('OLVA_RATE_LIMIT');
  const exports = int('OLVA_CONCURRENT_EXPORTS');
  if (body !== undefined || rate !== undefined || exports !== undefined) {
    out.limits = { ...(out.limits ?? {}) };
    if (body !== undefined) out.limits.bodyBytes = body;
    if (rate !== undefined) out.limits.ratePerMinute = rate;
    if (exports !== undefined) out.limits.concurrentExports = exports;
  }
  if (env.OLVA_TOKENS) {
    const parsed = parseJson(env.OLVA_TOKENS);
    if ('error' in parsed) problems.push(envProblem('OLVA_TOKENS', 'json', text('json.tokens', { detail: jsonPlace(parsed.error) })));
    else out.tokens = parsed.value as typeof out.tokens;
  }
  return out;
}

function resolveDatabaseUrl(url: string, baseDir: string): string {
  if (isPostgresUrl(url)) return url;
  const file = sqliteFileOf(url);
  if (file === ':memory:') return 'sqlite::memory:';
  return `sqlite:${path.resolve(baseDir, file)}`;
}

/**
 * Validates and resolves a configuration object. `file` names it in problems; relative
 * paths in it resolve against `baseDir` (environment values against the working directory).
 * Returns the configuration and warnings (both languages), or throws `ConfigError` (its
 * message in OLVA_LANG's language of `env`, French by default).
 */
export function resolveConfig(raw: unknown, options: { file: string; baseDir: string; env?: NodeJS.ProcessEnv }): { config: CollectorConfig; warnings: Text[] } {
  const { file, baseDir, env = process.env } = options;
  const problems: ConfigProblem[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError([{ file, pointer: '', rule: 'schema/type', message: text('config.not-object') }], configLanguage(env));
  }
  const merged = applyEnv(raw as Record<string, any>, env, problems);
  const dbFromEnv = Boolean(merged.database?.fromEnv);
  if (merged.database) delete merged.database.fromEnv;
  problems.push(...withNetworkScopes(file, merged, schemaProblems(file, validate(merged))));
  if (problems.length) throw new ConfigError(problems, configLanguage(env));

  const warnings: Text[] = [];
  const tokens: TokenConfig[] = [];
  const names = new Set<string>();
  const hashes = new Set<string>();
  (merged.tokens ?? []).forEach((t: any, i: number) => {
    const sha256 = t.sha256 ?? sha256Hex(t.token);
    if (names.has(t.name)) problems.push({ file, pointer: `/tokens/${i}/name`, rule: 'unique-token-name', message: text('unique-token-name', { name: t.name }) });
    if (hashes.has(sha256)) problems.push({ file, pointer: `/tokens/${i}`, rule: 'unique-token', message: text('unique-token', { name: t.name }) });
    // `export-personal` widens what `read` or `export` hand out; alone the token could read nothing.
    const rights: string[] = t.scope.rights;
    if (rights.includes('export-personal') && !rights.includes('export') && !rights.includes('read')) {
      problems.push({ file, pointer: `/tokens/${i}/scope/rights`, rule: 'personal-right-alone', message: text('personal-right-alone', { name: t.name }) });
    }
    names.add(t.name);
    hashes.add(sha256);
    if (t.token) warnings.push(text('warning.clear-token', { name: t.name, file }));
    tokens.push({ name: t.name, sha256, scope: t.scope, plain: Boolean(t.token), ...(env.OLVA_TOKENS ? { from: { file: 'environment', pointer: `OLVA_TOKENS/${i}` } } : {}) });
  });
  const trustProxy = merged.server?.trustProxy;
  if (typeof trustProxy === 'string') {
    // fastify compiles the same list at start and would throw there, without a pointer.
    try {
      proxyAddr.compile(trustProxy.split(',').map((a) => a.trim()));
    } catch (e) {
      const message = text('trust-proxy', { value: trustProxy.slice(0, 100), detail: proxyAddrReason((e as Error).message) });
      problems.push(env.OLVA_TRUST_PROXY ? envProblem('OLVA_TRUST_PROXY', 'trust-proxy', message) : { file, pointer: '/server/trustProxy', rule: 'trust-proxy', message });
    }
  }
  const dbUrlGiven: string | undefined = merged.database?.url;
  if (dbUrlGiven !== undefined && !isPostgresUrl(dbUrlGiven) && !isSqliteUrl(dbUrlGiven)) {
    // Read as a file name, `mysql://u:p@host/db` or `postgress://…` would make a local SQLite
    // file of that odd name and take responses into it, its password printed in the log.
    const message = text('database-url', { url: maskUrl(dbUrlGiven) });
    problems.push(dbFromEnv ? envProblem('OLVA_DATABASE_URL', 'database-url', message) : { file, pointer: '/database/url', rule: 'database-url', message });
  }
  const customCodes = new Set<string>();
  (merged.customTerritories ?? []).forEach((c: CustomTerritory, i: number) => {
    if (customCodes.has(c.code)) problems.push({ file, pointer: `/customTerritories/${i}/code`, rule: 'unique-territory', message: text('unique-territory', { code: c.code }) });
    customCodes.add(c.code);
  });
  const targetKeys = new Set<string>();
  (merged.stats?.targets ?? []).forEach((t: { territory: TerritoryRef; wave?: string }, i: number) => {
    const key = `${t.territory.level}:${t.territory.code}|${t.wave ?? '*'}`;
    if (targetKeys.has(key)) problems.push({ file, pointer: `/stats/targets/${i}`, rule: 'unique-target', message: t.wave ? text('unique-target.wave', { territory: `${t.territory.level}:${t.territory.code}`, wave: t.wave }) : text('unique-target', { territory: `${t.territory.level}:${t.territory.code}` }) });
    targetKeys.add(key);
  });
  for (const p of waveConfigProblems(merged.waves ?? [])) problems.push({ file, ...p });
  // The thresholds' own rules (minBase ≥ minCell, smallBase ≥ minBase) live with the analysis.
  if (merged.disclosure) for (const p of disclosureRuleProblems(merged.disclosure)) problems.push({ file, pointer: `/disclosure${p.pointer}`, rule: p.rule, message: p.message });
  if (problems.length) throw new ConfigError(problems, configLanguage(env));

  const dbUrl = merged.database?.url ?? DEFAULTS.databaseUrl;
  const config: CollectorConfig = {
    file: file === 'environment' ? null : file,
    host: merged.server?.host ?? DEFAULTS.host,
    port: merged.server?.port ?? DEFAULTS.port,
    trustProxy: merged.server?.trustProxy ?? false,
    logLevel: merged.server?.logLevel ?? DEFAULTS.logLevel,
    databaseUrl: resolveDatabaseUrl(dbUrl, dbFromEnv || !merged.database ? process.cwd() : baseDir),
    builds: merged.questionnaires.map((q: { build: string }) => path.resolve(baseDir, q.build)),
    retention: merged.retention ?? {},
    personalRetention: merged.personalRetention ?? {},
    origins: merged.origins ?? [],
    customTerritories: merged.customTerritories ?? [],
    tokens,
    limits: {
      bodyBytes: merged.limits?.bodyBytes ?? DEFAULTS.bodyBytes,
      ratePerMinute: merged.limits?.ratePerMinute ?? DEFAULTS.ratePerMinute,
      maxDepth: merged.limits?.maxDepth ?? DEFAULTS.maxDepth,
      ...(merged.limits?.concurrentExports ? { concurrentExports: merged.limits.concurrentExports } : {}),
    },
    ...(merged.stats ? { stats: merged.stats as StatsConfig } : {}),
    ...(merged.waves ? { waves: merged.waves as WaveRule[] } : {}),
    ...(merged.disclosure ? { disclosure: disclosureRules(merged.disclosure) } : {}),
  };
  return { config, warnings };
}

/** Loads a configuration file (see `resolveConfig`). */
export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): { config: CollectorConfig; warnings: Text[] } {
  const absolute = path.resolve(file);
  let source: string;
  try {
    source = fs.readFileSync(absolute, 'utf8');
  } catch (e) {
    // A missing file is the first thing a newcomer meets (`olva serve` with no --config): say where it was looked for.
    const message = (e as NodeJS.ErrnoException).code === 'ENOENT'
      ? text('readable.missing', { path: absolute })
      : text('readable', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    throw new ConfigError([{ file, pointer: '', rule: 'readable', message }], configLanguage(env));
  }
  const parsed = parseJson(source);
  if ('error' in parsed) throw new ConfigError([{ file, pointer: '', rule: 'json', message: text('json', { detail: jsonPlace(parsed.error) }) }], configLanguage(env));
  return resolveConfig(parsed.value, { file: absolute, baseDir: path.dirname(absolute), env });
}

/**
 * proxy-addr's reason in both languages: its two messages name the address at fault ("invalid IP
 * address: nginx", "invalid range on address: 10.0.0.0/99"); another one is left as it says it.
 */
function proxyAddrReason(message: string): Text {
  const address = /^invalid IP address: (.*)$/.exec(message);
  if (address) return { fr: `adresse IP invalide : ${address[1]}`, en: message };
  const range = /^invalid range on address: (.*)$/.exec(message);
  if (range) return { fr: `plage invalide pour l’adresse ${range[1]}`, en: message };
  return { fr: message, en: message };
}

/** Where and which JSON slip, in both languages, after the catalogue's « pas du JSON valide : » (never V8's English). */
function jsonPlace(error: JsonSyntaxError): Text {
  return { fr: `ligne ${error.line}, colonne ${error.column} : ${error.slip.fr}`, en: `line ${error.line}, column ${error.column}: ${error.slip.en}` };
}

/** SHA-256 (hex) of a token, as the configuration stores it. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
