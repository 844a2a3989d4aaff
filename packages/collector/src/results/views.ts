/**
 * What a published document shows of one territory in one wave (`View`), read from its group
 * (`viewsOf`): the group's responses, each line's base, each count shown, and the hidden counts
 * of each line whose counts add up to its base. The nested checks (`nested.ts`) and the checks
 * of documents read together (`family-checks.ts`) compare views.
 */
import type { GroupResults, LineRef, PreviousWaveShare, QuestionFigures, ResultsDocument, TerritoryRef } from '@olva/analysis';
import { sameTerritory, territoryKey } from '@olva/schema';

/** A territory as the nested checks key and name it (`level:code`). */
export const name: (t: TerritoryRef) => string = territoryKey;

/** A published count: its question, row and codes (several: a crosswalk's category, summed). */
export interface Counted { question: string; row?: string; codes: readonly string[]; count: number }

/** What a published document shows of one territory in one wave. */
export interface View {
  territory: TerritoryRef;
  wave: string;
  /** The group's responses; null where the document shows the wave only through a comparison. */
  responses: number | null;
  /** The answered base of each line, by `question` or `question.row` in a matrix. */
  bases: Map<string, LineRef & { base: number }>;
  /** Every count shown, by line and codes (`countKey`). */
  counts: Map<string, Counted>;
  /** The single counts of each line whose counts add up to its base: a sum of its codes is known. */
  additive: Map<string, Map<string, number>>;
  /** The hidden counts of each such line, with their marks and their sum (the base less the counts shown). */
  hidden: Map<string, HiddenLine>;
}

/** The hidden counts of a line whose counts add up to its base; a previous-wave column's have no mark (null). */
export interface HiddenLine extends LineRef { sum: number; cells: { code: string; mark: 'small' | 'complementary' | null }[] }

export const lineOf = (question: string, row?: string) => (row === undefined ? question : `${question}.${row}`);
/** A line's reference alone (a hidden line or a base carry more). */
export const lineRef = (l: LineRef): LineRef => ({ question: l.question, ...(l.row === undefined ? {} : { row: l.row }) });
export const countKey = (c: Omit<Counted, 'count'>) => `${lineOf(c.question, c.row)}|${[...c.codes].sort().join('+')}`;

function emptyView(territory: TerritoryRef, wave: string, responses: number | null): View {
  return { territory, wave, responses, bases: new Map(), counts: new Map(), additive: new Map(), hidden: new Map() };
}

/** Puts a question's published lines in a view. */
function putQuestion(view: View, f: QuestionFigures): void {
  if (f.status === 'withheld' || !f.base) return;
  const lines: { row?: string; base: number; categories: readonly { code: string; count: number | null; suppressed?: 'small' | 'complementary' }[]; additive: boolean }[] = [];
  if (f.kind === 'distribution' || f.kind === 'multiple') lines.push({ base: f.base.answered, categories: f.categories ?? [], additive: f.kind === 'distribution' });
  else if (f.kind === 'numeric') lines.push({ base: f.base.answered, categories: f.classes ?? [], additive: true });
  else for (const r of f.rows ?? []) if (r.base && r.categories) lines.push({ row: r.code, base: r.base.answered, categories: r.categories, additive: true });
  for (const l of lines) {
    const line = lineOf(f.id, l.row);
    view.bases.set(line, { question: f.id, ...(l.row === undefined ? {} : { row: l.row }), base: l.base });
    const singles = new Map<string, number>();
    for (const c of l.categories) {
      if (c.count === null) continue;
      const counted: Counted = { question: f.id, ...(l.row === undefined ? {} : { row: l.row }), codes: [c.code], count: c.count };
      view.counts.set(countKey(counted), counted);
      singles.set(c.code, c.count);
    }
    if (!l.additive) continue;
    view.additive.set(line, singles);
    const cells = l.categories.flatMap((c) => (c.count === null ? [{ code: c.code, mark: c.suppressed ?? 'complementary' }] : []));
    const sum = l.base - [...singles.values()].reduce((a, n) => a + n, 0);
    if (cells.length) view.hidden.set(line, { question: f.id, ...(l.row === undefined ? {} : { row: l.row }), sum, cells });
  }
}

