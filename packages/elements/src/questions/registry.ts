/**
 * Which renderer draws which question type. Adding a type: one file in this folder and one
 * line here (the rest, from the schema to the tests: "Add a question type" in CONTRIBUTING.md).
 * `registerQuestionRenderer` lets a page replace a renderer, e.g. a commune picker backed by
 * its own list.
 */
import type { QuestionType } from '@olva/schema';
import type { QuestionRenderer } from './context.js';
import { renderSingle } from './single.js';
import { renderMultiple } from './multiple.js';
import { renderBoolean } from './boolean.js';
import { renderInteger } from './integer.js';
import { renderYear } from './year.js';
import { renderDecimal } from './decimal.js';
import { renderText } from './text.js';
import { renderTextarea } from './textarea.js';
import { renderEmail } from './email.js';
import { renderCommune } from './commune.js';
import { renderScale } from './scale.js';
import { renderMatrix } from './matrix.js';

const renderers = new Map<string, QuestionRenderer>(Object.entries({
  single: renderSingle,
  multiple: renderMultiple,
  boolean: renderBoolean,
  integer: renderInteger,
  year: renderYear,
  decimal: renderDecimal,
  text: renderText,
  textarea: renderTextarea,
  email: renderEmail,
  commune: renderCommune,
  scale: renderScale,
  matrix: renderMatrix,
} satisfies Record<QuestionType, QuestionRenderer>));

/** The renderer of a question type, or undefined for a type nobody registered. */
export function questionRenderer(type: string): QuestionRenderer | undefined {
  return renderers.get(type);
}

/** Replaces (or adds) the renderer of a question type, for every <olva-survey> on the page. */
export function registerQuestionRenderer(type: QuestionType, renderer: QuestionRenderer): void {
  renderers.set(type, renderer);
}

/** The types that have a renderer. */
export function renderedTypes(): string[] {
  return [...renderers.keys()];
}
