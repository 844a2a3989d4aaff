/**
 * The comparisons that count per response (post-stratification on the sector, the respondents
 * of codes a crosswalk gathers) read each response's visibility from the aggregation's tap:
 * it is computed once per response, not once more by each of them.
 */
import { describe, expect, it, vi } from 'vitest';
import { prng } from '@olva/test-support/prng';
import { builds, generateFor, splitCore, stream } from '../__fixtures__/responses.js';

const calls = { n: 0 };
// The tests share their processes (isolate: false): another file may have loaded the analysis
// with the real runtime already, so the modules are reset and the runtime mocked for this import.
vi.resetModules();
vi.doMock('@olva/runtime', async (original) => {
  const runtime = await original<typeof import('@olva/runtime')>();
  return { ...runtime, computeVisibility: (...args: Parameters<typeof runtime.computeVisibility>) => { calls.n += 1; return runtime.computeVisibility(...args); } };
});
const { analyseResponses } = await import('../analyse.js');

const RENNES = { level: 'commune', code: '35238' } as const;

describe('visibility computed once per response', () => {
  it('with the previous wave through a split choice and post-stratified shares', async () => {
    const b = builds();
    const split = splitCore();
    const random = prng(5);
    const items = [...generateFor(b.core, RENNES, '2026', 60, random), ...generateFor(split, RENNES, '2027', 70, random)];
    const sectors = Object.fromEntries(['sport', 'culture', 'loisirs_vie_sociale', 'solidarite'].map((s) => [s, 10]));
    calls.n = 0;
    const doc = await analyseResponses(stream(items), {
      compiled: [b.core, split], wave: '2027', territory: RENNES, previousWave: '2026', weight: 'sector', expected: [{ territory: RENNES, sectors }],
    });
    // Both comparisons were made from the tap…
    const group = doc.groups[0]!;
    expect(group.sample?.weighted?.questions.length).toBeGreaterThan(0);
    expect(group.comparisons!.previousWave!.shares.some((s) => s.question === 'secteurs_secondaires' && s.currentCodes?.length === 2 && s.current !== null)).toBe(true);
    // …and each of the 130 responses had its visibility computed once.
    expect(calls.n).toBe(items.length);
  });
});
