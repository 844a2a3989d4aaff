/**
 * Coherence checks: a check fails when its `when` condition holds on the answers of visible
 * questions. A check whose questions are all hidden says nothing about this respondent and is
 * ignored. An `error` blocks submission; a `warning` asks the respondent to confirm.
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import type { AnswerMap, CheckFailure } from './types.js';
import { evaluateConditionOn, type ConditionData } from './conditions.js';
import { conditionDataOf } from './visibility.js';

/**
 * The checks that fail, in definition order. `answers` must already be the visible answers
 * and `visible` the visible question ids (see `computeVisibility`); `data`, the evaluator's
 * view of `answers` when the caller holds it already (`checkResponse`).
 */
export function failingChecks(compiled: CompiledQuestionnaire, answers: AnswerMap, visible: { has(id: string): boolean }, data?: ConditionData): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const check of compiled.checks) {
    if (!check.questions.some((id) => visible.has(id))) continue;
    if (evaluateConditionOn(check.when, data ??= conditionDataOf(answers))) {
      failures.push({ check, level: check.level, message: check.message, questions: check.questions });
    }
  }
  return failures;
}
