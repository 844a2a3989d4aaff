/**
 * The session updates visibility answer by answer (visibility-update.ts) instead of running
 * `computeVisibility` on every answer: over random sequences of changes (answers set, changed,
 * cleared, of the wrong kind, "other" texts, matrix rows, hidden questions answered) to the
 * core, each example extension, the runtime's fixture and a tangle of conditions that read
 * later, hidden and unanswered questions, the session must hold after each step exactly what
 * `computeVisibility` gives on the answers before it with that change.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledQuestion, CompiledQuestionnaire, Question } from '@olva/schema';
import { otherKey } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { prng } from '@olva/test-support/prng';
import { ResponseSession, type SessionChange } from './session.js';
import { allQuestions, computeVisibility, type VisibilityState } from './visibility.js';
import { updatePlan } from './visibility-update.js';
import { conditionNames } from './conditions.js';
import { failingChecks } from './declared-checks.js';
import type { AnswerInput, AnswerMap } from './types.js';
import { fixture } from './__fixtures__/compiled.js';
import { coreBuilds, pick, randomOtherText, randomValue } from './__fixtures__/random-answers.js';

const l = (fr: string) => ({ fr });
const q = (question: Question): Question => question;

/**
 * Conditions that read later questions, unanswered ones (`!`, `missing`), two questions each
 * shown while the other is unanswered, an "other" text and a matrix row; requiredness that
 * reads them too: the order of the full pass's passes decides what is kept.
 */
function tangle(): CompiledQuestionnaire {
  return compiledQuestionnaire({
    id: 'tangle', title: l('Tangle'), pointers: 'none',
    sections: [{
      id: 's', title: l('S'),
      questions: [
        q({ id: 'a', type: 'boolean', label: l('A') }),
        q({ id: 'b', type: 'single', label: l('B'), visibleWhen: { '!': { var: 'd' } }, other: { label: l('Autre') },
          choices: [{ code: 'x', label: l('X') }, { code: 'y', label: l('Y') }] }),
        q({ id: 'c', type: 'integer', label: l('C'), required: { missing: ['d'] },
          visibleWhen: { or: [{ '==': [{ var: 'a' }, true] }, { '==': [{ var: 'b_other' }, 'Autre chose'] }] } }),
        q({ id: 'd', type: 'matrix', label: l('D'), visibleWhen: { '>': [{ var: 'c' }, 1] },
          rows: [{ code: 'r1', label: l('R1') }, { code: 'r2', label: l('R2') }],
          choices: [{ code: 'oui', label: l('Oui') }, { code: 'non', label: l('Non') }] }),
        q({ id: 'e', type: 'text', label: l('E'), visibleWhen: { '==': [{ var: 'd.r1' }, 'oui'] }, required: { '!': { var: 'b' } } }),
        q({ id: 'f', type: 'boolean', label: l('F'), visibleWhen: { '!': { var: 'g' } } }),
        q({ id: 'g', type: 'boolean', label: l('G'), visibleWhen: { '!': { var: 'f' } }, required: true }),
        q({ id: 'h', type: 'multiple', label: l('H'), visibleWhen: { '!=': [{ var: 'e' }, null] }, other: { label: l('Autre') },
          required: { '==': [{ var: 'f' }, true] }, choices: [{ code: 'p', label: l('P') }, { code: 'q', label: l('Q') }] }),
      ],
    }],
    checks: [{ id: 'k', level: 'error', questions: ['c', 'h'], when: { '>': [{ var: 'c' }, 10] }, message: l('K') }],
  });
}

const builds: [string, CompiledQuestionnaire][] = [
  ...coreBuilds().map((b): [string, CompiledQuestionnaire] => [b.id, b]),
  ['fixture', fixture()],
  ['tangle', tangle()],
];

/** The questions that conditions read: answering them shows and hides others. */
function switches(compiled: CompiledQuestionnaire): Set<string> {
  const questions = allQuestions(compiled);
  const read = new Set(questions.flatMap((x) => [x.visibleWhen, x.required]).flatMap((c) => (c === undefined ? [] : conditionNames(c) ?? [])));
  return new Set(questions.filter((x) => read.has(x.id) || [...read].some((n) => n.startsWith(`${x.id}.`) || n === otherKey(x.id))).map((x) => x.id));
}

/** One random change: what a respondent does, now and then what a page's script may do. */
function randomChange(compiled: CompiledQuestionnaire, session: ResponseSession, random: () => number, read: Set<string>): [string, AnswerInput] {
  const questions = allQuestions(compiled);
  // Mostly a question shown: one that conditions read (it shows and hides others), one shown by
  // a condition (its answer goes when it hides), any; sometimes a hidden one (the session takes
  // its answer, then drops it).
  const shown = questions.filter((x) => session.isVisible(x.id));
  const among = [shown.filter((x) => read.has(x.id)), shown.filter((x) => x.visibleWhen !== undefined), shown].filter((list) => list.length);
  const question: CompiledQuestion = random() < 0.9 && among.length ? pick(random, pick(random, among)) : pick(random, questions);
  const current = session.getAnswer(question.id);
  const r = random();
  if (r < 0.1) return [question.id, undefined];
  if (r < 0.35 && 'other' in question && question.other) return [otherKey(question.id), random() < 0.2 ? undefined : randomOtherText(random)];
  if (r < 0.6 && question.type === 'matrix') {
    // One row set or cleared, the others kept.
    const rows: Record<string, string> = { ...(typeof current === 'object' && !Array.isArray(current) ? current : {}) };
    const row = pick(random, question.rows).code;
    if (random() < 0.3) delete rows[row];
    else rows[row] = pick(random, question.choices).code;
    return [question.id, rows];
  }
  return [question.id, randomValue(question, random) as AnswerInput];
}

