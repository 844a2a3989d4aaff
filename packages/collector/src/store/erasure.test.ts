import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { payloadDigest } from './canonical.js';
import { SqlResponseStore, STREAM_BATCH } from './sql-store.js';
import { openSqliteDb } from './sqlite.js';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-erasure-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

/** Which of the database's files (the database, its write-ahead log) hold `marker`. */
function filesHolding(file: string, marker: string): string[] {
  return [file, `${file}-wal`].filter((f) => fs.existsSync(f) && fs.readFileSync(f).includes(marker));
}

describe('erasure on SQLite', () => {
  it('leaves nothing of an erased or purged response in the database file or its log', async () => {
    const file = path.join(dir, 'erasure.sqlite');
    let clock = new Date('2025-01-01T00:00:00.000Z');
    const store = new SqlResponseStore(openSqliteDb(file), () => clock);
    try {
      await store.init();
      // A small response (inside a table page) and a large one (over overflow pages), twice:
      // one erased on request, one purged at the end of its retention.
      const marked = (marker: string, size: number) => corePayload({
        source: `src-${marker}`,
        answers: { secteur: 'sport', nb_benevoles: 1, employeur: false, commentaire: `${marker} `.repeat(size) } as never,
      });
      const erased = [marked('EFFACE-PETIT-7f3a', 1), marked('EFFACE-GRAND-7f3a', 2000)];
      const purged = [marked('PURGE-PETIT-9c1b', 1), marked('PURGE-GRAND-9c1b', 2000)];
      for (const p of purged) await store.insert(p, payloadDigest(p));
      clock = new Date('2026-06-01T00:00:00.000Z');
      const kept = marked('GARDE-5e2d', 1);
      for (const p of [...erased, kept]) await store.insert(p, payloadDigest(p));
      for (const m of ['EFFACE-PETIT-7f3a', 'EFFACE-GRAND-7f3a', 'PURGE-PETIT-9c1b', 'PURGE-GRAND-9c1b']) {
        expect(filesHolding(file, m), m).not.toEqual([]);
      }

      for (const p of erased) expect(await store.delete(p.submissionId)).toBe(true);
      for (const m of ['EFFACE-PETIT-7f3a', 'EFFACE-GRAND-7f3a']) expect(filesHolding(file, m), m).toEqual([]);
      expect(await store.purge('olva-core', new Date('2026-01-01T00:00:00.000Z'))).toBe(2);
      for (const m of ['PURGE-PETIT-9c1b', 'PURGE-GRAND-9c1b']) expect(filesHolding(file, m), m).toEqual([]);
      // What was not erased is still there, and still read.
      expect((await store.get(kept.submissionId))?.payload).toEqual(kept);
    } finally {
      await store.close();
    }
  });

  it('takes an erased response out of the files once the export reading it ends, and at once when none reads it', async () => {
    const file = path.join(dir, 'snapshot.sqlite');
    let clock = new Date('2026-01-01T00:00:00.000Z');
    const store = new SqlResponseStore(openSqliteDb(file), () => clock);
    try {
      await store.init();
      const marked = (marker: string) => corePayload({ answers: { secteur: 'sport', nb_benevoles: 1, employeur: false, commentaire: `${marker} `.repeat(500) } as never });
      // Two batches ahead of them: the stream reads one batch ahead of its reader.
      const others = Array.from({ length: 2 * STREAM_BATCH }, () => corePayload());
      await Promise.all(others.map((p) => store.insert(p, payloadDigest(p))));
      // Received last: read in the export's third batch, after the erasure.
      const [unread, later] = [marked('LU-APRES-4b8e'), marked('ARRET-4b8e')];
      for (const [i, p] of [unread, later].entries()) {
        clock = new Date(Date.UTC(2026, 0, 2 + i));
        await store.insert(p, payloadDigest(p));
      }

      const reading = store.stream({ territories: 'all' })[Symbol.asyncIterator]();
      await reading.next();
      // Erased while an export reads it: the export still reads the snapshot it started on,
      // which holds it, so it stays on disk until then; the erasure is not held back.
      expect(await store.delete(unread.submissionId)).toBe(true);
      expect(await store.get(unread.submissionId)).toBeNull();
      expect(filesHolding(file, 'LU-APRES-4b8e')).not.toEqual([]);
      const streamed = [];
      for (let r = await reading.next(); !r.done; r = await reading.next()) streamed.push(r.value.submissionId);
      expect(streamed.at(-2)).toBe(unread.submissionId);
      // The export over, nothing of it is left.
      expect(filesHolding(file, 'LU-APRES-4b8e')).toEqual([]);

      // An export stopped early lets its snapshot go at once.
      for await (const r of store.stream({ territories: 'all' })) { void r; break; }
      expect(await store.delete(later.submissionId)).toBe(true);
      expect(filesHolding(file, 'ARRET-4b8e')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
