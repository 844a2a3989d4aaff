/**
 * The envelope validated once: a build's payload schema, less what the generic envelope
 * already checked (`beyondEnvelope`), must refuse every payload with the same problems as the
 * whole schema did after the envelope.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { payloadSchemaFor as compilerPayloadSchema } from '@olva/compiler';
import type { CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { coreQuestionnaire, corePayload, payloadSchemaFor as testPayloadSchema, rennesPayload, rennesQuestionnaire } from '@olva/test-support/collector-questionnaires';
import { beyondEnvelope, intake } from './intake.js';
import { BuildRegistry, type LoadedBuild } from './questionnaires.js';
import type { ResponseStore } from './store/types.js';
import { TerritoryDirectory } from './territories.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const compile = (schema: object) => addFormats(new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true })).compile(schema);
const territories = new TerritoryDirectory();
const NOW = new Date('2026-03-02T00:00:00Z');

function registry(compiled: CompiledQuestionnaire, schema: object): BuildRegistry {
  const build: LoadedBuild = { buildId: compiled.id, dir: '/nowhere', compiled, validateBeyondEnvelope: compile(schema) };
  return new BuildRegistry([build], {} as ResponseStore);
}

/** Payloads whose envelope passes the generic contract, each wrong in a way a build's schema may see. */
function variants(valid: ResponsePayload): [string, unknown][] {
  const answers = valid.answers as Record<string, unknown>;
  return [
    ['valid', valid],
    ['an offset without its colon (a date-time, not the build pattern)', { ...valid, startedAt: '2026-03-01T10:00:00+0100' }],
    ['a tab between date and time', { ...valid, submittedAt: '2026-03-01\t10:09:00Z' }],
    ['an answer of the wrong type', { ...valid, answers: { ...answers, nb_benevoles: 'douze' } }],
    ['an unknown answer', { ...valid, answers: { ...answers, question_inventee: 'x' } }],
    ['a choice not offered', { ...valid, answers: { ...answers, secteur: 'peche' } }],
    ['another territory', { ...valid, territory: { level: 'commune', code: '29019' } }],
    ['paper with blank', { ...valid, channel: 'paper', blank: ['secteur'], answers: { ...answers, secteur: undefined } }],
    ['several at once', { ...valid, startedAt: '2026-03-01T10:00:00+01', source: 'forum', answers: { ...answers, employeur: 'oui', autre: 1 } }],
  ];
}

describe('the envelope validated once', () => {
  const cases: [string, CompiledQuestionnaire, object, ResponsePayload][] = [
    ['the core, compiler schema', coreQuestionnaire(), compilerPayloadSchema(coreQuestionnaire()), corePayload()],
    ['Rennes, compiler schema', rennesQuestionnaire(), compilerPayloadSchema(rennesQuestionnaire()), rennesPayload()],
    ['the core, generic schema with $ref', coreQuestionnaire(), testPayloadSchema(coreQuestionnaire()), corePayload()],
  ];

  it.each(cases)('%s: the same problems as with the whole schema', (_, compiled, schema, valid) => {
    const rest = beyondEnvelope(schema);
    expect(rest).not.toBeNull();
    const whole = registry(compiled, schema);
    const folded = registry(compiled, rest!);
    const refused: string[] = [];
    for (const [label, payload] of variants(valid)) {
      // The build itself differs (its validator): the payload or the problems must not.
      const outcome = (r: ReturnType<typeof intake>) => (r.ok ? r.payload : r.problems);
      const expected = intake(structuredClone(payload), whole, territories, NOW);
      expect(outcome(intake(structuredClone(payload), folded, territories, NOW)), label).toEqual(outcome(expected));
      if (!expected.ok) refused.push(label);
    }
    expect(refused.length).toBeGreaterThanOrEqual(4);
    expect(refused).not.toContain('valid');
  });

  it('still refuses a time stamp the envelope lets through and the build pattern does not', () => {
    const schema = compilerPayloadSchema(coreQuestionnaire());
    const folded = registry(coreQuestionnaire(), beyondEnvelope(schema)!);
    const result = intake(corePayload({ startedAt: '2026-03-01T10:00:00+0100' }), folded, territories, NOW);
    expect(result.ok ? [] : result.problems.map((p) => `${p.pointer} ${p.code}`)).toEqual(['/startedAt schema/pattern']);
  });

  it('keeps what a build narrows, and the answers, in the schema order', () => {
    const rest = beyondEnvelope(compilerPayloadSchema(rennesQuestionnaire()));
    expect(Object.keys(rest!.properties as object)).toEqual(['questionnaire', 'extension', 'territory', 'startedAt', 'submittedAt', 'answers']);
    expect(Object.keys(beyondEnvelope(compilerPayloadSchema(coreQuestionnaire()))!.properties as object))
      .toEqual(['questionnaire', 'extension', 'startedAt', 'submittedAt', 'answers']);
  });

  it('folds nothing it cannot prove the envelope checked', () => {
    const schema = compilerPayloadSchema(coreQuestionnaire()) as Record<string, any>;
    const without = (name: string) => {
      const { [name]: _, ...properties } = schema.properties;
      return { ...schema, properties };
    };
    // A build written before `source` existed refuses it: its additionalProperties must stay.
    expect(beyondEnvelope(without('source'))).toBeNull();
    expect(beyondEnvelope({ ...schema, unevaluatedProperties: false })).toBeNull();
    expect(beyondEnvelope({ ...schema, required: [...schema.required, 'source'] })).toBeNull();
    expect(beyondEnvelope({ ...schema, allOf: [] })).toBeNull();
    expect(beyondEnvelope(without('answers'))).toBeNull();
    expect(beyondEnvelope(true)).toBeNull();
  });
});
