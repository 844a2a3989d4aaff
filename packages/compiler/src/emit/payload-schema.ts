/**
 * `payload.schema.json`: the whole response payload for one compiled questionnaire. It is the
 * generic payload schema (`schemas/payload.schema.json`) narrowed to this build: the
 * questionnaire and extension versions are constants, the answers are this questionnaire's
 * answers schema (inlined), and the territory is pinned when the build has one.
 */
import { payloadSchema, type CompiledQuestionnaire, type Territory } from '@olva/schema';
import { answersSchemaBody, type JsonSchema } from './answers-schema.js';

/**
 * RFC 3339 date-time, as a pattern: `format: "date-time"` would make the standalone validator
 * import ajv-formats. It checks the shape (not that February has no 30th).
 */
export const DATE_TIME_PATTERN =
  '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$';

function versionConst(ref: { id: string; version: string }): JsonSchema {
  // One `const` per scalar property (not one on the object) so that the standalone
  // validator needs no deep-equality helper.
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'version'],
    properties: { id: { const: ref.id }, version: { const: ref.version } },
  };
}

/**
 * The territory a response of this build may name. Without a territory (bare core) any
 * territory is accepted, as in the generic schema. A commune, EPCI, departement or region
 * extension pins level and code. A custom territory (bassin de vie) is answered either as
 * itself or as one of the communes it covers.
 */
export function territorySchema(territory: Territory | null, generic: JsonSchema): JsonSchema {
  if (!territory) return generic;
  const pinned = (level: string, code: JsonSchema): JsonSchema => ({
    type: 'object',
    additionalProperties: false,
    required: ['level', 'code'],
    properties: { level: { const: level }, code },
  });
  if (territory.level !== 'custom') {
    return { description: `Territoire : ${territory.name}`, ...pinned(territory.level, { const: territory.code }) };
  }
  const options = [pinned('custom', { const: territory.code })];
  if (territory.communes?.length) options.push(pinned('commune', { enum: [...territory.communes] }));
  return { description: `Territoire : ${territory.name}`, anyOf: options };
}

/** Deep copy of plain JSON data. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `payload.schema.json` as an object. */
export function payloadSchemaFor(compiled: CompiledQuestionnaire): JsonSchema {
  const generic = clone(payloadSchema) as JsonSchema & {
    properties: Record<string, JsonSchema>;
    $defs: Record<string, JsonSchema>;
  };
  const properties = { ...generic.properties };
  properties.questionnaire = {
    description: 'The exact core version answered.',
    ...versionConst(compiled.questionnaire),
  };
  properties.extension = compiled.extension
    ? { description: 'The exact extension version answered.', ...versionConst(compiled.extension) }
    : { description: 'No extension: the bare core.', type: 'null' };
  properties.territory = territorySchema(compiled.territory, properties.territory);
  for (const key of ['startedAt', 'submittedAt']) {
    const { format: _format, ...rest } = properties[key];
    properties[key] = { ...rest, pattern: DATE_TIME_PATTERN };
  }
  properties.answers = answersSchemaBody(compiled);
  const { answers: _answers, ...defs } = generic.$defs;
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:olva:payload:${compiled.id}:${compiled.questionnaire.version}${compiled.extension ? `:${compiled.extension.version}` : ''}`,
    title: `ResponsePayload — ${compiled.id}`,
    description: `One response to ${compiled.id}, as the embedded survey posts it to a collector.`,
    type: generic.type,
    additionalProperties: false,
    required: generic.required,
    properties,
    // The generic rules between properties (`blank` only on paper and phone).
    ...(generic.allOf ? { allOf: generic.allOf } : {}),
  };
  // Keep the remaining shared definitions only when something still refers to them.
  if (JSON.stringify(properties).includes('#/$defs/')) schema.$defs = defs;
  return schema;
}
