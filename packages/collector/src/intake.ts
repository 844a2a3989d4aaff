/**
 * What a posted response goes through before it is stored, once parsed: the payload
 * contract, an accepted questionnaire version, that version's own payload schema, the
 * territory, the same consistency check the browser ran (`checkResponse` of @olva/runtime),
 * and that commune answers name current communes. Every problem found is returned with its
 * JSON pointer, so one 422 says everything that is wrong.
 */
import { payloadSchema, sameJson, type ResponsePayload } from '@olva/schema';
import { createAjv, validateDocument, toProblems, type SchemaProblem } from '@olva/schema/validate';
import type { ValidateFunction } from 'ajv';
import { checkResponse } from '@olva/runtime';
import { MAX_PROBLEMS, type ResponseProblemBody } from './http/errors.js';
import { unknownCommuneAnswers } from './geography/commune-answers.js';
import type { BuildRegistry, LoadedBuild } from './questionnaires.js';
import type { TerritoryDirectory } from './territories.js';
import type { TerritoryRef } from './store/types.js';
import { waveProblems, type WaveRule } from './waves.js';
import { joinTexts, schemaText, text, untranslated, type Text } from './messages.js';

/** The outcome of intake: a payload to store with its build, or the problems to report. */
export type IntakeResult =
  | { ok: true; payload: ResponsePayload; build: LoadedBuild }
  | { ok: false; problems: ResponseProblemBody[] };

function describe(key: { questionnaire: { id: string; version: string }; extension: { id: string; version: string } | null }): Text {
  const questionnaire = `${key.questionnaire.id} ${key.questionnaire.version}`;
  return key.extension
    ? text('unknown-questionnaire.with-extension', { questionnaire, extension: `${key.extension.id} ${key.extension.version}` })
    : text('unknown-questionnaire.without-extension', { questionnaire });
}

let envelope: ValidateFunction | undefined;

/**
 * The payload contract with `answers` only required to be an object. When a payload names an
 * accepted build, that build's own payload schema (the contract narrowed to its questions)
 * checks the answers; checking each of them against the generic contract first would do it
 * twice, and was most of the contract's cost.
 */
function validEnvelope(body: unknown): boolean {
  if (!envelope) {
    const schema = structuredClone(payloadSchema) as { $id?: string; properties: Record<string, unknown> };
    schema.$id = 'urn:olva:collector:payload-envelope';
    schema.properties.answers = { type: 'object' };
    envelope = createAjv().compile(schema);
  }
  return envelope(body);
}

/** True when a schema holds a `$ref` (or `$dynamicRef`) at any depth. */
function holdsRef(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  if (Array.isArray(schema)) return schema.some(holdsRef);
  return '$ref' in schema || '$dynamicRef' in schema || Object.values(schema).some(holdsRef);
}

/** The same rule in both schemas: equal JSON without a `$ref`, which resolves against its own root. */
function sameRule(a: unknown, b: unknown): boolean {
  return sameJson(a, b) && !holdsRef(a);
}

/** Root keywords of a build's payload schema that the fold understands (any other: no fold). */
const FOLDABLE_ROOT = new Set(['$schema', '$id', 'title', 'description', '$comment', '$defs', 'type', 'required', 'additionalProperties', 'allOf', 'properties']);

/** The names of a list or of an object's keys, in one sorted string. */
function nameSet(names: readonly string[]): string {
  return [...names].sort().join('\n');
}

/**
 * A build's payload schema less what the envelope (the generic contract, `validEnvelope`)
 * already checked, for payloads whose envelope passed: the root's rules and the properties
 * written exactly as in the generic contract go, and so the envelope is validated once. What
 * the build narrows (versions, a pinned territory, time stamps as a pattern) and the answers
 * stay, in the schema's order and at the same paths, so that a refusal lists the same
 * problems. Null when the schema is not one this fold can prove that of (then the whole
 * schema is used, after the envelope, as before).
 */
export function beyondEnvelope(schema: unknown): Record<string, unknown> | null {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return null;
  const build = schema as Record<string, unknown>;
  const generic = payloadSchema as unknown as Record<string, unknown>;
  const ownProps = build.properties as Record<string, unknown> | undefined;
  const genericProps = generic.properties as Record<string, unknown>;
  if (!ownProps || typeof ownProps !== 'object' || !('answers' in ownProps)) return null;
  if (Object.keys(build).some((k) => !FOLDABLE_ROOT.has(k))) return null;
  for (const k of ['type', 'allOf', 'additionalProperties'] as const) {
    if (k in build && !sameRule(build[k], generic[k])) return null;
  }
  // additionalProperties reads the property names beside it.
  if ('additionalProperties' in build && nameSet(Object.keys(ownProps)) !== nameSet(Object.keys(genericProps))) return null;
  if ('required' in build && (!Array.isArray(build.required) || nameSet(build.required) !== nameSet(generic.required as string[]))) return null;
  const properties: Record<string, unknown> = {};
  for (const [name, rule] of Object.entries(ownProps)) {
    if (name === 'answers' || !sameRule(rule, genericProps[name])) properties[name] = rule;
  }
  return {
    ...('$schema' in build ? { $schema: build.$schema } : {}),
    ...('$id' in build ? { $id: build.$id } : {}),
    ...('$defs' in build ? { $defs: build.$defs } : {}),
    properties,
  };
}

/**
 * Schema problems as response problems. Only the first `MAX_PROBLEMS` are worded in both
 * languages: no others are ever sent (`invalidResponseBody`), and wording guesses the names an
 * unknown property may be a typo of, which thousands of unknown keys would pay for each.
 */
