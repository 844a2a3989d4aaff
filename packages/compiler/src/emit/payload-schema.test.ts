import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { payloadSchemaFor, territorySchema } from './payload-schema.js';
import { answersSchema } from './answers-schema.js';
import { loadFixture } from './__fixtures__/rennes.js';

const base = {
  kind: 'olva-response', specVersion: 1, submissionId: '01937a4e-8a2b-7c3d-9e4f-0a1b2c3d4e5f',
  questionnaire: { id: 'olva-core', version: '2026.1.0' }, extension: null,
  territory: { level: 'epci', code: '200042174' }, wave: '2026', channel: 'paper', locale: 'fr',
  startedAt: '2026-03-01T10:00:00Z', submittedAt: '2026-03-01T10:00:00Z',
  client: { name: 'saisie', version: '1' }, answers: {},
};

describe('answers.schema.json', () => {
  it('has one property per question and per other text, strictly', () => {
    const s = answersSchema(loadFixture()) as { properties: Record<string, Record<string, unknown>>; additionalProperties: boolean };
    expect(s.additionalProperties).toBe(false);
    expect(Object.keys(s.properties)).toContain('rennes.locaux_quartier');
    expect(Object.keys(s.properties)).toContain('secteur_other');
    expect(s.properties.satisfaction).toMatchObject({ type: 'integer', minimum: 1, maximum: 4 });
    expect(s.properties.courriel.format).toBeUndefined();
    expect(s.properties.secteur.title).toBe("Q1. Secteur principal d'activité");
  });
});

describe('payload.schema.json', () => {
  it('accepts any territory for the bare core', () => {
    const compiled = { ...loadFixture(), extension: null, territory: null };
    const validate = new Ajv2020({ strict: false }).compile(payloadSchemaFor(compiled));
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, extension: { id: 'rennes-2026', version: '1.0.0' } })).toBe(false);
  });

  it('pins level and code for an official territory', () => {
    const validate = new Ajv2020({ strict: false }).compile(payloadSchemaFor(loadFixture()));
    const rennes = { ...base, extension: { id: 'rennes-2026', version: '1.0.0' }, territory: { level: 'commune', code: '35238' } };
    expect(validate(rennes)).toBe(true);
    expect(validate({ ...rennes, territory: { level: 'epci', code: '35238' } })).toBe(false);
  });

  it('accepts a custom territory as itself or as one of its communes', () => {
    const schema = territorySchema({ level: 'custom', code: 'bassin-x', name: 'Bassin X', communes: ['35238', '35047'] }, {});
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ level: 'custom', code: 'bassin-x' })).toBe(true);
    expect(validate({ level: 'commune', code: '35047' })).toBe(true);
    expect(validate({ level: 'commune', code: '56121' })).toBe(false);
  });
});
