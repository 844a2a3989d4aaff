import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './suggest.js';

describe('did you mean', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('secteur', 'secteur')).toBe(0);
    expect(editDistance('setceur', 'secteur')).toBe(1);
    expect(editDistance('employer', 'employeur')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests a close name, never a distant one', () => {
    expect(closest('sports', ['culture', 'sport', 'loisirs'])).toBe('sport');
    expect(closest('Sport', ['sport'])).toBe('sport');
    expect(closest('rennes.quartir', ['rennes.quartier', 'rennes.salles'])).toBe('rennes.quartier');
    expect(closest('profil.debut', ['profil.fin', 'membres.fin'])).toBeUndefined();
    expect(closest('abc', ['xyz'])).toBeUndefined();
    expect(didYouMean(3, ['3'])).toEqual(['', '']);
    expect(didYouMean('aucun', ['aucune', null])).toEqual(['vouliez-vous dire "aucune" ? ', 'did you mean "aucune"? ']);
  });
});