function schemaProblems(problems: readonly SchemaProblem[]): ResponseProblemBody[] {
  return problems.map((p, i) => ({ pointer: p.pointer, code: p.rule, message: i < MAX_PROBLEMS ? schemaText(p) : untranslated(p.message) }));
}

function contractProblems(body: unknown): ResponseProblemBody[] {
  return schemaProblems(validateDocument('payload', body));
}

/**
 * How far ahead of the collector's clock a client's time stamp may be: a day covers clocks
 * set wrong and time zones written wrong, not a date typed years ahead.
 */
export const CLOCK_SKEW_MS = 86_400_000;

const NO_PROBLEMS: readonly ResponseProblemBody[] = Object.freeze([]);

/** Time stamps in the future, and a submission before its start. */
function timeProblems(payload: ResponsePayload, now: Date): readonly ResponseProblemBody[] {
  const latest = now.getTime() + CLOCK_SKEW_MS;
  const started = Date.parse(payload.startedAt);
  const submitted = Date.parse(payload.submittedAt);
  // The usual case (every accepted response): nothing to build. A time stamp Date.parse
  // cannot read (NaN) compares false everywhere, and so goes the long way, to no problem.
  if (started <= latest && submitted <= latest && submitted >= started) return NO_PROBLEMS;
  const problems: ResponseProblemBody[] = [];
  for (const [field, time] of [['startedAt', started], ['submittedAt', submitted]] as const) {
    if (time > latest) {
      problems.push({ pointer: `/${field}`, code: 'future-time', message: text('future-time', { field, value: payload[field], now: now.toISOString() }) });
    }
  }
  if (submitted < started) {
    problems.push({ pointer: '/submittedAt', code: 'submitted-before-start', message: text('submitted-before-start', { submitted: payload.submittedAt, started: payload.startedAt }) });
  }
  return problems;
}

/**
 * True when a response of a build for `extension` may carry `territory`: the extension's own
 * territory, or, for a custom territory (a bassin de vie), one of its communes. An official
 * territory's build pins it (its `payload.schema.json`, the contract): a commune inside an
 * EPCI answers the EPCI's extension under the EPCI, or the bare core under its own code.
 */
function answersFor(territory: TerritoryRef, extension: TerritoryRef, territories: TerritoryDirectory): boolean {
  if (territory.level === extension.level && territory.code === extension.code) return true;
  return extension.level === 'custom' && territories.within(territory, extension);
}

/**
 * Checks a parsed body against everything the collector knows; `now` is the collector's
 * clock, `waves` the configuration's waves tied to versions. Never throws on bad input.
 */
export function intake(body: unknown, registry: BuildRegistry, territories: TerritoryDirectory, now: Date = new Date(), waves: readonly WaveRule[] = []): IntakeResult {
  if (!validEnvelope(body)) return { ok: false, problems: contractProblems(body) };
  const payload = body as ResponsePayload;
  const build = registry.findAccepted({ questionnaire: payload.questionnaire, extension: payload.extension });
  if (!build?.validateBeyondEnvelope) {
    // No build schema to check the answers with: the generic contract does.
    const contract = contractProblems(body);
    if (contract.length) return { ok: false, problems: contract };
  }
  if (!build) {
    const accepted = registry.accepted().map((b) => describe({ questionnaire: b.compiled.questionnaire, extension: b.compiled.extension }));
    const coreKnown = registry.accepted().some((b) => b.compiled.questionnaire.id === payload.questionnaire.id && b.compiled.questionnaire.version === payload.questionnaire.version);
    return {
      ok: false,
      problems: [{
        pointer: payload.extension && coreKnown ? '/extension' : '/questionnaire',
        code: 'unknown-questionnaire',
        message: text('unknown-questionnaire', { version: describe(payload), accepted: accepted.length ? joinTexts(accepted, '; ') : text('unknown-questionnaire.none') }),
      }],
    };
  }

  const problems: ResponseProblemBody[] = [...waveProblems(payload, waves), ...timeProblems(payload, now)];
  if (!territories.exists(payload.territory)) {
    problems.push({
      pointer: '/territory/code',
      code: 'unknown-territory',
      message: text(payload.territory.level === 'custom' ? 'unknown-territory.custom' : 'unknown-territory', { code: payload.territory.code, level: payload.territory.level }),
    });
  } else if (build.compiled.territory && !answersFor(payload.territory, build.compiled.territory, territories)) {
    const t = build.compiled.territory;
    const inside = territories.within(payload.territory, t);
    problems.push({
      pointer: '/territory',
      code: 'territory-mismatch',
      message: text(inside ? 'territory-mismatch.inside' : 'territory-mismatch', {
        extension: String(build.compiled.extension?.id), level: t.level, code: t.code, name: t.name,
        answeredLevel: payload.territory.level, answeredCode: payload.territory.code,
      }),
    });
  }
  const territoryRefused = problems.some((p) => p.code === 'territory-mismatch');

  if (build.validateBeyondEnvelope && !build.validateBeyondEnvelope(payload)) {
    // The build's schema pins the territory too (`"const": "epci"`): said once, above, in words.
    const schema = schemaProblems(toProblems(build.validateBeyondEnvelope.errors));
    problems.push(...(territoryRefused ? schema.filter((p) => !p.pointer.startsWith('/territory')) : schema));
    return { ok: false, problems };
  }
  for (const p of checkResponse(build.compiled, payload.answers, payload)) {
    problems.push({ pointer: p.pointer, code: p.code, message: { fr: p.messageFr, en: p.message } });
  }
  problems.push(...unknownCommuneAnswers(build.compiled, payload.answers, problems));
  return problems.length ? { ok: false, problems } : { ok: true, payload, build };
}
