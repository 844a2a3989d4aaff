import { describe, expect, it } from 'vitest';
import type { Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { jumpsAfter } from './routing.js';

const label = (fr: string) => ({ fr });
const yesNo = (id: string, visibleWhen?: Question['visibleWhen']): Question => ({ id, type: 'boolean', label: label(id), ...(visibleWhen ? { visibleWhen } : {}) }) as Question;
const count = (id: string, visibleWhen?: Question['visibleWhen']): Question => ({ id, type: 'integer', label: label(id), min: 0, ...(visibleWhen ? { visibleWhen } : {}) }) as Question;

/** Q1 employeur; Q2 nb_salaries if employeur; Q3 cdi if nb_salaries > 0; Q4 convention if cdi; Q5 locaux always. */
function chain() {
  return compiledQuestionnaire({
    id: 'routing', title: label('Routage'),
    sections: [{
      id: 's', title: label('S'), questions: [
        yesNo('employeur'),
        count('nb_salaries', { '==': [{ var: 'employeur' }, true] }),
        count('cdi', { '>': [{ var: 'nb_salaries' }, 0] }),
        yesNo('convention', { '>': [{ var: 'cdi' }, 0] }),
        yesNo('locaux'),
      ],
    }],
  });
}

const summary = (jumps: ReturnType<typeof jumpsAfter>) => jumps.map((j) => [j.answers.map((a) => a.code), j.to?.id ?? null]);

describe('jumpsAfter with chained conditions', () => {
  it('follows the chain: "Non" skips every question that depends, even through others', () => {
    const compiled = chain();
    // Before: "go to question 3" (cdi), which the same answer hides since nb_salaries is then unanswered.
    expect(summary(jumpsAfter(compiled.sections[0]!.questions[0]!, compiled))).toEqual([[['0'], 'locaux']]);
  });

  it('stops at a question that may be asked: a condition reading an answer not given yet', () => {
    const compiled = chain();
    compiled.sections[0]!.questions[2]!.visibleWhen = { or: [{ '>': [{ var: 'nb_salaries' }, 0] }, { '==': [{ var: 'locaux' }, true] }] };
    expect(summary(jumpsAfter(compiled.sections[0]!.questions[0]!, compiled))).toEqual([[['0'], 'cdi']]);
  });

  it('goes to the end when everything after is skipped', () => {
    const compiled = chain();
    compiled.sections[0]!.questions.pop();
    expect(summary(jumpsAfter(compiled.sections[0]!.questions[0]!, compiled))).toEqual([[['0'], null]]);
  });

  it('never jumps past a question whose condition holds for that answer', () => {
    const compiled = chain();
    compiled.sections[0]!.questions[2]!.visibleWhen = { '!': [{ var: 'nb_salaries' }] };
    // cdi is asked when nb_salaries is unanswered: after "Non" the next question is cdi.
    expect(summary(jumpsAfter(compiled.sections[0]!.questions[0]!, compiled))).toEqual([[['0'], 'cdi']]);
  });
});
