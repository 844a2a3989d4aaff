/**
 * Visibility kept up to date one answer at a time, for the browser's `ResponseSession`: when
 * one answer changes, only the conditions that read it are evaluated again (and those that read
 * answers dropped in turn), where `computeVisibility` evaluates every condition.
 *
 * It gives exactly what `computeVisibility` gives on the new answers. Take a state the full
 * pass made (S) and one answer changed: in the full pass over the new answers, a condition that
 * reads no name written by a changed answer key reads the values it read in S's last pass, so it
 * gives S's result, and its question keeps its answer or its lack of one (a hidden question has
 * none, unless the change gave it one: that question counts as read). The update thus runs the
 * full pass's own passes, in questionnaire order, and evaluates a condition only once it reads a
 * changed key, the keys of answers it drops joining the changed ones as it goes: each pass does
 * what the full pass's does, and the last one is the same. Requiredness is evaluated again for
 * the questions shown or hidden and for the conditions that read a changed key.
 *
 * Left to the full pass: a questionnaire with a condition whose names are not all literal
 * (`conditionNames` gives null, or throws on an operator outside the safe subset), or with an
 * answer key that begins another one followed by a dot (the evaluator's names of a matrix's
 * rows, `<id>.<row>`, could then meet another key's), and every change of several answers at
 * once (`replaceAnswers`, a draft, `reset`).
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { choosesOther } from '@olva/schema';
import type { AnswerMap, AnswerValue } from './types.js';
import { conditionNames, evaluateConditionOn, forgetAnswer, rememberAnswer, type ConditionData } from './conditions.js';
import { isBlank } from './question-types/common.js';
import { conditionDataOf, isOfItsKind, visibilityPlan, type PlannedQuestion, type VisibilityPlan, type VisibilityState } from './visibility.js';

/**
 * A visibility state that one answer change updates in place: `computeVisibility`'s outcome
 * and the evaluator's view of its answers, kept in step.
 */
export interface LiveVisibility extends VisibilityState {
  readonly data: ConditionData;
}

/** What the update needs of a questionnaire, worked out once. */
interface UpdatePlan {
  readonly plan: VisibilityPlan;
  /** Answer key (question id, or `<id>_other`) → its question. */
  readonly byKey: ReadonlyMap<string, PlannedQuestion>;
  /** Answer key → the indices, in `plan.conditional`, of the conditions reading a name it writes. */
  readonly shownBy: ReadonlyMap<string, readonly number[]>;
  /** Answer key → the indices, in `plan.requirable`, of the `required` conditions reading a name it writes. */
  readonly requiredBy: ReadonlyMap<string, readonly number[]>;
  /** Question id → its index in `plan.conditional`. */
  readonly conditionalAt: ReadonlyMap<string, number>;
  /** Question id → its index in `plan.requirable`. */
  readonly requirableAt: ReadonlyMap<string, number>;
}

const updatePlans = new WeakMap<CompiledQuestionnaire, UpdatePlan | null>();

/**
 * The update plan of a questionnaire (cached), or null when the update cannot be shown equal
 * to the full pass there (see the module's comment).
 */
export function updatePlan(compiled: CompiledQuestionnaire): UpdatePlan | null {
  let known = updatePlans.get(compiled);
  if (known === undefined) {
    known = makeUpdatePlan(visibilityPlan(compiled));
    updatePlans.set(compiled, known);
  }
  return known;
}

function makeUpdatePlan(plan: VisibilityPlan): UpdatePlan | null {
  const byKey = new Map<string, PlannedQuestion>();
  for (const p of plan.questions) {
    byKey.set(p.id, p);
    if (p.other !== undefined) byKey.set(p.other, p);
  }
  // A key followed by a dot at the start of another: `<key>.<row>` may be the other's name.
  for (const key of byKey.keys()) {
    for (let dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
      if (byKey.has(key.slice(0, dot))) return null;
    }
  }
  const shownBy = readersIndex(plan.conditional.map((p) => p.when));
  const requiredBy = readersIndex(plan.requirable.map((r) => r.required));
  if (!shownBy || !requiredBy) return null;
  return {
    plan, byKey, shownBy, requiredBy,
    conditionalAt: new Map(plan.conditional.map((p, i) => [p.id, i])),
    requirableAt: new Map(plan.requirable.map((r, i) => [r.id, i])),
  };
}

/**
 * For each answer key that may write a name some of the conditions read, their indices. The
 * evaluator's names of a key are the key and `<key>.<row>`: a name is listed under each of its
 * beginnings up to a dot, and under itself.
 */
function readersIndex(conditions: readonly Parameters<typeof conditionNames>[0][]): Map<string, number[]> | null {
  const index = new Map<string, number[]>();
  for (let i = 0; i < conditions.length; i++) {
    let names: string[] | null;
    try {
      names = conditionNames(conditions[i]);
    } catch {
      // An operator outside the safe subset: the full pass evaluates it, and throws as it should.
      return null;
    }
    if (names === null) return null;
    for (const name of names) {
      for (let end = name.indexOf('.'); ; end = name.indexOf('.', end + 1)) {
        const key = end < 0 ? name : name.slice(0, end);
        const readers = index.get(key);
        if (!readers) index.set(key, [i]);
        else if (readers[readers.length - 1] !== i) readers.push(i);
        if (end < 0) break;
      }
    }
  }
  return index;
}

