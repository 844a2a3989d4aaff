import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../config/load.js';
import { findTarget } from '../../stats/expected.js';

const rennes = { level: 'commune', code: '35238' };
const load = (targets: unknown) => resolveConfig({ questionnaires: [{ build: 'x' }], stats: { targets } }, { file: 'olva.config.json', baseDir: '/tmp', env: {} });
const problems = (targets: unknown) => {
  try {
    load(targets);
  } catch (e) {
    return (e as ConfigError).problems.map((p) => `${p.pointer} ${p.rule}`);
  }
  return [];
};

describe('sample targets in the configuration', () => {
  it('are read, a wave-specific one before the one for every wave', () => {
    const { config } = load([{ territory: rennes, target: 300 }, { territory: rennes, wave: '2026', target: 250 }]);
    expect(findTarget(config.stats?.targets, { level: 'commune', code: '35238' }, '2026')?.target).toBe(250);
    expect(findTarget(config.stats?.targets, { level: 'commune', code: '35238' }, '2027')?.target).toBe(300);
    expect(findTarget(config.stats?.targets, { level: 'commune', code: '56121' }, '2026')).toBeUndefined();
  });

  it('are refused when not a positive whole number, incomplete or given twice', () => {
    expect(problems([{ territory: rennes, target: 0 }])).toEqual(['/stats/targets/0/target schema/minimum']);
    expect(problems([{ territory: rennes, target: 2.5 }])).toEqual(['/stats/targets/0/target schema/type']);
    expect(problems([{ territory: { level: 'ville', code: '1' }, target: 3 }])).toEqual(['/stats/targets/0/territory/level schema/enum']);
    expect(problems([{ territory: rennes }])).toEqual(['/stats/targets/0 schema/required']);
    // The same codes as a token's scope: a code no territory can have is refused where it is written.
    expect(problems([{ territory: { level: 'commune', code: '35 238' }, target: 3 }])).toEqual(['/stats/targets/0/territory/code schema/pattern']);
    expect(problems([{ territory: rennes, wave: '2026', target: 3 }, { territory: rennes, wave: '2026', target: 4 }])).toEqual(['/stats/targets/1 unique-target']);
  });
});
