// Snapshots read at once are bounded (`limits.concurrentExports`): one more export gets a 429
// with Retry-After before a byte of its file, one more JSON read (results, statistics) waits
// in line a few seconds first, and a reading that ends early (stopped, a closed download,
// failed, left unread) gives its slot back. Exports are held open by not reading their stream;
// the idle expiry and the end of a wait in line are fired by hand.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { startTestCollector, testConfig } from '@olva/test-support/test-collector';
import { fixtureAnswers, fixtureCore, fixtureResponse } from '@olva/test-support/export-fixtures';
import { STREAM_BATCH, SqlResponseStore } from '../store/sql-store.js';
import { openStore } from '../store/open.js';
import { payloadDigest } from '../store/canonical.js';
import { SnapshotsBusyError } from '../store/snapshot-slots.js';
import { createAuthorizer } from '../tokens.js';
import { sha256Hex } from '../config/load.js';
import { BuildRegistry } from '../questionnaires.js';
import { replyToError } from '../http/error-replies.js';
import { csvReadable } from './csv.js';
import { exportRoutes } from './routes.js';
import { statsRoutes } from '../stats/routes.js';
import { resultsRoutes } from '../results/routes.js';
import { TerritoryDirectory } from '../territories.js';

const TOKEN = 'national-token-0123456789abcdef';
const ALL = { territories: 'all' as const };

