import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { validateDocument } from './validate.js';
import { payloadSchema, questionnaireSchema, extensionSchema } from './index.js';

const script = fileURLToPath(new URL('../scripts/generate.mjs', import.meta.url));

describe('generated files', () => {
  it('match the JSON Schemas in schemas/ (run `npm run generate` when this fails)', () => {
    // Throws (non-zero exit) when a generated file drifts from its schema.
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('carry a versioned $id each', () => {
    for (const schema of [questionnaireSchema, extensionSchema, payloadSchema]) {
      expect(String(schema.$id)).toMatch(/^urn:olva:schema:[a-z]+:1$/);
    }
  });
});

describe('validateDocument', () => {
  const minimal = {
    id: 'mini', version: '1.0.0', title: { fr: 'Mini' },
    sections: [{ id: 'profil', title: { fr: 'Profil' }, items: [
      { id: 'age', type: 'integer', label: { fr: 'Âge' }, min: 0 },
      { extensionPoint: 'profil.fin' },
    ] }],
  };

  it('accepts a minimal questionnaire', () => {
    expect(validateDocument('questionnaire', minimal)).toEqual([]);
  });

  it('names the pointer of a misspelt property', () => {
    const doc = structuredClone(minimal) as any;
    doc.sections[0].items[0].mni = 3;
    expect(validateDocument('questionnaire', doc)).toMatchObject([
      { pointer: '/sections/0/items/0/mni', rule: 'schema/additionalProperties', message: 'unknown property "mni" (check its spelling)' },
    ]);
  });

  it('reports a missing property of the question type it is, not of an extension point', () => {
    const doc = structuredClone(minimal) as any;
    doc.sections[0].items[0] = { id: 'secteur', type: 'single', label: { fr: 'Secteur' } };
    expect(validateDocument('questionnaire', doc)).toMatchObject([
      { pointer: '/sections/0/items/0', rule: 'schema/required', message: 'missing required property "choices"' },
    ]);
  });

  it('refuses an error-level check in an extension', () => {
    const ext = {
      id: 'x-2026', version: '1.0.0', extends: { id: 'mini', version: '^1.0.0' }, namespace: 'x',
      territory: { level: 'commune', code: '35238', name: 'Rennes' }, title: { fr: 'X' },
      checks: [{ id: 'c', when: { '==': [1, 1] }, level: 'error', message: { fr: 'm' }, questions: ['x.a'] }],
    };
    expect(validateDocument('extension', ext)).toMatchObject([
      { pointer: '/checks/0/level', rule: 'schema/const', message: 'must be "warning"' },
    ]);
  });

  it('checks the territory code format by level', () => {
    const ext = {
      id: 'x-2026', version: '1.0.0', extends: { id: 'mini', version: '^1.0.0' }, namespace: 'x',
      territory: { level: 'epci', code: '35238', name: 'Rennes' }, title: { fr: 'X' },
    };
    expect(validateDocument('extension', ext).map((p) => p.pointer)).toEqual(['/territory/code']);
  });

  it('rejects a payload with an unknown channel and a malformed submissionId', () => {
    const payload = {
      kind: 'olva-response', specVersion: 1, submissionId: 'nope',
      questionnaire: { id: 'olva-core', version: '2026.1.0' }, extension: null,
      territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'fax', locale: 'fr',
      startedAt: '2026-11-23T09:00:00Z', submittedAt: '2026-11-23T09:20:00Z',
      client: { name: 'olva', version: '0.1.0' }, answers: { secteur_principal: 'sport' },
    };
    expect(validateDocument('payload', payload).map((p) => p.pointer).sort()).toEqual(['/channel', '/submissionId']);
  });
});
