import { describe, expect, it } from 'vitest';
import type { CompiledQuestion, ResponsePayload } from '@olva/schema';
import { allQuestions } from '@olva/runtime';
import { aggregateResponses } from './aggregate.js';
import { builds, crosswalkCore, generate, generateFor, laterCore, stream, SAMPLE, type Generated } from '../__fixtures__/responses.js';
import { prng } from '@olva/test-support/prng';
import { compiledQuestionnaire, nonEmpty } from '@olva/test-support/compiled';
import { filteredQuestionnaire, payloadOf } from '../__fixtures__/filtered.js';
import type { Category, DistributionFigures, GroupResults, MatrixFigures, NumericFigures, QuestionFigures, ResultsDocument } from '../results.js';

const Z = 1.959963984540054;
const NEVER = new Set(['text', 'textarea', 'email', 'commune']);

/** The Wilson bounds as the roots of (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0. */
function wilsonRoots(count: number, base: number): [number, number] {
  const p = count / base;
  const a = 1 + (Z * Z) / base;
  const b = -(2 * p + (Z * Z) / base);
  const c = p * p;
  const d = Math.sqrt(b * b - 4 * a * c);
  return [(-b - d) / (2 * a), (-b + d) / (2 * a)];
}

/** R's quantile type 7, written from its definition. */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((x, y) => x - y);
  const h = (s.length - 1) * p;
  return s[Math.floor(h)]! + (h - Math.floor(h)) * ((s[Math.ceil(h)] ?? s[Math.floor(h)]!) - s[Math.floor(h)]!);
}

function groupOf(doc: ResultsDocument, code: string, wave: string): GroupResults {
  return doc.groups.find((g) => g.territory.code === code && g.wave === wave)!;
}

function checkCategories(categories: Category[], counts: Map<string, number>, base: number, additive: boolean): void {
  let hidden = 0;
  let shownSum = 0;
  for (const c of categories) {
    const truth = counts.get(c.code) ?? 0;
    if (c.count === null) {
      hidden += 1;
      expect(c.share).toBeNull();
      expect(c.interval).toBeNull();
      expect(c.suppressed).toBe(truth > 0 && truth < 3 ? 'small' : 'complementary');
      continue;
    }
    expect(truth > 0 && truth < 3).toBe(false);
    expect(c.count).toBe(truth);
    shownSum += truth;
    expect(c.share).toBeCloseTo(truth / base, 12);
    const [low, high] = wilsonRoots(truth, base);
    expect(c.interval!.low).toBeCloseTo(Math.max(0, low), 9);
    expect(c.interval!.high).toBeCloseTo(Math.min(1, high), 9);
  }
  for (const code of counts.keys()) expect(categories.some((c) => c.code === code)).toBe(true);
  if (additive) {
    expect(hidden).not.toBe(1);
    if (hidden === 0) expect(shownSum).toBe(base);
  }
}

/** Class bounds the tests configure. */
const CLASSES: Record<string, number[]> = { annee_creation: [5, 10, 20, 50], nb_salaries: [1, 5, 10, 50], etp: [0.5, 2, 10] };

/** The question ids a condition names (`{"var": …}`), read from the JSON. */
function namesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(namesIn);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([op, arg]) => (op === 'var' ? [String(Array.isArray(arg) ? arg[0] : arg).split('.').slice(0, 2).join('.')] : namesIn(arg)));
}

/**
 * A question withheld for its filters (disclosure/linked.ts, checked on its own by the property
 * test): it is conditional and one question its condition names hides a count or is withheld.
 */