/** A live state from `computeVisibility`'s outcome, which it takes over (the caller lets it go). */
export function liveVisibility(state: VisibilityState): LiveVisibility {
  return { ...state, data: conditionDataOf(state.answers) };
}

/**
 * Sets (`value`) or clears (`undefined`) the answer `key` (a question id or `<id>_other`) in
 * `state`, a state made by `computeVisibility` or by this function for the same questionnaire,
 * and brings visibility and requiredness up to date, in place: `state` ends as
 * `computeVisibility` would make it from its answers with that change (the same sets, and the
 * same answers, their keys aside in another order, see `orderedAnswers`).
 * @returns the questions whose answer, "other" text, visibility or requiredness may have
 *   changed; null when the questionnaire is left to the full pass (`state` is then untouched)
 */
export function updateVisibility(compiled: CompiledQuestionnaire, state: LiveVisibility, key: string, value: AnswerValue | undefined): Set<string> | null {
  const up = updatePlan(compiled);
  const owner = up?.byKey.get(key);
  if (!up || !owner) return null;
  const { plan } = up;
  const { answers, data, visible, required } = state;
  const touched = new Set<string>([owner.id]);
  // The conditions (visibility, requiredness) that read a changed key.
  const shownStale = new Uint8Array(plan.conditional.length);
  const requiredStale = new Uint8Array(plan.requirable.length);
  const changed = (answerKey: string): void => {
    for (const i of up.shownBy.get(answerKey) ?? []) shownStale[i] = 1;
    for (const i of up.requiredBy.get(answerKey) ?? []) requiredStale[i] = 1;
  };
  const drop = (answerKey: string): boolean => {
    if (!(answerKey in answers)) return false;
    delete answers[answerKey];
    forgetAnswer(data, answerKey);
    changed(answerKey);
    return true;
  };
  // As the full pass reads the answers: an empty answer is none; an "other" text stands with
  // its question's choice `other` only; an answer not of its kind is none for the conditions.
  if (key === owner.id) {
    const kept = value !== undefined && !owner.type.isEmpty(value) ? value : undefined;
    drop(key);
    if (kept !== undefined) {
      answers[key] = kept;
      if (isOfItsKind(owner, kept)) rememberAnswer(data, key, kept);
    }
    changed(key);
    if (owner.other !== undefined && !choosesOther(kept)) drop(owner.other);
    // A question hidden before answered now: the full pass drops its answer when it comes to it.
    const at = up.conditionalAt.get(key);
    if (at !== undefined) shownStale[at] = 1;
  } else {
    drop(key);
    if (value !== undefined && !isBlank(value) && choosesOther(answers[owner.id])) {
      answers[key] = value;
      rememberAnswer(data, key, value);
    }
    changed(key);
  }
  // The full pass's passes (see `computeVisibility`), each condition evaluated once it reads a changed key.
  const shownBefore = new Map<number, boolean>();
  for (let pass = 0; pass <= plan.conditional.length; pass++) {
    let dropped = false;
    for (let i = 0; i < plan.conditional.length; i++) {
      if (!shownStale[i]) continue;
      const p = plan.conditional[i];
      if (!shownBefore.has(i)) shownBefore.set(i, visible.has(p.id));
      if (evaluateConditionOn(p.when, data)) {
        visible.add(p.id);
        continue;
      }
      visible.delete(p.id);
      // Its answer goes, even when a later pass shows it again (as in the full pass).
      const lostAnswer = drop(p.id);
      const lostOther = p.other !== undefined && drop(p.other);
      if (lostAnswer || lostOther) {
        dropped = true;
        touched.add(p.id);
      }
    }
    if (!dropped) break;
  }
  for (const [i, was] of shownBefore) {
    const id = plan.conditional[i].id;
    if (visible.has(id) === was) continue;
    touched.add(id);
    const at = up.requirableAt.get(id);
    if (at !== undefined) requiredStale[at] = 1;
  }
  for (let i = 0; i < plan.requirable.length; i++) {
    if (!requiredStale[i]) continue;
    const r = plan.requirable[i];
    const now = visible.has(r.id) && evaluateConditionOn(r.required, data);
    if (now === required.has(r.id)) continue;
    touched.add(r.id);
    if (now) required.add(r.id);
    else required.delete(r.id);
  }
  return touched;
}

/**
 * The answers of a live state with their keys in `computeVisibility`'s order (questionnaire
 * order, each question followed by its "other" text): a copy.
 */
export function orderedAnswers(compiled: CompiledQuestionnaire, answers: AnswerMap): AnswerMap {
  const ordered: AnswerMap = {};
  for (const p of visibilityPlan(compiled).questions) {
    if (p.id in answers) ordered[p.id] = answers[p.id];
    if (p.other !== undefined && p.other in answers) ordered[p.other] = answers[p.other];
  }
  return ordered;
}
