/**
 * Validation of documents against the OLVA schemas with ajv (Node only: ajv compiles schemas
 * with `new Function`, which the browser embed never does; it uses precompiled validators).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { questionnaireSchema, extensionSchema, payloadSchema } from './schemas.generated.js';
import { childPointer } from './pointer.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** One problem found in a document. */
export interface SchemaProblem {
  /** JSON pointer of the offending value in the document ('' for the root). */
  pointer: string;
  /** The rule broken: `schema/<ajv keyword>`, e.g. `schema/required`. */
  rule: string;
  /** What is wrong, in English, with the offending property or value named. */
  message: string;
  /** ajv's parameters of the error (`{missingProperty}`, `{limit}`…), so callers can word it in another language. */
  params?: Record<string, unknown>;
}

/** The kinds of document the schemas describe. */
export type DocumentKind = 'questionnaire' | 'extension' | 'payload';

/** A new ajv instance, set up the way every OLVA tool validates (2020-12, formats, discriminator). */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true, strictNumbers: true, strictTuples: true, strictRequired: false, strictTypes: false, discriminator: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema(questionnaireSchema).addSchema(extensionSchema).addSchema(payloadSchema);
  return ajv;
}

let cache: Record<DocumentKind, ValidateFunction> | undefined;

function validators(): Record<DocumentKind, ValidateFunction> {
  if (!cache) {
    const ajv = createAjv();
    cache = {
      questionnaire: ajv.getSchema(String(questionnaireSchema.$id))!,
      extension: ajv.getSchema(String(extensionSchema.$id))!,
      payload: ajv.getSchema(String(payloadSchema.$id))!,
    };
  }
  return cache;
}

/** Turns ajv's errors into problems with a pointer, a rule and a readable message. */
export function toProblems(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const e of errors ?? []) {
    // "must match then schema" only repeats the error found inside the branch.
    if (e.keyword === 'if') continue;
    let pointer = e.instancePath;
    let message = e.message ?? 'is invalid';
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      pointer = childPointer(pointer, extra);
      message = `unknown property "${extra}" (check its spelling)`;
    } else if (e.keyword === 'required') {
      message = `missing required property "${(e.params as { missingProperty: string }).missingProperty}"`;
    } else if (e.keyword === 'enum') {
      message = `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    } else if (e.keyword === 'false schema') {
      // A property allowed only with some answers (an "other" text without the choice "other").
      message = 'must not be given with the other answers of this document';
    } else if (e.keyword === 'const') {
      message = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    }
    const key = `${pointer}|${e.keyword}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ pointer, rule: `schema/${e.keyword}`, message, params: e.params as Record<string, unknown> });
  }
  return problems;
}

/** Validates a document of the given kind; returns its problems (empty when valid). */
export function validateDocument(kind: DocumentKind, document: unknown): SchemaProblem[] {
  const validate = validators()[kind];
  return validate(document) ? [] : toProblems(validate.errors);
}
