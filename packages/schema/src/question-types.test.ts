import { describe, expect, it } from 'vitest';
import type { CompiledQuestion } from './compiled.js';
import { QUESTION_TYPES, unhandledQuestionType } from './question-types.js';

/** A complete switch, closed by the helper as the emitters close theirs. */
function kindOf(question: CompiledQuestion): string {
  switch (question.type) {
    case 'single': case 'multiple': case 'boolean': case 'integer': case 'year': case 'decimal':
    case 'text': case 'textarea': case 'email': case 'commune': case 'scale': case 'matrix':
      return 'known';
    default:
      return unhandledQuestionType(question);
  }
}

const question = (type: string) => ({ id: 'q', type, label: { fr: 'Q' } }) as unknown as CompiledQuestion;

describe('unhandledQuestionType', () => {
  it('is never reached by a type of the contract', () => {
    expect(QUESTION_TYPES.map((type) => kindOf(question(type)))).toEqual(QUESTION_TYPES.map(() => 'known'));
  });

  it('throws, naming the type, for a question of a type the switch does not know', () => {
    expect(() => kindOf(question('date'))).toThrow(new TypeError('unknown question type "date"'));
  });
});