function withheldForFilters(q: CompiledQuestion, figures: QuestionFigures, group: readonly QuestionFigures[]): boolean {
  if (figures.withheldReason !== 'filter-suppressed') return false;
  expect(figures).toEqual({ id: figures.id, type: figures.type, label: figures.label, conditional: true, kind: figures.kind, status: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: figures.withheldFilters, ...(figures.kind === 'numeric' ? { unit: figures.unit } : {}) });
  const hides = (f: QuestionFigures | undefined) => !!f && (f.status === 'withheld' || JSON.stringify(f).includes('"count":null') || JSON.stringify(f).includes('"status":"withheld"'));
  expect(figures.withheldFilters!.length).toBeGreaterThan(0);
  for (const id of figures.withheldFilters!) {
    expect(namesIn(q.visibleWhen).some((n) => n === id || n.startsWith(`${id}.`))).toBe(true);
    expect(hides(group.find((f) => f.id === id)) || !group.some((f) => f.id === id)).toBe(true);
  }
  return true;
}

/** Naive recomputation of one question in one group, from the generator's own record. */
function checkQuestion(q: CompiledQuestion, figures: QuestionFigures, items: Generated[], referenceYear: number | null, group: readonly QuestionFigures[] = []): void {
  if (withheldForFilters(q, figures, group)) return;
  const asked = items.filter((g) => g.shown.has(q.id));
  const answers = asked.map((g) => g.payload.answers[q.id]).filter((v) => v !== undefined);
  const published = answers.length >= 10;
  expect(figures.withheldReason).toBe(published ? undefined : 'small-base');
  const conditional = q.visibleWhen !== undefined;
  expect(figures.conditional).toBe(conditional);
  // A base is not published with withheld figures, nor `asked` of a question under a condition.
  expect(figures.base).toEqual(!published ? undefined : conditional
    ? { asked: null, answered: answers.length, noAnswer: null }
    : { asked: asked.length, answered: answers.length, noAnswer: asked.length - answers.length });
  expect(figures.status).toBe(answers.length < 10 ? 'withheld' : answers.length < 30 ? 'small' : 'ok');
  const codeOf = (v: unknown): string => (q.type === 'scale' ? q.choices[(v as number) - 1]!.code : String(v));
  if (figures.kind === 'distribution' || figures.kind === 'multiple') {
    if (!published) return expect(figures.categories).toBeUndefined();
    const counts = new Map<string, number>();
    for (const v of answers) for (const code of Array.isArray(v) ? v : [codeOf(v)]) counts.set(code, (counts.get(code) ?? 0) + 1);
    checkCategories(figures.categories!, counts, answers.length, figures.kind === 'distribution');
  } else if (figures.kind === 'matrix') {
    if (!published) return expect(figures.rows).toBeUndefined();
    for (const row of figures.rows!) {
      const cells = answers.map((v) => (v as Record<string, string>)[row.code]).filter((v) => v !== undefined);
      if (cells.length < 10) {
        // A withheld row carries neither its base nor its categories (absent, not undefined).
        expect([row.status, row.base, row.categories]).toEqual(['withheld', undefined, undefined]);
        continue;
      }
      expect(row.base).toEqual(conditional ? { asked: null, answered: cells.length, noAnswer: null } : { asked: asked.length, answered: cells.length, noAnswer: asked.length - cells.length });
      const counts = new Map<string, number>();
      for (const code of cells) counts.set(code, (counts.get(code) ?? 0) + 1);
      checkCategories(row.categories!, counts, cells.length, true);
    }
  } else {
    expect(figures.unit).toBe(q.type !== 'year' ? 'value' : referenceYear === null ? 'year' : 'age');
    if (!published) return expect(figures.summary).toBeUndefined();
    const values = (answers as number[]).map((v) => (q.type === 'year' && referenceYear !== null ? referenceYear - v : v));
    const sum = values.reduce((s, v) => s + v, 0);
    // Published figures keep 12 significant digits: fewer decimals to compare on large ones.
    const near = (x: number) => expect.closeTo(x, 9 - Math.max(0, x === 0 ? 0 : Math.floor(Math.log10(Math.abs(x)))));
    expect(figures.summary).toEqual({
      n: values.length, sum: near(sum), mean: near(sum / values.length),
      q1: near(quantile(values, 0.25)), median: near(quantile(values, 0.5)), q3: near(quantile(values, 0.75)),
      exact: true,
    });
    const bounds = CLASSES[q.id];
    if (!bounds || figures.unit === 'year') return expect(figures.classes).toBeUndefined();
    const edges = [-Infinity, ...bounds, Infinity];
    const counts = new Map(edges.slice(0, -1).map((from, i) => [
      `[${from === -Infinity ? '-inf' : from},${edges[i + 1] === Infinity ? '+inf' : edges[i + 1]})`,
      values.filter((v) => v >= from && v < edges[i + 1]!).length,
    ]));
    expect(figures.classes!.map((c) => c.code)).toEqual([...counts.keys()]);
    checkCategories(figures.classes!, counts, values.length, true);
    expect(figures.classes!.map((c) => [c.from, c.to])).toEqual(edges.slice(0, -1).map((from, i) => [from === -Infinity ? null : from, edges[i + 1] === Infinity ? null : edges[i + 1]]));
  }
}

