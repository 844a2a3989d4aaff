/**
 * Visibility brought up to date one answer at a time, for the browser's `ResponseSession`: when
 * one answer changes, only the conditions that read it are evaluated again (and those that read
 * answers dropped in turn), where `computeVisibility` evaluates every condition.
 *
 * It gives exactly what `computeVisibility` gives on the new answers. Take a state the full
 * pass made (S) and one answer changed: in the full pass over the new answers, a condition that
 * reads no name written by a changed answer key reads the values it read in S's last pass, so it
 * gives S's result, and its question keeps its answer or its lack of one (a hidden question has
 * none, unless the change gave it one: its condition is evaluated too). So the update runs the
 * full pass's own passes (`settleConditions`), in questionnaire order, evaluating a condition
 * only once it reads a changed key, the keys of the answers it drops joining the changed ones as
 * it goes: each pass does what the full pass's does, and the last one is the same.
 * Requiredness is evaluated again for the questions changed and for the conditions that read a
 * changed key.
 *
 * Left to the full pass: a questionnaire with a condition whose names are not all literal
 * (`conditionNames` gives null, or throws on an operator outside the safe subset), with an
 * answer key that begins another one followed by a dot (the evaluator's names of a matrix's
 * rows, `<id>.<row>`, could then meet another key's) or a question id that is another's
 * "other" text, and every change of several answers at once (`replaceAnswers`, a draft,
 * `reset`).
 */
import type { CompiledQuestionnaire, Condition } from '@olva/schema';
import type { AnswerMap, AnswerValue } from './types.js';
import { conditionNames, forgetAnswer } from './conditions.js';
import { admitAnswer, conditionDataOf, settleConditions, visibilityPlan, type VisibilityState } from './visibility.js';

/** The answer keys a name may be written by: `a.b.c` by `a`, `a.b` (a matrix and its row) or itself. */
const writers = (name: string): string[] => name.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));

/**
 * What the update needs of a questionnaire, worked out once: answer key → the conditions that
 * read it, by their place in `Reach.stale`; a question id also lists its own `visibleWhen` (a
 * hidden question answered loses its answer).
 */
type UpdatePlan = ReadonlyMap<string, readonly number[]>;

const updatePlans = new WeakMap<CompiledQuestionnaire, UpdatePlan | null>();

/**
 * The update plan of a questionnaire, or null when it is left to the full pass (see the
 * module's comment). Cached.
 */
export function updatePlan(compiled: CompiledQuestionnaire): UpdatePlan | null {
  let known = updatePlans.get(compiled);
  if (known === undefined) {
    known = null;
    const plan = visibilityPlan(compiled);
    const list = plan.questions.flatMap((p) => (p.other === undefined ? [p.id] : [p.id, p.other]));
    const keys = new Set(list);
    const readers = new Map<string, number[]>();
    const read = (key: string, slot: number): unknown => (readers.get(key) ?? readers.set(key, []).get(key)!).push(slot);
    const conditions: (Condition | boolean)[] = [...plan.conditional.map((p) => p.when), ...plan.requirable.map((r) => r.required)];
    try {
      conditions.forEach((condition, slot) => {
        const names = conditionNames(condition);
        if (names === null) throw new Error('computed name');
        for (const key of new Set(names.flatMap(writers))) read(key, slot);
      });
      plan.conditional.forEach((p, slot) => read(p.id, slot));
      // Each key is one question's (no id is another's "other" text), and begins no other.
      if (keys.size === list.length && !list.some((key) => writers(key).slice(0, -1).some((k) => keys.has(k)))) known = readers;
    } catch {
      // A computed name, or an operator outside the safe subset (the full pass throws on it, as it should).
    }
    updatePlans.set(compiled, known);
  }
  return known;
}

/**
 * Sets (`value`) or clears (`undefined`) the answer `key` (a question id or `<id>_other`) in
 * `state`, made by `computeVisibility` or by this function for the same questionnaire, and
 * brings visibility and requiredness up to date, in place: `state` ends as `computeVisibility`
 * would make it from its answers with that change (the same sets, and the same answers, their
 * keys aside in another order, see `orderedAnswers`).
 * @returns the questions whose answer, "other" text, visibility or requiredness may have
 *   changed; null when the questionnaire is left to the full pass (`state` is then untouched)
 */
export function updateVisibility(compiled: CompiledQuestionnaire, state: VisibilityState, key: string, value: AnswerValue | undefined): Set<string> | null {
  const readers = updatePlan(compiled);
  const plan = visibilityPlan(compiled);
  const owner = plan.questions.find((p) => p.id === key || p.other === key);
  if (!readers || !owner) return null;
  const { answers } = state;
  const data = conditionDataOf(answers);
  const stale = new Uint8Array(plan.conditional.length + plan.requirable.length);
  const reach = {
    stale,
    touched: new Set([owner.id]),
    changed(changedKey: string): void {
      for (const slot of readers.get(changedKey) ?? []) stale[slot] = 1;
    },
  };
  // The question's answer and "other" text taken again, as the full pass takes them.
  const source: AnswerMap = {};
  for (const k of [owner.id, owner.other]) {
    if (k === undefined) continue;
    const v = k === key ? value : answers[k];
    if (v !== undefined) source[k] = v;
    delete answers[k];
    forgetAnswer(data, k);
    reach.changed(k);
  }
  admitAnswer(owner, source, answers, data);
  settleConditions(plan, answers, data, state.visible, state.required, reach);
  return reach.touched;
}

/**
 * The answers of a state `updateVisibility` changed, with their keys in `computeVisibility`'s
 * order (questionnaire order, each question followed by its "other" text): a copy.
 */
export function orderedAnswers(compiled: CompiledQuestionnaire, answers: AnswerMap): AnswerMap {
  const ordered: AnswerMap = {};
  for (const p of visibilityPlan(compiled).questions) {
    for (const k of [p.id, p.other]) if (k !== undefined && k in answers) ordered[k] = answers[k];
  }
  return ordered;
}
