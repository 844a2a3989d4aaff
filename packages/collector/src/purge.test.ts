import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { openStore } from './store/open.js';
import { SqlResponseStore } from './store/sql-store.js';
import { payloadDigest } from './store/canonical.js';
import type { CompiledQuestionnaire } from '@olva/schema';
import { purgeExpired, purgePersonalBefore, purgePersonalExpired } from './purge.js';

/** A version of olva-core whose questions `personal` are marked so. */
const version = (v: string, personal: string[]) => ({
  questionnaire: { id: 'olva-core', version: v }, extension: null,
  sections: [{ id: 'profil', questions: ['nom_association', 'email_contact', 'secteur'].map((id) => ({ id, type: 'text', ...(personal.includes(id) ? { personal: true } : {}) })) }],
}) as unknown as CompiledQuestionnaire;

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

    it('removes the answers of personal questions from older responses, keeps the rest, and does it once', async () => {
      const opened = await openStore(await backend.newDatabaseUrl());
      let clock = new Date('2026-01-10T12:00:00Z');
      const store = new SqlResponseStore(opened.db, () => clock);
      // Two kept versions that disagree: a question personal in either is personal in both.
      try {
        await store.saveQuestionnaire(version('2026.2.0', []));
        await store.saveQuestionnaire(version('2026.2.1', ['nom_association']));
        await store.saveQuestionnaire({ ...version('1.0.0', ['secteur']), questionnaire: { id: 'autre-enquete', version: '1.0.0' } } as CompiledQuestionnaire);
        const personal = { nom_association: 'Les Amis du Blosne', nom_association_other: 'x', secteur: 'sport', nb_benevoles: 12 };
        const old = corePayload({ questionnaire: { id: 'olva-core', version: '2026.2.0' }, answers: personal });
        await store.insert(old, payloadDigest(old));
        clock = new Date('2026-06-10T12:00:00Z');
        const recent = corePayload({ questionnaire: { id: 'olva-core', version: '2026.2.1' }, answers: personal });
        await store.insert(recent, payloadDigest(recent));

        const reports = await purgePersonalExpired(store, { 'olva-core': 90 }, new Date('2026-06-20T00:00:00Z'));
        expect(reports).toEqual([{ questionnaireId: 'olva-core', retentionDays: 90, before: '2026-03-22T00:00:00.000Z', questions: ['nom_association'], responses: 1 }]);
        const kept = await store.get(old.submissionId);
        expect(kept!.payload.answers).toEqual({ secteur: 'sport', nb_benevoles: 12 });
        expect(kept!.payload.submittedAt).toBe(old.submittedAt);
        expect((await store.get(recent.submissionId))!.payload.answers).toEqual(personal);
        // Idempotent; a replay of the original payload is recognised, never stored again.
        expect((await purgePersonalExpired(store, { 'olva-core': 90 }, new Date('2026-06-20T00:00:00Z')))[0]!.responses).toBe(0);
        expect(await store.insert(old, payloadDigest(old))).toMatchObject({ status: 'replayed' });
        expect((await store.get(old.submissionId))!.payload.answers).not.toHaveProperty('nom_association');
        // An explicit date reaches the recent one too; another questionnaire's marks do not apply.
        expect(await purgePersonalBefore(store, 'olva-core', new Date('2026-07-01T00:00:00Z'))).toMatchObject({ questions: ['nom_association'], responses: 1 });
        expect((await store.get(recent.submissionId))!.payload.answers).toEqual({ secteur: 'sport', nb_benevoles: 12 });
        expect(await store.count({ territories: 'all' })).toBe(2);
      } finally {
        await store.close();
      }
    });

    it('takes out, at its next run, the answers to a question a new version marks personal, from responses an earlier run cleaned', async () => {
      const opened = await openStore(await backend.newDatabaseUrl());
      let clock = new Date('2026-01-10T12:00:00Z');
      const store = new SqlResponseStore(opened.db, () => clock);
      try {
        await store.saveQuestionnaire(version('2026.2.0', ['nom_association']));
        const old = corePayload({ questionnaire: { id: 'olva-core', version: '2026.2.0' }, answers: { nom_association: 'Élan', email_contact: 'a@b.fr', nb_benevoles: 3 } });
        await store.insert(old, payloadDigest(old));
        clock = new Date('2026-06-20T00:00:00Z');
        expect((await purgePersonalExpired(store, { 'olva-core': 90 }, clock))[0]).toMatchObject({ questions: ['nom_association'], responses: 1 });
        await store.saveQuestionnaire(version('2026.3.0', ['email_contact']));
        expect((await purgePersonalExpired(store, { 'olva-core': 90 }, clock))[0]).toMatchObject({ questions: ['email_contact', 'nom_association'], responses: 1 });
        expect((await store.get(old.submissionId))!.payload.answers).toEqual({ nb_benevoles: 3 });
      } finally {
        await store.close();
      }
    });
  });
}
