import { describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire } from './compiled.js';
import { isPersonal, personalQuestionIds, withoutPersonalAnswers } from './personal.js';

const version = (v: string, personal: string[]): CompiledQuestionnaire => ({
  questionnaire: { id: 'q', version: v },
  sections: [{ id: 's', questions: ['nom', 'secteur', 'email'].map((id) => ({ id, type: 'text', ...(personal.includes(id) ? { personal: true } : {}) })) }],
}) as unknown as CompiledQuestionnaire;

describe('personal data', () => {
  it('isPersonal is true only for "personal": true', () => {
    expect([isPersonal({ personal: true }), isPersonal({ personal: false }), isPersonal({})]).toEqual([true, false, false]);
  });

  it('a question personal in any version is personal in all', () => {
    expect([...personalQuestionIds([version('1.0.0', []), version('1.0.1', ['nom', 'email'])])].sort()).toEqual(['email', 'nom']);
    expect(personalQuestionIds([version('1.0.0', [])]).size).toBe(0);
  });

  it('leaves out the answers and the "other" texts of personal questions, without touching the input', () => {
    const answers = { nom: 'Les Amis', nom_other: 'x', secteur: 'sport', email: 'a@b.fr' };
    const ids = new Set(['nom', 'email']);
    expect(withoutPersonalAnswers(answers, ids)).toEqual({ secteur: 'sport' });
    expect(answers).toEqual({ nom: 'Les Amis', nom_other: 'x', secteur: 'sport', email: 'a@b.fr' });
    const none = { secteur: 'sport' };
    expect(withoutPersonalAnswers(none, ids)).toBe(none);
  });
});
