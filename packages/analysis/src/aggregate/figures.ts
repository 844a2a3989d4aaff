/**
 * Turns the running counts of a question into publishable figures: shares of the answered
 * base with their Wilson interval, the frequency rule applied to the counts, nothing at all
 * under the minimum base.
 */
import type { CatalogueEntry, CodeEntry } from './catalogue.js';
import type { Accumulator, CodeCounts } from './accumulators.js';
import type { Base, Category, CountRef, LineRef, MatrixRowFigures, QuestionFigures } from '../results.js';
import { baseStatus, type CellStatus, type DisclosureRules } from '../disclosure/rules.js';
import { lineGivenAway, suppressLine } from '../disclosure/line.js';
import { wilsonInterval } from '../stats/wilson.js';
import { numericClasses } from './classes.js';

/** The published base: `asked` and `noAnswer` would give a filter question's count away. */
function baseOf(asked: number, answered: number, conditional: boolean): Base {
  return conditional ? { asked: null, answered, noAnswer: null } : { asked, answered, noAnswer: asked - answered };
}

/** The known codes, then any other code the answers carry (in the order first met). */
function codeList(known: readonly CodeEntry[], seen: Iterable<string>): CodeEntry[] {
  const list = [...known];
  for (const code of seen) if (!known.some((c) => c.code === code)) list.push({ code });
  return list;
}

/** One category as published: its count, share and interval, or why they are hidden. */
export function category(entry: CodeEntry, count: number, base: number, status: CellStatus): Category {
  const c: Pick<Category, 'code' | 'label' | 'value'> = { code: entry.code };
  if (entry.label) c.label = entry.label;
  if (entry.value !== undefined) c.value = entry.value;
  if (status !== 'shown') return { ...c, count: null, share: null, interval: null, suppressed: status };
  return { ...c, count, share: count / base, interval: wilsonInterval(count, base) };
}

/**
 * The published categories of counts on a base; additive when they add up to the base.
 * @param hide the codes whose counts are hidden whatever their value (suppressLine's `forced`).
 * @returns null when the line cannot be published: every count hidden, and their marks with the
 * total still fix one (`lineGivenAway`); the caller withholds the line.
 */
export function categories(known: readonly CodeEntry[], counts: Map<string, number>, base: number, additive: boolean, rules: DisclosureRules, hide: ReadonlySet<string> = new Set()): Category[] | null {
  const list = codeList(known, counts.keys());
  const values = list.map((c) => counts.get(c.code) ?? 0);
  const status = suppressLine(values, rules, additive, new Set([...list.keys()].filter((i) => hide.has(list[i]!.code))));
  if (additive && lineGivenAway(values, status, rules)) return null;
  return list.map((c, i) => category(c, values[i]!, base, status[i]!));
}

/** What a group withholds of one question whatever its base (`HiddenCounts.lines`): the question, or rows of it. */
interface Withheld { question: boolean; rows: ReadonlySet<string> }

const withheldOf = (lines: readonly LineRef[]): Withheld => ({ question: lines.some((l) => l.row === undefined), rows: new Set(lines.flatMap((l) => (l.row === undefined ? [] : [l.row]))) });

/** The codes of `hide` in a matrix row (`row`) or outside matrices (undefined). */
const codesOf = (hide: readonly CountRef[], row?: string): Set<string> => new Set(hide.filter((h) => h.row === row).map((h) => h.code));

function matrixRow(entry: CatalogueEntry, row: CodeEntry, asked: number, counts: CodeCounts | undefined, rules: DisclosureRules, hide: readonly CountRef[], withheld: boolean): MatrixRowFigures {
  const answered = counts?.answered ?? 0;
  const status = baseStatus(answered, rules);
  const figures: MatrixRowFigures = { code: row.code, status };
  if (row.label) figures.label = row.label;
  if (status === 'withheld') return figures;
  const shown = withheld ? null : categories(entry.codes, counts?.counts ?? new Map(), answered, true, rules, codesOf(hide, row.code));
  if (!shown) return { ...figures, status: 'withheld', withheldReason: 'complementary' };
  return { ...figures, base: baseOf(asked, answered, entry.conditional), categories: shown };
}

