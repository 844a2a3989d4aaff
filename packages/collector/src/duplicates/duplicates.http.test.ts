/**
 * Duplicates over real HTTP, on SQLite and PostgreSQL: probable duplicates listed within the
 * token's scope, one set aside (exports, statistics, the cockpit and the store's stream skip
 * it; it is not deleted), the audit trail, and the undo. Names and RNA numbers only for a
 * token with export-personal, as the questionnaire's definitions mark them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bothBackends, sqliteBackend } from '@olva/test-support/store-backends';
import { TEST_TOKENS, testConfig } from '@olva/test-support/test-collector';
import { parseCsv } from '@olva/test-support/export-fixtures';
import { cockpitPayload, postAll, startCockpitCollector } from '@olva/test-support/cockpit-fixtures';
import { ERASURE_BY, type SqlResponseStore } from '../store/sql-store.js';

for (const backend of bothBackends()) {
  describe(`duplicates on ${backend.name}`, () => {
    let server: Awaited<ReturnType<typeof startCockpitCollector>>;
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const textBody = await res.text();
      return { status: res.status, text: textBody, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(textBody) : null };
    };
    const get = (path: string, token: string) => call('GET', path, token);
    const rennes = TEST_TOKENS.rennes;
    const csvRows = async () => parseCsv((await get('/v1/exports/responses.csv?questionnaire=olva-core', rennes)).text.replace(/^\uFEFF/, '')).length - 1;

    // Élan answered twice (name variants), Judo twice (same RNA, names differ), one alone; an
    // "Élan" in Lorient (another commune) is no duplicate, and out of Rennes' reach anyway.
    const elan1 = cockpitPayload({ nom_association: 'Association L’Élan', commune_siege: '35238' });
    const elan2 = cockpitPayload({ nom_association: "ELAN (l')", commune_siege: '35238', secteur: 'culture' });
    const judo1 = cockpitPayload({ nom_association: 'Judo club de Rennes', numero_rna: 'W353000123' });
    const judo2 = cockpitPayload({ nom_association: 'JCR', numero_rna: 'W353000123' });
    const alone = cockpitPayload({ nom_association: 'Les Jardins du Blosne', commune_siege: '35238' });
    const PERSONAL_TOKEN = 'rnma-personal-0123456789abcdef';
    const lorient = cockpitPayload({ nom_association: 'Élan', commune_siege: '56121' }, { territory: { level: 'commune', code: '56121' } });

    beforeAll(async () => {
      await backend.setup();
      // One more token, national with the personal answers, beside the usual ones.
      const tokens = [...(testConfig().tokens as unknown[]), { name: 'rnma-perso', token: PERSONAL_TOKEN, scope: { territories: 'all', rights: ['read', 'export-personal'] } }];
      server = await startCockpitCollector(await backend.newDatabaseUrl(), { stats: { sectorQuestion: 'secteur' }, tokens });
      await postAll(server.url, [elan1, elan2, judo1, judo2, alone, lorient]);
    });
    afterAll(async () => {
      await server?.close();
      await backend.teardown();
    });

    it('lists probable duplicates within the scope, with links', async () => {
      const { status, body } = await get('/v1/cockpit/duplicates', PERSONAL_TOKEN);
      expect(status).toBe(200);
      expect(body.groups.map((g: any) => [g.reasons, g.members.map((m: any) => m.submissionId)])).toEqual([
        [['name'], [elan1.submissionId, elan2.submissionId]],
        [['rna'], [judo1.submissionId, judo2.submissionId]],
      ]);
      expect(body.groups[0].members[1]).toMatchObject({ name: "ELAN (l')", commune: '35238', communeName: 'Rennes', channel: 'web', link: `/v1/responses/${elan2.submissionId}`, excluded: null, territory: { level: 'commune', code: '35238', name: 'Rennes' } });
      expect(body.groups[1].members[0]).toMatchObject({ name: 'Judo club de Rennes', rna: 'W353000123' });
      expect(body).toMatchObject({ resolved: 0, personal: 'included', personalLeftOut: [] });
      const national = (await get('/v1/cockpit/duplicates', TEST_TOKENS.national)).body;
      expect(national.groups).toHaveLength(2);
      // Those asked for named, as GET /v1/cockpit/me names a scope: the page's heading, opened at its address.
      expect(national.territories).toEqual([]);
      expect((await get('/v1/cockpit/duplicates?territory=commune:35238', TEST_TOKENS.national)).body.territories).toEqual([{ level: 'commune', code: '35238', name: 'Rennes' }]);
      expect((await get('/v1/cockpit/duplicates', TEST_TOKENS.lorient)).body.groups).toEqual([]);
      expect((await call('GET', '/v1/cockpit/duplicates')).status).toBe(401);
    });

    it('leaves the names and RNA numbers out for a token without export-personal, and says so, as GET /v1/responses/{id} does', async () => {
      const res = await fetch(`${server.url}/v1/cockpit/duplicates`, { headers: { authorization: `Bearer ${rennes}` } });
      expect(res.headers.get('olva-personal-data')).toBe('left-out');
      const body = await res.json();
      // The groups and why they are grouped stay: deciding is still possible, on the answers.
      expect(body.groups.map((g: any) => [g.reasons, g.members.map((m: any) => m.submissionId)])).toEqual([
        [['name'], [elan1.submissionId, elan2.submissionId]],
        [['rna'], [judo1.submissionId, judo2.submissionId]],
      ]);
      expect(body).toMatchObject({ personal: 'left-out', personalLeftOut: ['name', 'rna'] });
      for (const m of body.groups.flatMap((g: any) => g.members)) expect(m).toMatchObject({ name: null, rna: null });
      // The head-office commune is not personal: it stays.
      expect(body.groups[0].members[0]).toMatchObject({ commune: '35238', communeName: 'Rennes' });
      expect(JSON.stringify(body)).not.toMatch(/Élan|ELAN|Judo|JCR|W353000123/);
      const personal = await fetch(`${server.url}/v1/cockpit/duplicates`, { headers: { authorization: `Bearer ${PERSONAL_TOKEN}` } });
      expect(personal.headers.get('olva-personal-data')).toBe('included');
    });

    it('sets one aside: exports, statistics, the cockpit and listings skip it; it is kept; the undo brings it back', async () => {
      expect(await csvRows()).toBe(5);
      const exclude = { exclude: elan2.submissionId, keep: elan1.submissionId };
      expect((await call('POST', '/v1/cockpit/duplicates/exclude', TEST_TOKENS.rennesReadOnly, exclude)).status).toBe(403);
      expect((await call('POST', '/v1/cockpit/duplicates/exclude', TEST_TOKENS.lorient, exclude)).status).toBe(404);
      expect(await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: elan2.submissionId })).toMatchObject({ status: 400, body: { problems: [{ pointer: '/keep', code: 'submission-id' }] } });
      expect(await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: elan2.submissionId, keep: elan2.submissionId })).toMatchObject({ status: 400, body: { problems: [{ pointer: '/keep', code: 'keep-itself' }] } });
      expect((await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: lorient.submissionId, keep: elan1.submissionId })).status).toBe(404);
      const done = await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: elan2.submissionId.toUpperCase(), keep: elan1.submissionId });
      expect(done).toMatchObject({ status: 200, body: { excluded: elan2.submissionId, kept: elan1.submissionId, by: 'rennes' } });
      // Refused in the store's transaction; the 409 still says which of the two is set aside.
      expect(await call('POST', '/v1/cockpit/duplicates/exclude', rennes, exclude)).toMatchObject({ status: 409, body: { message: expect.stringContaining('est déjà écartée') } });
      expect(await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: elan1.submissionId, keep: elan2.submissionId }))
        .toMatchObject({ status: 409, body: { message: expect.stringContaining('rétablissez-la d’abord') } });

      expect(await csvRows()).toBe(4);
      expect((await get('/v1/stats/sample', rennes)).body.total).toBe(4);
      const view = (await get('/v1/cockpit/territory', rennes)).body;
      expect(view.responses).toBe(4);
      expect(view.sectors.lines.find((l: any) => l.code === 'culture').count).toBe(0);
      expect((await get('/v1/responses?limit=100', rennes)).body.items.map((i: any) => i.submissionId)).not.toContain(elan2.submissionId);
      expect((await get(`/v1/responses/${elan2.submissionId}`, rennes)).status).toBe(200);
      const store = server.collector.store;
      const streamed = async (includeExcluded: boolean) => { const ids = []; for await (const r of store.stream({ territories: 'all', includeExcluded })) ids.push(r.submissionId); return ids; };
      expect(await streamed(false)).not.toContain(elan2.submissionId);
      expect(await streamed(true)).toContain(elan2.submissionId);
      expect((await store.exclusions()).map((e) => [e.submissionId, e.keptId, e.by])).toEqual([[elan2.submissionId, elan1.submissionId, 'rennes']]);
      const listed = (await get('/v1/cockpit/duplicates', rennes)).body;
      expect(listed.resolved).toBe(1);
      expect(listed.groups[0].members[1].excluded).toMatchObject({ keptId: elan1.submissionId, by: 'rennes' });

      expect((await call('POST', '/v1/cockpit/duplicates/restore', TEST_TOKENS.lorient, { submissionId: elan2.submissionId })).status).toBe(404);
      expect((await call('POST', '/v1/cockpit/duplicates/restore', rennes, { submissionId: elan2.submissionId })).body).toEqual({ restored: elan2.submissionId, by: 'rennes' });
      expect((await call('POST', '/v1/cockpit/duplicates/restore', rennes, { submissionId: elan2.submissionId })).status).toBe(404);
      expect(await csvRows()).toBe(5);
      const log = (await get('/v1/cockpit/duplicates/log', rennes)).body.events;
      expect(log.map((e: any) => [e.action, e.submissionId, e.keptId, e.by])).toEqual([
        ['exclude', elan2.submissionId, elan1.submissionId, 'rennes'], ['restore', elan2.submissionId, null, 'rennes'],
      ]);
      expect((await get('/v1/cockpit/duplicates/log', TEST_TOKENS.lorient)).body.events).toEqual([]);
    });

    it('reads a response in words, under the rules of GET /v1/responses/{id}: read right, scope, personal answers', async () => {
      const path = `/v1/cockpit/responses/${elan2.submissionId}`;
      const { status, body } = await get(path, TEST_TOKENS.rennesReadOnly);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        submissionId: elan2.submissionId, territory: { level: 'commune', code: '35238', name: 'Rennes' }, wave: '2026', channel: 'web', source: null,
        submittedAt: elan2.submittedAt, personal: 'left-out',
      });
      // Without export-personal, no name (nor RNA number): said, with the questions' labels.
      expect(body.personalLeftOut.map((q: any) => q.question)).toEqual(['nom_association', 'numero_rna']);
      const answers = (b: any) => Object.fromEntries(b.sections.flatMap((s: any) => s.answers.map((a: any) => [a.question, a.words])));
      expect(answers(body)).toEqual({
        secteur: { kind: 'choices', choices: [{ code: 'culture', label: { fr: 'Culture' } }] },
        nb_benevoles: { kind: 'number', value: 4 }, employeur: { kind: 'boolean', value: false },
        commune_siege: { kind: 'commune', code: '35238', name: 'Rennes' },
      });
      expect(JSON.stringify(body)).not.toContain('ELAN');
      const personal = (await get(path, PERSONAL_TOKEN)).body;
      expect(personal.personal).toBe('included');
      expect(answers(personal).nom_association).toEqual({ kind: 'text', text: "ELAN (l')" });
      // Outside the scope or not a response: unknown; no token: 401.
      expect((await get(path, TEST_TOKENS.lorient)).status).toBe(404);
      expect((await get('/v1/cockpit/responses/not-an-id', rennes)).status).toBe(404);
      expect((await call('GET', path)).status).toBe(401);
    });

    it('erasing a response erases its facts too', async () => {
      const db = (server.collector.store as unknown as { db: { query(sql: string, p: unknown[]): Promise<unknown[]> } }).db;
      expect(await db.query('SELECT name_key FROM olva_response_facts WHERE submission_id = ?', [alone.submissionId])).toHaveLength(1);
      expect((await call('DELETE', `/v1/responses/${alone.submissionId}`, rennes)).status).toBe(204);
      expect(await db.query('SELECT name_key FROM olva_response_facts WHERE submission_id = ?', [alone.submissionId])).toHaveLength(0);
    });

    it('erasing the response kept restores the one set aside for it; an erased response is never set aside, kept nor restored again (404 erased)', async () => {
      const exclude = { exclude: judo2.submissionId, keep: judo1.submissionId };
      expect((await call('POST', '/v1/cockpit/duplicates/exclude', rennes, exclude)).status).toBe(200);
      expect((await get('/v1/cockpit/territory', rennes)).body.responses).toBe(3);
      expect((await call('DELETE', `/v1/responses/${judo1.submissionId}`, rennes)).status).toBe(204);
      // JCR counts again: set aside for a response that is gone, it was counted nowhere and in
      // no group left to undo it from.
      expect((await get('/v1/cockpit/territory', rennes)).body.responses).toBe(3);
      expect(await csvRows()).toBe(3);
      expect((await get('/v1/cockpit/duplicates', rennes)).body.groups.map((g: any) => g.reasons)).toEqual([['name']]);
      const events = (await get('/v1/cockpit/duplicates/log', rennes)).body.events.filter((e: any) => e.submissionId === judo2.submissionId);
      expect(events.map((e: any) => [e.action, e.keptId, e.by])).toEqual([['exclude', null, 'rennes'], ['restore', null, ERASURE_BY]]);

      const erased = { status: 404, body: { error: 'not-found', message: expect.stringContaining('a été effacée'), problems: [{ code: 'erased' }] } };
      expect(await call('POST', '/v1/cockpit/duplicates/restore', rennes, { submissionId: judo1.submissionId })).toMatchObject({ ...erased, body: { ...erased.body, problems: [{ pointer: '/submissionId', code: 'erased' }] } });
      expect(await call('POST', '/v1/cockpit/duplicates/exclude', rennes, exclude)).toMatchObject({ ...erased, body: { ...erased.body, problems: [{ pointer: '/keep', code: 'erased' }] } });
      expect(await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: judo1.submissionId, keep: judo2.submissionId })).toMatchObject({ ...erased, body: { ...erased.body, problems: [{ pointer: '/exclude', code: 'erased' }] } });
      const english = await fetch(`${server.url}/v1/cockpit/duplicates/restore`, { method: 'POST', headers: { authorization: `Bearer ${rennes}`, 'content-type': 'application/json', 'accept-language': 'en' }, body: JSON.stringify({ submissionId: judo1.submissionId }) });
      expect(await english.json()).toMatchObject({ message: expect.stringContaining('was erased') });
      expect(await server.collector.store.exclusions()).toEqual([]);
    });

    it('reads the log’s members in one statement, not one payload per event', async () => {
      const [old1, old2] = [cockpitPayload({ numero_rna: 'W353000999' }), cockpitPayload({ numero_rna: 'W353000999' })];
      await postAll(server.url, [old1, old2]);
      const store = server.collector.store as SqlResponseStore;
      /** The log, with how many responses and statements the collector read for it. */
      const logRead = async (query = '') => {
        const gets = vi.spyOn(store, 'get');
        const queries = vi.spyOn(store.db, 'query');
        try {
          const events = (await get(`/v1/cockpit/duplicates/log${query}`, rennes)).body.events as { action: string; submissionId: string }[];
          return { events, gets: gets.mock.calls.length, queries: queries.mock.calls.length };
        } finally {
          gets.mockRestore();
          queries.mockRestore();
        }
      };
      const before = await logRead();
      expect((await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: old2.submissionId, keep: old1.submissionId })).status).toBe(200);
      expect((await call('POST', '/v1/cockpit/duplicates/restore', rennes, { submissionId: old2.submissionId })).status).toBe(200);
      expect((await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: old2.submissionId, keep: old1.submissionId })).status).toBe(200);
      const after = await logRead();
      // The same log, three lines longer, oldest first; within the scope only.
      expect(after.events).toEqual([...before.events, ...['exclude', 'restore', 'exclude'].map((action) => expect.objectContaining({ action, submissionId: old2.submissionId, by: 'rennes' }))]);
      expect((await get('/v1/cockpit/duplicates/log', TEST_TOKENS.lorient)).body.events).toEqual([]);
      // No payload read per event, and no more statements for more events.
      expect(after.gets).toBe(0);
      expect(after.queries).toBe(before.queries);
    });

    it('lists the duplicates of one wave, the newest unless asked, and the log of one wave', async () => {
      // Last year's Judo club answered twice too: a group of its own wave, not of 2026's list.
      const old1 = cockpitPayload({ nom_association: 'Judo club de Rennes', numero_rna: 'W353000888' }, { wave: '2025' });
      const old2 = cockpitPayload({ nom_association: 'JCR', numero_rna: 'W353000888' }, { wave: '2025' });
      await postAll(server.url, [old1, old2]);
      const newest = (await get('/v1/cockpit/duplicates', rennes)).body;
      expect(newest).toMatchObject({ wave: '2026', waves: ['2026', '2025'] });
      expect(newest.groups.length).toBeGreaterThan(0);
      expect(new Set(newest.groups.flatMap((g: any) => g.members.map((m: any) => m.wave)))).toEqual(new Set(['2026']));
      const older = (await get('/v1/cockpit/duplicates?wave=2025', rennes)).body;
      expect(older).toMatchObject({ wave: '2025', waves: ['2026', '2025'], resolved: 0 });
      expect(older.groups.map((g: any) => g.members.map((m: any) => m.submissionId))).toEqual([[old1.submissionId, old2.submissionId]]);
      expect(await get('/v1/cockpit/duplicates?wave=2025&wave=2026', rennes)).toMatchObject({ status: 400, body: { problems: [{ pointer: '/wave', code: 'one-wave' }] } });
      // Lorient's own waves only.
      expect((await get('/v1/cockpit/duplicates', TEST_TOKENS.lorient)).body).toMatchObject({ wave: '2026', waves: ['2026'], groups: [] });

      expect((await call('POST', '/v1/cockpit/duplicates/exclude', rennes, { exclude: old2.submissionId, keep: old1.submissionId })).status).toBe(200);
      const log = async (query: string) => ((await get(`/v1/cockpit/duplicates/log${query}`, rennes)).body.events as { submissionId: string }[]).map((e) => e.submissionId);
      const all = await log('');
      // Last year's decisions apart from this year's, each in the order of the whole log.
      expect(await log('?wave=2025')).toEqual([old2.submissionId]);
      expect(await log('?wave=2026')).toEqual(all.filter((id) => id !== old2.submissionId));
      expect(await log('?wave=2026')).not.toHaveLength(0);
      expect(await get('/v1/cockpit/duplicates/log?wave=%3Cb%3E', rennes)).toMatchObject({ status: 400, body: { problems: [{ pointer: '/wave', code: 'wave-pattern' }] } });
      // A territory's own decisions: Rennes' for the national token asking Rennes, none for Lorient's agglomeration.
      const national = async (query: string) => ((await get(`/v1/cockpit/duplicates/log${query}`, TEST_TOKENS.national)).body.events as { submissionId: string }[]).map((e) => e.submissionId);
      expect(await national('?territory=commune:35238&wave=2025')).toEqual([old2.submissionId]);
      expect(await national('?territory=epci:200042174&wave=2025')).toEqual([]);
      expect(await national('?territory=epci:200042174')).toEqual([]);
      expect(await national('?territory=commune:35238')).toEqual(all);
      expect(await get('/v1/cockpit/duplicates/log?territory=epci:200042174', rennes)).toMatchObject({ status: 403 });
    });
  });
}

