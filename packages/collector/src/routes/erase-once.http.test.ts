/**
 * An erasure is answered 204 once: a second DELETE of the same response that found it before
 * the first erased it (two at once: the fuzz sent them) gets the 404 of any later one, and
 * the log says « erased » once. The race is made certain by a store whose `get` still finds
 * the response after its erasure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corePayload } from '@olva/test-support/collector-questionnaires';
import { testConfig, TEST_TOKENS, writeFixtureBuilds } from '@olva/test-support/test-collector';
import { resolveConfig } from '../config/load.js';
import { createCollector } from '../server.js';
import { openStore } from '../store/open.js';
import type { ResponseStore, StoredResponse } from '../store/types.js';

describe('DELETE /v1/responses/{id} over real HTTP on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-erase-once-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('answers 204 to the erasure that erased, and 404 to one that found the response before it', async () => {
    const builds = writeFixtureBuilds();
    const { config } = resolveConfig({ ...testConfig(), database: { url: `sqlite:${path.join(dir, 'db.sqlite')}` } }, { file: path.join(builds, 'olva.config.json'), baseDir: builds, env: {} });
    const real = await openStore(config.databaseUrl);
    const seen = new Map<string, StoredResponse>();
    // What the second of two erasures at once reads: the response as it was before the first erased it.
    const stale = new Proxy(real, {
      get(target, key, receiver) {
        if (key === 'get') return async (id: string) => { const r = seen.get(id) ?? await target.get(id); if (r) seen.set(id, r); return r; };
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    }) as ResponseStore;
    const collector = await createCollector({ config, store: stale, logStream: false });
    try {
      const base = await collector.listen();
      const payload = corePayload();
      const post = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
      expect(post.status).toBe(201);
      const erase = () => fetch(`${base}/v1/responses/${payload.submissionId}`, { method: 'DELETE', headers: { authorization: `Bearer ${TEST_TOKENS.national}` } });
      expect((await erase()).status).toBe(204);
      const again = await erase();
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ error: 'not-found' });
      expect(await real.get(payload.submissionId)).toBeNull();
    } finally {
      await collector.close();
      await real.close();
      fs.rmSync(builds, { recursive: true, force: true });
    }
  });
});
