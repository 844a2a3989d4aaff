import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { corePayload, coreQuestionnaire, rennesQuestionnaire } from '@olva/test-support/collector-questionnaires';
import { publishNow } from '@olva/test-support/publications';
import { openStore } from './open.js';
import { SqlPublicationStore } from './publications.js';
import { payloadDigest } from './canonical.js';
import { ERASURE_BY, InvalidCursorError, STREAM_BATCH, SqlResponseStore } from './sql-store.js';

for (const backend of bothBackends()) {
  describe(`ResponseStore contract on ${backend.name}`, () => {
    let store: SqlResponseStore;
    beforeAll(async () => {
      await backend.setup();
      store = await openStore(await backend.newDatabaseUrl());
    });
    afterAll(async () => {
      await store?.close();
      await backend.teardown();
    });

    it('stores a response, replays an identical one and refuses a conflicting one', async () => {
      const p = corePayload();
      const first = await store.insert(p, payloadDigest(p));
      expect(first.status).toBe('created');
      const again = await store.insert(p, payloadDigest(p));
      expect(again).toEqual({ status: 'replayed', receivedAt: (first as { receivedAt: string }).receivedAt });
      const other = { ...p, answers: { ...p.answers, nb_benevoles: 13 } };
      expect(await store.insert(other, payloadDigest(other))).toEqual({ status: 'conflict' });
      const got = await store.get(p.submissionId);
      expect(got?.payload).toEqual(p);
      expect(got?.digest).toBe(payloadDigest(p));
      expect(await store.get('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it('keeps one row under 50 concurrent identical inserts', async () => {
      const p = corePayload();
      const outcomes = await Promise.all(Array.from({ length: 50 }, () => store.insert(p, payloadDigest(p))));
      expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'replayed')).toHaveLength(49);
      expect(await store.count({ territories: 'all', questionnaireId: 'olva-core' })).toBeGreaterThan(0);
      const all = [];
      for await (const r of store.stream({ territories: 'all' })) if (r.submissionId === p.submissionId) all.push(r);
      expect(all).toHaveLength(1);
    });

    it('writes the inserts of one turn together, each with the outcome it would have alone', async () => {
      const known = corePayload();
      await store.insert(known, payloadDigest(known));
      const fresh = Array.from({ length: 30 }, () => corePayload());
      const changed = { ...known, answers: { ...known.answers, nb_benevoles: 99 } };
      const outcomes = await Promise.all([
        ...fresh.map((p) => store.insert(p, payloadDigest(p))),
        store.insert(known, payloadDigest(known)),
        store.insert(changed, payloadDigest(changed)),
        store.insert(fresh[0], payloadDigest(fresh[0])),
        store.insert({ ...fresh[1], channel: 'phone' }, payloadDigest({ ...fresh[1], channel: 'phone' })),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([...fresh.map(() => 'created'), 'replayed', 'conflict', 'replayed', 'conflict']);
      for (const p of fresh) expect((await store.get(p.submissionId))?.payload).toEqual(p);
    });

    it('when one row of a turn cannot be written, fails it alone', async () => {
      const fresh = Array.from({ length: 5 }, () => corePayload());
      const broken = { ...corePayload(), wave: null } as unknown as (typeof fresh)[number];
      const outcomes = await Promise.allSettled([broken, ...fresh].map((p) => store.insert(p, payloadDigest(p))));
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value.status : 'rejected'))).toEqual(['rejected', ...fresh.map(() => 'created')]);
      expect(await store.get(broken.submissionId)).toBeNull();
      for (const p of fresh) expect((await store.get(p.submissionId))?.payload).toEqual(p);
    });

    it('filters by territory, wave, questionnaire and extension', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        const rennes = { level: 'commune' as const, code: '35238' };
        const lorient = { level: 'epci' as const, code: '200042174' };
        const rows = [
          corePayload({ territory: rennes, wave: '2026' }),
          corePayload({ territory: rennes, wave: '2025' }),
          corePayload({ territory: lorient, wave: '2026', extension: { id: 'lorient-agglo-2026', version: '1.0.0' } }),
        ];
        for (const p of rows) await fresh.insert(p, payloadDigest(p));
        expect(await fresh.count({ territories: 'all' })).toBe(3);
        expect(await fresh.count({ territories: [rennes] })).toBe(2);
        expect(await fresh.count({ territories: [lorient] })).toBe(1);
        expect(await fresh.count({ territories: [] })).toBe(0);
        expect(await fresh.count({ territories: [{ level: 'epci', code: '35238' }] })).toBe(0);
        expect(await fresh.count({ territories: 'all', waves: ['2026'] })).toBe(2);
        expect(await fresh.count({ territories: [rennes], waves: ['2025', '2026'] })).toBe(2);
        expect(await fresh.count({ territories: 'all', extensionId: 'lorient-agglo-2026' })).toBe(1);
        expect(await fresh.count({ territories: 'all', questionnaireId: 'other' })).toBe(0);
      } finally {
        await fresh.close();
      }
    });

    it('pages and streams in (receivedAt, submissionId) order without losing or repeating rows', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        const total = STREAM_BATCH + 37;
        const ids = new Set<string>();
        for (let i = 0; i < total; i++) {
          const p = corePayload({ wave: i % 2 ? '2026' : '2025' });
          ids.add(p.submissionId);
          await fresh.insert(p, payloadDigest(p));
        }
        const streamed: string[] = [];
        let previous = '';
        for await (const r of fresh.stream({ territories: 'all' })) {
          const key = `${r.receivedAt}|${r.submissionId}`;
          expect(key > previous).toBe(true);
          previous = key;
          streamed.push(r.submissionId);
        }
        expect(streamed).toHaveLength(total);
        expect(new Set(streamed)).toEqual(ids);
        const paged: string[] = [];
        let after: string | undefined;
        do {
          const page = await fresh.list({ territories: 'all', waves: ['2026'] }, { after, limit: 100 });
          paged.push(...page.items.map((r) => r.submissionId));
          after = page.next;
        } while (after);
        expect(paged).toHaveLength(Math.floor(total / 2));
        await expect(fresh.list({ territories: 'all' }, { after: 'not-a-cursor', limit: 10 })).rejects.toBeInstanceOf(InvalidCursorError);
      } finally {
        await fresh.close();
      }
    });

    it('streams one snapshot: what is stored, erased, set aside or restored while it reads is as it was at its start', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        const all = { territories: 'all' as const };
        const before = Array.from({ length: 2 * STREAM_BATCH + 5 }, () => corePayload());
        await Promise.all(before.map((p) => fresh.insert(p, payloadDigest(p))));
        const ids = async () => {
          const seen: string[] = [];
          for await (const r of fresh.stream(all)) seen.push(r.submissionId);
          return seen;
        };
        // Set aside before the start, restored while it reads.
        await fresh.exclude(before[0].submissionId, before[1].submissionId, 'test');
        const expected = await ids();
        expect(expected).toHaveLength(before.length - 1);

        const reading = fresh.stream(all)[Symbol.asyncIterator]();
        const seen = [(await reading.next()).value!.submissionId];
        // Writers go on while it reads: each of these resolves (committed) before it goes on.
        const added = [corePayload(), corePayload()];
        for (const p of added) expect((await fresh.insert(p, payloadDigest(p))).status).toBe('created');
        expect(await fresh.delete(expected.at(-1)!)).toBe(true);
        expect(await fresh.delete(expected[1])).toBe(true);
        expect(await fresh.exclude(expected.at(-2)!, expected.at(-3)!, 'test')).toBe(true);
        expect(await fresh.restore(before[0].submissionId, 'test')).toBe(true);
        for (let r = await reading.next(); !r.done; r = await reading.next()) seen.push(r.value.submissionId);

        expect(seen).toEqual(expected);
        // The next read is of the store as it is now.
        expect(await fresh.count(all)).toBe(expected.length - 2 - 1 + 1 + added.length);
        expect((await ids()).length).toBe(expected.length - 2 - 1 + 1 + added.length);
      } finally {
        await fresh.close();
      }
    });

    it('lets a stream stopped early go, and streams an empty selection', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        const rows = Array.from({ length: STREAM_BATCH + 1 }, () => corePayload());
        await Promise.all(rows.map((p) => fresh.insert(p, payloadDigest(p))));
        for await (const r of fresh.stream({ territories: 'all' })) { void r; break; }
        const none: string[] = [];
        for await (const r of fresh.stream({ territories: [] })) none.push(r.submissionId);
        expect(none).toEqual([]);
        // What the stopped stream held back is let go: an erasure goes through, whole.
        expect(await fresh.delete(rows[0].submissionId)).toBe(true);
        expect(await fresh.count({ territories: 'all' })).toBe(rows.length - 1);
      } finally {
        await fresh.close();
      }
    });

    it('erases one response and purges by questionnaire and age', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        const a = corePayload();
        const b = corePayload();
        const c = corePayload({ questionnaire: { id: 'autre', version: '1.0.0' } });
        for (const p of [a, b, c]) await fresh.insert(p, payloadDigest(p));
        // A submissionId is the same in either case.
        expect((await fresh.get(a.submissionId.toUpperCase()))?.payload).toEqual(a);
        expect(await fresh.delete(a.submissionId.toUpperCase())).toBe(true);
        expect(await fresh.delete(a.submissionId)).toBe(false);
        expect(await fresh.get(a.submissionId)).toBeNull();
        expect(await fresh.purge('olva-core', new Date('2000-01-01'))).toBe(0);
        expect(await fresh.purge('olva-core', new Date(Date.now() + 60_000))).toBe(1);
        expect(await fresh.count({ territories: 'all' })).toBe(1);
        expect((await fresh.get(c.submissionId))?.payload).toEqual(c);
        // An erased or purged submissionId is remembered: a replay does not bring it back,
        // alone or with others in one batch.
        expect((await fresh.insert(a, payloadDigest(a))).status).toBe('erased');
        const d = corePayload();
        const batch = await Promise.all([b, d, a].map((p) => fresh.insert(p, payloadDigest(p))));
        expect(batch.map((o) => o.status)).toEqual(['erased', 'created', 'erased']);
        expect(await fresh.get(a.submissionId)).toBeNull();
        expect(await fresh.get(b.submissionId)).toBeNull();
        // Erasing an id never stored remembers nothing: it can still be sent.
        const e = corePayload();
        expect(await fresh.delete(e.submissionId)).toBe(false);
        expect((await fresh.insert(e, payloadDigest(e))).status).toBe('created');
      } finally {
        await fresh.close();
      }
    });

    it('remembers every response that an erasure racing its first insert says it erased', async () => {
      const replays: string[] = [];
      for (let i = 0; i < 40; i++) {
        const p = corePayload();
        // The erasure starts zero to three turns after the insert: either may come first.
        const [, erased] = await Promise.all([store.insert(p, payloadDigest(p)), (async () => {
          for (let turn = 0; turn < i % 4; turn++) await new Promise((next) => setImmediate(next));
          return store.delete(p.submissionId);
        })()]);
        if (erased) replays.push((await store.insert(p, payloadDigest(p))).status);
      }
      // Deleted without being remembered, a response came back on its replay (PostgreSQL reads
      // each statement afresh; SQLite's insert ran between the erasure's statements).
      expect(replays.filter((status) => status !== 'erased')).toEqual([]);
    });

    it('keeps every questionnaire version it is given, once', async () => {
      const core = coreQuestionnaire();
      const rennes = rennesQuestionnaire();
      await store.saveQuestionnaire(core);
      await store.saveQuestionnaire(core);
      await store.saveQuestionnaire(rennes);
      expect(await store.getQuestionnaire(core.questionnaire, null)).toEqual(core);
      expect(await store.getQuestionnaire(rennes.questionnaire, { id: 'rennes-2026', version: '1.0.0' })).toEqual(rennes);
      expect(await store.getQuestionnaire(rennes.questionnaire, { id: 'rennes-2026', version: '9.9.9' })).toBeNull();
      expect((await store.listQuestionnaires()).map((c) => c.id).sort()).toEqual(['olva-core', 'olva-core+rennes-2026']);
    });

    it('commits the steps of a transaction together, none when one fails, and stops after a guard that changed nothing', async () => {
      const [a, b] = [corePayload().submissionId, corePayload().submissionId];
      const remember = (id: string) => ({ sql: 'INSERT INTO olva_erased (submission_id, erased_at) VALUES (?, ?)', params: [id, 'test'] });
      const remembered = async () => (await store.db.query('SELECT submission_id FROM olva_erased WHERE submission_id IN (?, ?) ORDER BY submission_id', [a, b]))
        .map((r) => String(r.submission_id));
      // The second step breaks the primary key: the first is rolled back with it.
      await expect(store.db.transaction([remember(a), remember(a)])).rejects.toThrow();
      expect(await remembered()).toEqual([]);
      expect(await store.db.transaction([{ ...remember(a), guard: true }, remember(b)])).toEqual([1, 1]);
      expect(await store.db.transaction([{ sql: 'DELETE FROM olva_erased WHERE submission_id = ?', params: [corePayload().submissionId], guard: true }, remember(b)]))
        .toEqual([0]);
      expect(await remembered()).toEqual([a, b].sort());
    });

    it('logs an exclusion and its undoing, raced many times on one response, in the order they took effect', async () => {
      const [id, kept] = [corePayload().submissionId, corePayload().submissionId];
      const done: { action: 'exclude' | 'restore'; changed: boolean }[] = [];
      // Rounds of excludes and restores at once: PostgreSQL's pool runs ten of them together
      // (written as two statements, 4 to 17 % of raced pairs logged an undo before its exclusion).
      for (let round = 0; round < 6; round++) {
        await Promise.all(Array.from({ length: 16 }, async (_, i) => {
          const action = i % 2 ? 'restore' as const : 'exclude' as const;
          const changed = action === 'exclude' ? await store.exclude(id, kept, `c-${i}`) : await store.restore(id, `c-${i}`);
          done.push({ action, changed });
        }));
      }
      const log = (await store.exclusionLog()).filter((e) => e.submissionId === id).map((e) => e.action);
      // Each change has its line, no line without a change, an undo never before what it undoes.
      expect(log.filter((a) => a === 'exclude')).toHaveLength(done.filter((d) => d.changed && d.action === 'exclude').length);
      expect(log.filter((a) => a === 'restore')).toHaveLength(done.filter((d) => d.changed && d.action === 'restore').length);
      expect(log).toEqual(log.map((_, i) => (i % 2 ? 'restore' : 'exclude')));
      const excludedNow = (await store.exclusions()).some((e) => e.submissionId === id);
      expect(excludedNow).toBe(log.at(-1) === 'exclude');
    });

    it('dates no line of the exclusion log before the line ahead of it', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      // A time read before waiting for the act ahead (or a clock set back): 5 ms earlier.
      let now = Date.parse('2026-03-01T10:00:00.005Z');
      const clocked = new SqlResponseStore(fresh.db, () => new Date(now));
      try {
        const [id, kept] = [corePayload().submissionId, corePayload().submissionId];
        expect(await clocked.exclude(id, kept, 'rennes')).toBe(true);
        now -= 5;
        expect(await clocked.restore(id, 'lorient')).toBe(true);
        now += 10;
        expect(await clocked.exclude(id, kept, 'rennes')).toBe(true);
        expect((await fresh.exclusionLog()).map((e) => e.at))
          .toEqual(['2026-03-01T10:00:00.005Z', '2026-03-01T10:00:00.005Z', '2026-03-01T10:00:00.010Z']);
      } finally {
        await fresh.close();
      }
    });

    it('takes out every personal answer two purges of different questions racing on the same responses take out', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        let kept = 0;
        // Two retention runs at once (two processes, a list of personal questions changed in
        // between): each read the payloads, then wrote its own rewrite over the other's, putting
        // back what the other took out (9 or 10 of 10 rounds on both databases, five runs).
        for (let round = 0; round < 5; round++) {
          const batch = Array.from({ length: 20 }, () => corePayload({ answers: { ...corePayload().answers, nom_association: 'Élan', numero_rna: 'W351234567' } as never }));
          await Promise.all(batch.map((p) => fresh.insert(p, payloadDigest(p))));
          const before = new Date(Date.now() + 60_000);
          await Promise.all([fresh.purgePersonal('olva-core', before, ['nom_association']), fresh.purgePersonal('olva-core', before, ['numero_rna'])]);
          for (const p of batch) {
            const answers = (await fresh.get(p.submissionId))!.payload.answers as Record<string, unknown>;
            if ('nom_association' in answers || 'numero_rna' in answers) { kept += 1; break; }
          }
        }
        expect(kept).toBe(0);
      } finally {
        await fresh.close();
      }
    });

    it('takes the personal answers out page after page, across responses received at the same instant', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      // Pages follow (received_at, submission_id): every response here shares one reception
      // time, so each page boundary falls among equal times.
      const clocked = new SqlResponseStore(fresh.db, () => new Date('2026-01-01T00:00:00.000Z'));
      try {
        const batch = Array.from({ length: STREAM_BATCH + 50 }, () => corePayload({ answers: { ...corePayload().answers, nom_association: 'Élan' } as never }));
        await Promise.all(batch.map((p) => clocked.insert(p, payloadDigest(p))));
        expect(await clocked.purgePersonal('olva-core', new Date('2026-02-01T00:00:00.000Z'), ['nom_association'])).toBe(batch.length);
        const left = (await clocked.list({ territories: 'all' }, { limit: 10_000 })).items.filter((r) => 'nom_association' in (r.payload.answers as object));
        expect(left).toEqual([]);
      } finally {
        await fresh.close();
      }
    });

    it('starts a personal purge after the responses an earlier run of the same questions cleaned, and reads every one again for a new question', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      let clock = new Date('2026-01-01T00:00:00.000Z');
      const clocked = new SqlResponseStore(fresh.db, () => clock);
      const named = () => corePayload({ answers: { ...corePayload().answers, nom_association: 'Élan', numero_rna: 'W351234567' } as never });
      // Put back behind the store's back: a run that reads the response takes it out again.
      const putBack = (id: string) => fresh.db.run('UPDATE olva_responses SET payload = ? WHERE submission_id = ?', [JSON.stringify(named()), id]);
      const answersOf = async (id: string) => (await clocked.get(id))!.payload.answers as Record<string, unknown>;
      try {
        const old = [named(), named(), named()];
        await Promise.all(old.map((p) => clocked.insert(p, payloadDigest(p))));
        clock = new Date('2026-03-01T00:00:00.000Z');
        const cutOff = new Date('2026-02-01T00:00:00.000Z');
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association'])).toBe(3);
        await putBack(old[0]!.submissionId);
        // The same questions, or some of them, again: nothing before the mark is read.
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association'])).toBe(0);
        expect(await answersOf(old[0]!.submissionId)).toHaveProperty('nom_association');
        // A later cut-off reads on from the mark only.
        const later = named();
        clock = new Date('2026-02-10T00:00:00.000Z');
        await clocked.insert(later, payloadDigest(later));
        clock = new Date('2026-04-01T00:00:00.000Z');
        expect(await clocked.purgePersonal('olva-core', new Date('2026-03-01T00:00:00.000Z'), ['nom_association'])).toBe(1);
        // A question personal in a new version: every response is read again, the mark's too.
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association', 'numero_rna'])).toBe(3);
        expect(await answersOf(old[0]!.submissionId)).not.toHaveProperty('nom_association');
        expect(await answersOf(later.submissionId)).toHaveProperty('numero_rna');
        // The later cut-off under the new list: the response after the old ones too.
        expect(await clocked.purgePersonal('olva-core', new Date('2026-03-01T00:00:00.000Z'), ['nom_association', 'numero_rna'])).toBe(1);
        expect(await answersOf(later.submissionId)).not.toHaveProperty('numero_rna');
      } finally {
        await fresh.close();
      }
    });

    it('reads again, at the next personal purge, the responses received within the hour before the last one', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      const clocked = new SqlResponseStore(fresh.db, () => new Date('2026-01-01T00:00:00.000Z'));
      try {
        const p = corePayload({ answers: { ...corePayload().answers, nom_association: 'Élan' } as never });
        await clocked.insert(p, payloadDigest(p));
        const cutOff = new Date('2026-01-02T00:00:00.000Z');
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association'])).toBe(1);
        // As a response dated before that run but committed after it would be.
        await fresh.db.run('UPDATE olva_responses SET payload = ? WHERE submission_id = ?', [JSON.stringify(p), p.submissionId]);
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association'])).toBe(1);
      } finally {
        await fresh.close();
      }
    });

    it('purges at the next run the personal answers of responses a clock set back dated before the last run\'s mark, and then skips them', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      let clock = new Date('2026-01-10T00:00:00.000Z');
      const clocked = new SqlResponseStore(fresh.db, () => clock);
      const named = () => corePayload({ answers: { ...corePayload().answers, nom_association: 'Élan' } as never });
      const answersOf = async (id: string) => (await clocked.get(id))!.payload.answers as Record<string, unknown>;
      try {
        const old = [named(), named()];
        await Promise.all(old.map((p) => clocked.insert(p, payloadDigest(p))));
        clock = new Date('2026-03-01T00:00:00.000Z');
        const cutOff = new Date('2026-02-01T00:00:00.000Z');
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association'])).toBe(2);
        // The system clock set back two months: a response received now is dated before those
        // the mark passed.
        clock = new Date('2026-01-05T00:00:00.000Z');
        const late = named();
        await clocked.insert(late, payloadDigest(late));
        expect((await clocked.get(late.submissionId))!.receivedAt < (await clocked.get(old[0]!.submissionId))!.receivedAt).toBe(true);
        clock = new Date('2026-01-05T02:00:00.000Z');
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association'])).toBe(1);
        expect(await answersOf(late.submissionId)).not.toHaveProperty('nom_association');
        // Put back behind the store's back: the mark passed it, the next run does not read it.
        await fresh.db.run('UPDATE olva_responses SET payload = ? WHERE submission_id = ?', [JSON.stringify(late), late.submissionId]);
        expect(await clocked.purgePersonal('olva-core', cutOff, ['nom_association'])).toBe(0);
      } finally {
        await fresh.close();
      }
    });

    it('stops the personal purge\'s mark before a response received after the cut-off, even one inserted before responses it cleaned', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      let clock = new Date('2026-03-01T00:00:00.000Z');
      const clocked = new SqlResponseStore(fresh.db, () => clock);
      const named = () => corePayload({ answers: { ...corePayload().answers, nom_association: 'Élan' } as never });
      try {
        // Received after the cut-off, then (the clock set back) two received before it.
        const recent = named();
        await clocked.insert(recent, payloadDigest(recent));
        clock = new Date('2026-01-10T00:00:00.000Z');
        const early = [named(), named()];
        await Promise.all(early.map((p) => clocked.insert(p, payloadDigest(p))));
        clock = new Date('2026-03-02T00:00:00.000Z');
        expect(await clocked.purgePersonal('olva-core', new Date('2026-02-01T00:00:00.000Z'), ['nom_association'])).toBe(2);
        // A later cut-off takes the one left, inserted before the ones cleaned.
        expect(await clocked.purgePersonal('olva-core', new Date('2026-03-01T12:00:00.000Z'), ['nom_association'])).toBe(1);
        expect((await clocked.get(recent.submissionId))!.payload.answers).not.toHaveProperty('nom_association');
      } finally {
        await fresh.close();
      }
    });

    it('takes an erased response\'s exclusions with it: one set aside goes from the set and the log, one set aside for it is restored', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        // K kept instead of E1 and E2 (K purged at the end of its retention); S set aside for X
        // (S erased on request).
        const [k, e1, e2, s, x] = [corePayload({ questionnaire: { id: 'autre', version: '1.0.0' } }), corePayload(), corePayload(), corePayload(), corePayload()];
        for (const p of [k, e1, e2, s, x]) await fresh.insert(p, payloadDigest(p));
        for (const [aside, kept] of [[e1, k], [e2, k], [s, x]]) expect(await fresh.exclude(aside.submissionId, kept.submissionId, 'rennes')).toBe(true);
        expect(await fresh.restore(s.submissionId, 'rennes')).toBe(true);
        expect(await fresh.exclude(s.submissionId, x.submissionId, 'lorient')).toBe(true);
        expect(await fresh.count({ territories: 'all' })).toBe(2);

        expect(await fresh.delete(s.submissionId)).toBe(true);
        expect(await fresh.purge('autre', new Date(Date.now() + 60_000))).toBe(1);

        expect(await fresh.exclusions()).toEqual([]);
        // E1 and E2 count again (before, nothing counted them nor showed a group to undo them in).
        expect(await fresh.count({ territories: 'all' })).toBe(3);
        const log = await fresh.exclusionLog();
        expect(JSON.stringify(log)).not.toMatch(new RegExp(`${s.submissionId}|${k.submissionId}`));
        expect(log.map((e) => [e.action, e.submissionId, e.keptId, e.by])).toEqual([
          ['exclude', e1.submissionId, null, 'rennes'], ['exclude', e2.submissionId, null, 'rennes'],
          ...[e1, e2].sort((a, b) => a.submissionId.localeCompare(b.submissionId)).map((e) => ['restore', e.submissionId, null, ERASURE_BY]),
        ]);
        // Erased stays erased: never set aside, kept nor restored again.
        expect(await fresh.isErased(s.submissionId.toUpperCase())).toBe(true);
        expect(await fresh.isErased(e1.submissionId)).toBe(false);
        expect(await fresh.exclude(e1.submissionId, k.submissionId, 'rennes')).toBe(false);
        expect(await fresh.exclude(s.submissionId, x.submissionId, 'rennes')).toBe(false);
        expect(await fresh.restore(s.submissionId, 'rennes')).toBe(false);
        expect(await fresh.exclusions()).toEqual([]);
        expect(await fresh.exclusionLog()).toHaveLength(4);
      } finally {
        await fresh.close();
      }
    });

    it('at start, takes out the exclusions erasures made before this version left behind', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      try {
        const [kept, aside] = [corePayload(), corePayload()];
        for (const p of [kept, aside]) await fresh.insert(p, payloadDigest(p));
        expect(await fresh.exclude(aside.submissionId, kept.submissionId, 'rennes')).toBe(true);
        // The erasure as it was: remembered and deleted, its exclusions left in place.
        await fresh.db.transaction([
          { sql: 'INSERT INTO olva_erased (submission_id, erased_at) VALUES (?, ?)', params: [kept.submissionId, '2026-01-01T00:00:00.000Z'] },
          { sql: 'DELETE FROM olva_responses WHERE submission_id = ?', params: [kept.submissionId] },
        ]);
        await new SqlResponseStore(fresh.db).init();
        expect(await fresh.exclusions()).toEqual([]);
        expect((await fresh.exclusionLog()).map((e) => [e.action, e.submissionId, e.keptId, e.by]))
          .toEqual([['exclude', aside.submissionId, null, 'rennes'], ['restore', aside.submissionId, null, ERASURE_BY]]);
      } finally {
        await fresh.close();
      }
    });

    it('leaves no exclusion nor log line naming a response erased while a coordinator set its duplicate aside', async () => {
      const left: string[] = [];
      // The erasure and the exclusion at once (another process's request): an exclusion
      // committed after the erasure's delete of exclusions kept the erased id (PostgreSQL, the
      // erasure not waiting for exclusion acts: 13 to 21 of 30 rounds, three runs).
      for (let round = 0; round < 20; round++) {
        const [kept, aside] = [corePayload(), corePayload()];
        for (const p of [kept, aside]) await store.insert(p, payloadDigest(p));
        await Promise.all([store.exclude(aside.submissionId, kept.submissionId, 'rennes'), store.delete(kept.submissionId)]);
        if ((await store.exclusions()).some((e) => e.keptId === kept.submissionId)
          || (await store.exclusionLog()).some((e) => e.keptId === kept.submissionId)) left.push(kept.submissionId);
      }
      expect(left).toEqual([]);
    });

    it('sets aside one of two responses each kept instead of the other at once, never both', async () => {
      for (let i = 0; i < 10; i++) {
        const [a, b] = [corePayload().submissionId, corePayload().submissionId];
        const done = await Promise.all([store.exclude(a, b, 'rennes'), store.exclude(b, a, 'lorient')]);
        expect(done.filter(Boolean)).toHaveLength(1);
      }
    });

    // PostgreSQL's pool really runs these together; each act must still be written once.
    const RENNES = { level: 'commune', code: '35238' } as const;
    it('withdraws a publication once when asked many times at once', async () => {
      await publishNow(store.publications, RENNES, '2026', 'rennes', '{"groups":[]}', 10);
      const acts = await Promise.all(Array.from({ length: 12 }, (_, i) => store.publications.withdraw(RENNES, '2026', `rennes-${i}`)));
      expect(acts.filter((a) => a !== null)).toHaveLength(1);
      expect((await store.publications.history(RENNES, '2026')).map((e) => e.action)).toEqual(['published', 'withdrawn']);
      expect(await store.publications.published(RENNES, '2026')).toBeNull();
    });

    it('lists in one read the territories with a current publication, among some or all, of given waves or any', async () => {
      const fresh = await openStore(await backend.newDatabaseUrl());
      const [vannes, lorient, brest, morbihan] = [
        { level: 'commune', code: '56260' }, { level: 'commune', code: '56121' }, { level: 'commune', code: '29019' }, { level: 'departement', code: '56' },
      ] as const;
      try {
        await publishNow(fresh.publications, vannes, '2025', 'vannes', '{}', 1);
        await publishNow(fresh.publications, vannes, '2026', 'vannes', '{}', 1);
        await publishNow(fresh.publications, lorient, '2026', 'lorient', '{}', 1);
        await fresh.publications.withdraw(lorient, '2026', 'lorient');
        await publishNow(fresh.publications, lorient, '2025', 'lorient', '{}', 1);
        await publishNow(fresh.publications, morbihan, '2026', 'morbihan', '{}', 1);
        await publishNow(fresh.publications, brest, '2026', 'brest', '{}', 1);
        await fresh.publications.withdraw(brest, '2026', 'brest');
        const among = [vannes, lorient, brest, morbihan, { level: 'commune', code: '35238' } as const];
        expect(await fresh.publications.publishedTerritories('all')).toEqual([lorient, vannes, morbihan]);
        expect(await fresh.publications.publishedTerritories(among)).toEqual([lorient, vannes, morbihan]);
        expect(await fresh.publications.publishedTerritories([brest, morbihan])).toEqual([morbihan]);
        // Withdrawn in 2026, Lorient's current publications are of 2025 only.
        expect(await fresh.publications.publishedTerritories(among, ['2026'])).toEqual([vannes, morbihan]);
        expect(await fresh.publications.publishedTerritories('all', ['2025'])).toEqual([lorient, vannes]);
        expect(await fresh.publications.publishedTerritories(among, [])).toEqual([]);
        expect(await fresh.publications.publishedTerritories([])).toEqual([]);
      } finally {
        await fresh.close();
      }
    });

    it('lists the documents a territory has published, wave by wave, its last act in each', async () => {
      const LORIENT = { level: 'commune', code: '56121' } as const;
      await publishNow(store.publications, LORIENT, '2024', 'lorient', '{"n":1}', 1);
      await publishNow(store.publications, LORIENT, '2024', 'lorient', '{"n":2}', 2);
      await publishNow(store.publications, LORIENT, '2025', 'lorient', '{"n":3}', 3);
      await store.publications.withdraw(LORIENT, '2025', 'lorient');
      await publishNow(store.publications, LORIENT, '2026', 'lorient', '{"n":4}', 4);
      expect(await store.publications.publishedWaves(LORIENT)).toEqual(new Map([['2024', '{"n":2}'], ['2026', '{"n":4}']]));
      expect(await store.publications.publishedWaves({ level: 'commune', code: '29019' })).toEqual(new Map());
      // Every document it has published: those replaced or withdrawn since have been public too.
      expect((await store.publications.snapshots(LORIENT)).map((s) => [s.wave, s.document])).toEqual([
        ['2024', '{"n":1}'], ['2024', '{"n":2}'], ['2025', '{"n":3}'], ['2026', '{"n":4}'],
      ]);
      expect(await store.publications.snapshots({ level: 'commune', code: '29019' })).toEqual([]);
    });

    it('publishes, of many publications checked beside the same state of the publications at once, one only', async () => {
      const wave = '2021';
      const written: number[] = [];
      for (let round = 0; round < 8; round++) {
        const acts = await store.publications.acts();
        const done = await Promise.all(Array.from({ length: 12 }, (_, i) => store.publications.publishIfUnchanged(
          { level: 'commune', code: String(35000 + i) }, wave, `t-${i}`, '{"groups":[]}', 10, acts)));
        written.push(done.filter(Boolean).length);
      }
      expect(written).toEqual(written.map(() => 1));
      const acts = await store.publications.acts();
      // Checked against a state gone by: nothing written.
      expect(await store.publications.publishIfUnchanged(RENNES, wave, 'rennes', '{}', 1, acts - 1)).toBeNull();
      expect(await store.publications.publishIfUnchanged(RENNES, wave, 'rennes', '{}', 1, acts)).toMatchObject({ action: 'published', by: 'rennes', responses: 1 });
      // An act of another wave moves the state too: a document shows its previous wave.
      const before = await store.publications.acts();
      await publishNow(store.publications, RENNES, '2020', 'rennes', '{}', 1);
      expect(await store.publications.publishIfUnchanged(RENNES, wave, 'rennes', '{}', 1, before)).toBeNull();
    });

    it('dates no act on a publication before the act ahead of it', async () => {
      let now = Date.parse('2026-03-01T10:00:00.005Z');
      const clocked = new SqlPublicationStore(store.db, () => new Date(now));
      const wave = 'clock-set-back';
      expect((await publishNow(clocked, RENNES, wave, 'rennes', '{}', 1)).at).toBe('2026-03-01T10:00:00.005Z');
      now -= 5;
      expect(await clocked.withdraw(RENNES, wave, 'rennes')).toMatchObject({ at: '2026-03-01T10:00:00.005Z' });
      // Published again with the clock still set back: dated as the withdrawal, not before it.
      expect((await publishNow(clocked, RENNES, wave, 'rennes', '{}', 2)).at).toBe('2026-03-01T10:00:00.005Z');
      now += 10;
      await publishNow(clocked, RENNES, wave, 'rennes', '{}', 3);
      expect((await clocked.history(RENNES, wave)).map((e) => e.at))
        .toEqual(['2026-03-01T10:00:00.005Z', '2026-03-01T10:00:00.005Z', '2026-03-01T10:00:00.005Z', '2026-03-01T10:00:00.010Z']);
    });
  });
}
