/**
 * The cockpit of a collector that takes two waves on two core versions, over real HTTP on
 * SQLite and PostgreSQL: the canonical core and the 2027 example (`social_sante` split into
 * `action_sociale` and `sante`), each alone and with Rennes' extension widened to both, in the
 * directories the release procedure names (`olva-core-2027`, `olva-core+rennes-2027`: one
 * extension built on two cores gives two directories of the same compiled id). Each wave shows
 * its own version's sectors, and its paper data-entry link opens a build the wave takes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '@olva/compiler';
import type { CompiledQuestionnaire } from '@olva/schema';
import { answeredPayload } from '@olva/test-support/answered-payload';
import { bothBackends } from '@olva/test-support/store-backends';
import { testCollectorOn, TEST_TOKENS } from '@olva/test-support/test-collector';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const RENNES = { level: 'commune', code: '35238' } as const;
const BREST = { level: 'commune', code: '29019' } as const;
/** Build directory → core and whether it carries Rennes' extension. */
const BUILDS = {
  'olva-core': { core: 'packages/core-questionnaire/olva-core.json', rennes: false },
  'olva-core+rennes-2026': { core: 'packages/core-questionnaire/olva-core.json', rennes: true },
  'olva-core-2027': { core: 'examples/core-2027/olva-core-2027.json', rennes: false },
  'olva-core+rennes-2027': { core: 'examples/core-2027/olva-core-2027.json', rennes: true },
} as const;

let dir: string;
const compiled: Record<string, CompiledQuestionnaire> = {};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-cockpit-waves-'));
  // Rennes rebased on the 2027 core, as `olva impact` asks: the range widened, nothing else.
  const extension = JSON.parse(fs.readFileSync(path.join(repo, 'examples/extensions/rennes-2026.json'), 'utf8'));
  extension.extends.version = '^2026.1.0 || ^2027.0.0';
  delete extension.$schema;
  const extensionFile = path.join(dir, 'rennes.json');
  fs.writeFileSync(extensionFile, JSON.stringify(extension));
  for (const [id, b] of Object.entries(BUILDS)) {
    const result = await build({ core: path.join(repo, b.core), extension: b.rennes ? extensionFile : null, out: path.join(dir, 'builds', id) });
    expect(result.compiled, JSON.stringify(result.problems.filter((p) => p.severity === 'error'))).not.toBeNull();
    compiled[id] = result.compiled!;
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

for (const backend of bothBackends()) {
  describe(`the cockpit over waves of two core versions on ${backend.name}`, () => {
    const server = testCollectorOn(backend, {
      builds: (builds) => fs.cpSync(path.join(dir, 'builds'), builds, { recursive: true }),
      overrides: {
        questionnaires: Object.keys(BUILDS).map((b) => ({ build: b })),
        waves: [{ id: '2026', core: '^2026.1.0' }, { id: '2027', core: '^2027.0.0' }],
      },
    });
    const get = async (url: string, token: string) => {
      const res = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return res.json() as Promise<any>;
    };

    beforeAll(async () => {
      const sent = [
        answeredPayload(compiled['olva-core+rennes-2026']!, RENNES, '2026'),
        answeredPayload(compiled['olva-core+rennes-2027']!, RENNES, '2027'),
        answeredPayload(compiled['olva-core-2027']!, BREST, '2027'),
      ];
      sent[0]!.answers = { ...sent[0]!.answers, secteur_principal: 'social_sante' };
      sent[1]!.answers = { ...sent[1]!.answers, secteur_principal: 'sante' };
      for (const p of sent) {
        const res = await fetch(`${server.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
        expect(res.status, await res.clone().text()).toBe(201);
      }
    });

    it('lists each wave\'s own sectors: 2026\'s social_sante, 2027\'s action_sociale and sante', async () => {
      const codes = async (wave: string) => (await get(`/v1/cockpit/territory?wave=${wave}`, TEST_TOKENS.rennes)).sectors.lines.map((l: { code: string }) => l.code);
      expect(await codes('2026')).toContain('social_sante');
      expect(await codes('2026')).not.toContain('action_sociale');
      expect(await codes('2027')).toEqual(expect.arrayContaining(['action_sociale', 'sante']));
      expect(await codes('2027')).not.toContain('social_sante');
      // No territory of 2027 is asked to chase a sector its questionnaire no longer has.
      const network = await get('/v1/cockpit/network?wave=2027', TEST_TOKENS.national);
      expect(network.territories.filter((t: { responses: number }) => t.responses > 0).length).toBe(2);
      for (const t of network.territories) expect(t.sectorsMissing).not.toContain('social_sante');
    });

    it('links paper data entry to the build directory of the wave\'s version, extension or bare core', async () => {
      const entry = async (wave: string, territory: string) => {
        const link = (await get(`/v1/cockpit/territory?wave=${wave}&territory=${territory}`, TEST_TOKENS.national)).paper.entry as string;
        return new URL(link, server.url).searchParams.get('questionnaire');
      };
      expect(await entry('2026', 'commune:35238')).toBe('olva-core+rennes-2026');
      expect(await entry('2027', 'commune:35238')).toBe('olva-core+rennes-2027');
      // The bare core of 2027, by its directory: its compiled id (olva-core) names 2026's.
      expect(await entry('2027', 'commune:29019')).toBe('olva-core-2027');
    });
  });
}
