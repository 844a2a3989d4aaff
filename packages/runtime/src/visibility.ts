/**
 * Which questions are visible and required for given answers, and which answers survive.
 * A hidden question has no answer: as soon as a question is hidden its answer (and its
 * `_other` text) is dropped, and conditions that read it see it as unanswered, which can hide
 * further questions in turn. An `_other` text lives and goes with its question, and with the
 * choice `other`: a text without that choice is dropped too. An answer not of its question's
 * kind (a text the number box could not read) is kept but counts as no answer for conditions,
 * checks and requiredness.
 */
import type { CompiledQuestion, CompiledQuestionnaire, Condition } from '@olva/schema';
import { choosesOther } from '@olva/schema';
import type { AnswerMap, QuestionTypeRuntime } from './types.js';
import { conditionData, emptyConditionData, evaluateConditionOn, forgetAnswer, rememberAnswer, type ConditionData } from './conditions.js';
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

/** One question as `computeVisibility` and `checkResponse` go through it. */
export interface PlannedQuestion {
  readonly question: CompiledQuestion;
  readonly id: string;
  /** The answer key of its "other" text, when it has one. */
  readonly other: string | undefined;
  readonly type: QuestionTypeRuntime;
  /** True when it has a `visibleWhen` (else it is always visible). */
  readonly conditional: boolean;
}

/**
 * What visibility needs of a questionnaire, worked out once: most questions are shown whatever
 * the answers, so only those with a condition are evaluated on each answer (browser) and on
 * each response received (collector).
 */
export interface VisibilityPlan {
  readonly questions: readonly PlannedQuestion[];
  readonly alwaysVisible: readonly string[];
  readonly alwaysVisibleSet: ReadonlySet<string>;
  readonly conditional: readonly (PlannedQuestion & { readonly when: Condition })[];
  readonly requirable: readonly { readonly id: string; readonly required: Condition | boolean }[];
}

const plans = new WeakMap<CompiledQuestionnaire, VisibilityPlan>();

/** The visibility plan of a compiled questionnaire (cached). */
export function visibilityPlan(compiled: CompiledQuestionnaire): VisibilityPlan {
  let plan = plans.get(compiled);
  if (!plan) {
    const questions = allQuestions(compiled).map((question): PlannedQuestion => ({
      question,
      id: question.id,
      other: hasOther(question) ? otherKey(question.id) : undefined,
      type: questionType(question.type),
      conditional: question.visibleWhen !== undefined,
    }));
    const alwaysVisible = questions.filter((p) => !p.conditional).map((p) => p.id);
    plan = {
      questions,
      alwaysVisible,
      alwaysVisibleSet: new Set(alwaysVisible),
      conditional: questions.filter((p) => p.conditional).map((p) => ({ ...p, when: p.question.visibleWhen! })),
      requirable: questions.filter((p) => p.question.required !== undefined).map((p) => ({ id: p.id, required: p.question.required! })),
    };
    plans.set(compiled, plan);
  }
  return plan;
}

/**
 * False when `value` is not of the kind its question holds: text typed in a number box that
 * could not be read ("1e3", "0x10", "Infinity", "1.000"), "peut-être" for a yes/no question.
 * Such a raw answer is kept (the respondent sees it and its error) but conditions, checks and
 * requiredness see it as no answer: JsonLogic would otherwise read "1e3" as 1000.
 */
function isOfItsKind(p: PlannedQuestion, value: unknown): boolean {
  return p.type.holds === undefined || p.type.holds(value);
}

/** What visibility adds and removes questions through, and asks about. */
export interface VisibleIds {
  add(id: string): unknown;
  delete(id: string): unknown;
  has(id: string): boolean;
}

/**
 * The visible questions as the collector's check reads them: the plan's always visible ones
 * and the conditional ones shown, apart, so that the first are not copied for each response.
 */
class ShownIds implements VisibleIds {
  private readonly shown = new Set<string>();
  constructor(private readonly always: ReadonlySet<string>) {}
  add(id: string): void { this.shown.add(id); }
  delete(id: string): void { this.shown.delete(id); }
  has(id: string): boolean { return this.always.has(id) || this.shown.has(id); }
}

/** `computeVisibility` for `checkResponse`: the same outcome, with the evaluator's data, and `visible` only asked. */
export interface CheckedVisibility {
  visible: { has(id: string): boolean };
  required: Set<string>;
  answers: AnswerMap;
  data: ConditionData;
}

