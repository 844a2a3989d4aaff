/**
 * A throwaway PostgreSQL server for the tests: `OLVA_TEST_DATABASE_URL` when set, else a
 * cluster made with initdb in a temporary directory (as the `postgres` OS user when running
 * as root, since initdb refuses root), listening on 127.0.0.1 with fsync on. Missing
 * binaries fail the suite with a clear message: the PostgreSQL half is never skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A running test server: make one empty database per test file or suite. */
export interface TestPostgres {
  /** URL of the maintenance database. */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** The bin directory of the newest PostgreSQL under /usr/lib/postgresql, or null. */
export function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root but there is no "postgres" OS user to run initdb as (install Debian\'s postgresql package)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s:\n${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

let counter = 0;

async function databaseFactory(url: string, created: string[]): Promise<string> {
  const name = `olva_test_${process.pid}_${Date.now().toString(36)}_${++counter}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  created.push(name);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Starts (or connects to) a PostgreSQL server for a test suite. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const external = process.env.OLVA_TEST_DATABASE_URL;
  const created: string[] = [];
  if (external) {
    return {
      url: external,
      createDatabase: () => databaseFactory(external, created),
      async stop() {
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await client.end();
      },
    };
  }
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/<version>/bin: install Debian\'s postgresql package (apt-get install postgresql) or set OLVA_TEST_DATABASE_URL to a server the tests may create databases on');
  }
  const user = postgresUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'], { ...asUser, cwd: os.tmpdir(), encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.error?.message}`);
  const port = await freePort();
  let output = '';
  const child = spawn(path.join(bin, 'postgres'), [
    '-D', dir, '-k', dir, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'synchronous_commit=on', '-c', 'max_connections=300',
  ], { ...asUser, cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
  child.stderr!.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-4000); });
  // A worker that dies must not leave a server behind.
  const onExit = () => { try { child.kill('SIGQUIT'); } catch { /* already gone */ } };
  process.on('exit', onExit);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitReady(url, child, () => output);
  } catch (e) {
    onExit();
    throw e;
  }
  return {
    url,
    createDatabase: () => databaseFactory(url, created),
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
