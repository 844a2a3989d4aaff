/**
 * The comparisons shown beside a question's shares: the same territory's previous wave (from
 * the document's earlier group, through `compareWaves` of `@olva/analysis`), and whatever
 * comparisons the document itself carries (network, national references) when it has them.
 * Each is a column of the question's table; a difference is called notable only when the
 * analysis says so (both bases ≥ 30 and a two-proportion test at 5 %), written as a word and
 * a sign, never as a colour alone.
 */
import { compareWaves, type QuestionFigures, type WaveComparison } from '@olva/analysis';
import type { ReportSubject } from './subject.js';
import type { Bilingual } from './i18n.js';

/** One compared value: a share, or why there is none. */
export interface ComparedValue {
  share: number | null;
  /** True: notable difference; false: tested, not notable; null: no verdict (small bases). */
  notable: boolean | null;
  /** Why no share: not asked then, hidden by the frequency rule, recoded between versions. */
  missing?: string;
}

/** A column of comparisons for one question: values by `row|code` (row '' outside a matrix). */
export interface ComparisonColumn {
  heading: Bilingual;
  /** Where the figures come from, for the note under the table. */
  source: Bilingual;
  values: Map<string, ComparedValue>;
}

/** The key of a value: `row|code`. */
export const valueKey = (row: string | undefined, code: string): string => `${row ?? ''}|${code}`;

/** Pairwise comparisons with the previous wave, by question (worked out once per subject). */
const waveCache = new WeakMap<ReportSubject, Map<string, WaveComparison[]>>();

function waveComparisons(subject: ReportSubject): Map<string, WaveComparison[]> {
  let byQuestion = waveCache.get(subject);
  if (!byQuestion) {
    byQuestion = new Map();
    if (subject.previous) {
      for (const c of compareWaves(subject.group, subject.previous, subject.document.rules.comparison)) {
        const list = byQuestion.get(c.question) ?? [];
        list.push(c);
        byQuestion.set(c.question, list);
      }
    }
    waveCache.set(subject, byQuestion);
  }
  return byQuestion;
}

/** A comparison the document carries (network, national…), read tolerantly: see the README. */
interface CarriedComparison {
  question?: string;
  row?: string;
  code?: string;
  share?: number | null;
  notable?: boolean | null;
  missing?: string;
}
interface CarriedSet {
  kind?: string;
  label?: { fr?: string; en?: string } | string;
  source?: { fr?: string; en?: string } | string;
  comparisons?: CarriedComparison[];
}

const bilingual = (v: CarriedSet['label'], fallback: Bilingual): Bilingual =>
  typeof v === 'string' ? { fr: v, en: v } : v?.fr ? { fr: v.fr, en: v.en ?? v.fr } : fallback;

/** The comparison columns of one question (none when the document has nothing to compare). */
export function comparisonColumns(subject: ReportSubject, figures: QuestionFigures): ComparisonColumn[] {
  const columns: ComparisonColumn[] = [];
  const waves = waveComparisons(subject).get(figures.id);
  if (subject.previous && waves?.length) {
    const values = new Map<string, ComparedValue>();
    for (const c of waves) values.set(valueKey(c.row, c.code), { share: c.previous?.share ?? null, notable: c.notable, missing: c.missing });
    const wave = subject.previous.wave;
    columns.push({ heading: { fr: wave, en: wave }, source: { fr: `même territoire, vague ${wave}`, en: `same territory, wave ${wave}` }, values });
  }
  // Comparisons added to the group by the analysis (optional members, e.g. network and national).
  const carried = (subject.group as unknown as { comparisons?: CarriedSet[] }).comparisons;
  for (const set of Array.isArray(carried) ? carried : []) {
    const mine = (set.comparisons ?? []).filter((c) => c.question === figures.id && typeof c.code === 'string');
    if (!mine.length) continue;
    const values = new Map<string, ComparedValue>();
    for (const c of mine) values.set(valueKey(c.row, c.code!), { share: typeof c.share === 'number' ? c.share : null, notable: c.notable ?? null, missing: c.missing });
    const name = bilingual(set.label, { fr: set.kind ?? 'comparaison', en: set.kind ?? 'comparison' });
    columns.push({ heading: name, source: bilingual(set.source, name), values });
  }
  return columns;
}
