/**
 * Two core versions in one collector, over real HTTP on SQLite and PostgreSQL: the canonical
 * core (2026.2.2 today) and the 2027 example (one split sector choice, with its crosswalk), both as
 * `olva build` writes them. Waves tied to versions refuse a 2027 answer in wave 2026; the
 * harmonised export puts 2026 and 2027 answers in one column set, and its codebook says which
 * code of which version each harmonised code stands for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '@olva/compiler';
import type { CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { answeredPayload } from '@olva/test-support/answered-payload';
import { bothBackends } from '@olva/test-support/store-backends';
import { testCollectorOn, TEST_TOKENS } from '@olva/test-support/test-collector';
import { parseCsv } from '@olva/test-support/export-fixtures';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CORES = { 'olva-core': 'packages/core-questionnaire/olva-core.json', 'olva-core-2027': 'examples/core-2027/olva-core-2027.json' };

let dir: string;
const compiled: Record<string, CompiledQuestionnaire> = {};
/** The version of the canonical core, read from its build rather than written here. */
const v2026 = () => compiled['olva-core']!.questionnaire.version;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-versions-'));
  for (const [id, core] of Object.entries(CORES)) {
    const result = await build({ core: path.join(repo, core), extension: null, out: path.join(dir, id) });
    expect(result.compiled, JSON.stringify(result.problems.filter((p) => p.severity === 'error'))).not.toBeNull();
    compiled[id] = result.compiled!;
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A payload of `build` for wave `wave`, with the sector answers given. */
function payload(build: string, wave: string, sectors: { principal: string; secondary: string[] }): ResponsePayload {
  const p = answeredPayload(compiled[build]!, { level: 'commune', code: '35238' }, wave);
  p.answers = { ...p.answers, secteur_principal: sectors.principal, secteurs_secondaires: sectors.secondary };
  return p;
}

for (const backend of bothBackends()) {
  describe(`two core versions on ${backend.name}`, () => {
    const server = testCollectorOn(backend, {
      builds: (builds) => fs.cpSync(dir, builds, { recursive: true }),
      overrides: {
        questionnaires: Object.keys(CORES).map((b) => ({ build: b })),
        waves: [{ id: '2026', core: '^2026.1.0' }, { id: '2027', core: '^2027.0.0' }],
      },
    });

    const post = (body: unknown, headers: Record<string, string> = {}) => fetch(`${server.url}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const get = (url: string) => fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${TEST_TOKENS.national}` } });
    async function csv(url: string): Promise<Record<string, string>[]> {
      const res = await get(url);
      expect(res.status).toBe(200);
      const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
    }

    it('accepts each version in its wave and refuses a 2027 answer in wave 2026 (422 at /wave, in French unless English is asked)', async () => {
      const a = payload('olva-core', '2026', { principal: 'social_sante', secondary: ['sport'] });
      const b = payload('olva-core-2027', '2027', { principal: 'sante', secondary: ['action_sociale', 'culture'] });
      for (const p of [a, b]) {
        const r = await post(p);
        expect(r.status, JSON.stringify(await r.clone().json())).toBe(201);
      }
      const wrong = await post(payload('olva-core-2027', '2026', { principal: 'sport', secondary: [] }));
      expect(wrong.status).toBe(422);
      const body = await wrong.json();
      expect(body.problems).toEqual([{
        pointer: '/wave', code: 'wave-version',
        message: 'la vague « 2026 » accepte les versions ^2026.1.0 du tronc commun ; cette réponse a été donnée avec olva-core 2027.0.0',
      }]);
      const inEnglish = await post(payload('olva-core-2027', '2026', { principal: 'sport', secondary: [] }), { 'accept-language': 'en-GB,en;q=0.9' });
      expect(inEnglish.headers.get('content-language')).toBe('en');
      expect((await inEnglish.json()).problems).toEqual([{
        pointer: '/wave', code: 'wave-version',
        message: 'wave "2026" accepts core versions ^2026.1.0; this response was answered with olva-core 2027.0.0',
      }]);
      // A wave the configuration does not list accepts any version.
      expect((await post(payload('olva-core-2027', 'pilote', { principal: 'sport', secondary: [] }))).status).toBe(201);
    });

    it('exports 2026 and 2027 answers comparable in one column set with harmonise=true', async () => {
      const rows = await csv('/v1/exports/responses.csv?questionnaire=olva-core&wave=2026,2027&harmonise=true');
      const byVersion = Object.fromEntries(rows.map((r) => [r.questionnaire_version, r]));
      expect(byVersion[v2026()]!.secteur_principal).toBe('social_sante');
      expect(byVersion['2027.0.0']!.secteur_principal).toBe('social_sante');
      expect([byVersion[v2026()]!.secteurs_secondaires__social_sante, byVersion['2027.0.0']!.secteurs_secondaires__social_sante]).toEqual(['0', '1']);
      expect(Object.keys(rows[0]!)).not.toContain('secteurs_secondaires__sante');

      const raw = await csv('/v1/exports/responses.csv?questionnaire=olva-core&wave=2026,2027');
      expect(raw.map((r) => r.secteur_principal).sort()).toEqual(['sante', 'social_sante']);
      expect(Object.keys(raw[0]!)).toEqual(expect.arrayContaining(['secteurs_secondaires__sante', 'secteurs_secondaires__social_sante']));
    });

    it('documents every code of every version in the codebook, harmonised or not; a bad harmonise is a 400', async () => {
      const harmonised = await csv('/v1/exports/codebook.csv?questionnaire=olva-core&harmonise=true&missing=codes');
      const sector = harmonised.find((r) => r.variable === 'secteur_principal')!;
      expect(sector.codes_fr).toContain(`social_sante=Action sociale, santé, médico-social [${v2026()} : social_sante ; 2027.0.0 : action_sociale, sante]`);
      expect(sector.codes_fr).toContain('-9=absente de la version');
      expect(sector.version).toBe(`${v2026()}, 2027.0.0`);
      const plain = await csv('/v1/exports/codebook.csv?questionnaire=olva-core');
      const codes = plain.find((r) => r.variable === 'secteur_principal')!.codes_en;
      expect(codes).toContain(`social_sante=Social action, health and care [${v2026()}]`);
      expect(codes).toContain('sante=Health [2027.0.0]');
      const questions = plain.filter((r) => r.question).map((r) => [r.variable, r.question]);
      const numberOf = new Map<string, string>();
      for (const [variable, q] of questions) {
        const id = variable!.replace(/(__.*|_other)$/, '');
        if (!numberOf.has(id)) numberOf.set(id, q!);
      }
      expect(new Set(numberOf.values()).size).toBe(numberOf.size);
      expect((await get('/v1/exports/responses.csv?questionnaire=olva-core&harmonise=maybe')).status).toBe(400);
    });

    it('refuses a previous wave answered with a newer core (400 at /previousWave, in French), where every question read "not in the previous wave"', async () => {
      const res = await get('/v1/results?wave=2026&previousWave=2027&territory=commune:35238');
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.problems).toEqual([{ pointer: '/previousWave', code: 'analysis/previous-wave-newer', message: expect.stringContaining('le millésime « 2027 » a été répondu avec le tronc commun 2027.0.0, plus récent') }]);
      expect((await get('/v1/results?wave=2027&previousWave=2026&territory=commune:35238')).status).toBe(200);
    });
  });
}
