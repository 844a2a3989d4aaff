import { describe, expect, it } from 'vitest';
import { ConfigError, formatProblem, resolveConfig } from './config/load.js';
import { waveProblems } from './waves.js';

const opts = { file: '/etc/olva/olva.config.json', baseDir: '/etc/olva', env: {} };
const base = { questionnaires: [{ build: 'builds/olva-core' }] };

function problemsOf(raw: unknown): string[] {
  try {
    resolveConfig(raw, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems.map((p) => formatProblem(p, 'en'));
  }
  throw new Error('expected a ConfigError');
}

describe('waves tied to versions', () => {
  it('are read from the configuration', () => {
    const { config } = resolveConfig({ ...base, waves: [{ id: '2026', core: '^2026.1.0' }] }, opts);
    expect(config.waves).toEqual([{ id: '2026', core: '^2026.1.0' }]);
    expect(resolveConfig(base, opts).config.waves).toBeUndefined();
  });

  it('refuse a duplicated wave, a range that is not semver and a wave without its range, with pointer and rule', () => {
    expect(problemsOf({ ...base, waves: [{ id: '2026', core: '^2026.1.0' }, { id: '2026', core: 'vingt-six' }] })).toEqual([
      '/etc/olva/olva.config.json#/waves/1/id: wave "2026" is declared twice [unique-wave]',
      '/etc/olva/olva.config.json#/waves/1/core: "vingt-six" is not a semver range of core versions (e.g. "^2026.1.0" or ">=2026.1.0 <2027.0.0") [semver-range]',
    ]);
    expect(problemsOf({ ...base, waves: [{ id: '2026' }] })[0]).toContain('#/waves/0: missing required property "core" [schema/required]');
  });

  it('refuse a core version outside the wave’s range, and only for the waves listed', () => {
    const waves = [{ id: '2026', core: '>=2026.1.0 <2027.0.0' }];
    const q = (version: string) => ({ id: 'olva-core', version });
    expect(waveProblems({ wave: '2026', questionnaire: q('2026.2.0') }, waves)).toEqual([]);
    expect(waveProblems({ wave: '2026', questionnaire: q('2027.0.0') }, waves).map((p) => [p.pointer, p.code])).toEqual([['/wave', 'wave-version']]);
    expect(waveProblems({ wave: '2027', questionnaire: q('2027.0.0') }, waves)).toEqual([]);
  });
});
