// PostgreSQL's own end of a snapshot left unread: the store's slot timer closes one whose
// reader stopped, but a process hung (or killed) closes nothing, and the server must then end
// the session itself, letting its transaction's snapshot go for vacuum.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { postgresBackend } from '@olva/test-support/store-backends';
import { openPostgresDb } from './postgres.js';

const backend = postgresBackend();

describe('PostgreSQL snapshots', () => {
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());

  it('are ended by the server once left unread for their idle time, and their next read fails', async () => {
    // A second instead of the 10 minutes of SNAPSHOT_IDLE_MS.
    const db = openPostgresDb(await backend.newDatabaseUrl(), { snapshotIdleMs: 1000 });
    try {
      await db.exec('CREATE TABLE t (n INTEGER)');
      await db.run('INSERT INTO t SELECT generate_series(1, 3)');
      const cursor = db.snapshot('SELECT n FROM t ORDER BY n', [], 1);
      expect(await cursor.next()).toEqual({ rows: [{ n: 1 }], done: false });
      // The snapshot's session, in its transaction, holding back the oldest row vacuum may remove.
      const held = async () => (await db.query(
        "SELECT state, backend_xmin IS NOT NULL AS holds FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'FETCH%'",
      )).map((r) => ({ state: r.state, holds: r.holds }));
      expect(await held()).toEqual([{ state: 'idle in transaction', holds: true }]);
      // Its reader reads no more and never closes it: the server ends the session.
      await vi.waitFor(async () => expect(await held()).toEqual([]), { timeout: 30_000, interval: 100 });
      await expect(cursor.next()).rejects.toThrow();
      // Reading or closing it again is harmless.
      await cursor.close();
    } finally {
      await db.close();
    }
  });
});
