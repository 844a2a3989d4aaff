/**
 * The collector's results document and `olva analyse --config` on the same configuration and
 * store, SQLite and PostgreSQL: the same document, field by field (the comparisons, the sample
 * beside the configured expected sectors, the post-stratified shares, the key-figure classes).
 * The collector is a real one over HTTP; the command reads the configuration file it runs with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsDocument } from '@olva/analysis';
import { payloadDigest } from '@olva/collector';
import { prng } from '@olva/test-support/prng';
import { builds, generateFor } from '@olva/test-support/responses';
import { bothBackends } from '@olva/test-support/store-backends';
import { testCollectorOn, testConfig, TEST_TOKENS } from '@olva/test-support/test-collector';
import { coreQuestionnaire, lorientQuestionnaire, rennesQuestionnaire, writeBuild } from '@olva/test-support/collector-questionnaires';
import { memoryIo } from '@olva/test-support/command-io';
import * as analyse from './analyse.js';

const RENNES = { level: 'commune', code: '35238' } as const;
const stats = {
  expected: [
    { territory: RENNES, wave: '2026', source: 'RNA, juin 2025', sectors: { sport: 1450, culture: 1320, loisirs_vie_sociale: 700, social_sante: 610 } },
    { territory: { level: 'commune', code: '29019' }, sectors: { sport: 300, culture: 200 } },
  ],
};

for (const backend of bothBackends()) {
  describe(`olva analyse --config and the collector's results on ${backend.name}`, () => {
    let dir = '';
    const server = testCollectorOn(backend, {
      overrides: { stats },
      builds: (d) => {
        dir = d;
        for (const c of [coreQuestionnaire(), rennesQuestionnaire(), lorientQuestionnaire()]) writeBuild(d, c);
      },
    });
    const b = builds();
    const random = prng(23);
    const items = [
      ...generateFor(b.rennes, RENNES, '2026', 60, random),
      ...generateFor(b.core, RENNES, '2025', 40, random),
      ...generateFor(b.lorient, { level: 'epci', code: '200042174' }, '2026', 45, random),
      ...['29019', '35047', '35051'].flatMap((code) => generateFor(b.core, { level: 'commune', code }, '2026', 35, random)),
      // Collected in the commune of Lorient, inside Lorient Agglomération.
      ...generateFor(b.core, { level: 'commune', code: '56121' }, '2026', 12, random),
    ];
    let config = '';

    beforeAll(async () => {
      const store = server.collector.store;
      for (const c of [b.core, b.rennes, b.lorient]) await store.saveQuestionnaire(c);
      for (const g of items) {
        expect((await store.insert(g.payload, payloadDigest(g.payload))).status).toBe('created');
      }
      // The collector's own configuration, as a file (the test collector resolves it from memory).
      config = path.join(dir, 'olva.config.json');
      fs.writeFileSync(config, JSON.stringify({ ...testConfig({ stats }), database: { url: server.collector.config.databaseUrl } }));
    });

    /** `olva analyse --config` with these options. */
    async function cli(...argv: string[]): Promise<ResultsDocument> {
      const out = path.join(dir, `cli-${argv.join('_').replace(/[^a-z0-9]+/gi, '-')}.json`);
      const m = memoryIo();
      expect(await analyse.run(['--config', config, '--wave', '2026', '--territory', 'commune:35238', ...argv, '--out', out], m.io), m.err()).toBe(0);
      return JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument;
    }

    async function collector(query: string): Promise<ResultsDocument> {
      const res = await fetch(`${server.url}/v1/results?territory=commune:35238&wave=2026${query}`, { headers: { authorization: `Bearer ${TEST_TOKENS.national}` } });
      expect(res.status).toBe(200);
      return (await res.json()) as ResultsDocument;
    }

    it('counts in a territory the responses collected inside it, the same in both', async () => {
      const out = path.join(dir, 'cli-lorient.json');
      const m = memoryIo();
      expect(await analyse.run(['--config', config, '--wave', '2026', '--territory', 'epci:200042174', '--out', out], m.io), m.err()).toBe(0);
      expect(m.err()).toContain('  epci:200042174 compte aussi les réponses recueillies dans le territoire qu’il contient : commune:56121\n');
      const fromCli = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultsDocument;
      expect(fromCli.groups.map((g) => [g.territory.code, g.responses])).toEqual([['200042174', 45 + 12]]);
      const res = await fetch(`${server.url}/v1/results?territory=epci:200042174&wave=2026`, { headers: { authorization: `Bearer ${TEST_TOKENS.national}` } });
      expect(await res.json()).toEqual(fromCli);
    });

    it('gives the document olva analyse writes, with the previous wave, the sample and the weighted shares', async () => {
      const fromCollector = await collector('&previousWave=2025&weight=sector');
      const fromCli = await cli('--previous-wave', '2025', '--weight', 'sector');
      expect(fromCollector).toEqual(fromCli);
      const group = fromCollector.groups[0]!;
      expect(group.comparisons!.network).toBeDefined();
      expect(group.comparisons!.previousWave).toMatchObject({ wave: '2025', available: true });
      expect(group.sample).toMatchObject({ source: 'RNA, juin 2025', weighted: { method: 'post-stratification' } });
      expect(group.questions.find((q) => q.id === 'annee_creation')).toHaveProperty('classes');
    });

    it('gives the same document without comparisons asked beyond the defaults', async () => {
      expect(await collector('')).toEqual(await cli());
    });
  });
}
