import { describe, expect, it } from 'vitest';
import type { CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { aggregateResponses } from '../aggregate/aggregate.js';
import { analyseResponses } from '../analyse.js';
import { crossTabulate } from '../crosstab/crosstab.js';
import { filteredQuestionnaire, payloadOf } from '../__fixtures__/filtered.js';
import type { DistributionFigures, GroupResults, QuestionFigures } from '../results.js';

const fr = (text: string) => ({ fr: text });

/** employeur (boolean) and nb_salaries (integer, required, asked of employers). */
function employerQuestionnaire(): CompiledQuestionnaire {
  return compiledQuestionnaire({
    id: 'emp', questionnaire: { id: 'emp', version: '1.0.0' }, title: fr('Employeurs'),
    sections: [{ id: 's', title: fr('S'), questions: [
      { id: 'employeur', type: 'boolean', label: fr('Employeur') },
      { id: 'nb_salaries', type: 'integer', label: fr('Salariés'), required: true, visibleWhen: { '==': [{ var: 'employeur' }, true] } },
    ] as never }],
  });
}

const figure = (g: GroupResults | undefined, id: string): QuestionFigures => g!.questions.find((f) => f.id === id)!;

/** `n` respondents answering each of `answers`. */
function respondents(compiled: CompiledQuestionnaire, ...spec: [number, Record<string, unknown>][]): ResponsePayload[] {
  return spec.flatMap(([n, answers]) => Array.from({ length: n }, (_, i) => payloadOf(compiled, { ...answers, ...('nb_salaries' in answers ? { nb_salaries: i + 1 } : {}) })));
}

describe('linked figures: filtered questions and the hidden counts of their filters', () => {
  it('withholds nb_salaries when employeur [oui 15, non 2] hides both counts (15 answered would give them back)', async () => {
    const compiled = employerQuestionnaire();
    const doc = await aggregateResponses(respondents(compiled, [15, { employeur: true, nb_salaries: 1 }], [2, { employeur: false }]), { compiled: [compiled] });
    const [group] = doc.groups;
    const employeur = figure(group, 'employeur') as DistributionFigures;
    expect(employeur.categories!.map((c) => [c.code, c.count, c.suppressed])).toEqual([['true', null, 'complementary'], ['false', null, 'small']]);
    expect(figure(group, 'nb_salaries')).toEqual({
      id: 'nb_salaries', type: 'integer', label: fr('Salariés'), conditional: true, kind: 'numeric', unit: 'value',
      status: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: ['employeur'],
    });
    // Nothing of the document says 15 any more.
    expect(JSON.stringify(doc.groups)).not.toMatch(/[":]15[,}]/);
  });

  it('publishes nb_salaries when every count of employeur is shown', async () => {
    const compiled = employerQuestionnaire();
    const doc = await aggregateResponses(respondents(compiled, [15, { employeur: true, nb_salaries: 1 }], [4, { employeur: false }]), { compiled: [compiled] });
    const f = figure(doc.groups[0], 'nb_salaries');
    expect(f).toMatchObject({ status: 'small', base: { asked: null, answered: 15, noAnswer: null } });
    expect(f.withheldReason).toBeUndefined();
  });

  it('says why a small base is withheld', async () => {
    const compiled = employerQuestionnaire();
    const doc = await aggregateResponses(respondents(compiled, [5, { employeur: true, nb_salaries: 1 }], [14, { employeur: false }]), { compiled: [compiled] });
    expect(figure(doc.groups[0], 'nb_salaries')).toMatchObject({ status: 'withheld', withheldReason: 'small-base' });
    expect(figure(doc.groups[0], 'employeur').withheldReason).toBeUndefined();
  });

  describe('on a questionnaire of several filters', () => {
    const compiled = filteredQuestionnaire({ required: { q1: true, q2: true, q4: true, q5: true, q6: true } });
    // f1: a 12, b 10, c 2 (small), d 0… the smallest shown count, b, is hidden with c.
    const base = [
      ...respondents(compiled, [12, { f1: 'a', f2: true, q1: 1, q2: 'x', q4: 3, q5: 1, note: 'n', q6: 4, m: { r1: 'u', r2: 'v' } }]),
      ...respondents(compiled, [10, { f1: 'b', f2: false, q1: 2, q5: 2 }]),
      ...respondents(compiled, [2, { f1: 'c', f2: false, q5: 3 }]),
    ];

    it('keeps a question whose selection holds all or none of the hidden counts, withholds one that splits them', async () => {
      const doc = await aggregateResponses(base, { compiled: [compiled], rules: { minBase: 5 } });
      const g = doc.groups[0]!;
      expect((figure(g, 'f1') as DistributionFigures).categories!.map((c) => c.suppressed ?? c.count)).toEqual([12, 'complementary', 'small', 0]);
      // q1: f1 ∈ {a, b} holds b but not c, hidden both: its 22 respondents would give b + c = 12 + 10 − 12…
      expect(figure(g, 'q1')).toMatchObject({ status: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: ['f1'] });
      // q5: f1 ≠ d holds b and c (both hidden): their sum is published anyway.
      expect(figure(g, 'q5')).toMatchObject({ status: 'small', base: { answered: 24 } });
    });

    it('follows nested filters, filters through free text, two filters and matrices', async () => {
      // f2: true 12, false 12: shown; q2 [x 12]: shown. Add one respondent with q2 = y: q2 hides y (1) and x.
      const more = respondents(compiled, [1, { f1: 'a', f2: true, q1: 1, q2: 'y', q5: 1 }]);
      const doc = await aggregateResponses([...base, ...more], { compiled: [compiled], rules: { minBase: 5 } });
      const g = doc.groups[0]!;
      expect((figure(g, 'f2') as DistributionFigures).categories!.every((c) => c.count !== null)).toBe(true);
      expect((figure(g, 'q2') as DistributionFigures).categories!.map((c) => c.suppressed)).toEqual(['complementary', 'small']);
      // q4 (q2 = x) splits q2's hidden counts.
      expect(figure(g, 'q4')).toMatchObject({ status: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: ['q2'] });
      // f2 shows every count: the matrix and the question behind the free text are published.
      expect(figure(g, 'm')).toMatchObject({ status: 'small', kind: 'matrix' });
      expect(figure(g, 'q6')).toMatchObject({ status: 'small', base: { answered: 12 } });
    });

    it('withholds what hides behind a hidden boolean: the matrix, the question behind a free text, the two-filter question', async () => {
      // f2 false for 2 respondents only: [true 22, false 2] hides both.
      const payloads = [
        ...respondents(compiled, [12, { f1: 'a', f2: true, q1: 1, q2: 'x', q4: 3, q5: 1, note: 'n', q6: 4, m: { r1: 'u' } }]),
        ...respondents(compiled, [10, { f1: 'c', f2: true, q2: 'x', q3: true, q4: 1, q5: 2, note: 'n', q6: 5, m: { r1: 'v', r2: 'u' } }]),
        ...respondents(compiled, [2, { f1: 'b', f2: false, q1: 3, q5: 3 }]),
      ];
      const doc = await aggregateResponses(payloads, { compiled: [compiled], rules: { minBase: 3 } });
      const g = doc.groups[0]!;
      expect((figure(g, 'f2') as DistributionFigures).categories!.map((c) => c.suppressed)).toEqual(['complementary', 'small']);
      for (const id of ['q2', 'm', 'q6']) expect(figure(g, id)).toMatchObject({ status: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: [id === 'q2' ? 'f2' : id === 'm' ? 'f2' : 'note'] });
      // q4 is filtered by q2, withheld in turn; q3 reads f1 and f2, and f2 hides counts.
      expect(figure(g, 'q4')).toMatchObject({ withheldReason: 'filter-suppressed', withheldFilters: ['q2'] });
      expect(figure(g, 'q3')).toMatchObject({ withheldReason: 'filter-suppressed', withheldFilters: ['f1', 'f2'] });
      expect(g.questions.filter((f) => f.status === 'withheld').every((f) => !('base' in f) && !('categories' in f) && !('rows' in f) && !('summary' in f))).toBe(true);
    });
  });

  it('withholds a crosstab whose axis is withheld for its filters (its base would say 15), publishes it otherwise', async () => {
    const compiled = filteredQuestionnaire({ required: { q2: true } });
    const of = (yes: number, no: number) => [
      ...Array.from({ length: yes }, (_, i) => payloadOf(compiled, { f1: i % 2 ? 'a' : 'b', f2: true, q2: i % 3 ? 'x' : 'y' })),
      ...Array.from({ length: no }, () => payloadOf(compiled, { f1: 'a', f2: false })),
    ];
    const query = { compiled: [compiled], rows: 'q2', columns: 'f1', territory: { level: 'commune', code: '35238' } as const, wave: '2026' };
    const hidden = await crossTabulate(of(15, 2), query);
    expect(hidden).toMatchObject({ status: 'withheld', base: null, test: null, testOmitted: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: ['f2'] });
    expect(hidden.cells ?? hidden.rowTotals ?? hidden.columnTotals).toBeUndefined();
    const shown = await crossTabulate(of(15, 20), query);
    expect(shown).toMatchObject({ status: 'small', base: 15 });
    expect(shown.withheldReason).toBeUndefined();
    // Two questions without a condition: no second reading of the figures, the table as before.
    expect(await crossTabulate(of(15, 2), { ...query, rows: 'f2' })).toMatchObject({ base: 17 });
  });

  it('keeps comparisons from bringing a withheld question back (network, previous wave)', async () => {
    const compiled = filteredQuestionnaire();
    const at = (code: string, wave: string, yes: number, no: number) => [
      ...Array.from({ length: yes }, (_, i) => payloadOf(compiled, { f1: 'a', f2: true, q2: i % 2 ? 'x' : 'y' }, wave, { level: 'commune', code })),
      ...Array.from({ length: no }, () => payloadOf(compiled, { f1: 'a', f2: false }, wave, { level: 'commune', code })),
    ];
    const payloads = [...at('35238', '2026', 15, 2), ...at('35238', '2025', 20, 20), ...['1', '2', '3'].flatMap((c) => at(c, '2026', 20, 20))];
    const rennes = { level: 'commune', code: '35238' } as const;
    const doc = await analyseResponses(payloads, { compiled: [compiled], wave: '2026', territory: rennes, previousWave: '2025' });
    const [g] = doc.groups;
    expect(figure(g, 'q2')).toMatchObject({ status: 'withheld', withheldReason: 'filter-suppressed' });
    expect(g!.comparisons!.network!.shares.some((s) => s.question === 'q2')).toBe(false);
    expect(g!.comparisons!.previousWave!.shares.some((s) => s.question === 'q2')).toBe(false);
    // Another territory's network figure pools only the territories that publish q2: Rennes is not one.
    const other = await analyseResponses(payloads, { compiled: [compiled], wave: '2026', territory: { level: 'commune', code: '1' } });
    const q2 = other.groups[0]!.comparisons!.network!.shares.filter((s) => s.question === 'q2');
    expect(q2.length).toBeGreaterThan(0);
    expect(q2.every((s) => s.territories === 2 && s.missing === 'too-few-territories' && s.network === null)).toBe(true);
  });
});
