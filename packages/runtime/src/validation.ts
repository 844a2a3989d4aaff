/** Validation of one answer: requiredness first, then the rules of its question type. */
import type { CompiledQuestion } from '@olva/schema';
import type { AnswerError, AnswerMap, AnswerValue } from './types.js';
import { questionType } from './question-types/registry.js';
import { missingRowsError } from './question-types/matrix.js';
import { hasOther, otherKey, otherTextError } from './question-types/common.js';

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
  const runtime = questionType(question.type);
  const otherError = other === undefined ? null : otherTextError(question, other);
  if (value === undefined || runtime.isEmpty(value)) return required ? requiredError(question) : otherError;
  const error = runtime.validate(question, value);
  if (error) return error;
  if (required && question.type === 'matrix') return missingRowsError(question, value);
  return otherError;
}
