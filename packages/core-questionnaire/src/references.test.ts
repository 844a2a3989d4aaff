import { describe, expect, it } from 'vitest';
import { loadNationalReferences } from './index.js';

interface Figure { id: string; label: { fr: string; en?: string }; question: string | null }
const references = loadNationalReferences() as { figures: Figure[] };

describe('the national references', () => {
  // A label is said beside its question (a sentence of <olva-results>, a note of the reports)
  // and alone (the data tables, the document): it names the figure itself, "Associations
  // sportives", never "topic: value" ("Secteur principal : sport"), which repeats the question.
  it('label each figure on its own, without repeating its question as a "topic: value" prefix', () => {
    const compared = references.figures.filter((f) => f.question !== null);
    expect(compared.length).toBeGreaterThan(4);
    for (const f of compared) {
      expect(f.label.fr, f.id).not.toMatch(/:/);
      expect(f.label.en, f.id).toBeDefined();
      expect(f.label.en!, f.id).not.toMatch(/:/);
    }
  });
});
