/**
 * Starts a real collector on 127.0.0.1 (random port) for HTTP tests: fixture builds in a
 * temporary directory, the given database, and demo tokens of known scopes.
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestBackend } from './store-backends.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { createCollector, resolveConfig, type Collector, type CollectorOptions } from '@olva/collector';
import { coreQuestionnaire, lorientQuestionnaire, rennesQuestionnaire, writeBuild } from './collector-questionnaires.js';

/** Clear tokens of the test configuration. */
export const TEST_TOKENS = {
  national: 'national-token-0123456789abcdef',
  rennes: 'rennes-token-0123456789abcdef',
  rennesReadOnly: 'rennes-readonly-0123456789abcdef',
  lorient: 'lorient-token-0123456789abcdef',
  morbihan: 'morbihan-token-0123456789abcdef',
} as const;

/** The raw configuration the tests start from (paths relative to the build directory). */
export function testConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    server: { host: '127.0.0.1', port: 0, logLevel: 'info' },
    questionnaires: [{ build: 'olva-core' }, { build: 'olva-core+rennes-2026' }, { build: 'olva-core+lorient-agglo-2026' }],
    retention: { 'olva-core': 730 },
    origins: [
      { origin: 'https://www.rennes.fr', territories: [{ level: 'commune', code: '35238' }] },
      { origin: 'https://www.lorient-agglo.bzh', territories: [{ level: 'epci', code: '200042174' }] },
      { origin: 'https://observatoire.example.org', territories: 'all', read: true },
    ],
    tokens: [
      { name: 'rnma', token: TEST_TOKENS.national, scope: { territories: 'all', rights: ['read', 'export', 'stats', 'erase'] } },
      { name: 'rennes', token: TEST_TOKENS.rennes, scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['read', 'export', 'stats', 'erase'] } },
      { name: 'rennes-lecture', token: TEST_TOKENS.rennesReadOnly, scope: { territories: [{ level: 'commune', code: '35238' }], rights: ['read'] } },
      { name: 'lorient', token: TEST_TOKENS.lorient, scope: { territories: [{ level: 'epci', code: '200042174' }], rights: ['read', 'export', 'stats', 'erase'] } },
      { name: 'morbihan', token: TEST_TOKENS.morbihan, scope: { territories: [{ level: 'departement', code: '56' }], rights: ['read', 'export', 'stats'] } },
    ],
    limits: { bodyBytes: 64 * 1024, ratePerMinute: 1_000_000, maxDepth: 32 },
    ...overrides,
  };
}

/** Writes the three fixture builds into a new temporary directory and returns it. */
export function writeFixtureBuilds(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-builds-'));
  for (const c of [coreQuestionnaire(), rennesQuestionnaire(), lorientQuestionnaire()]) writeBuild(dir, c);
  return dir;
}

/** How a test collector is made. */
export interface TestCollectorOptions {
  /** Replaces fields of `testConfig()` (e.g. `questionnaires`, `tokens`, `waves`). */
  overrides?: Record<string, unknown>;
  /** Where the collector logs (default: nowhere). */
  logStream?: Writable | false;
  /**
   * Writes the builds the configuration names into `dir`, the configuration's directory
   * (e.g. `(dir) => { writeBuild(dir, fixtureCore()); }`); by default the three fixture builds.
   * Give `overrides.questionnaires` to match.
   */
  builds?: (dir: string) => unknown;
  /** More routes, as `createCollector`'s `extraRoutes` (e.g. the static files `olva serve` mounts). */
  extraRoutes?: CollectorOptions['extraRoutes'];
}

export interface TestCollector {
  collector: Collector;
  /** Base URL, e.g. http://127.0.0.1:34567 */
  url: string;
  close(): Promise<void>;
}

/** Starts a collector on `databaseUrl` with the test configuration (plus overrides). */
export async function startTestCollector(databaseUrl: string, options: TestCollectorOptions = {}): Promise<TestCollector> {
  let builds: string;
  if (options.builds) {
    builds = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-builds-'));
    await options.builds(builds);
  } else {
    builds = writeFixtureBuilds();
  }
  const raw = { ...testConfig(options.overrides), database: { url: databaseUrl } };
  const { config } = resolveConfig(raw, { file: path.join(builds, 'olva.config.json'), baseDir: builds, env: {} });
  const collector = await createCollector({ config, logStream: options.logStream ?? false, ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}) });
  const url = await collector.listen();
  return {
    collector,
    url,
    async close() {
      await collector.close();
      fs.rmSync(builds, { recursive: true, force: true });
    },
  };
}

/**
 * A test collector on `backend` for the enclosing `describe` block: started (database set up)
 * before its tests, closed (database torn down) after them. The returned object stands for the
 * collector once the block has started: read `url` and `collector` inside tests only.
 */
export function testCollectorOn(backend: TestBackend, options: TestCollectorOptions = {}): TestCollector {
  let started: TestCollector | undefined;
  beforeAll(async () => {
    await backend.setup();
    started = await startTestCollector(await backend.newDatabaseUrl(), options);
  });
  afterAll(async () => {
    await started?.close();
    await backend.teardown();
  });
  const current = (): TestCollector => {
    if (!started) throw new Error('the test collector is read before its describe block started');
    return started;
  };
  return {
    get collector() { return current().collector; },
    get url() { return current().url; },
    close: () => current().close(),
  };
}
