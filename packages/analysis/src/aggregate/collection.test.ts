import { describe, expect, it } from 'vitest';
import type { ResponsePayload } from '@olva/schema';
import { aggregateResponses } from './aggregate.js';
import { builds, generateFor, stream, type Generated } from '../__fixtures__/responses.js';
import { prng } from '@olva/test-support/prng';

const CHANNELS: ResponsePayload['channel'][] = ['web', 'paper', 'phone', 'kiosk'];
const SOURCES = ['forum', 'mairie', undefined];

/** Generated responses of two territories, spread over March 2026, channels and sources. */
function collected(): Generated[] {
  const random = prng(31);
  const b = builds();
  return [
    ...generateFor(b.rennes, { level: 'commune', code: '35238' }, '2026', 80, random),
    ...generateFor(b.core, { level: 'commune', code: '29019' }, '2026', 40, random),
  ].map((g, i) => {
    const payload = { ...g.payload, channel: CHANNELS[i % 4]!, submittedAt: new Date(Date.UTC(2026, 2, 1 + (i * 7) % 28, 9, i % 60)).toISOString() };
    const source = SOURCES[i % 3];
    if (source) payload.source = source; else delete payload.source;
    return { ...g, payload };
  });
}

describe('the collection of each group', () => {
  it('gives the first and last submission and the responses by channel and by source, as counted', async () => {
    const items = collected();
    const doc = await aggregateResponses(stream(items), { compiled: [builds().core, builds().rennes] });
    for (const group of doc.groups) {
      const mine = items.map((g) => g.payload).filter((p) => p.territory.code === group.territory.code);
      const times = mine.map((p) => Date.parse(p.submittedAt));
      const count = (key: (p: ResponsePayload) => string | undefined) => {
        const out: Record<string, number> = {};
        for (const p of mine) { const k = key(p); if (k !== undefined) out[k] = (out[k] ?? 0) + 1; }
        return out;
      };
      expect(group.collection).toEqual({
        from: new Date(Math.min(...times)).toISOString(),
        to: new Date(Math.max(...times)).toISOString(),
        byChannel: count((p) => p.channel),
        bySource: count((p) => p.source),
      });
      const bySource = Object.values(group.collection!.bySource).reduce((a, b) => a + b, 0);
      expect(bySource).toBe(mine.filter((p) => p.source).length);
      expect(Object.values(group.collection!.byChannel).reduce((a, b) => a + b, 0)).toBe(group.responses);
    }
  });
});
