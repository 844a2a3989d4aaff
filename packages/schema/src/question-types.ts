import type { Question } from './questionnaire.generated.js';

/** Every question type of docs/contracts.md, in the order the contract lists them. */
export const QUESTION_TYPES = Object.freeze([
  'single', 'multiple', 'boolean', 'integer', 'year', 'decimal',
  'text', 'textarea', 'email', 'commune', 'scale', 'matrix',
] as const);

/** A question type. */
export type QuestionType = Question['type'];

/**
 * Closes a `switch (question.type)`, as its `default`, given the question the switch narrowed
 * to `never`: `tsc` refuses the call (TS2345, naming the file and line) as soon as a type of
 * `QuestionType` has no `case` above it, so adding a type lists every switch to complete. Only a
 * definition that skipped the schema reaches it at run time: it throws, as the runtime does for
 * an unknown type.
 */
export function unhandledQuestionType(question: never): never {
  throw new TypeError(`unknown question type "${String((question as { type?: unknown } | null)?.type)}"`);
}

/**
 * The value of one answer in a payload: a choice code or text (string), a number, a boolean,
 * the codes of a multiple choice (string[]), or a matrix (`{ rowCode: choiceCode }`).
 */
export type AnswerValue = string | number | boolean | string[] | Record<string, string>;

/** Answers keyed by question id (and `<id>_other` for "other" texts). */
export type Answers = Record<string, AnswerValue>;