/** What the session held before this change, with the change: the session's former way. */
function expectedAfter(compiled: CompiledQuestionnaire, before: VisibilityState, key: string, value: AnswerInput): VisibilityState {
  const next: AnswerMap = { ...before.answers };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return computeVisibility(compiled, next);
}

describe('visibility updated answer by answer', () => {
  it('is used on the core, the example extensions and the fixtures (not left to the full pass)', () => {
    for (const [name, compiled] of builds) expect(updatePlan(compiled), name).not.toBeNull();
  });

  for (const [index, [name, compiled]] of builds.entries()) {
    it(`${name}: the session holds what computeVisibility gives, after every change of random sequences`, () => {
      const random = prng(20261207 + index);
      const questions = allQuestions(compiled);
      const read = switches(compiled);
      const order = new Map(questions.map((x, i) => [x.id, i]));
      const byOrder = (x: string, y: string) => order.get(x)! - order.get(y)!;
      let shownOrHidden = 0;
      let dropped = 0;
      for (let sequence = 0; sequence < 60; sequence++) {
        const session = new ResponseSession(compiled);
        let last: SessionChange | undefined;
        session.subscribe((change) => { last = change; });
        let expected = computeVisibility(compiled, {});
        for (let step = 0; step < 25; step++) {
          const [key, value] = randomChange(compiled, session, random, read);
          const next = expectedAfter(compiled, expected, key, value);
          const where = `${name}, sequence ${sequence}, step ${step}: ${key} = ${JSON.stringify(value)}`;
          session.setAnswer(key, value);
          expect(questions.filter((x) => session.isVisible(x.id)).map((x) => x.id), `${where}: visible`).toEqual([...next.visible].sort(byOrder));
          expect(questions.filter((x) => session.isRequired(x.id)).map((x) => x.id), `${where}: required`).toEqual([...next.required].sort(byOrder));
          // Every question that changed is among those the listeners are told of.
          const moved = questions.filter((x) => expected.visible.has(x.id) !== next.visible.has(x.id) || expected.required.has(x.id) !== next.required.has(x.id)
            || expected.answers[x.id] !== next.answers[x.id] || expected.answers[otherKey(x.id)] !== next.answers[otherKey(x.id)]).map((x) => x.id);
          expect(moved.filter((id) => !last?.questions?.has(id)), `${where}: changed, not reported`).toEqual([]);
          shownOrHidden += questions.filter((x) => expected.visible.has(x.id) !== next.visible.has(x.id)).length;
          // The same answers, in the same order (the payload's).
          expect(JSON.stringify(session.answers), where).toBe(JSON.stringify(next.answers));
          expect(session.buildPayload(context).answers, where).toEqual(next.answers);
          expect(session.failingChecks(), where).toEqual(failingChecks(compiled, next.answers, next.visible));
          expect(session.progress(), where).toEqual(progressOf(next));
          dropped += Object.keys(expected.answers).filter((k) => k !== key && !(k in next.answers)).length;
          expected = next;
        }
      }
      // The sequences did show, hide and drop.
      expect(shownOrHidden).toBeGreaterThan(100);
      expect(dropped).toBeGreaterThan(10);
    });
  }
});

describe('the full pass, where the update cannot be shown equal', () => {
  it('is used with a condition whose name is computed, and tells the listeners that anything may have changed', () => {
    const compiled = fixture();
    const cadres = allQuestions(compiled).find((x) => x.id === 'cadres')!;
    // `{"var": 1}` reads the data's key "1": a name that is not a literal string.
    cadres.visibleWhen = { or: [{ '>': [{ var: 'nb_salaries' }, 10] }, { var: 1 }] } as unknown as CompiledQuestion['visibleWhen'];
    expect(updatePlan(compiled)).toBeNull();
    const session = new ResponseSession(compiled);
    const changes: SessionChange[] = [];
    session.subscribe((change) => changes.push(change));
    session.setAnswer('employeur', true);
    session.setAnswer('nb_salaries', 12);
    expect(session.isVisible('cadres')).toBe(true);
    session.setAnswer('employeur', false);
    expect(session.isVisible('cadres')).toBe(false);
    expect(session.answers).toEqual({ employeur: false });
    expect(changes.map((c) => c.questions)).toEqual([null, null, null]);
  });

  it('is used when an answer key followed by a dot begins another (a matrix row could be read as that key)', () => {
    const compiled = fixture();
    // `besoins.locaux` is both the matrix's row and, now, a question of its own.
    allQuestions(compiled).find((x) => x.id === 'testville.locaux')!.id = 'besoins.locaux';
    expect(updatePlan(compiled)).toBeNull();
  });

  it('is used when a question id is the "other" text of another question', () => {
    const compiled = fixture();
    allQuestions(compiled).find((x) => x.id === 'nom')!.id = 'secteur_other';
    expect(updatePlan(compiled)).toBeNull();
  });

  it('tells the listeners which questions one answer changed', () => {
    const session = new ResponseSession(fixture());
    const changes: SessionChange[] = [];
    session.subscribe((change) => changes.push(change));
    session.setAnswer('employeur', true);
    session.replaceAnswers({ employeur: false });
    expect(changes.map((c) => c.questions && [...c.questions].sort())).toEqual([['besoins', 'employeur', 'nb_salaries'], null]);
  });
});

const context = {
  territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'web', locale: 'fr', client: { name: 'test', version: '0' },
} as const;

function progressOf(state: VisibilityState) {
  const total = state.visible.size;
  const answered = [...state.visible].filter((id) => id in state.answers).length;
  return { answered, total, ratio: total === 0 ? 0 : answered / total };
}
