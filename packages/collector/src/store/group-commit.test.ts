import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { payloadDigest } from './canonical.js';
import { GroupCommit } from './group-commit.js';
import { SqlResponseStore } from './sql-store.js';
import { openSqliteDb } from './sqlite.js';
import type { InsertOutcome } from './types.js';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-group-commit-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

async function openFileStore(file: string): Promise<SqlResponseStore> {
  const store = new SqlResponseStore(openSqliteDb(file));
  await store.init();
  return store;
}

function conflicting(p: ResponsePayload): ResponsePayload {
  return { ...p, answers: { ...p.answers, nb_benevoles: Number(p.answers.nb_benevoles) + 1 } };
}

describe('group commit on SQLite', () => {
  it('gives every one of 200 concurrent inserts the outcome sequential inserts would', async () => {
    const file = path.join(dir, 'olva.db');
    const store = await openFileStore(file);
    try {
      // 120 new responses; after some of them, an identical replay or a conflicting reuse of
      // an earlier one, all issued in the same turn: 200 inserts, 80 of them on a known id.
      const originals: ResponsePayload[] = [];
      const ops: { payload: ResponsePayload; expected: InsertOutcome['status']; original: number }[] = [];
      for (let i = 0; i < 120; i++) {
        const p = corePayload({ answers: { secteur: 'sport', nb_benevoles: i, employeur: false } });
        originals.push(p);
        ops.push({ payload: p, expected: 'created', original: i });
        if (i % 3 === 1) ops.push({ payload: structuredClone(originals[i - 1]), expected: 'replayed', original: i - 1 });
        if (i % 3 === 2) ops.push({ payload: conflicting(originals[i - 2]), expected: 'conflict', original: i - 2 });
      }
      expect(ops).toHaveLength(200);

      const outcomes = await Promise.all(ops.map((op) => store.insert(op.payload, payloadDigest(op.payload))));

      expect(outcomes.map((o) => o.status)).toEqual(ops.map((op) => op.expected));
      const createdAt = new Map<number, string>();
      ops.forEach((op, k) => { if (op.expected === 'created') createdAt.set(op.original, (outcomes[k] as { receivedAt: string }).receivedAt); });
      ops.forEach((op, k) => {
        if (op.expected === 'replayed') expect(outcomes[k]).toEqual({ status: 'replayed', receivedAt: createdAt.get(op.original) });
      });
      expect(await store.count({ territories: 'all' })).toBe(120);
      for (const p of originals) {
        const stored = await store.get(p.submissionId);
        expect(stored?.digest).toBe(payloadDigest(p));
        expect(stored?.payload).toEqual(p);
      }

      // A second connection (what a restarted process would open) sees every created row.
      const other = new Database(file, { readonly: true });
      try {
        const rows = other.prepare('SELECT submission_id, digest FROM olva_responses').all() as { submission_id: string; digest: string }[];
        expect(new Map(rows.map((r) => [r.submission_id, r.digest]))).toEqual(new Map(originals.map((p) => [p.submissionId, payloadDigest(p)])));
      } finally {
        other.close();
      }
    } finally {
      await store.close();
    }
  });

  it('runs a batch holding one submissionId three times as three sequential inserts', async () => {
    const store = await openFileStore(path.join(dir, 'olva.db'));
    try {
      const p = corePayload();
      const other = conflicting(p);
      // Issued in one turn, so queued into one batch: first created, then replayed, then refused.
      const [first, again, clash, late] = await Promise.all([
        store.insert(p, payloadDigest(p)),
        store.insert(structuredClone(p), payloadDigest(p)),
        store.insert(other, payloadDigest(other)),
        store.insert(p, payloadDigest(p)),
      ]);
      expect(first.status).toBe('created');
      expect(again).toEqual({ status: 'replayed', receivedAt: (first as { receivedAt: string }).receivedAt });
      expect(clash).toEqual({ status: 'conflict' });
      expect(late).toEqual(again);
      expect((await store.get(p.submissionId))?.digest).toBe(payloadDigest(p));
      expect(await store.count({ territories: 'all' })).toBe(1);
    } finally {
      await store.close();
    }
  });
});

describe('GroupCommit', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(path.join(dir, 'raw.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  });
  afterEach(() => db.close());

  it('writes the statements of one turn in one transaction and resolves after the commit', async () => {
    const writes = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
    const transaction = vi.spyOn(db, 'transaction');
    const pending = [1, 2, 3, 4, 5].map((id) => writes.run(insert, [id, `v${id}`]));
    // Nothing is written before the turn ends.
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(await Promise.all(pending)).toEqual([1, 1, 1, 1, 1]);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 5 });
  });

  it('commits as soon as a batch is full', async () => {
    const writes = new GroupCommit(db, 3);
    const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
    const pending = [1, 2, 3, 4].map((id) => writes.run(insert, [id, 'x']));
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 3 });
    await Promise.all(pending);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 4 });
  });

  it('keeps the other writes of a batch when one fails, and rejects only that one', async () => {
    const writes = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
    const results = await Promise.allSettled([
      writes.run(insert, [1, 'a']),
      writes.run(insert, [2, null]),
      writes.run(insert, [3, 'c']),
      writes.run(insert, [1, 'again']),
      writes.run(insert, [4, 'd']),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    expect(String((results[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE|PRIMARY KEY/);
    expect(db.prepare('SELECT id, v FROM t ORDER BY id').all()).toEqual([
      { id: 1, v: 'a' }, { id: 3, v: 'c' }, { id: 4, v: 'd' },
    ]);
  });

  it('runs at once inside a transaction its caller opened, which then owns the commit', async () => {
    const writes = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)');
    db.exec('BEGIN');
    const changed = writes.run(insert, [1, 'a']);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    db.exec('ROLLBACK');
    expect(await changed).toBe(1);
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
  });
});
