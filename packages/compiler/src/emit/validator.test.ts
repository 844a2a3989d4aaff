import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateDocument } from '@olva/schema/validate';
import { answersSchema } from './answers-schema.js';
import { payloadSchemaFor } from './payload-schema.js';
import { emitValidator } from './validator.js';
import { loadFixture } from './__fixtures__/rennes.js';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] | null };

const compiled = loadFixture();
const code = emitValidator(compiled);
let dir: string;
let mod: { validatePayload: Validator; validateAnswers: Validator };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'olva-validator-'));
  const file = join(dir, 'validator.js');
  writeFileSync(file, code);
  mod = await import(/* @vite-ignore */ pathToFileURL(file).href);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const goodAnswers = {
  secteur: 'other', secteur_other: 'Pétanque', activites: ['formation', 'other'], activites_other: 'Loto', annee_creation: 1990,
  employeur: true, nb_salaries: 3, budget: 12.5, nom: 'Les amis', commentaire: '😀'.repeat(2000),
  courriel: 'contact@asso.fr', commune_siege: '2A004', satisfaction: 4,
  difficultes: { benevoles: 'forte' }, 'rennes.locaux_quartier': 'oui', 'rennes.quartier': 'Centre',
};

const goodPayload = {
  kind: 'olva-response', specVersion: 1, submissionId: '01937a4e-8a2b-7c3d-9e4f-0a1b2c3d4e5f',
  questionnaire: { id: 'olva-core', version: '2026.1.0' }, extension: { id: 'rennes-2026', version: '1.0.0' },
  territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'web', locale: 'fr',
  startedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-01T10:12:30.5+01:00',
  client: { name: 'olva-embed', version: '0.1.0' }, answers: goodAnswers,
};

describe('validator.js', () => {
  it('is a self-contained module: no import, require, eval or new Function', () => {
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/\bimport\(/);
    expect(code).not.toMatch(/new Function|\beval\(/);
    expect(typeof mod.validatePayload).toBe('function');
    expect(typeof mod.validateAnswers).toBe('function');
  });

  it('accepts valid answers and payloads (length counted in code points)', () => {
    expect(mod.validateAnswers(goodAnswers)).toBe(true);
    expect(mod.validatePayload(goodPayload)).toBe(true);
    // The generic payload schema agrees.
    expect(validateDocument('payload', goodPayload)).toEqual([]);
  });

  it.each([
    ['unknown question', { inconnue: 1 }, 'additionalProperties'],
    ['code not in choices', { secteur: 'peche' }, 'enum'],
    ['duplicate codes', { activites: ['formation', 'formation'] }, 'uniqueItems'],
    ['too many codes', { activites: ['formation', 'evenements', 'aucun'] }, 'maxItems'],
    ['no code', { activites: [] }, 'minItems'],
    ['decimal for an integer', { nb_salaries: 2.5 }, 'type'],
    ['below min', { annee_creation: 1800 }, 'minimum'],
    ['text too long', { commentaire: 'x'.repeat(2001) }, 'maxLength'],
    ['text not matching its pattern', { nom: '<b>' }, 'pattern'],
    ['bad e-mail', { courriel: 'pas une adresse' }, 'pattern'],
    ['bad commune', { commune_siege: '2C004' }, 'pattern'],
    ['scale out of range', { satisfaction: 5 }, 'maximum'],
    ['unknown matrix row', { difficultes: { autre: 'forte' } }, 'additionalProperties'],
    ['bad matrix cell', { difficultes: { locaux: 'moyenne' } }, 'enum'],
    ['boolean as text', { employeur: 'oui' }, 'type'],
    ['"other" chosen without its text', { secteur: 'other' }, 'required'],
    ['"other" ticked without its text', { activites: ['formation', 'other'] }, 'required'],
    ['an "other" text without the choice "other"', { secteur: 'sport', secteur_other: 'Pétanque' }, 'false schema'],
    ['an "other" text and nothing chosen', { secteur_other: 'Sport adapté' }, 'false schema'],
    ['a blank "other" text', { secteur: 'other', secteur_other: '   ' }, 'pattern'],
  ])('rejects answers with %s', (_label, answers, keyword) => {
    expect(mod.validateAnswers(answers)).toBe(false);
    expect(mod.validateAnswers.errors?.map((e) => e.keyword)).toContain(keyword);
  });

  it.each([
    ['another core version', { questionnaire: { id: 'olva-core', version: '2026.2.0' } }],
    ['no extension', { extension: null }],
    ['another territory', { territory: { level: 'commune', code: '56121' } }],
    ['a bad date', { submittedAt: 'hier' }],
    ['bad answers', { answers: { secteur: 1 } }],
  ])('rejects a payload with %s', (_label, patch) => {
    expect(mod.validatePayload({ ...goodPayload, ...patch })).toBe(false);
  });

  it('gives the same verdicts as ajv compiling the emitted schemas', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const answers = ajv.compile(answersSchema(compiled));
    const payload = ajv.compile(payloadSchemaFor(compiled));
    const samples: unknown[] = [goodAnswers, {}, { secteur: 'culture' }, { activites: ['aucun'] }, { satisfaction: 0 }, null, [], 'x'];
    for (const s of samples) expect(mod.validateAnswers(s)).toBe(answers(s));
    for (const s of [goodPayload, { ...goodPayload, wave: '' }, {}]) expect(mod.validatePayload(s)).toBe(payload(s));
  });
});
