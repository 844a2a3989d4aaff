/**
 * vitest `globalSetup`: one throwaway PostgreSQL server for the whole run, shared by every test
 * file through `OLVA_TEST_DATABASE_URL` (each file still makes its own empty databases and drops
 * them). An initdb and a server start per file cost about 1.5 s of CPU each, some twenty times a
 * run. When `OLVA_TEST_DATABASE_URL` is already set, that server is used and nothing starts.
 */
import { findPostgresBin, startTestPostgres, type TestPostgres } from './postgres.js';

let server: TestPostgres | undefined;

/** Starts the server before the first test file, and sets the URL the files' backends read. */
export async function setup(): Promise<void> {
  // Without Debian's binaries, unit tests still run; each PostgreSQL suite then fails on its
  // own with startTestPostgres's message (what to install).
  if (process.env.OLVA_TEST_DATABASE_URL || !findPostgresBin()) return;
  server = await startTestPostgres();
  process.env.OLVA_TEST_DATABASE_URL = server.url;
}

/** Stops the server after the last test file, and removes its data directory. */
export async function teardown(): Promise<void> {
  if (!server) return;
  delete process.env.OLVA_TEST_DATABASE_URL;
  await server.stop();
}
