import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { csvExport } from './csv.js';
import { fixtureAnswers, fixtureCore, fixtureResponse } from './testing.js';

/** 100,000 synthetic responses made on the fly: the source itself holds none of them. */
async function* synthetic(count: number) {
  for (let i = 0; i < count; i++) yield fixtureResponse(i, fixtureAnswers(i));
}

/** A full garbage collection, so that heap samples count live objects only. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('csvExport memory', () => {
  it('streams 100,000 responses without holding them: live heap stays flat', async () => {
    const gc = collectGarbage();
    const heap = () => { gc(); return process.memoryUsage().heapUsed; };
    let bytes = 0;
    let rows = 0;
    const samples: number[] = [];
    const start = heap();
    for await (const chunk of csvExport([fixtureCore()], synthetic(100_000))) {
      bytes += Buffer.byteLength(chunk);
      const before = rows;
      for (let i = chunk.indexOf('\r\n'); i !== -1; i = chunk.indexOf('\r\n', i + 2)) rows++;
      if (Math.floor(rows / 10_000) !== Math.floor(before / 10_000)) samples.push(heap());
    }
    const end = heap();
    expect(rows).toBe(100_001);
    expect(samples.length).toBeGreaterThanOrEqual(9);
    // The output is over 20 MB; holding it or the responses would show in the live heap.
    expect(bytes).toBeGreaterThan(20 * 1024 * 1024);
    expect(Math.max(...samples) - start).toBeLessThan(8 * 1024 * 1024);
    expect(end - start).toBeLessThan(8 * 1024 * 1024);
  });
});
