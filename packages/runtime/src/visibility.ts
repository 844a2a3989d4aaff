/**
 * Which questions are visible and required for given answers, and which answers survive.
 * A hidden question has no answer: as soon as a question is hidden its answer (and its
 * `_other` text) is dropped, and conditions that read it see it as unanswered, which can hide
 * further questions in turn. An `_other` text lives and goes with its question.
 */
import type { CompiledQuestion, CompiledQuestionnaire } from '@olva/schema';
import type { AnswerMap } from './types.js';
import { conditionData, evaluateConditionOn, forgetAnswer, type ConditionData } from './conditions.js';
import { questionType } from './question-types/registry.js';
import { hasOther, isBlank, otherKey } from './question-types/common.js';

/** The outcome of `computeVisibility`. */
export interface VisibilityState {
  /** Ids of the visible questions. */
  visible: Set<string>;
  /** Ids of the visible questions that are required. */
  required: Set<string>;
  /** The answers kept: non-empty answers of visible questions and their `other` texts. */
  answers: AnswerMap;
}

/** The questions of a compiled questionnaire, in questionnaire order and by id. */
export interface QuestionIndex {
  readonly list: readonly CompiledQuestion[];
  readonly byId: ReadonlyMap<string, CompiledQuestion>;
}

// Built once per questionnaire: the browser recomputes visibility on every answer and the
// collector checks every response. Compiled questionnaires are never mutated.
const indexes = new WeakMap<CompiledQuestionnaire, QuestionIndex>();

// The evaluator's view of a state's answers, so that the checks run on it without building
// it again. Keyed by the answers object, which callers treat as read-only.
const stateData = new WeakMap<AnswerMap, ConditionData>();

/** The condition data of answers returned by `computeVisibility` (built when not known). */
export function conditionDataOf(answers: AnswerMap): ConditionData {
  let data = stateData.get(answers);
  if (!data) {
    data = conditionData(answers);
    stateData.set(answers, data);
  }
  return data;
}

/** The question index of a compiled questionnaire (cached). */
export function questionIndex(compiled: CompiledQuestionnaire): QuestionIndex {
  let index = indexes.get(compiled);
  if (!index) {
    const list = compiled.sections.flatMap((s) => s.questions);
    index = { list, byId: new Map(list.map((q) => [q.id, q])) };
    indexes.set(compiled, index);
  }
  return index;
}

/** Every question of the compiled questionnaire, in questionnaire order. */
export function allQuestions(compiled: CompiledQuestionnaire): readonly CompiledQuestion[] {
  return questionIndex(compiled).list;
}

/**
 * Computes visibility and requiredness in questionnaire order. Dropping answers only ever
 * removes some, so repeating the pass until nothing changes terminates; it makes a condition
 * that reads a later question agree with one that reads an earlier one.
 */
export function computeVisibility(compiled: CompiledQuestionnaire, answers: AnswerMap): VisibilityState {
  const questions = allQuestions(compiled);
  const working: AnswerMap = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (value !== undefined && !questionType(q.type).isEmpty(value)) working[q.id] = value;
    if (hasOther(q)) {
      const other = answers[otherKey(q.id)];
      if (other !== undefined && !isBlank(other)) working[otherKey(q.id)] = other;
    }
  }
  const visible = new Set<string>();
  // One evaluator view of the answers, kept in step with `working` as answers are dropped.
  const data = conditionData(working);
  for (let pass = 0; pass <= questions.length; pass++) {
    let dropped = false;
    visible.clear();
    for (const q of questions) {
      const shown = q.visibleWhen === undefined || evaluateConditionOn(q.visibleWhen, data);
      if (shown) {
        visible.add(q.id);
      } else if (q.id in working || otherKey(q.id) in working) {
        delete working[q.id];
        delete working[otherKey(q.id)];
        forgetAnswer(data, q.id);
        forgetAnswer(data, otherKey(q.id));
        dropped = true;
      }
    }
    if (!dropped) break;
  }
  const required = new Set<string>();
  for (const q of questions) {
    if (visible.has(q.id) && q.required !== undefined && evaluateConditionOn(q.required, data)) required.add(q.id);
  }
  stateData.set(working, data);
  return { visible, required, answers: working };
}
