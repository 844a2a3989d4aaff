import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { openStore } from './store/open.js';
import { SqlResponseStore } from './store/sql-store.js';
import { payloadDigest } from './store/canonical.js';
import { purgeExpired } from './purge.js';

for (const backend of bothBackends()) {
  describe(`retention on ${backend.name}`, () => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());

    it('deletes responses older than their questionnaire\'s retention, and says how many', async () => {
      const opened = await openStore(await backend.newDatabaseUrl());
      let clock = new Date('2024-01-10T12:00:00Z');
      const store = new SqlResponseStore(opened.db, () => clock);
      try {
        const old = [corePayload(), corePayload()];
        for (const p of old) await store.insert(p, payloadDigest(p));
        const other = corePayload({ questionnaire: { id: 'autre-enquete', version: '1.0.0' } });
        await store.insert(other, payloadDigest(other));
        clock = new Date('2026-01-10T12:00:00Z');
        const recent = corePayload();
        await store.insert(recent, payloadDigest(recent));

        const reports = await purgeExpired(store, { 'olva-core': 365, 'autre-enquete': 3650 }, new Date('2026-02-01T00:00:00Z'));
        expect(reports).toEqual([
          { questionnaireId: 'autre-enquete', retentionDays: 3650, before: '2016-02-04T00:00:00.000Z', deleted: 0 },
          { questionnaireId: 'olva-core', retentionDays: 365, before: '2025-02-01T00:00:00.000Z', deleted: 2 },
        ]);
        expect(await store.get(old[0].submissionId)).toBeNull();
        expect(await store.get(recent.submissionId)).not.toBeNull();
        expect(await store.get(other.submissionId)).not.toBeNull();
      } finally {
        await store.close();
      }
    });
  });
}
