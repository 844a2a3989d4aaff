import { describe, expect, it } from 'vitest';
import { corePayload } from '../test-support/fixtures.js';
import { payloadDigest } from './canonical.js';
import { SqlResponseStore, STREAM_BATCH } from './sql-store.js';
import type { SqlDb } from './sql.js';
import { openSqliteDb } from './sqlite.js';

describe('SqlResponseStore.stream', () => {
  it('reports a page that fails while the caller still reads the previous one, as a rejection of the iteration', async () => {
    // A real SQLite database whose second page read fails, as a lost disk or connection would.
    const db = openSqliteDb(':memory:');
    let pageReads = 0;
    const failing: SqlDb = {
      ...db,
      query: (sql, params) => (sql.startsWith('SELECT submission_id') && ++pageReads === 2
        ? Promise.reject(new Error('disk gone'))
        : db.query(sql, params)),
    };
    const store = new SqlResponseStore(failing);
    try {
      await store.init();
      await Promise.all(Array.from({ length: STREAM_BATCH + 1 }, () => {
        const p = corePayload();
        return store.insert(p, payloadDigest(p));
      }));
      const seen: string[] = [];
      const reading = (async () => {
        for await (const r of store.stream({ territories: 'all' })) {
          seen.push(r.submissionId);
          // A slow caller (formatting, a slow download): the next page's read fails meanwhile.
          if (seen.length === 1) await new Promise((done) => setTimeout(done, 100));
        }
      })();
      await expect(reading).rejects.toThrow('disk gone');
      // The whole first page was handed out before the failure surfaced.
      expect(seen).toHaveLength(STREAM_BATCH);
      expect(pageReads).toBe(2);
    } finally {
      await store.close();
    }
  });
});
