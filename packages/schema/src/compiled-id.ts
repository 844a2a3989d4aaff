/**
 * How long the id of a compiled questionnaire can be: `<core id>+<extension id>` (the
 * compiler's `compiledId`), which is also the name a build's directory takes when it is served
 * (`/questionnaires/<build>/`). The bounds come from the schemas, so that a longer id allowed
 * there lengthens it here.
 */
import { extensionSchema, questionnaireSchema } from './schemas.generated.js';

/** The `maxLength` of a schema's top-level `id`. */
function idMaxLength(schema: Record<string, unknown>): number {
  return ((schema.properties as Record<string, { maxLength: number }>).id).maxLength;
}

/** The longest id of a compiled questionnaire: a core id and an extension id at their longest, joined by `+`. */
export const MAX_COMPILED_ID_LENGTH = idMaxLength(questionnaireSchema) + 1 + idMaxLength(extensionSchema);
