import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { sqliteBackend } from '@olva/test-support/store-backends';
import { startChildCollector, type ChildCollector } from '@olva/test-support/collector-child';
import { testConfig, writeFixtureBuilds } from '@olva/test-support/test-collector';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { send } from '@olva/test-support/load-generator';
import { openStore } from './store/open.js';

const KILLS = 3;
const CLIENTS = 100;

/**
 * Posts payloads until the server dies: a 2xx is recorded as acknowledged; a payload whose
 * answer never came back (in flight at the kill) goes back to `pending`, as in the outbox.
 */
async function loadUntilDeath(base: string, pending: ResponsePayload[], acknowledged: Map<string, ResponsePayload>, killAfter: number, kill: () => void): Promise<void> {
  const url = new URL('/v1/responses', base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  let acceptedHere = 0;
  let killed = false;
  const worker = async () => {
    while (pending.length) {
      const p = pending.shift()!;
      try {
        const status = await send(url, JSON.stringify(p), agent);
        if (status !== 200 && status !== 201) throw new Error(`unexpected status ${status}`);
        acknowledged.set(p.submissionId, p);
        if (++acceptedHere === killAfter && !killed) {
          killed = true;
          kill();
        }
      } catch (e) {
        pending.push(p);
        if ((e as Error).message.startsWith('unexpected status')) throw e;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, worker));
  agent.destroy();
}

// SQLite only: there the durability of a 2xx rests on the collector's own settings (WAL,
// synchronous=FULL). With PostgreSQL the same code path awaits the server's commit; the load
// and contract suites run it against PostgreSQL. Four process starts per backend are slow.
for (const backend of [sqliteBackend()]) {
  describe(`collector killed with SIGKILL during load on ${backend.name}`, () => {
    let dir: string;
    let configFile: string;
    let databaseUrl: string;
    const started: ChildCollector[] = [];
    beforeAll(async () => {
      await backend.setup();
      dir = writeFixtureBuilds();
      databaseUrl = await backend.newDatabaseUrl();
      configFile = path.join(dir, 'olva.config.json');
      fs.writeFileSync(configFile, JSON.stringify({ ...testConfig(), database: { url: databaseUrl } }));
    });
    afterAll(async () => {
      // A failed or timed-out run must not leave a server behind.
      for (const c of started) if (c.process.exitCode === null && c.process.signalCode === null) await c.kill();
      fs.rmSync(dir, { recursive: true, force: true });
      await backend.teardown();
    });

    it(`keeps every response that got a 2xx through ${KILLS} kills`, async () => {
      const pending = Array.from({ length: 6000 }, () => corePayload({ wave: 'crash' }));
      const acknowledged = new Map<string, ResponsePayload>();
      for (let round = 0; round < KILLS; round++) {
        const child = await startChildCollector(configFile);
        started.push(child);
        let killing: Promise<void> | undefined;
        await loadUntilDeath(child.url, pending, acknowledged, 300 + round * 100, () => { killing = child.kill(); });
        expect(killing, `round ${round}: the server was killed during the load`).toBeDefined();
        await killing;
        expect(child.process.signalCode).toBe('SIGKILL');
      }
      expect(acknowledged.size).toBeGreaterThanOrEqual(KILLS * 300);

      // After a restart every acknowledged response is there, exactly as sent.
      const child = await startChildCollector(configFile);
      started.push(child);
      try {
        const ready = await fetch(`${child.url}/ready`);
        expect(ready.status).toBe(200);
        // The ones in flight at a kill are sent again: each is stored or replayed, never doubled.
        const inFlight = pending.splice(0, 200);
        for (const p of inFlight) {
          const status = await send(new URL('/v1/responses', child.url), JSON.stringify(p), false);
          expect([200, 201]).toContain(status);
          acknowledged.set(p.submissionId, p);
        }
      } finally {
        await child.stop();
      }
      const store = await openStore(databaseUrl);
      try {
        const stored = new Map<string, ResponsePayload>();
        for await (const r of store.stream({ territories: 'all', waves: ['crash'] })) {
          expect(stored.has(r.submissionId)).toBe(false);
          stored.set(r.submissionId, r.payload);
        }
        const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
        expect(missing).toEqual([]);
        for (const [id, p] of acknowledged) expect(stored.get(id)).toEqual(p);
      } finally {
        await store.close();
      }
    }, 240_000);
  });
}
