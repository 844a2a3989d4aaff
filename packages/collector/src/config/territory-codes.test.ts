import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestCollector, testConfig } from '@olva/test-support/test-collector';
import { ConfigError, formatProblem, resolveConfig } from './load.js';
import { unknownTerritoryProblems } from './territory-codes.js';
import { TerritoryDirectory } from '../territories.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-territory-codes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The test configuration with mistyped territory codes in a token scope, an origin, an expected distribution and a target. */
const mistyped = testConfig({
  tokens: [{ name: 'vannes', token: 'vannes-token-0123456789abcdef', scope: { territories: [{ level: 'commune', code: '56260' }, { level: 'commune', code: '56999' }], rights: ['stats'] } }],
  origins: [{ origin: 'https://www.lorient.bzh', territories: [{ level: 'epci', code: '200042175' }] }],
  stats: {
    expected: [{ territory: { level: 'custom', code: 'bassin-x' }, sectors: { sport: 10 } }],
    targets: [{ territory: { level: 'departement', code: '56' }, target: 100 }, { territory: { level: 'region', code: '99' }, target: 10 }],
  },
});

describe('territory codes of a configuration', () => {
  it('names each code the official geography and the declared custom territories do not know, at its pointer', () => {
    const file = path.join(dir, 'olva.config.json');
    const { config } = resolveConfig(mistyped, { file, baseDir: dir, env: {} });
    expect(unknownTerritoryProblems(config, new TerritoryDirectory(config.customTerritories)).map((p) => formatProblem(p, 'en'))).toEqual([
      `${file}#/tokens/0/scope/territories/1: "56999" is not an official commune code [unknown-territory]`,
      `${file}#/origins/0/territories/0: "200042175" is not an official epci code [unknown-territory]`,
      `${file}#/stats/expected/0/territory: "bassin-x" is not an official custom code nor a declared custom territory [unknown-territory]`,
      `${file}#/stats/targets/1/territory: "99" is not an official region code [unknown-territory]`,
    ]);
    // From OLVA_TOKENS, a token's problem points into the variable.
    const env = { OLVA_TOKENS: JSON.stringify(mistyped.tokens) };
    const fromEnv = resolveConfig({ ...mistyped, origins: [], stats: undefined }, { file, baseDir: dir, env }).config;
    expect(unknownTerritoryProblems(fromEnv, new TerritoryDirectory()).map((p) => `${p.file} ${p.pointer}`)).toEqual(['environment OLVA_TOKENS/0/scope/territories/1']);
  });

  it('keeps the collector from starting, with every problem', async () => {
    const error = await startTestCollector(`sqlite:${path.join(dir, 'never.sqlite')}`, { overrides: mistyped }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.pointer)).toEqual(['/tokens/0/scope/territories/1', '/origins/0/territories/0', '/stats/expected/0/territory', '/stats/targets/1/territory']);
  });
});