for (const backend of bothBackends()) {
  describe(`concurrent snapshots on ${backend.name}`, () => {
    let base: string;
    /** The idle expiries armed, latest last: firing one gives its slot back. */
    let idle: (() => void)[];
    /** The ends of the waits in line armed, latest last: firing one refuses its reader. */
    let waits: (() => void)[];
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());
    let store: SqlResponseStore;
    let app: FastifyInstance;
    /** What the test opened, closed after it (a test of the configuration opens neither). */
    let opened: { close(): Promise<unknown> }[] = [];
    afterEach(async () => {
      for (const o of opened) await o.close();
      opened = [];
    });

    async function setUp(count = 5): Promise<void> {
      idle = [];
      waits = [];
      const plain = await openStore(await backend.newDatabaseUrl());
      store = new SqlResponseStore(plain.db, undefined, {
        concurrentSnapshots: 2,
        idleTimer: (fire) => { idle.push(fire); return () => { idle = idle.filter((f) => f !== fire); }; },
        waitTimer: (fire) => { waits.push(fire); return () => { waits = waits.filter((f) => f !== fire); }; },
      });
      await store.saveQuestionnaire(fixtureCore());
      await Promise.all(Array.from({ length: count }, (_, i) => fixtureResponse(i, fixtureAnswers(i)).payload).map((p) => store.insert(p, payloadDigest(p))));
      const authorizer = createAuthorizer([{ name: 'national', sha256: sha256Hex(TOKEN), scope: { territories: 'all', rights: ['export', 'stats'] }, plain: false }]);
      // Closed with its connections: after a request its client aborted, Node counted one of the
      // client's idle keep-alive sockets as busy, and closing waited 70 s for its headers timeout.
      app = Fastify({ forceCloseConnections: true });
      app.setErrorHandler(replyToError);
      const registry = new BuildRegistry([], store);
      await app.register(exportRoutes, { store, registry, authorizer });
      await app.register(statsRoutes, { store, registry, authorizer, stats: { expected: [] } });
      await app.register(resultsRoutes, { store, registry, authorizer, territories: new TerritoryDirectory() });
      base = await app.listen({ host: '127.0.0.1', port: 0 });
      opened = [app, store];
    }

    /** A stream read as far as its first response, then left unread: it holds its slot. */
    async function held(): Promise<AsyncIterator<unknown>> {
      const it = store.stream(ALL)[Symbol.asyncIterator]();
      expect((await it.next()).done).toBe(false);
      return it;
    }

    const exportOf = (format: string, lang = 'fr', signal?: AbortSignal) => fetch(`${base}/v1/${{ stats: 'stats/sample', results: 'results' }[format] ?? `exports/responses.${format}`}?questionnaire=olva-core`, {
      headers: { authorization: `Bearer ${TOKEN}`, 'accept-language': lang }, ...(signal ? { signal } : {}),
    });

    it('answers one export more than the limit 429 exports-busy with Retry-After at once, in French first, then serves it once a slot is free', async () => {
      await setUp();
      const first = await held();
      await held();
      expect(() => store.stream(ALL)).toThrow(SnapshotsBusyError);
      for (const format of ['csv', 'xlsx', 'ndjson']) {
        const refused = await exportOf(format);
        expect(refused.status).toBe(429);
        expect(refused.headers.get('retry-after')).toBe('10');
        expect(refused.headers.get('content-disposition')).toBeNull();
        expect(await refused.json()).toEqual({ error: 'exports-busy', message: 'trop d’exports ou de calculs sur l’ensemble des réponses sont en cours (au plus 2 à la fois) ; réessayez dans 10 s' });
      }
      expect((await (await exportOf('csv', 'en')).json()).message).toBe('too many exports or computations over all responses are running (at most 2 at once); retry in 10 s');
      // Stopped early (a `break` out of `for await`): the slot is back.
      await first.return!();
      expect(store.snapshots.inUse).toBe(1);
      const served = await exportOf('csv');
      expect(served.status).toBe(200);
      expect((await served.text()).trim().split('\n')).toHaveLength(6);
      expect(store.snapshots.inUse).toBe(1);
    });

    it('has one results or statistics request more than the limit wait in line: served once a slot is given back, 429 when none came, its place given up when its client goes', async () => {
      await setUp();
      const first = await held();
      const second = await held();
      // Served once a download ends, the first in line first.
      const results = exportOf('results');
      await vi.waitFor(() => expect(store.snapshots.waiting).toBe(1));
      const stats = exportOf('stats');
      await vi.waitFor(() => expect(store.snapshots.waiting).toBe(2));
      // A download meanwhile is still refused at once, not put in line.
      expect((await exportOf('csv')).status).toBe(429);
      await first.return!();
      const served = await results;
      expect(served.status).toBe(200);
      expect(((await served.json()) as { groups: unknown[] }).groups.length).toBeGreaterThan(0);
      // Its slot, once it answered, to the next in line.
      expect((await stats).status).toBe(200);
      expect(store.snapshots.waiting).toBe(0);
      expect(store.snapshots.inUse).toBe(1);
      await second.return!();
      expect(store.snapshots.inUse).toBe(0);

      // None given back within the wait: the 429 of an export.
      const held1 = await held();
      await held();
      const refused = exportOf('results');
      await vi.waitFor(() => expect(waits).toHaveLength(1));
      waits[0]!();
      const answer = await refused;
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('10');
      expect(((await answer.json()) as { error: string }).error).toBe('exports-busy');
      expect(store.snapshots.waiting).toBe(0);
      expect(store.snapshots.inUse).toBe(2);

      // Its client gone, a reader in line leaves it: the slot given back is nobody's.
      const gone = new AbortController();
      const abandoned = exportOf('results', 'fr', gone.signal);
      abandoned.catch(() => {});
      await vi.waitFor(() => expect(store.snapshots.waiting).toBe(1));
      gone.abort();
      await vi.waitFor(() => expect(store.snapshots.waiting).toBe(0));
      expect(waits).toEqual([]);
      // So does a reader stopping its stream before its slot came.
      const stopped = store.stream(ALL, { wait: {} });
      const firstRead = stopped.next();
      firstRead.catch(() => {});
      expect(store.snapshots.waiting).toBe(1);
      await stopped.return!();
      expect(store.snapshots.waiting).toBe(0);
      await expect(firstRead).rejects.toThrow(SnapshotsBusyError);
      await held1.return!();
      expect(store.snapshots.inUse).toBe(1);
      expect((await exportOf('results')).status).toBe(200);
      expect(store.snapshots.inUse).toBe(1);
    });

    it('gives the slot of a closed download back, even before its first read', async () => {
      // More than the download's buffer holds: it waits for its reader.
      await setUp(2 * STREAM_BATCH + 1);
      const download = csvReadable([fixtureCore()], store.stream(ALL));
      await new Promise((resolve) => download.once('readable', resolve));
      expect(store.snapshots.inUse).toBe(1);
      // What fastify does when the client goes away.
      download.destroy();
      await new Promise((resolve) => download.once('close', resolve));
      expect(store.snapshots.inUse).toBe(0);

      // Stopped before its first read (a generator's `finally` would not run).
      const unstarted = store.stream(ALL);
      expect(store.snapshots.inUse).toBe(1);
      await unstarted.return!();
      expect(store.snapshots.inUse).toBe(0);

      // Through HTTP: the client goes away once the headers came (the file may be all sent or not yet);
      // the reply's end gives the slot back.
      const aborted = new AbortController();
      const response = await fetch(`${base}/v1/exports/responses.csv?questionnaire=olva-core`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: aborted.signal });
      expect(response.status).toBe(200);
      aborted.abort();
      await vi.waitFor(() => expect(store.snapshots.inUse).toBe(0));
    });

    // PostgreSQL ends a session from another one: a read that fails on the database's side.
    if (backend.name === 'postgres') it('gives the slot back when a read fails (its session ended by the server)', async () => {
      // Three batches, as below: the third is asked of the session ended.
      await setUp(2 * STREAM_BATCH + 1);
      const broken = await held();
      const [{ n }] = await store.db.query(
        "SELECT COUNT(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'FETCH%'",
      ) as [{ n: unknown }];
      expect(Number(n)).toBe(1);
      expect(store.snapshots.inUse).toBe(1);
      await expect((async () => { while (!(await broken.next()).done); })()).rejects.toThrow();
      expect(store.snapshots.inUse).toBe(0);
    });

    it('gives back, at the idle expiry, the slot of a stream never read or left unread, and lets its snapshot go', async () => {
      // Three batches: the first in hand, the second read ahead, the third asked of a snapshot let go.
      await setUp(2 * STREAM_BATCH + 1);
      store.stream(ALL);
      const unread = await held();
      expect(store.snapshots.inUse).toBe(2);
      expect(idle).toHaveLength(2);
      for (const fire of [...idle]) fire();
      expect(store.snapshots.inUse).toBe(0);
      // Its snapshot was let go: the reader who comes back finds its download failed.
      await expect((async () => { while (!(await unread.next()).done); })()).rejects.toThrow();
      expect(store.snapshots.inUse).toBe(0);
      const served = await exportOf('csv');
      expect(served.status).toBe(200);
      expect((await served.text()).trim().split('\n')).toHaveLength(2 * STREAM_BATCH + 2);
    });

    it('takes its limit from the configuration (limits.concurrentExports), 4 without it', async () => {
      for (const [limits, limit] of [[{ concurrentExports: 1 }, 1], [{}, 4]] as const) {
        const started = await startTestCollector(await backend.newDatabaseUrl(), { overrides: { limits: { ...testConfig().limits as object, ...limits } } });
        try {
          expect((started.collector.store as SqlResponseStore).snapshots.limit).toBe(limit);
        } finally {
          await started.close();
        }
      }
    });
  });
}
