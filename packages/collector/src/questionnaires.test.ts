/**
 * `BuildRegistry.keep`: a build's version is written to the store before its first response
 * is stored, once; later responses do not wait; a failed write is never taken for done. On
 * real SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreQuestionnaire, rennesQuestionnaire } from '@olva/test-support/collector-questionnaires';
import { bothBackends } from '@olva/test-support/store-backends';
import type { CompiledQuestionnaire } from '@olva/schema';
import { BuildRegistry, type LoadedBuild } from './questionnaires.js';
import { openStore } from './store/open.js';
import type { ResponseStore } from './store/types.js';

const loaded = (compiled: CompiledQuestionnaire): LoadedBuild => ({ buildId: compiled.id, dir: '/nowhere', compiled, validateBeyondEnvelope: null });

/** The real store, whose `saveQuestionnaire` fails the first `failures` times and counts the calls. */
function flaky(store: ResponseStore, failures: number): { store: ResponseStore; calls: () => number } {
  let calls = 0;
  const wrapped = Object.create(store) as ResponseStore;
  wrapped.saveQuestionnaire = async (compiled) => {
    calls += 1;
    if (calls <= failures) throw new Error('disk full');
    return store.saveQuestionnaire(compiled);
  };
  return { store: wrapped, calls: () => calls };
}

for (const backend of bothBackends()) {
  describe(`BuildRegistry.keep on ${backend.name}`, () => {
    beforeAll(() => backend.setup());
    afterAll(() => backend.teardown());

    /** Runs `test` on a fresh, empty store, closed afterwards. */
    async function onFreshStore(test: (store: ResponseStore) => Promise<void>): Promise<void> {
      const store = await openStore(await backend.newDatabaseUrl());
      try {
        await test(store);
      } finally {
        await store.close();
      }
    }

    it('writes each version once, shared by the responses that arrive meanwhile, then has nothing to wait for', () => onFreshStore(async (store) => {
      const counted = flaky(store, 0);
      const core = loaded(coreQuestionnaire());
      const rennes = loaded(rennesQuestionnaire());
      const registry = new BuildRegistry([core, rennes], counted.store);
      const first = registry.keep(core);
      expect(first).not.toBeNull();
      expect(registry.keep(core)).toBe(first);
      await first;
      expect((await store.listQuestionnaires()).map((c) => c.id)).toEqual([core.compiled.id]);
      expect(registry.keep(core)).toBeNull();
      // Another version is its own write.
      await registry.keep(rennes);
      expect(registry.keep(rennes)).toBeNull();
      expect((await store.listQuestionnaires()).map((c) => c.id).sort()).toEqual([core.compiled.id, rennes.compiled.id].sort());
      expect(counted.calls()).toBe(2);
    }));

    it('takes a failed write for undone: the next response writes again', () => onFreshStore(async (store) => {
      const counted = flaky(store, 1);
      const core = loaded(coreQuestionnaire());
      const registry = new BuildRegistry([core], counted.store);
      await expect(registry.keep(core)).rejects.toThrow('disk full');
      expect(await store.listQuestionnaires()).toEqual([]);
      const again = registry.keep(core);
      expect(again).not.toBeNull();
      await again;
      expect((await store.listQuestionnaires()).map((c) => c.id)).toEqual([core.compiled.id]);
      expect(registry.keep(core)).toBeNull();
      expect(counted.calls()).toBe(2);
    }));
  });
}
