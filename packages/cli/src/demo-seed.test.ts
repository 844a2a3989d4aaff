import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@olva/collector';
import { analyseResponses } from '@olva/analysis';
import { checkResponse } from '@olva/runtime';
import { createAjv, validateDocument } from '@olva/schema/validate';
import { payloadSchemaFor } from '@olva/compiler';
import { builds } from '@olva/test-support/responses';
import { demoSeedGroups, generatedResponses, GENERATED_SOURCE, seedDemoResponses } from './demo-seed.js';
import { seedSummary, usage } from './commands/demo.js';

const groups = demoSeedGroups(builds());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-demo-seed-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('demo seed', () => {
  it('olva demo --help counts the territories the seed writes (it once said 4 where there are 5 besides Rennes)', () => {
    const others = new Set(groups.map((g) => `${g.territory.level}:${g.territory.code}`).filter((t) => t !== 'commune:35238')).size;
    expect(usage.fr).toContain(`Rennes et ${others} autres territoires`);
    expect(usage.en).toContain(`Rennes and ${others} other territories`);
  });

  it('generates valid responses, marked as generated, without free text or e-mail', () => {
    const all = [...generatedResponses(groups)];
    expect(all).toHaveLength(groups.reduce((n, g) => n + g.size, 0));
    // Each build's own payload schema, as the collector checks a posted response with it (the
    // generic one let through a commune answering an agglomeration's extension, which pins its
    // territory: the demo's data was what the collector refuses).
    const ajv = createAjv();
    const buildSchemas = new Map([...new Set(groups.map((g) => g.compiled))].map((c) => [c, ajv.compile(payloadSchemaFor(c))]));
    // Every third payload checked in full (schema and questionnaire rules): enough, and fast.
    for (const p of all.filter((_, i) => i % 3 === 0)) {
      expect(validateDocument('payload', p)).toEqual([]);
      const compiled = groups.find((g) => g.compiled.questionnaire.version === p.questionnaire.version && (g.compiled.extension?.id ?? null) === (p.extension?.id ?? null))!.compiled;
      const ofBuild = buildSchemas.get(compiled)!;
      expect(ofBuild(p) ? [] : ofBuild.errors, `${p.territory.level}:${p.territory.code} ${compiled.id}`).toEqual([]);
      expect(checkResponse(compiled, p.answers, p)).toEqual([]);
      expect(p.source).toBe(GENERATED_SOURCE);
      expect(p.answers.nom_association).toBeUndefined();
      expect(p.answers.email_contact).toBeUndefined();
    }
    // Deterministic: the same ids every time.
    expect([...generatedResponses(groups)].map((p) => p.submissionId)).toEqual(all.map((p) => p.submissionId));
  });

  it('stores them once, and gives Rennes its network and previous-wave comparisons', async () => {
    // A third of the demo's set: the same territories and waves, bases still over 30 for Rennes.
    const groups = demoSeedGroups(builds()).map((g) => ({ ...g, size: Math.ceil(g.size / 3) }));
    const store = await openStore(`sqlite:${path.join(dir, 'seed.sqlite')}`);
    try {
      const total = groups.reduce((n, g) => n + g.size, 0);
      expect(await seedDemoResponses(store, groups)).toBe(total);
      expect(await seedDemoResponses(store, groups)).toBe(0);
      // What `olva demo --seed-responses` then says: already there, not "0 stored".
      expect(seedSummary(total).fr).toContain(`✓ ${total} réponses générées enregistrées`);
      expect(seedSummary(0)).toEqual({ fr: expect.stringContaining('déjà enregistrées'), en: expect.stringContaining('already stored') });
      expect(await store.count({ territories: 'all' })).toBe(total);
      async function* payloads() { for await (const r of store.stream({ territories: 'all' })) yield r.payload; }
      // The commune of Lorient lies inside Lorient Agglomération: one area of the network.
      const within = (t: { level: string; code: string }, container: { level: string; code: string }) => (t.level === container.level && t.code === container.code) || (t.code === '56121' && container.code === '200042174');
      const doc = await analyseResponses(payloads(), { compiled: groups.map((g) => g.compiled), wave: '2026', territory: { level: 'commune', code: '35238' }, previousWave: '2025', within });
      const c = doc.groups[0]!.comparisons!;
      expect(c.network!.otherTerritories).toBe(5);
      expect(c.network!.shares.some((s) => s.network !== null)).toBe(true);
      expect(c.previousWave!.available).toBe(true);
      expect(c.previousWave!.shares.some((s) => s.notable !== null)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
