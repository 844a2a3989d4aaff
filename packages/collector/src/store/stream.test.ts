import { describe, expect, it } from 'vitest';
import { corePayload } from '@olva/test-support/collector-questionnaires';
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
      snapshot: (sql, params, batch) => {
        const cursor = db.snapshot(sql, params, batch);
        return { ...cursor, next: () => (++pageReads === 2 ? Promise.reject(new Error('disk gone')) : cursor.next()) };
      },
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

describe('SqlResponseStore.stream on SQLite', () => {
  it('reads an export through an index, without sorting every matching row', async () => {
    // Exports always name a questionnaire; SQLite used to pick the (questionnaire_id, wave)
    // index and sort all of its rows, payloads included.
    const db = openSqliteDb(':memory:');
    const pages: { sql: string; params: unknown[] }[] = [];
    const store = new SqlResponseStore({
      ...db,
      snapshot: (sql, params, batch) => {
        pages.push({ sql, params });
        return db.snapshot(sql, params, batch);
      },
    });
    try {
      await store.init();
      await Promise.all(Array.from({ length: STREAM_BATCH + 1 }, (_, i) => {
        const p = corePayload(i % 2 ? {} : { territory: { level: 'commune', code: '56121' }, wave: '2027' });
        return store.insert(p, payloadDigest(p));
      }));
      const filters = [
        { questionnaireId: 'olva-core', territories: 'all' as const },
        { questionnaireId: 'olva-core', waves: ['2026', '2027'], territories: 'all' as const },
        { questionnaireId: 'olva-core', territories: [{ level: 'commune' as const, code: '35238' }, { level: 'commune' as const, code: '56121' }] },
      ];
      for (const filter of filters) {
        pages.length = 0;
        const seen = new Set<string>();
        for await (const response of store.stream(filter)) seen.add(response.submissionId);
        expect(seen.size).toBe(STREAM_BATCH + 1);
        expect(pages).toHaveLength(1);
        for (const page of pages) {
          const plan = (await db.query(`EXPLAIN QUERY PLAN ${page.sql}`, page.params)).map((r) => String(r.detail));
          expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
        }
      }
    } finally {
      await store.close();
    }
  });
});