/**
 * What a published group shows, wave by wave: its own figures, and the previous wave's counts
 * and bases its comparison sets beside them (the current counts a crosswalk sums join its own).
 */
export function viewsOf(g: GroupResults): View[] {
  const own = emptyView(g.territory, g.wave, g.responses);
  for (const f of g.questions) putQuestion(own, f);
  const views = [own];
  const previous = g.comparisons?.previousWave;
  if (previous?.available) {
    const before = emptyView(g.territory, previous.wave, null);
    for (const s of previous.shares) {
      const row = s.row === undefined ? {} : { row: s.row };
      // The previous wave under its own id: a question a crosswalk renamed is published there under the old one.
      for (const [view, figure, codes, question] of [[own, s.current, s.currentCodes, s.question], [before, s.previous, s.previousCodes, s.previousQuestion ?? s.question]] as const) {
        if (!figure) continue;
        const counted: Counted = { question, ...row, codes: codes?.length ? codes : [s.code], count: figure.count };
        if (!view.counts.has(countKey(counted))) view.counts.set(countKey(counted), counted);
        if (view === before) before.bases.set(lineOf(question, s.row), { question, ...row, base: figure.base });
      }
    }
    // Same versions only: a crosswalk's categories need not cover the previous line's codes, so their sum is no base.
    if (previous.crosswalk === null) putPreviousHidden(before, previous.shares, new Set(g.questions.filter((f) => f.kind === 'distribution' || f.kind === 'matrix').map((f) => f.id)));
    views.push(before);
  }
  return views;
}

/**
 * The additive lines of a previous-wave column (a single choice, boolean, scale, matrix row:
 * `additive`, by the current wave's kind, the same question's) and their hidden counts, which the
 * column states without a mark: `hidden` where the current wave has the code, `not-in-current`
 * where it has not. The line's base less its counts shown is their sum, as for the wave's own lines.
 */
function putPreviousHidden(before: View, shares: readonly PreviousWaveShare[], additive: ReadonlySet<string>): void {
  const lines = new Map<string, PreviousWaveShare[]>();
  for (const s of shares) if (additive.has(s.question)) lines.set(lineOf(s.question, s.row), [...(lines.get(lineOf(s.question, s.row)) ?? []), s]);
  for (const [line, list] of lines) {
    const base = before.bases.get(line);
    if (!base) continue;
    const singles = new Map(list.flatMap((s) => (s.previous ? [[s.code, s.previous.count] as const] : [])));
    before.additive.set(line, singles);
    const cells = list.flatMap((s) => (!s.previous && (s.missing === 'hidden' || s.missing === 'not-in-current') ? [{ code: s.code, mark: null }] : []));
    const sum = base.base - [...singles.values()].reduce((a, n) => a + n, 0);
    if (cells.length) before.hidden.set(line, { question: base.question, ...(base.row === undefined ? {} : { row: base.row }), sum, cells });
  }
}

/** A count a view shows, or sums from the single counts of an additive line; null when unknown. */
export function countIn(view: View, c: Omit<Counted, 'count'>): number | null {
  const shown = view.counts.get(countKey(c));
  if (shown) return shown.count;
  const singles = c.codes.length > 1 ? view.additive.get(lineOf(c.question, c.row)) : undefined;
  if (!singles || !c.codes.every((code) => singles.has(code))) return null;
  return c.codes.reduce((sum, code) => sum + singles.get(code)!, 0);
}

export const small = (d: number, limit: number) => d > 0 && d < limit;

/** The group of a document for its territory and wave. */
export const groupOf = (doc: ResultsDocument, territory: TerritoryRef, wave: string) =>
  doc.groups.find((g) => g.wave === wave && sameTerritory(g.territory, territory));

