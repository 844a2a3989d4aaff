/**
 * Acts of publication taken many times at once, on SQLite and PostgreSQL: each is written
 * once in the log, as one after the other would be (PostgreSQL's pool really runs them together).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { openStore } from './open.js';
import type { SqlResponseStore } from './sql-store.js';

for (const backend of bothBackends()) {
  describe(`publications on ${backend.name}`, () => {
    let store: SqlResponseStore;
    beforeAll(async () => {
      await backend.setup();
      store = await openStore(await backend.newDatabaseUrl());
    });
    afterAll(async () => {
      await store?.close();
      await backend.teardown();
    });
    const RENNES = { level: 'commune', code: '35238' } as const;

    it('withdraws a publication once when asked many times at once', async () => {
      await store.publications.publish(RENNES, '2026', 'rennes', '{"groups":[]}', 10);
      const acts = await Promise.all(Array.from({ length: 12 }, (_, i) => store.publications.withdraw(RENNES, '2026', `rennes-${i}`)));
      expect(acts.filter((a) => a !== null)).toHaveLength(1);
      expect((await store.publications.history(RENNES, '2026')).map((e) => e.action)).toEqual(['published', 'withdrawn']);
      expect(await store.publications.published(RENNES, '2026')).toBeNull();
    });

    it('writes every one of many publications at once, each with its own place in the log', async () => {
      const acts = await Promise.all(Array.from({ length: 20 }, (_, i) => store.publications.publish(RENNES, '2025', `rennes-${i}`, `{"n":${i}}`, i)));
      expect(acts).toHaveLength(20);
      const history = await store.publications.history(RENNES, '2025');
      expect(history.map((e) => e.by).sort()).toEqual(acts.map((a) => a.by).sort());
      expect(await store.publications.published(RENNES, '2025')).toBe(`{"n":${history.at(-1)!.responses}}`);
    });
  });
}
