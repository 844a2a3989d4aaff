import { describe, expect, it } from 'vitest';
import { ConfigError, formatProblem, resolveConfig } from './config/load.js';
import { closingInstant, expectedSectorWarnings, waveProblems, wavesWithoutBuild } from './waves.js';
import { fixtureCore, fixtureCore2027 } from '@olva/test-support/export-fixtures';
import { startTestCollector } from '@olva/test-support/test-collector';

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

  it('read a closing date or date-time, and refuse one that RFC 3339 does not allow, with pointer and rule', () => {
    const closes = [{ id: '2026', core: '^2026.1.0', closes: '2027-06-30' }, { id: '2027', core: '^2027.0.0', closes: '2028-06-30T18:00:00+02:00' }];
    expect(resolveConfig({ ...base, waves: closes }, opts).config.waves).toEqual(closes);
    expect(problemsOf({ ...base, waves: [{ id: '2026', core: '^2026.1.0', closes: '2027-02-30' }, { id: '2027', core: '^2027.0.0', closes: '30/06/2028' }, { id: '2028', core: '^2028.0.0', closes: '2029-06-30T18:00:00' }] }).map((p) => p.split(': ')[0] + ' ' + p.slice(p.lastIndexOf('['))))
      .toEqual(['/etc/olva/olva.config.json#/waves/0/closes [closing-date]', '/etc/olva/olva.config.json#/waves/1/closes [closing-date]', '/etc/olva/olva.config.json#/waves/2/closes [closing-date]']);
    expect(problemsOf({ ...base, waves: [{ id: '2026', core: '^2026.1.0', closes: '2027-02-30' }] })[0]).toBe('/etc/olva/olva.config.json#/waves/0/closes: "2027-02-30" is not an RFC 3339 date: a date ("2027-06-30", online answers are taken until the end of that day, Paris time) or a date-time with its offset ("2027-06-30T18:00:00+02:00") [closing-date]');
  });

  it('close a date at the following midnight in Paris, winter and summer', () => {
    expect(new Date(closingInstant('2027-01-31')).toISOString()).toBe('2027-01-31T23:00:00.000Z');
    expect(new Date(closingInstant('2027-06-30')).toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(new Date(closingInstant('2027-06-30T18:00:00+02:00')).toISOString()).toBe('2027-06-30T16:00:00.000Z');
  });

  it('refuse a core version outside the wave’s range, and only for the waves listed', () => {
    const waves = [{ id: '2026', core: '>=2026.1.0 <2027.0.0' }];
    const q = (version: string) => ({ id: 'olva-core', version });
    expect(waveProblems({ wave: '2026', questionnaire: q('2026.2.0') }, waves)).toEqual([]);
    expect(waveProblems({ wave: '2026', questionnaire: q('2027.0.0') }, waves).map((p) => [p.pointer, p.code])).toEqual([['/wave', 'wave-version']]);
    expect(waveProblems({ wave: '2027', questionnaire: q('2027.0.0') }, waves)).toEqual([]);
  });
});

describe('a wave that no accepted build can answer', () => {
  it('is named at start, file, pointer and rule, in French and English', () => {
    const [warning, ...more] = wavesWithoutBuild([{ id: '2026', core: '^2026.1.0' }, { id: '2027', core: '^2027.1.0' }], ['2026.2.2', '2027.0.0', '2026.2.2'], '/etc/olva/olva.config.json');
    expect(more).toEqual([]);
    expect(warning!.fr).toBe('/etc/olva/olva.config.json#/waves/1/core : la vague « 2027 » n’accepte aucune des versions du tronc commun des questionnaires acceptés (^2027.1.0 ; acceptées : 2026.2.2, 2027.0.0) : toutes ses réponses seraient refusées ; corrigez l’intervalle ou ajoutez le build de cette version à « questionnaires » [wave-without-build]');
    expect(warning!.en).toContain('#/waves/1/core: wave "2027" accepts none of the core versions');
  });

  it('is in the collector\'s warnings, which olva serve prints, beside an expected sector its wave lacks', async () => {
    const server = await startTestCollector('sqlite::memory:', { overrides: {
      waves: [{ id: '2026', core: '^2026.1.0' }, { id: '2027', core: '^2027.0.0' }],
      stats: { sectorQuestion: 'secteur', expected: [{ territory: { level: 'commune', code: '35238' }, wave: '2026', sectors: { sport: 10, sante: 4 } }] },
    } });
    try {
      expect(server.collector.warnings.map((w) => w.en)).toEqual([
        expect.stringContaining('wave "2027" accepts none of the core versions'),
        expect.stringContaining('#/stats/expected/0/sectors/sante: "sante" is not a sector of wave "2026" (versions 2026.1.0: sport, culture, social)'),
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('an expected distribution kept from another core version', () => {
  it('names each sector the wave\'s versions lack: 2026\'s social kept for a 2027 wave that split it', () => {
    const waves = [{ id: '2026', core: '^2026.1.0' }, { id: '2027', core: '^2027.0.0' }];
    const expected = [{ sectors: { sport: 40, social: 12 } }, { wave: '2026', sectors: { sport: 40, social: 12 } }];
    const warnings = expectedSectorWarnings(expected, waves, [fixtureCore(), fixtureCore2027()], 'secteur_principal', 'olva.config.json');
    expect(warnings.map((w) => w.fr)).toEqual([
      'olva.config.json#/stats/expected/0/sectors/social : « social » n’est pas un secteur de la vague « 2027 » (versions 2027.0.0 : sport, culture, action_sociale, sante, formule, other) : ces associations ne se comparent à aucune réponse et le suivi demanderait de les relancer ; répartissez-les entre les secteurs de cette version dans une répartition attendue de la vague [expected-sector]',
    ]);
  });
});
