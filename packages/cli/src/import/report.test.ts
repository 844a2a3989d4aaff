import { describe, expect, it } from 'vitest';
import { problemLines, type ImportProblem } from './report.js';

const unknownCode = (line: number): ImportProblem => ({
  line, column: 'secteur', pointer: '/answers/secteur_principal', rule: 'enum',
  message: { fr: 'code inconnu « 12 »', en: 'unknown code "12"' },
});

describe('problemLines', () => {
  it('says the rows refused for the same reason once, with their lines, and the others each on its own', () => {
    const other: ImportProblem = { line: 4, pointer: '/territory', rule: 'unknown-territory', message: { fr: 'territoire inconnu', en: 'unknown territory' } };
    expect(problemLines('2025.csv', [unknownCode(2), unknownCode(3), other, unknownCode(5)], 'fr')).toEqual([
      '2025.csv:2–3, 5 (3 lignes), colonne « secteur », /answers/secteur_principal, enum : code inconnu « 12 »',
      '2025.csv:4, /territory, unknown-territory : territoire inconnu',
    ]);
    expect(problemLines('2025.csv', [unknownCode(7)], 'en')).toEqual(['2025.csv:7, column "secteur", /answers/secteur_principal, enum: unknown code "12"']);
  });

  it('counts the lines in agreement, « 1 ligne » when one row repeats a reason', () => {
    expect(problemLines('f.csv', [unknownCode(2), unknownCode(2)], 'fr')).toEqual(['f.csv:2 (1 ligne), colonne « secteur », /answers/secteur_principal, enum : code inconnu « 12 »']);
    expect(problemLines('f.csv', [unknownCode(2), unknownCode(2)], 'en')[0]).toMatch(/^f\.csv:2 \(1 row\), /);
  });

  it('cuts a long list of lines after eight ranges', () => {
    const lines = problemLines('f.csv', [2, 4, 6, 8, 10, 12, 14, 16, 18, 20].map(unknownCode), 'en');
    expect(lines).toEqual(['f.csv:2, 4, 6, 8, 10, 12, 14, 16, … (10 rows), column "secteur", /answers/secteur_principal, enum: unknown code "12"']);
  });
});