/** A question's figures with nothing published but who it is, withheld for a complementary reason. */
function withheldQuestion(f: QuestionFigures): QuestionFigures {
  const common = { id: f.id, type: f.type, label: f.label, conditional: f.conditional, status: 'withheld' as const, withheldReason: 'complementary' as const };
  return f.kind === 'numeric' ? { ...common, kind: 'numeric', unit: f.unit } : { ...common, kind: f.kind };
}

/**
 * The figures of one question in one group.
 * @param hide counts of this question to hide whatever their value (`AggregateOptions.hide`).
 * @param lines the question, or rows of it, to withhold whatever their base (`HiddenCounts.lines`).
 */
export function questionFigures(entry: CatalogueEntry, acc: Accumulator, referenceDate: string | null, rules: DisclosureRules, hide: readonly CountRef[] = [], lines: readonly LineRef[] = []): QuestionFigures {
  const withheld = withheldOf(lines);
  const figures = publishedFigures(entry, acc, referenceDate, rules, hide, withheld.rows);
  return withheld.question && figures.status !== 'withheld' ? withheldQuestion(figures) : figures;
}

function publishedFigures(entry: CatalogueEntry, acc: Accumulator, referenceDate: string | null, rules: DisclosureRules, hide: readonly CountRef[], withheldRows: ReadonlySet<string>): QuestionFigures {
  const status = baseStatus(acc.answered, rules);
  const published = status !== 'withheld';
  const common = { id: entry.id, type: entry.type, label: entry.label, conditional: entry.conditional, status, ...(published ? { base: baseOf(acc.asked, acc.answered, entry.conditional) } : {}) };
  switch (acc.kind) {
    case 'distribution':
    case 'multiple': {
      const figures = { ...common, kind: acc.kind };
      // A multiple choice's counts add up to the ticks, not to the base: nothing to subtract from.
      if (!published) return figures;
      const shown = categories(entry.codes, acc.counts, acc.answered, acc.kind === 'distribution', rules, codesOf(hide));
      return shown ? { ...figures, categories: shown } : withheldQuestion(figures);
    }
    case 'matrix': {
      const figures = { ...common, kind: acc.kind };
      if (!published) return figures;
      const rows = codeList(entry.rows, acc.rows.keys());
      return { ...figures, rows: rows.map((row) => matrixRow(entry, row, acc.asked, acc.rows.get(row.code), rules, hide, withheldRows.has(row.code))) };
    }
    case 'numeric': {
      const unit = entry.type !== 'year' ? 'value' : referenceDate === null ? 'year' : 'age';
      const figures = { ...common, kind: acc.kind, unit } as const;
      const q = acc.values.quartiles();
      if (!published || !q) return figures;
      const summary = {
        n: acc.answered, sum: published12(acc.sum), mean: published12(acc.sum / acc.answered),
        median: published12(q.median), q1: published12(q.q1), q3: published12(q.q3), exact: acc.values.exact,
      };
      // Bounds are ages for a year: without a reference date there are no ages to class.
      if (!acc.bounds || unit === 'year') return { ...figures, summary };
      const classes = numericClasses(acc.bounds, `/classes/${entry.id}`);
      const counts = new Map(classes.map((c, i) => [c.code, acc.classes[i]!]));
      const shown = categories(classes.map((c) => ({ code: c.code })), counts, acc.answered, true, rules, codesOf(hide));
      // Classes that cannot be published leave the summary, which says nothing of any class.
      if (!shown) return { ...figures, summary };
      return { ...figures, summary, classes: shown.map((c, i) => ({ ...c, from: classes[i]!.from, to: classes[i]!.to })) };
    }
  }
}

/**
 * A sum of decimals depends on the order it was added in (0.1 + 0.2 ≠ 0.2 + 0.1 in the last
 * bit), and the store may stream the same responses in another order: published figures keep
 * 12 significant digits, so that the same answers always give the same document.
 */
function published12(value: number): number {
  return Number(value.toPrecision(12));
}
