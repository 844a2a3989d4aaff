/**
 * The duplicates list against an act committed between its reads, on SQLite and PostgreSQL:
 * the erasure of the response kept in a group (which restores the responses set aside for it)
 * is made after each read of the list in turn, so that the interleaving is chosen, not raced.
 * Whatever read it follows, the list is the one read before the erasure or the one read after,
 * never a mix counting a group resolved that never was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { cockpitPayload } from '@olva/test-support/cockpit-fixtures';
import { openStore } from '../store/open.js';
import { payloadDigest } from '../store/canonical.js';
import { refreshFacts } from '../store/facts.js';
import type { SqlDb } from '../store/sql.js';
import type { SqlResponseStore } from '../store/sql-store.js';
import { listDuplicates, type DuplicateList } from './list.js';

/** `db`, running `act` once, after its `after`-th read (counted from 1) returned. */
function actingAfter(db: SqlDb, after: number, act: () => Promise<unknown>): { db: SqlDb; reads: () => number } {
  let reads = 0;
  return {
    db: { ...db, dialect: db.dialect, async query(sql, params) {
      const rows = await db.query(sql, params);
      if (++reads === after) await act();
      return rows;
    } },
    reads: () => reads,
  };
}

for (const backend of bothBackends()) {
  describe(`duplicates list on ${backend.name}`, () => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());

    /** Runs `test` on a fresh, empty store, closed afterwards. */
    async function onFreshStore(test: (store: SqlResponseStore, list: (db: SqlDb) => Promise<DuplicateList>) => Promise<void>): Promise<void> {
      const store = await openStore(await backend.newDatabaseUrl());
      try {
        await test(store, async (db) => {
          await refreshFacts(store.db, 'secteur');
          return listDuplicates(db, { territories: 'all', includeExcluded: true }, { known: [], include: true });
        });
      } finally {
        await store.close();
      }
    }

    // The route refreshes them once for the waves it offers and the list: a second pass inside
    // the list read only what was stored in between, for a statement more per request.
    it('reads the facts as its caller refreshed them', () => onFreshStore(async (store, list) => {
      await list(store.db);
      const pair = [1, 2].map(() => cockpitPayload({ nom_association: 'Les Amis du Thabor', commune_siege: '35238' }));
      for (const p of pair) await store.insert(p, payloadDigest(p));
      const ids = (l: DuplicateList) => l.groups.flatMap((g) => g.members.map((m) => m.submissionId));
      const unrefreshed = await listDuplicates(store.db, { territories: 'all', includeExcluded: true }, { known: [], include: true });
      expect(ids(unrefreshed)).not.toContain(pair[0]!.submissionId);
      expect(ids(await list(store.db))).toEqual(expect.arrayContaining(pair.map((p) => p.submissionId)));
    }));

    it('comes from one state of the store when the kept response is erased between its reads', () => onFreshStore(async (store, list) => {
      // After each read in turn, until the erasure comes after the last one.
      for (let after = 1, during = true; during; after++) {
        // A group of three, two set aside in favour of the third: resolved until it is erased.
        const [kept, ...aside] = [1, 2, 3].map(() => cockpitPayload({ nom_association: `Amicale numéro ${after}`, commune_siege: '35238' }));
        for (const p of [kept, ...aside]) await store.insert(p, payloadDigest(p));
        for (const p of aside) expect(await store.exclude(p.submissionId, kept.submissionId, 'rennes')).toBe(true);
        const before = await list(store.db);
        const group = before.groups.find((g) => g.members.some((m) => m.submissionId === kept.submissionId));
        expect(group?.members.filter((m) => m.excluded)).toHaveLength(2);
        const acting = actingAfter(store.db, after, () => store.delete(kept.submissionId));
        const read = await listDuplicates(acting.db, { territories: 'all', includeExcluded: true }, { known: [], include: true });
        during = acting.reads() >= after;
        if (!during) await store.delete(kept.submissionId);
        const later = await list(store.db);
        expect(later.resolved, `erased after read ${after}`).toBe(before.resolved - 1);
        expect([before, later], `erased after read ${after}`).toContainEqual(read);
      }
    }));
  });
}
