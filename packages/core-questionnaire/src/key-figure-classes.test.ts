import { describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire } from '@olva/schema';
import { keyFigureClassesFor } from './index.js';

/** Only what keyFigureClassesFor reads of a compiled version: its questions' ids and types. */
const build = (questions: { id: string; type: string }[]) => ({ sections: [{ id: 's', questions }] }) as unknown as CompiledQuestionnaire;

describe('keyFigureClassesFor', () => {
  it('gives the classes the key-figures sheet declares for a numeric question the versions ask', () => {
    expect(keyFigureClassesFor([build([{ id: 'annee_creation', type: 'year' }])])).toEqual({ annee_creation: [5, 10, 20] });
  });

  it('leaves out declared questions the versions do not ask as numbers', () => {
    expect(keyFigureClassesFor([build([{ id: 'annee_creation', type: 'text' }])])).toEqual({});
  });

  it('gives each caller its own bounds', () => {
    const first = keyFigureClassesFor([build([{ id: 'annee_creation', type: 'year' }])]);
    first.annee_creation!.push(99);
    expect(keyFigureClassesFor([build([{ id: 'annee_creation', type: 'year' }])])).toEqual({ annee_creation: [5, 10, 20] });
  });
});
