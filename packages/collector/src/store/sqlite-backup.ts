/**
 * A copy of an SQLite collector's database, made while the collector runs. Copying the file
 * with `cp` is not a backup in WAL mode: the last commits live in `-wal` until a checkpoint, and
 * a copy taken during a checkpoint mixes two states. `VACUUM INTO` reads one snapshot in one
 * read transaction (writers go on; WAL readers never block them) and writes a compact file
 * holding no free pages, so what an erasure removed is not carried over either.
 *
 * The copy is written beside its destination under a temporary name, synced, checked
 * (`PRAGMA integrity_check`) and only then renamed over it, so a destination path holds either
 * nothing or a whole, checked backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/** What a backup holds, counted in the copy itself. */
export interface BackupReport {
  /** The absolute path of the copy. */
  file: string;
  /** Its size in bytes. */
  bytes: number;
  /** Responses stored (erased ones are not in it). */
  responses: number;
  /** Compiled questionnaire versions kept. */
  questionnaires: number;
  /** Acts of publication (published and withdrawn). */
  publications: number;
  /** Responses set aside as duplicates. */
  exclusions: number;
  /** Erased submission ids remembered (so that a replay after a restore is refused too). */
  erased: number;
}

/** Why a backup was not made; `code` names the rule. */
export class BackupError extends Error {
  /**
   * @param code the rule
   * @param file the file it is about (the database, the destination or its directory)
   */
  constructor(readonly code: 'backup/no-database' | 'backup/not-olva' | 'backup/exists' | 'backup/same-file' | 'backup/no-directory' | 'backup/corrupt', readonly file: string, message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** The tables a collector's database has, and the report's name for each count. */
const COUNTED = {
  olva_responses: 'responses', olva_questionnaires: 'questionnaires', olva_publications: 'publications',
  olva_exclusions: 'exclusions', olva_erased: 'erased',
} as const;

/** Options of `backupSqlite`. */
export interface BackupOptions {
  /** Replace a file already at the destination (default: refuse). */
  overwrite?: boolean;
}

/**
 * Copies the collector database `source` into `destination`, consistently, while it may be
 * written to.
 * @throws BackupError when the source is missing or is not a collector's database, the
 * destination exists (without `overwrite`), is the source, or its directory is missing.
 */
export function backupSqlite(source: string, destination: string, options: BackupOptions = {}): BackupReport {
  const from = path.resolve(source);
  const to = path.resolve(destination);
  if (!fs.existsSync(from)) throw new BackupError('backup/no-database', from, `no database at ${from}`);
  if (to === from || (fs.existsSync(to) && fs.statSync(to).ino === fs.statSync(from).ino)) {
    throw new BackupError('backup/same-file', to, `the backup would overwrite the database itself (${to})`);
  }
  if (!fs.existsSync(path.dirname(to))) throw new BackupError('backup/no-directory', path.dirname(to), `no directory ${path.dirname(to)} for the backup`);
  if (fs.existsSync(to) && !options.overwrite) throw new BackupError('backup/exists', to, `${to} already exists`);
  // Not `readonly`: a read-only connection cannot create the -shm index a WAL reader needs
  // when the collector is stopped. Nothing is written through it.
  const db = new Database(from, { fileMustExist: true });
  const partial = `${to}.partial-${process.pid}`;
  try {
    db.pragma('busy_timeout = 5000');
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('olva_responses')) throw new BackupError('backup/not-olva', from, `${from} is not a collector's database (no table olva_responses)`);
    fs.rmSync(partial, { force: true });
    db.prepare('VACUUM INTO ?').run(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  let report: BackupReport;
  try {
    report = checkCopy(partial, to);
    syncPath(partial);
    fs.renameSync(partial, to);
    // The rename is durable once the directory's entry is on disk too.
    syncPath(path.dirname(to));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return report;
}

/** Checks the copy's integrity and counts what it holds. */
function checkCopy(file: string, named: string): BackupReport {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError('backup/corrupt', named, `the copy failed SQLite's integrity check: ${String(check)}`);
    const tables = new Set((copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const report: BackupReport = { file: named, bytes: fs.statSync(file).size, responses: 0, questionnaires: 0, publications: 0, exclusions: 0, erased: 0 };
    for (const [table, key] of Object.entries(COUNTED)) {
      // Table names come from the constant above, never from input.
      if (tables.has(table)) report[key] = (copy.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    return report;
  } finally {
    copy.close();
  }
}

/** fsync of a file or a directory. */
function syncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}