// Which answers are personal is the definitions' word, not a list in the collector: a build that
// does not mark the name and RNA questions (as the core before 2026.2.1) shows them to `read`.
describe('duplicates of a questionnaire that marks no question personal', () => {
  const backend = sqliteBackend();
  let server: Awaited<ReturnType<typeof startCockpitCollector>>;
  beforeAll(async () => {
    await backend.setup();
    server = await startCockpitCollector(await backend.newDatabaseUrl(), { stats: { sectorQuestion: 'secteur' } }, { personal: false });
    await postAll(server.url, [cockpitPayload({ numero_rna: 'W353000123', nom_association: 'Judo club' }), cockpitPayload({ numero_rna: 'W353000123', nom_association: 'JCR' })]);
  });
  afterAll(async () => {
    await server?.close();
    await backend.teardown();
  });

  it('lists the names and RNA numbers to a read token, and says nothing was left out', async () => {
    const res = await fetch(`${server.url}/v1/cockpit/duplicates`, { headers: { authorization: `Bearer ${TEST_TOKENS.rennesReadOnly}` } });
    expect(res.headers.get('olva-personal-data')).toBe('none');
    const body = await res.json();
    expect(body).toMatchObject({ personal: 'none', personalLeftOut: [] });
    expect(body.groups[0].members.map((m: any) => [m.name, m.rna])).toEqual([['Judo club', 'W353000123'], ['JCR', 'W353000123']]);
  });
});
