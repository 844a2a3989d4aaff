/**
 * The question types the runtime knows, by type name. Adding a type: one file, one line here,
 * and the rest of "Add a question type" in CONTRIBUTING.md (schema, element, emitters, tests).
 */
import type { QuestionType } from '@olva/schema';
import type { QuestionTypeRuntime } from '../types.js';
import { singleType } from './single.js';
import { multipleType } from './multiple.js';
import { booleanType } from './boolean.js';
import { integerType } from './integer.js';
import { yearType } from './year.js';
import { decimalType } from './decimal.js';
import { textType } from './text.js';
import { textareaType } from './textarea.js';
import { emailType } from './email.js';
import { communeType } from './commune.js';
import { scaleType } from './scale.js';
import { matrixType } from './matrix.js';

/** Every question type's runtime, keyed by type. */
export const questionTypes: Readonly<Record<QuestionType, QuestionTypeRuntime>> = Object.freeze({
  single: singleType,
  multiple: multipleType,
  boolean: booleanType,
  integer: integerType,
  year: yearType,
  decimal: decimalType,
  text: textType,
  textarea: textareaType,
  email: emailType,
  commune: communeType,
  scale: scaleType,
  matrix: matrixType,
});

/** The runtime of a question type; throws on a type the runtime does not know. */
export function questionType(type: string): QuestionTypeRuntime {
  const runtime = (questionTypes as Record<string, QuestionTypeRuntime>)[type];
  if (!runtime) throw new TypeError(`unknown question type "${type}"`);
  return runtime;
}
