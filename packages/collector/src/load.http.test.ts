import { describe, expect, it } from 'vitest';
import { bothBackends } from '@olva/test-support/store-backends';
import { testCollectorOn } from '@olva/test-support/test-collector';
import { corePayload, rennesPayload } from '@olva/test-support/collector-questionnaires';
import { postAll } from '@olva/test-support/load-generator';

const TOTAL = 10_000;
const CLIENTS = 100;

for (const backend of bothBackends()) {
  describe(`${TOTAL} responses from ${CLIENTS} clients with cut connections on ${backend.name}`, () => {
    const server = testCollectorOn(backend);

    it('stores exactly one row per response, none lost, none duplicated', async () => {
      const payloads = Array.from({ length: TOTAL }, (_, i) => (i % 3 ? corePayload({ wave: 'load' }) : rennesPayload({ wave: 'load' })));
      // 10% of first attempts are cut once the request is written (half at once, half 3 ms
      // later, so that some were stored before the cut), then retried.
      const report = await postAll(server.url, payloads, { concurrency: CLIENTS, cut: (i) => (i % 20 === 7 ? 0 : i % 20 === 17 ? 3 : undefined) });
      expect(report.cut).toBe(TOTAL / 10);
      expect(report.statuses.size).toBe(TOTAL);
      const store = server.collector.store;
      expect(await store.count({ territories: 'all', waves: ['load'] })).toBe(TOTAL);
      const seen = new Set<string>();
      for await (const r of store.stream({ territories: 'all', waves: ['load'] })) {
        expect(seen.has(r.submissionId)).toBe(false);
        seen.add(r.submissionId);
      }
      expect(seen).toEqual(new Set(payloads.map((p) => p.submissionId)));
      // Cut requests that reached the store show up as replays on retry: they were not stored twice.
      const replays = [...report.statuses.values()].filter((s) => s === 200).length;
      console.log(`${backend.name}: ${report.cut} cut, ${replays} stored before the cut and replayed, ${report.networkErrors} network errors retried`);
      expect(replays).toBeLessThanOrEqual(TOTAL / 10);
      expect(replays).toBeGreaterThan(0);
    }, 240_000);
  });
}
