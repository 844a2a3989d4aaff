/**
 * The two storage backends, for test suites that run once against each: SQLite in a
 * temporary file and PostgreSQL on a throwaway server (see ./postgres.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestPostgres, type TestPostgres } from './postgres.js';

/** One backend: gives fresh database URLs, then cleans up. */
export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** Starts what the backend needs (the PostgreSQL server). */
  setup(): Promise<void>;
  /** A fresh, empty database. */
  newDatabaseUrl(): Promise<string>;
  teardown(): Promise<void>;
}

export function sqliteBackend(): TestBackend {
  let dir = '';
  let n = 0;
  return {
    name: 'sqlite',
    async setup() { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-sqlite-')); },
    async newDatabaseUrl() { return `sqlite:${path.join(dir, `db-${++n}.sqlite`)}`; },
    async teardown() { fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

export function postgresBackend(): TestBackend {
  let server: TestPostgres | undefined;
  return {
    name: 'postgres',
    async setup() { server = await startTestPostgres(); },
    async newDatabaseUrl() { return server!.createDatabase(); },
    async teardown() { await server?.stop(); },
  };
}

/** Both backends, SQLite first. */
export function bothBackends(): TestBackend[] {
  return [sqliteBackend(), postgresBackend()];
}
