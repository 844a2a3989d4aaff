import { describe, expect, it } from 'vitest';
import type { Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { keyFigureClassesFor } from './key-figure-classes.js';

const build = (questions: Question[]) => compiledQuestionnaire({ id: 'olva-core', title: { fr: 'T' }, sections: [{ id: 's', title: { fr: 'S' }, questions }] });

describe('keyFigureClassesFor', () => {
  it('gives the classes the key-figures sheet declares for a numeric question the versions ask', () => {
    const year = { id: 'annee_creation', type: 'year', label: { fr: 'Année de création' } } as Question;
    expect(keyFigureClassesFor([build([year])])).toEqual({ annee_creation: [5, 10, 20] });
  });

  it('leaves out declared questions the versions do not ask as numbers', () => {
    const text = { id: 'annee_creation', type: 'text', label: { fr: 'Année' } } as Question;
    expect(keyFigureClassesFor([build([text])])).toEqual({});
  });
});
