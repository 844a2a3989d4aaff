/** Validation of one answer: requiredness first, then the rules of its question type. */
import type { CompiledQuestion } from '@olva/schema';
import type { AnswerError, AnswerMap, AnswerValue } from './types.js';
import { questionType } from './question-types/registry.js';
import { missingRowsError } from './question-types/matrix.js';
import { hasOther, otherAnswerError, otherKey } from './question-types/common.js';

/** The error shown when a required question has no answer. */
export function requiredError(question: CompiledQuestion): AnswerError {
  return { questionId: question.id, code: 'required', message: { fr: 'Répondez à cette question.', en: 'Answer this question.' } };
}

/**
 * The first problem with the answer to `question` in `answers`, or null. `required` says
 * whether the question is required now (see `computeVisibility`).
 */
export function validateAnswer(question: CompiledQuestion, answers: AnswerMap, required: boolean): AnswerError | null {
  return validateValue(question, answers[question.id], hasOther(question) ? answers[otherKey(question.id)] : undefined, required);
}

/**
 * `validateAnswer` for a value and its `other` text given apart (undefined when absent), so
 * that a caller holding them needs no answer map.
 */
export function validateValue(question: CompiledQuestion, value: AnswerValue | undefined, other: AnswerValue | undefined, required: boolean): AnswerError | null {
  const otherError = hasOther(question) ? otherAnswerError(question, value, other) : null;
  // A text typed with nothing chosen says what to do, rather than "answer this question".
  if (otherError && (value === undefined || questionType(question.type).isEmpty(value))) return otherError;
  return validateOwnValue(question, value, required) ?? otherError;
}

/** The problem with a value alone, its `other` text aside (see `otherAnswerError`), or null. */
export function validateOwnValue(question: CompiledQuestion, value: AnswerValue | undefined, required: boolean): AnswerError | null {
  const runtime = questionType(question.type);
  if (value === undefined || runtime.isEmpty(value)) return required ? requiredError(question) : null;
  const error = runtime.validate(question, value);
  if (error) return error;
  if (required && question.type === 'matrix') return missingRowsError(question, value);
  return null;
}
