import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs bench script, without types
import { formatFrontTable } from './front.mjs';

/** A row as `runFrontBench` makes it: figures, a target, and the check the formatter applies. */
const row = (olva: number, surveyjs: number, extra: Record<string, number> = {}, check = (r: { ratio: number }) => r.ratio <= 1 / 3) => ({
  metric: 'first question on screen (median of 1)', unit: 'ms', olva, surveyjs, ratio: olva / surveyjs, ...extra,
  target: '≤ 1/3 of SurveyJS', check, met: check({ ratio: olva / surveyjs }),
});

/** The cells of the table's first row: metric, olva, SurveyJS, ratio, target, met. */
const cells = (table: string) => table.split('\n')[2]!.split('|').slice(1, -1).map((c) => c.trim());

describe('the front table over several runs (--repeat)', () => {
  it('prints one run as before: the ratio alone, met as that run found it', () => {
    const table = formatFrontTable([row(120, 400)]);
    expect(table.split('\n')[2]).toBe('| first question on screen (median of 1) | 120.0 ms | 400.0 ms | 0.300 | ≤ 1/3 of SurveyJS | yes |');
    expect(formatFrontTable([[row(120, 400)]])).toBe(table);
  });

  it('gives the median of the runs\' ratios, the ratios beside it, and checks the target on the median', () => {
    // The second run misses the target alone; the median meets it.
    const table = formatFrontTable([[row(120, 400)], [row(160, 400)], [row(128, 400)]]);
    const [, olva, surveyjs, ratio, , met] = cells(table);
    expect([olva, surveyjs, ratio, met]).toEqual(['128.0 ms', '400.0 ms', '0.320 (0.300, 0.320, 0.400)', 'yes']);
    expect(table).toContain('the median of 3 whole runs');
    // Two runs of three missing it: the median misses it.
    expect(cells(formatFrontTable([[row(120, 400)], [row(160, 400)], [row(140, 400)]]))[5]).toBe('NO');
  });

  it('checks a target on other figures of the row (the show/hide\'s floor) on their medians too', () => {
    const check = (r: { olva: number; floor: number }) => r.olva <= 1.15 * r.floor;
    const runs = [[row(3.4, 30, { floor: 3.1 }, check as never)], [row(2.9, 30, { floor: 2.5 }, check as never)], [row(3.0, 30, { floor: 2.8 }, check as never)]];
    // Medians 3.0 against 2.8 (1.07 ×): met, though the second run (1.16 ×) missed it.
    expect(cells(formatFrontTable(runs))[5]).toBe('yes');
  });

  it('refuses runs whose rows differ', () => {
    expect(() => formatFrontTable([[row(120, 400)], [{ ...row(120, 400), metric: 'another' }]])).toThrow(/same rows/);
  });
});