describe('aggregateResponses', () => {
  const b = builds();
  const compiled = [b.core, b.rennes, b.lorient];

  it('matches a naive recomputation per question, territory and wave (generated responses)', async () => {
    for (const seed of [1, 2]) {
      const items = generate(seed);
      const doc = await aggregateResponses(stream(items), { compiled, classes: CLASSES });
      expect(doc.groups.map((g) => [g.territory.level, g.territory.code, g.wave, g.responses])).toEqual([
        ['commune', '29019', '2026', 7], ['commune', '35238', '2025', 24], ['commune', '35238', '2026', 70],
        ['departement', '35', 'printemps-2026', 33], ['epci', '200042174', '2026', 45],
      ]);
      for (const s of SAMPLE) {
        const group = groupOf(doc, s.territory.code, s.wave);
        const mine = items.filter((g) => g.payload.territory.code === s.territory.code && g.payload.wave === s.wave);
        expect(group.referenceDate).toBe(s.wave === '2026' ? '2026-01-01' : s.wave === '2025' ? '2025-01-01' : null);
        const version = b[s.build];
        expect(group.versions).toEqual([{ questionnaire: version.questionnaire, extension: version.extension ? { id: version.extension.id, version: version.extension.version } : null, responses: s.size }]);
        const expectedIds = allQuestions(version).filter((q) => !NEVER.has(q.type) && q.id !== 'nb_dirigeants').map((q) => q.id);
        expect(group.questions.map((f) => f.id)).toEqual(expectedIds);
        const year = group.referenceDate ? Number(group.referenceDate.slice(0, 4)) : null;
        for (const figures of group.questions) checkQuestion(allQuestions(version).find((q) => q.id === figures.id)!, figures, mine, year, group.questions);
      }
      // The sample must exercise every rule, not only the plain case.
      const text = JSON.stringify(doc);
      for (const seen of ['"withheldReason":"filter-suppressed"', '"suppressed":"small"', '"suppressed":"complementary"', '"status":"withheld"', '"status":"small"', '"status":"ok"', '"unit":"age"', '"unit":"year"', '"code":"[20,50)"']) expect(text).toContain(seen);
    }
  });

  it('counts only the answers of questions shown: an answer to a hidden question is not counted', async () => {
    const items = generate(4).filter((g) => g.payload.territory.code === '35238' && g.payload.wave === '2026');
    const before = await aggregateResponses(stream(items), { compiled });
    // Every non-employer now also "answers" nb_salaries, which their version hides from them.
    const tampered = items.map((g) => (g.payload.answers.employeur === true ? g.payload : { ...g.payload, answers: { ...g.payload.answers, nb_salaries: 7 } }));
    expect(tampered.filter((p) => p.answers.nb_salaries === 7).length).toBeGreaterThan(10);
    const after = await aggregateResponses(tampered, { compiled });
    const salaried = (doc: ResultsDocument) => doc.groups[0]!.questions.find((f) => f.id === 'nb_salaries');
    expect(salaried(after)).toEqual(salaried(before));
  });

  it('does not publish a base that gives a protected count of its filter question away', async () => {
    // Rennes 2026 with exactly two employers: "employeur = true" is "< 3", and nb_salaries,
    // asked of employers only, must not say 2 through its base.
    const items = generate(9).filter((g) => g.payload.territory.code === '35238' && g.payload.wave === '2026');
    let employers = 0;
    const payloads = items.map((g) => {
      const employer = g.payload.answers.employeur === true && employers < 2;
      if (employer) employers += 1;
      const { nb_salaries: _a, etp: _b, types_contrats: _c, evolution_salaries: _d, ...rest } = g.payload.answers;
      return { ...g.payload, answers: employer ? g.payload.answers : { ...rest, employeur: false } };
    });
    const doc = await aggregateResponses(payloads, { compiled });
    const figures = doc.groups[0]!.questions;
    const employeur = figures.find((f) => f.id === 'employeur') as DistributionFigures;
    expect(employeur.categories![0]).toMatchObject({ code: 'true', count: null, suppressed: 'small' });
    for (const id of ['nb_salaries', 'etp', 'types_contrats', 'evolution_salaries']) {
      const f = figures.find((q) => q.id === id)!;
      expect(f.status).toBe('withheld');
      expect(f.base).toBeUndefined();
    }
    expect(JSON.stringify(figures.filter((f) => f.conditional))).not.toMatch(/"(asked|answered)":2[,}]/);
  });

  it('hides the counts it is told to, with complements, and withholds what they filter', async () => {
    const items = generate(9).filter((g) => g.payload.territory.code === '35238' && g.payload.wave === '2026');
    const rennes = { level: 'commune', code: '35238' } as const;
    const plain = (await aggregateResponses(stream(items), { compiled })).groups[0]!.questions;
    const hide = [{ territory: rennes, wave: '2026', counts: [{ question: 'employeur', code: 'true' }] }];
    const figures = (await aggregateResponses(stream(items), { compiled, hide })).groups[0]!.questions;
    const employeur = figures.find((f) => f.id === 'employeur') as DistributionFigures;
    const shown = (plain.find((f) => f.id === 'employeur') as DistributionFigures).categories!;
    expect(shown.every((c) => c.count! >= 3)).toBe(true);
    // Hidden as a complement, and the other code with it: the base would give it back.
    expect(employeur.categories!.map((c) => [c.code, c.count, c.suppressed])).toEqual([['true', null, 'complementary'], ['false', null, 'complementary']]);
    expect(figures.find((f) => f.id === 'nb_salaries')).toMatchObject({ status: 'withheld', withheldReason: 'filter-suppressed' });
    // A matrix row's count and a numeric class's, each in its own line only.
    const cells = [{ question: 'besoins_par_domaine', row: 'benevoles', code: 'aucun' }, { question: 'annee_creation', code: '[20,50)' }];
    const more = (await aggregateResponses(stream(items), { compiled, classes: CLASSES, hide: [{ territory: rennes, wave: '2026', counts: cells }] })).groups[0]!.questions;
    const rows = (more.find((f) => f.id === 'besoins_par_domaine') as MatrixFigures).rows!;
    expect(rows[0]!.categories!.find((c) => c.code === 'aucun')).toMatchObject({ count: null, suppressed: 'complementary' });
    expect(rows.slice(1).some((r) => r.categories!.find((c) => c.code === 'aucun')!.count !== null)).toBe(true);
    expect((more.find((f) => f.id === 'annee_creation') as NumericFigures).classes!.find((c) => c.code === '[20,50)')).toMatchObject({ count: null, suppressed: 'complementary' });
    // Another group, or another wave, is not touched.
    const elsewhere = [{ territory: rennes, wave: '2025', counts: [{ question: 'employeur', code: 'true' }] }];
    expect((await aggregateResponses(stream(items), { compiled, hide: elsewhere })).groups[0]!.questions).toEqual(plain);
  });

  it('withholds a line whose counts are all "< 3" and add up to its base: the marks would give them away', async () => {
    const q = filteredQuestionnaire();
    // f1: 2 each of a, b, c, d (8, each "< 3": four counts of 1 or 2 making 8 are four 2s); m's row r1: 2 u, 2 v (the first four).
    const payloads = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'].map((f1, i) => payloadOf(q, { f1, f2: true, q2: 'x', q5: 1, m: { ...(i < 4 ? { r1: i % 2 ? 'u' : 'v' } : {}), r2: i < 6 ? 'u' : 'v' } }));
    const figures = (await aggregateResponses(payloads, { compiled: [q], rules: { minBase: 3 } })).groups[0]!.questions;
    expect(figures.find((f) => f.id === 'f1')).toMatchObject({ status: 'withheld', withheldReason: 'complementary' });
    expect((figures.find((f) => f.id === 'f1') as DistributionFigures).categories).toBeUndefined();
    // What f1 filters follows it; r1 is withheld, r2 (6 u, 2 v) is published.
    expect(figures.find((f) => f.id === 'q5')).toMatchObject({ status: 'withheld', withheldReason: 'filter-suppressed', withheldFilters: ['f1'] });
    const rows = (figures.find((f) => f.id === 'm') as MatrixFigures).rows!;
    expect(rows.map((r) => [r.code, r.status, r.withheldReason])).toEqual([['r1', 'withheld', 'complementary'], ['r2', 'small', undefined]]);
  });

  it('withholds the lines it is told to, a question or a matrix row, whatever their base', async () => {
    const items = generate(9).filter((g) => g.payload.territory.code === '35238' && g.payload.wave === '2026');
    const rennes = { level: 'commune', code: '35238' } as const;
    const lines = [{ question: 'secteur_principal' }, { question: 'besoins_par_domaine', row: 'benevoles' }];
    const figures = (await aggregateResponses(stream(items), { compiled, hide: [{ territory: rennes, wave: '2026', counts: [], lines }] })).groups[0]!.questions;
    expect(figures.find((f) => f.id === 'secteur_principal')).toEqual({ id: 'secteur_principal', type: 'single', label: expect.anything(), conditional: false, status: 'withheld', withheldReason: 'complementary', kind: 'distribution' });
    const rows = (figures.find((f) => f.id === 'besoins_par_domaine') as MatrixFigures).rows!;
    expect(rows[0]).toEqual({ code: 'benevoles', label: expect.anything(), status: 'withheld', withheldReason: 'complementary' });
    expect(rows[1]!.categories).toBeDefined();
  });

  it('never aggregates free text, e-mail, commune codes or personal questions, even when personal in one version only', async () => {
    const doc = await aggregateResponses(stream(generate(5)), { compiled });
    const ids = new Set(doc.groups.flatMap((g) => g.questions.map((f) => f.id)));
    for (const id of ['nom_association', 'numero_rna', 'commentaire', 'email_contact', 'commune_siege', 'federation_nom', 'nb_dirigeants']) expect(ids.has(id)).toBe(false);
    expect(JSON.stringify(doc)).not.toContain('contact@example.org');
    expect(JSON.stringify(doc)).not.toContain('texte ');
  });

  it('takes disclosure thresholds and reference dates from configuration', async () => {
    const doc = await aggregateResponses(stream(generate(6)), { compiled, rules: { minBase: 5, minCell: 5 }, referenceDates: { 'printemps-2026': '2026-04-01' } });
    expect(doc.rules).toMatchObject({ minBase: 5, minCell: 5, smallBase: 30, confidence: 0.95 });
    expect(groupOf(doc, '35', 'printemps-2026').referenceDate).toBe('2026-04-01');
    const small = groupOf(doc, '29019', '2026').questions.find((f) => f.id === 'employeur')!;
    expect(small.status).toBe('small');
    for (const c of (small as { categories: Category[] }).categories) if (c.count !== null) expect(c.count === 0 || c.count >= 5).toBe(true);
    const year = groupOf(doc, '35', 'printemps-2026').questions.find((f) => f.id === 'annee_creation')!;
    expect(year).toMatchObject({ kind: 'numeric', unit: 'age' });
  });

  it('merges core versions answered in one wave: new choices after the old, a new question asked only where it exists', async () => {
    const later = laterCore();
    const random = prng(13);
    const rennes = { level: 'commune', code: '35238' } as const;
    const items = [...generateFor(b.core, rennes, '2026', 40, random), ...generateFor(later, rennes, '2026', 35, random)];
    const doc = await aggregateResponses(stream(items), { compiled: [b.core, later] });
    const [group] = doc.groups;
    const [before, after] = [b.core.questionnaire.version, later.questionnaire.version];
    expect(group!.versions.map((v) => [v.questionnaire.version, v.responses])).toEqual([[before, 40], [after, 35]]);
    const sector = group!.questions.find((f) => f.id === 'secteur_principal') as DistributionFigures;
    const old = b.core.sections[0]!.questions.find((q) => q.id === 'secteur_principal') as { choices: { code: string }[]; other?: unknown };
    const oldCodes = [...new Set([...old.choices.map((c) => c.code), ...(old.other ? ['other'] : [])])];
    expect(sector.categories!.map((c) => c.code)).toEqual([...oldCodes, 'numerique']);
    // nb_projets exists in the later version only: the 40 responses to the earlier were not asked it.
    const projects = group!.questions.find((f) => f.id === 'nb_projets')!;
    const answered = items.filter((g) => g.payload.questionnaire.version === after && g.payload.answers.nb_projets !== undefined).length;
    expect(projects.base).toEqual({ asked: 35, answered, noAnswer: 35 - answered });
    // Where the version that has it puts it, not at the end.
    const ids = group!.questions.map((f) => f.id);
    expect(ids.indexOf('nb_projets')).toBe(ids.indexOf('secteur_principal') + 1);
  });

  it('lists in a group the codes of the versions it answered, not those of every version given', async () => {
    // The next core merges caritatif_humanitaire and social_sante into solidarite (crosswalk).
    const next = crosswalkCore();
    const random = prng(17);
    const [onNew, onOld, onBoth] = [{ level: 'commune', code: '35238' }, { level: 'commune', code: '29019' }, { level: 'commune', code: '44109' }] as const;
    const items = [
      ...generateFor(next, onNew, '2026', 40, random), ...generateFor(b.core, onOld, '2026', 40, random),
      ...generateFor(b.core, onBoth, '2026', 30, random), ...generateFor(next, onBoth, '2026', 30, random),
    ];
    const doc = await aggregateResponses(stream(items), { compiled: [b.core, next] });
    const codesOf = (code: string, id: string) => (groupOf(doc, code, '2026').questions.find((f) => f.id === id) as DistributionFigures).categories!.map((c) => c.code);
    const listed = (c: typeof b.core, id: string) => {
      const q = allQuestions(c).find((x) => x.id === id) as { choices: { code: string }[]; other?: unknown };
      return [...new Set([...q.choices.map((x) => x.code), ...(q.other ? ['other'] : [])])];
    };
    // In each version's own order; the version answered alone, without the other's codes at 0.
    expect(codesOf(onNew.code, 'secteur_principal')).toEqual(listed(next, 'secteur_principal'));
    expect(codesOf(onNew.code, 'secteur_principal')).not.toContain('caritatif_humanitaire');
    expect(codesOf(onOld.code, 'secteur_principal')).toEqual(listed(b.core, 'secteur_principal'));
    expect(codesOf(onOld.code, 'secteur_principal')).not.toContain('solidarite');
    // Both versions answered: both sets, the older's order first.
    expect(codesOf(onBoth.code, 'secteur_principal')).toEqual([...listed(b.core, 'secteur_principal'), 'solidarite']);
    // A question that did not change keeps its codes everywhere.
    expect(codesOf(onNew.code, 'echelle_intervention')).toEqual(listed(next, 'echelle_intervention'));
  });

  it('lists in a group the matrix rows of the versions it answered', async () => {
    const choices = (...codes: string[]) => nonEmpty(codes.map((code) => ({ code, label: { fr: code } })));
    const version = (v: string, rows: string[]) => compiledQuestionnaire({
      id: 'm', questionnaire: { id: 'm', version: v }, title: { fr: 'M' },
      sections: [{ id: 's', title: { fr: 'S' }, questions: [{ id: 'm', type: 'matrix', label: { fr: 'M' }, rows: choices(...rows), choices: choices('u', 'v') }] }],
    });
    const [before, after] = [version('1.0.0', ['r1', 'r2', 'r3']), version('2.0.0', ['r1', 'r3'])];
    const [template] = generate(3);
    const payload = (c: typeof before, code: string, n: number): ResponsePayload => ({
      ...template!.payload, submissionId: `00000000-0000-4000-9000-${code}${String(n).padStart(10, '0')}`, questionnaire: { ...c.questionnaire }, extension: null,
      territory: { level: 'commune', code }, answers: { m: { r1: 'u', r3: n % 2 ? 'u' : 'v' } },
    });
    const items = [...Array.from({ length: 12 }, (_, n) => payload(after, '35', n)), ...Array.from({ length: 12 }, (_, n) => payload(before, '29', n)), ...Array.from({ length: 12 }, (_, n) => payload(after, '29', n + 20))];
    const doc = await aggregateResponses(items, { compiled: [before, after] });
    const rows = (code: string) => (doc.groups.find((g) => g.territory.code === code)!.questions[0] as { rows: { code: string }[] }).rows.map((r) => r.code);
    expect(rows('35')).toEqual(['r1', 'r3']);
    expect(rows('29')).toEqual(['r1', 'r2', 'r3']);
  });

  /**
   * Two versions of one questionnaire: in 1.0.0 `activite` is asked only when `salaries` is
   * true and labelled "Activité (ancien)"; 2.0.0 asks it of everyone as "Activité". Commune
   * 35 answered 2.0.0 only, 29 1.0.0 only, 44 both.
   */
  async function filterDropped(order: 'oldest first' | 'newest first' = 'oldest first'): Promise<(code: string) => QuestionFigures> {
    const choices = (...codes: string[]) => nonEmpty(codes.map((code) => ({ code, label: { fr: code } })));
    const version = (v: string, label: string, when: boolean) => compiledQuestionnaire({
      id: 'f', questionnaire: { id: 'f', version: v }, title: { fr: 'F' },
      sections: [{ id: 's', title: { fr: 'S' }, questions: [
        { id: 'salaries', type: 'boolean', label: { fr: 'Salariés ?' } },
        { id: 'activite', type: 'single', label: { fr: label }, choices: choices('a', 'b'), ...(when ? { visibleWhen: { '==': [{ var: 'salaries' }, true] } } : {}) },
      ] }],
    });
    const [before, after] = [version('1.0.0', 'Activité (ancien)', true), version('2.0.0', 'Activité', false)];
    const [template] = generate(3);
    // Every fourth respondent leaves activite blank; salaries alternates, so no count is small.
    const payload = (c: typeof before, code: string, n: number): ResponsePayload => {
      const salaries = n % 2 === 0;
      const shown = c === after || salaries;
      return {
        ...template!.payload, submissionId: `00000000-0000-4000-9000-${code}${String(n).padStart(10, '0')}`, questionnaire: { ...c.questionnaire }, extension: null,
        territory: { level: 'commune', code }, answers: { salaries, ...(shown && n % 4 !== 1 ? { activite: n % 3 ? 'a' : 'b' } : {}) },
      };
    };
    const many = (c: typeof before, code: string, from: number) => Array.from({ length: 40 }, (_, n) => payload(c, code, from + n));
    const doc = await aggregateResponses([...many(after, '35', 0), ...many(before, '29', 0), ...many(before, '44', 0), ...many(after, '44', 40)], { compiled: order === 'oldest first' ? [before, after] : [after, before] });
    return (code) => doc.groups.find((g) => g.territory.code === code)!.questions.find((q) => q.id === 'activite')!;
  }

  it('says a question is conditional in a group only when it is in a version the group answered', async () => {
    const activite = await filterDropped();
    // 2.0.0 asks everyone: the 40 respondents were asked, 30 answered (every fourth left it blank).
    expect(activite('35')).toMatchObject({ conditional: false, status: 'ok', base: { asked: 40, answered: 30, noAnswer: 10 } });
    expect(activite('35').withheldReason).toBeUndefined();
    // 1.0.0 alone, or with 2.0.0: asked under a condition, asked and no answer unpublished.
    expect(activite('29')).toMatchObject({ conditional: true, base: { asked: null, answered: 20, noAnswer: null } });
    expect(activite('44')).toMatchObject({ conditional: true, base: { asked: null, answered: 50, noAnswer: null } });
  });

  it('labels a question in a group as the newest version the group answered does, whatever the order given', async () => {
    for (const order of ['oldest first', 'newest first'] as const) {
      const activite = await filterDropped(order);
      expect(activite('35').label).toEqual({ fr: 'Activité' });
      expect(activite('29').label).toEqual({ fr: 'Activité (ancien)' });
      expect(activite('44').label).toEqual({ fr: 'Activité' });
    }
  });

  it('reads a stream made one response at a time; numeric values past the bound are sampled', async () => {
    const [template] = generate(8);
    let sum = 0;
    let made = 0;
    async function* lazily(): AsyncIterable<ResponsePayload> {
      for (let i = 0; i < 5_000; i++) {
        const payload = { ...template!.payload, answers: { ...template!.payload.answers, nb_adherents: i % 500 } };
        sum += i % 500;
        made += 1;
        yield payload;
      }
    }
    const doc = await aggregateResponses(lazily(), { compiled, exactValues: 500 });
    expect(made).toBe(5_000);
    const figures = doc.groups[0]!.questions.find((f) => f.id === 'nb_adherents')!;
    expect(figures.kind === 'numeric' && figures.summary).toMatchObject({ n: 5_000, sum, mean: sum / 5_000, exact: false });
    // Values 0..499 ten times: the median is 249.5; a sample of 500 lands near it.
    expect(Math.abs((figures as { summary: { median: number } }).summary.median - 249.5)).toBeLessThan(40);
  });

  it('says which response and which answer is wrong', async () => {
    const [first] = generate(7);
    const payload = structuredClone(first!.payload) as ResponsePayload;
    payload.answers.employeur = 'oui';
    await expect(aggregateResponses([payload], { compiled })).rejects.toThrow(`${payload.submissionId}#/answers/employeur: [analysis/answer-shape] a boolean answer is true or false, got "oui"`);
    const unknown = { ...first!.payload, questionnaire: { id: 'olva-core', version: '2027.0.0' } };
    await expect(aggregateResponses([unknown], { compiled })).rejects.toThrow(/\[analysis\/unknown-version\] no compiled questionnaire given for olva-core 2027\.0\.0/);
    await expect(aggregateResponses([], { compiled, referenceDates: { '2026': '2026-02-30' } })).resolves.toMatchObject({ groups: [] });
    await expect(aggregateResponses([], { compiled, classes: { secteur_principal: [1] } })).rejects.toThrow('/classes/secteur_principal: [analysis/classes] "secteur_principal" is not an integer, decimal or year question');
    await expect(aggregateResponses([], { compiled, classes: { nb_salaries: [5, 5] } })).rejects.toThrow('/classes/nb_salaries/1: [analysis/classes] class bounds must increase strictly: 5 comes after 5');
    await expect(aggregateResponses([], { compiled, classes: { nb_salaries: [] } })).rejects.toThrow('/classes/nb_salaries: [analysis/classes]');
    await expect(aggregateResponses([first!.payload], { compiled, referenceDates: { [first!.payload.wave]: '2026-02-30' } })).rejects.toThrow(/reference-date/);
  });
});
