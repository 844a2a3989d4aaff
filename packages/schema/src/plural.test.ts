import { describe, expect, it } from 'vitest';
import { counted, plural } from './plural.js';

describe('plural', () => {
  it('takes the singular below 2 in French, for exactly 1 in English', () => {
    expect([0, 1, 1.5, 2, 3].map((n) => counted('fr', n, 'réponse', 'réponses'))).toEqual(['0 réponse', '1 réponse', '1.5 réponse', '2 réponses', '3 réponses']);
    expect([0, 1, 1.5, 2].map((n) => counted('en', n, 'response', 'responses'))).toEqual(['0 responses', '1 response', '1.5 responses', '2 responses']);
  });

  it('gives the word alone, for the words that agree with the count', () => {
    expect(`${plural('fr', 3, 'reçue', 'reçues')}, ${plural('fr', 1, 'supprimée', 'supprimées')}`).toBe('reçues, supprimée');
  });
});
