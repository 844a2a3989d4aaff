/**
 * The collector on what `olva build` really writes for the canonical core and the two
 * example extensions, fed with payloads the runtime builds: the compiler's payload schema,
 * the runtime's consistency check and the collector agree.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '@olva/compiler';
import type { CompiledQuestionnaire } from '@olva/schema';
import { resolveConfig } from './config/load.js';
import { createCollector, type Collector } from './server.js';
import { answeredPayload } from '@olva/test-support/answered-payload';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUILDS: Record<string, string | null> = {
  'olva-core': null,
  'olva-core+rennes-2026': 'examples/extensions/rennes-2026.json',
  'olva-core+lorient-agglo-2026': 'examples/extensions/lorient-agglo-2026.json',
};

describe('collector on real builds', () => {
  let dir: string;
  let collector: Collector;
  let base: string;
  const compiled: Record<string, CompiledQuestionnaire> = {};
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olva-real-'));
    for (const [id, extension] of Object.entries(BUILDS)) {
      const out = path.join(dir, id);
      const result = await build({ core: path.join(repo, 'packages/core-questionnaire/olva-core.json'), extension: extension && path.join(repo, extension), out });
      expect(result.compiled, JSON.stringify(result.problems.filter((p) => p.severity === 'error'))).not.toBeNull();
      compiled[id] = result.compiled!;
    }
    const { config } = resolveConfig({
      questionnaires: Object.keys(BUILDS).map((b) => ({ build: b })),
      database: { url: 'sqlite:olva.sqlite' },
      server: { port: 0 },
      tokens: [{ name: 'rnma', token: 'national-token-for-tests', scope: { territories: 'all', rights: ['read'] } }],
    }, { file: path.join(dir, 'olva.config.json'), baseDir: dir, env: {} });
    collector = await createCollector({ config, logStream: false });
    base = await collector.listen();
  });
  afterAll(async () => {
    await collector?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: unknown) => fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('accepts what the runtime sends for each build, and keeps the version', async () => {
    const cases = [
      answeredPayload(compiled['olva-core'], { level: 'commune', code: '29019' }),
      answeredPayload(compiled['olva-core+rennes-2026'], { level: 'commune', code: '35238' }),
      answeredPayload(compiled['olva-core+lorient-agglo-2026'], { level: 'epci', code: '200042174' }),
    ];
    for (const p of cases) {
      const r = await post(p);
      expect(r.status, JSON.stringify(await r.clone().json())).toBe(201);
    }
    expect((await collector.store.listQuestionnaires()).map((c) => c.id).sort()).toEqual(Object.keys(BUILDS).sort());
    const read = await fetch(`${base}/v1/responses`, { headers: { authorization: 'Bearer national-token-for-tests' } });
    expect((await read.json()).items).toHaveLength(3);
  });

  it('refuses, with pointers, what the compiled schema or the runtime check refuses', async () => {
    const p = answeredPayload(compiled['olva-core+rennes-2026'], { level: 'commune', code: '35238' });
    const [firstKey] = Object.keys(p.answers);
    const wrongType = { ...p, answers: { ...p.answers, [firstKey]: { not: 'an answer' } } };
    const r = await post(wrongType);
    expect(r.status).toBe(422);
    const body = await r.json();
    expect(body.problems.some((x: { pointer: string }) => x.pointer.startsWith(`/answers/${firstKey}`))).toBe(true);
    const unknown = await post({ ...p, answers: { ...p.answers, question_inventee: 'x' } });
    expect(unknown.status).toBe(422);
    const elsewhere = await post({ ...p, territory: { level: 'commune', code: '29019' } });
    expect(elsewhere.status).toBe(422);
    expect((await elsewhere.json()).problems).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: '/territory', code: 'territory-mismatch' })]));
  });

  it('refuses a commune of Lorient Agglomération answering its extension with one problem in words, not the schema\'s « doit valoir "epci" »', async () => {
    const p = answeredPayload(compiled['olva-core+lorient-agglo-2026'], { level: 'commune', code: '56121' });
    const r = await fetch(`${base}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'fr' }, body: JSON.stringify(p) });
    expect(r.status).toBe(422);
    expect((await r.json()).problems).toEqual([{
      pointer: '/territory', code: 'territory-mismatch',
      message: 'l’extension lorient-agglo-2026 est pour epci 200042174 (CA Lorient Agglomération) et ses réponses portent ce territoire : commune 56121 en fait partie, mais y répond sous epci:200042174 (attribut territory de la page), ou avec le tronc commun seul sous commune:56121',
    }]);
  });

  it('takes "other" with its text on a required question, and refuses either one alone with the rule', async () => {
    const p = answeredPayload(compiled['olva-core'], { level: 'commune', code: '29019' });
    const other = { ...p, submissionId: crypto.randomUUID(), answers: { ...p.answers, secteur_principal: 'other', secteur_principal_other: 'Sport adapté' } };
    expect((await post(other)).status).toBe(201);
    const problemsOf = async (answers: Record<string, unknown>) => {
      const r = await post({ ...p, submissionId: crypto.randomUUID(), answers });
      expect(r.status).toBe(422);
      return ((await r.json()).problems as { pointer: string; code: string; message: string }[]).map((x) => `${x.pointer} ${x.code}: ${x.message}`);
    };
    // The defect of issue 12: the text typed, nothing chosen.
    const { secteur_principal: _chosen, ...nothingChosen } = p.answers;
    expect(await problemsOf({ ...nothingChosen, secteur_principal_other: 'Sport adapté' }))
      .toEqual(['/answers/secteur_principal_other schema/false schema: ne doit pas être donné avec les autres réponses de ce document']);
    expect(await problemsOf({ ...p.answers, secteur_principal: 'other' }))
      .toEqual(['/answers schema/required: propriété obligatoire « secteur_principal_other » absente']);
  });

  it('stores a paper form with a required question left blank, and refuses `blank` on the web', async () => {
    const p = answeredPayload(compiled['olva-core'], { level: 'commune', code: '29019' });
    const { secteur_principal: _left, ...answers } = p.answers;
    const paper = { ...p, submissionId: crypto.randomUUID(), channel: 'paper', answers, blank: ['secteur_principal'] };
    expect((await post({ ...paper, blank: undefined })).status).toBe(422);
    const stored = await post(paper);
    expect(stored.status, JSON.stringify(await stored.clone().json())).toBe(201);
    const web = await post({ ...paper, submissionId: crypto.randomUUID(), channel: 'web' });
    expect(web.status).toBe(422);
    expect((await web.json()).problems).toEqual([expect.objectContaining({ pointer: '/blank' })]);
    const wrong = await post({ ...paper, submissionId: crypto.randomUUID(), blank: ['secteur_principal', 'nb_salaries'] });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).problems.map((x: { pointer: string; code: string }) => `${x.pointer} ${x.code}`)).toEqual(['/blank/1 blank-hidden']);
  });
});