/** The visibility `checkResponse` needs (see `computeVisibility`), made without copying the always visible ids. */
export function visibilityForCheck(compiled: CompiledQuestionnaire, answers: AnswerMap): CheckedVisibility {
  const plan = visibilityPlan(compiled);
  const visible = new ShownIds(plan.alwaysVisibleSet);
  return { visible, ...settle(plan, answers, visible) };
}

/**
 * Computes visibility and requiredness, and the answers kept (see `settleConditions`).
 */
export function computeVisibility(compiled: CompiledQuestionnaire, answers: AnswerMap): VisibilityState {
  const plan = visibilityPlan(compiled);
  const visible = new Set<string>(plan.alwaysVisible);
  const { required, answers: working, data } = settle(plan, answers, visible);
  stateData.set(working, data);
  return { visible, required, answers: working };
}

/** The passes of `computeVisibility`, showing and hiding the conditional questions in `visible`. */
function settle(plan: VisibilityPlan, answers: AnswerMap, visible: VisibleIds): { required: Set<string>; answers: AnswerMap; data: ConditionData } {
  const working: AnswerMap = {};
  // The evaluator's view of the answers, built alongside and kept in step as answers are dropped.
  const data = emptyConditionData();
  for (const p of plan.questions) admitAnswer(p, answers, working, data);
  const required = new Set<string>();
  settleConditions(plan, working, data, visible, required);
  return { required, answers: working, data };
}

/**
 * Takes the answer to `p` and its "other" text from `answers` into `working` and `data`, as
 * visibility reads them: an empty answer is none; an "other" text stands with the choice
 * `other` only; an answer not of its kind is kept but is none for the conditions.
 */
export function admitAnswer(p: PlannedQuestion, answers: AnswerMap, working: AnswerMap, data: ConditionData): void {
  const value = answers[p.id];
  if (value !== undefined && !p.type.isEmpty(value)) {
    working[p.id] = value;
    if (isOfItsKind(p, value)) rememberAnswer(data, p.id, value);
  }
  if (p.other !== undefined && choosesOther(working[p.id])) {
    const other = answers[p.other];
    if (other !== undefined && !isBlank(other)) {
      working[p.other] = other;
      rememberAnswer(data, p.other, other);
    }
  }
}

/**
 * What one change of the answers reaches, when visibility is brought up to date rather than
 * computed again (visibility-update.ts): only the conditions marked stale are evaluated.
 */
export interface Reach {
  /**
   * By condition, 1 when it must be evaluated: the `visibleWhen` of `plan.conditional[i]` at
   * `i`, then the `required` of `plan.requirable[j]` at `plan.conditional.length + j`.
   */
  readonly stale: Uint8Array;
  /** Marks stale the conditions that read the answer `key` (it changed, or was dropped). */
  changed(key: string): void;
  /** The questions whose answer, visibility or requiredness may have changed: those evaluated. */
  readonly touched: Set<string>;
}

/**
 * Shows and hides the conditional questions in `visible`, dropping the answers (in `working`
 * and `data`) of those hidden, then sets `required`. Conditions are evaluated in questionnaire
 * order; dropping answers only ever removes some, so repeating the pass until nothing drops
 * terminates (each further pass drops the answer of one more conditional question at least),
 * and makes a condition that reads a later question agree with one that reads an earlier one.
 * With `reach`, only its stale conditions are evaluated, and what changed is noted in it.
 */
export function settleConditions(plan: VisibilityPlan, working: AnswerMap, data: ConditionData, visible: VisibleIds, required: Set<string>, reach?: Reach): void {
  const drop = (key: string | undefined): boolean => {
    if (key === undefined || !(key in working)) return false;
    delete working[key];
    forgetAnswer(data, key);
    reach?.changed(key);
    return true;
  };
  const count = plan.conditional.length;
  for (let pass = 0; pass <= count; pass++) {
    let dropped = false;
    for (let i = 0; i < count; i++) {
      if (reach && !reach.stale[i]) continue;
      const p = plan.conditional[i];
      reach?.touched.add(p.id);
      if (evaluateConditionOn(p.when, data)) {
        visible.add(p.id);
        continue;
      }
      visible.delete(p.id);
      dropped = drop(p.id) || dropped;
      dropped = drop(p.other) || dropped;
    }
    if (!dropped) break;
  }
  plan.requirable.forEach((r, j) => {
    // Requiredness follows the condition, and the visibility of its question.
    if (reach && !reach.stale[count + j] && !reach.touched.has(r.id)) return;
    reach?.touched.add(r.id);
    if (visible.has(r.id) && evaluateConditionOn(r.required, data)) required.add(r.id);
    else required.delete(r.id);
  });
}
