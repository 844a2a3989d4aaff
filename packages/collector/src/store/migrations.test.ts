// A database made by an earlier version is brought to this one's layout when the store opens
// it: its responses kept, numbered in their order of insertion (`seq`), its purge marks forgotten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { isPostgresUrl, openStore, sqliteFileOf } from './open.js';
import { openPostgresDb } from './postgres.js';
import { openSqliteDb } from './sqlite.js';
import { payloadDigest } from './canonical.js';
import type { SqlDb } from './sql.js';

/** The tables as the collector made them before `responses-seq` (December 2026). */
const EARLIER_SCHEMA = `
CREATE TABLE olva_responses (
  submission_id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  questionnaire_id TEXT NOT NULL,
  questionnaire_version TEXT NOT NULL,
  extension_id TEXT,
  extension_version TEXT,
  territory_level TEXT NOT NULL,
  territory_code TEXT NOT NULL,
  wave TEXT NOT NULL,
  channel TEXT NOT NULL,
  source TEXT,
  digest TEXT NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX olva_responses_order ON olva_responses (received_at, submission_id);
CREATE INDEX olva_responses_questionnaire_order ON olva_responses (questionnaire_id, received_at, submission_id);
CREATE TABLE olva_personal_purges (
  questionnaire_id TEXT PRIMARY KEY,
  questions TEXT NOT NULL,
  received_at TEXT NOT NULL,
  submission_id TEXT NOT NULL
);
`;

const openDb = (url: string): SqlDb => (isPostgresUrl(url) ? openPostgresDb(url) : openSqliteDb(sqliteFileOf(url)));

for (const backend of bothBackends()) {
  describe(`migrations on ${backend.name}`, () => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());

    it('numbers the responses of an earlier database and forgets its purge marks, once', async () => {
      const url = await backend.newDatabaseUrl();
      const payloads = ['2026-01-03', '2026-01-01', '2026-01-02'].map((day) => ({
        day, payload: corePayload({ answers: { ...corePayload().answers, nom_association: 'Élan' } as never }),
      }));
      const earlier = openDb(url);
      try {
        await earlier.exec(EARLIER_SCHEMA);
        for (const { day, payload: p } of payloads) {
          await earlier.run(`INSERT INTO olva_responses (submission_id, received_at, questionnaire_id, questionnaire_version, territory_level,
            territory_code, wave, channel, digest, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [p.submissionId, `${day}T00:00:00.000Z`,
            p.questionnaire.id, p.questionnaire.version, p.territory.level, p.territory.code, p.wave, p.channel, payloadDigest(p), JSON.stringify(p)]);
        }
        // A mark past every response: the earlier purge would read none of them again.
        await earlier.run('INSERT INTO olva_personal_purges (questionnaire_id, questions, received_at, submission_id) VALUES (?, ?, ?, ?)',
          ['olva-core', '["nom_association"]', '2026-01-04T00:00:00.000Z', payloads[0]!.payload.submissionId]);
      } finally {
        await earlier.close();
      }

      const store = await openStore(url);
      try {
        const rows = await store.db.query('SELECT submission_id, seq FROM olva_responses ORDER BY seq');
        expect(rows).toHaveLength(3);
        // SQLite copies them in their order of reception; PostgreSQL numbers them where they lie.
        if (backend.name === 'sqlite') expect(rows.map((r) => r.submission_id)).toEqual([1, 2, 0].map((i) => payloads[i]!.payload.submissionId));
        for (const { payload: p } of payloads) expect((await store.get(p.submissionId))?.payload).toEqual(p);
        expect(await store.db.query('SELECT name FROM olva_migrations')).toEqual([{ name: 'responses-seq' }]);
        // New responses come after them, and a replay is still told apart.
        const fresh = corePayload();
        await store.insert(fresh, payloadDigest(fresh));
        const [last] = await store.db.query('SELECT submission_id FROM olva_responses ORDER BY seq DESC LIMIT 1');
        expect(last?.submission_id).toBe(fresh.submissionId);
        expect((await store.insert(payloads[1]!.payload, payloadDigest(payloads[1]!.payload))).status).toBe('replayed');
        // The mark forgotten: the next purge reads every response once.
        expect(await store.purgePersonal('olva-core', new Date('2026-02-01T00:00:00.000Z'), ['nom_association'])).toBe(3);
      } finally {
        await store.close();
      }
      const state = async (db: SqlDb) => ({
        responses: await db.query('SELECT submission_id, seq FROM olva_responses ORDER BY seq'),
        migrations: await db.query('SELECT name, at FROM olva_migrations'),
        marks: await db.query('SELECT questionnaire_id, seq FROM olva_personal_purges'),
      });
      const reopened = openDb(url);
      const migrated = await state(reopened);
      await reopened.close();
      expect(migrated.responses).toHaveLength(4);
      expect(migrated.marks).toHaveLength(1);

      // Opened again: nothing migrated again, renumbered or forgotten.
      const again = await openStore(url);
      try {
        expect(await state(again.db)).toEqual(migrated);
      } finally {
        await again.close();
      }
    });
  });
}
