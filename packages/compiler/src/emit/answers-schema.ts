/**
 * `answers.schema.json`: the JSON Schema (2020-12) of the `answers` object of one compiled
 * questionnaire. Strict: one property per question (plus `<id>_other` texts), nothing else,
 * and an `<id>_other` text exactly when its question's answer chooses `other`. Visibility,
 * requiredness and checks are not expressed here: they depend on other answers, and the
 * runtime's consistency check (shared by browser and collector) handles them.
 */
import type { CompiledQuestion, CompiledQuestionnaire } from '@olva/schema';
import { OTHER_CODE, unhandledQuestionType } from '@olva/schema';
import { en, fr } from './text.js';
import { allQuestions, choicesOf, hasOther, otherKey, rowsOf } from './question-parts.js';

/** A JSON Schema object (kept loose: it is data we write out). */
export type JsonSchema = Record<string, unknown>;

/** INSEE commune code (COG): 5 digits, or Corsica's 2A/2B followed by 3 digits. */
export const COMMUNE_PATTERN = '^(?:[0-9]{5}|2[AB][0-9]{3})$';

/**
 * E-mail address: one `@`, no spaces, a dot in the domain. Written without overlapping
 * repetitions so that it cannot backtrack catastrophically. A pattern rather than
 * `format: "email"` keeps the standalone validator free of imports.
 */
export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+$';

/** Longest e-mail address accepted (RFC 5321 path limit). */
export const EMAIL_MAX_LENGTH = 254;

/** Longest "other, please specify" text; the generic payload schema allows 10,000. */
export const OTHER_MAX_LENGTH = 10000;

function describe(q: CompiledQuestion): JsonSchema {
  const d: JsonSchema = { title: `Q${q.number}. ${fr(q.label)}` };
  const parts = [en(q.label) !== fr(q.label) ? en(q.label) : '', fr(q.help)].filter(Boolean);
  if (parts.length) d.description = parts.join(' — ');
  return d;
}

function codeEnum(codes: string[]): JsonSchema {
  return { type: 'string', enum: codes };
}

/** The schema of the value of one question. */
export function valueSchema(q: CompiledQuestion): JsonSchema {
  const base = describe(q);
  switch (q.type) {
    case 'single':
      return { ...base, ...codeEnum(q.choices.map((c) => c.code)) };
    case 'multiple': {
      const s: JsonSchema = {
        ...base,
        type: 'array',
        // `type: string` on items lets ajv check uniqueness without its deep-equal helper.
        items: codeEnum(q.choices.map((c) => c.code)),
        uniqueItems: true,
      };
      if (q.minSelected !== undefined) s.minItems = q.minSelected;
      if (q.maxSelected !== undefined) s.maxItems = q.maxSelected;
      return s;
    }
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'integer':
    case 'year':
    case 'decimal': {
      const s: JsonSchema = { ...base, type: q.type === 'decimal' ? 'number' : 'integer' };
      if (q.min !== undefined) s.minimum = q.min;
      if (q.max !== undefined) s.maximum = q.max;
      return s;
    }
    case 'text':
    case 'textarea': {
      const s: JsonSchema = { ...base, type: 'string' };
      s.maxLength = q.maxLength ?? OTHER_MAX_LENGTH;
      if (q.pattern !== undefined) s.pattern = q.pattern;
      return s;
    }
    case 'email':
      return { ...base, type: 'string', maxLength: EMAIL_MAX_LENGTH, pattern: EMAIL_PATTERN };
    case 'commune':
      return { ...base, type: 'string', pattern: COMMUNE_PATTERN };
    case 'scale':
      return { ...base, type: 'integer', minimum: 1, maximum: q.choices.length };
    case 'matrix': {
      const choices = choicesOf(q).map((c) => c.code);
      const properties: Record<string, JsonSchema> = {};
      for (const row of rowsOf(q)) {
        properties[row.code] = { title: fr(row.label), ...codeEnum(choices) };
      }
      return { ...base, type: 'object', properties, additionalProperties: false };
    }
    default:
      return unhandledQuestionType(q);
  }
}

/** The schema of the `<id>_other` text of a question with an "other" option: not blank. */
export function otherSchema(q: CompiledQuestion & { other: { label: { fr: string } } }): JsonSchema {
  return {
    title: `Q${q.number}. ${fr(q.other.label)}`,
    description: `Texte « autre, précisez » de ${q.id}, requis quand « ${OTHER_CODE} » est choisi / "Other, please specify" text of ${q.id}, required when "${OTHER_CODE}" is chosen`,
    type: 'string',
    maxLength: OTHER_MAX_LENGTH,
    // As the runtime, which takes a text of spaces for no text.
    pattern: '\\S',
  };
}

/**
 * The rule of an "other" text: `<id>_other` is required when the answer to `<id>` chooses
 * `other` (the code, or among the codes of a multiple choice), and forbidden otherwise.
 */
export function otherRule(q: CompiledQuestion): JsonSchema {
  const key = otherKey(q.id);
  const chosen = q.type === 'multiple' ? { type: 'array', contains: { const: OTHER_CODE } } : { const: OTHER_CODE };
  return {
    if: { properties: { [q.id]: chosen }, required: [q.id] },
    // `properties: {key: true}` beside `required` keeps ajv's strict mode satisfied.
    then: { properties: { [key]: true }, required: [key] },
    // A false schema (rather than `not: {required}`) points the error at the text itself.
    else: { properties: { [key]: false } },
  };
}

/** The `properties` of the answers object, in questionnaire order. */
export function answersProperties(compiled: CompiledQuestionnaire): Record<string, JsonSchema> {
  const properties: Record<string, JsonSchema> = {};
  for (const q of allQuestions(compiled)) {
    properties[q.id] = valueSchema(q);
    if (hasOther(q)) properties[otherKey(q.id)] = otherSchema(q);
  }
  return properties;
}

/**
 * The answers schema of a compiled questionnaire, without `$schema`/`$id` (so that it can be
 * inlined in the payload schema).
 */
export function answersSchemaBody(compiled: CompiledQuestionnaire): JsonSchema {
  const others = allQuestions(compiled).filter(hasOther);
  return {
    title: `Réponses — ${fr(compiled.title)}`,
    description:
      `Answers of ${compiled.id} (${compiled.questionnaire.id} ${compiled.questionnaire.version}` +
      `${compiled.extension ? ` + ${compiled.extension.id} ${compiled.extension.version}` : ''}). ` +
      'Visibility, requiredness and coherence checks are verified by the runtime consistency check.',
    type: 'object',
    properties: answersProperties(compiled),
    additionalProperties: false,
    ...(others.length ? { allOf: others.map(otherRule) } : {}),
  };
}

/** `answers.schema.json` as an object. */
export function answersSchema(compiled: CompiledQuestionnaire): JsonSchema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:olva:answers:${compiled.id}:${compiled.questionnaire.version}${compiled.extension ? `:${compiled.extension.version}` : ''}`,
    ...answersSchemaBody(compiled),
  };
}
