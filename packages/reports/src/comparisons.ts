/**
 * The comparisons shown beside a question's shares: the same territory's previous wave (from
 * the document's earlier group, through `compareWaves` of `@olva/analysis`), and whatever
 * comparisons the document itself carries (network, national references) when it has them.
 * Each is a column of the question's table; a difference is called notable only when the
 * analysis says so (both bases ≥ 30 and a two-proportion test at 5 %), written as a word and
 * a sign, never as a colour alone.
 */
import { compareWaves, isNetworkTerritory, type QuestionFigures, type WaveComparison } from '@olva/analysis';
import { COMPARISON_KINDS, markGlyph, type ComparisonKind, type QuestionChartComparison } from '@olva/charts';
import type { ReportSubject } from './subject.js';
import { colon, type Bilingual } from './i18n.js';
import { html, type Markup } from './html.js';

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
  /** Which comparison: its marker's shape on the chart. */
  kind: ComparisonKind;
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

/**
 * The comparisons `olva analyse` adds to a group (`group.comparisons`, optional members of the
 * results document), read structurally so that documents without them keep working.
 */
interface Compared {
  question: string;
  row?: string;
  code: string;
  p: number | null;
  notable: boolean | null;
  missing?: string;
}
interface DocumentComparisons {
  network?: { wave: string; otherTerritories: number; shares: (Compared & { network: { share: number } | null; territories?: number })[] };
  national?: {
    references: { sources: Record<string, { citation: string; year: number }> };
    figures: {
      id: string; label: { fr: string; en?: string }; question: string | null; codes: string[];
      national: { share?: number; value?: number; unit?: string; source: string; year: number };
      categoriesDiffer?: { fr: string; en?: string };
      territory: { share: number } | null; notable: boolean | null;
    }[];
  };
  previousWave?: { wave: string; available: boolean; crosswalk: { applied: boolean } | null; shares: (Compared & { previous: { share: number } | null })[] };
}

/** The comparisons the document carries for the subject's group, if any. */
export function documentComparisons(subject: ReportSubject): DocumentComparisons {
  const c = (subject.group as unknown as { comparisons?: DocumentComparisons }).comparisons;
  return c && typeof c === 'object' ? c : {};
}

function column(kind: ComparisonKind, heading: Bilingual, source: Bilingual, lines: Compared[], share: (c: Compared) => number | null): ComparisonColumn {
  const values = new Map<string, ComparedValue>();
  for (const c of lines) values.set(valueKey(c.row, c.code), { share: share(c), notable: c.notable ?? null, missing: c.missing });
  return { kind, heading, source, values };
}

/** Whose previous wave the column shows: the same territory's, or the whole network's (with its article in a sentence). */
function sameSubject(subject: ReportSubject, article = false): Bilingual {
  if (isNetworkTerritory(subject.group.territory)) return article ? { fr: 'l’ensemble du réseau', en: 'the whole network' } : { fr: 'ensemble du réseau', en: 'whole network' };
  return article ? { fr: 'le même territoire', en: 'the same territory' } : { fr: 'même territoire', en: 'same territory' };
}

/** The comparison columns of one question (none when the document has nothing to compare). */
export function comparisonColumns(subject: ReportSubject, figures: QuestionFigures): ComparisonColumn[] {
  const columns: ComparisonColumn[] = [];
  const carried = documentComparisons(subject);
  const mine = <T extends Compared>(lines: T[] | undefined) => (lines ?? []).filter((c) => c.question === figures.id);
  const previous = carried.previousWave;
  const same = sameSubject(subject);
  if (previous?.available) {
    // The analysis compared the waves itself, through the core's crosswalks when versions differ.
    const lines = mine(previous.shares);
    const via = previous.crosswalk?.applied ? { fr: ', catégories harmonisées par la table de correspondance du tronc commun', en: ', categories harmonised by the core’s crosswalk' } : { fr: '', en: '' };
    if (lines.length) columns.push(column('previous-wave', { fr: previous.wave, en: previous.wave }, { fr: `${same.fr}, vague ${previous.wave}${via.fr}`, en: `${same.en}, wave ${previous.wave}${via.en}` }, lines, (c) => (c as (typeof lines)[number]).previous?.share ?? null));
  } else if (!previous && subject.previous) {
    const waves = waveComparisons(subject).get(figures.id) ?? [];
    const wave = subject.previous.wave;
    if (waves.length) columns.push(column('previous-wave', { fr: wave, en: wave }, { fr: `${same.fr}, vague ${wave}`, en: `${same.en}, wave ${wave}` }, waves, (c) => (c as WaveComparison).previous?.share ?? null));
  }
  const network = carried.network;
  if (network) {
    const lines = mine(network.shares);
    if (lines.length) {
      // The territories pooled for this question, not all those with responses: one under the
      // minimum base publishes nothing and is left out ("les 6 autres territoires" pooled 5).
      const pooled = Math.max(0, ...lines.map((l) => (l.network ? l.territories ?? 0 : 0)));
      columns.push(column('network', { fr: 'Réseau', en: 'Network' }, pooled ? {
        fr: `les ${pooled} autres territoires de la vague ${network.wave} qui publient cette question, regroupés (au moins 3)`,
        en: `the ${pooled} other territories of wave ${network.wave} that publish this question, pooled (3 at least)`,
      } : {
        fr: `les autres territoires de la vague ${network.wave} regroupés (au moins 3 publiant la question)`,
        en: `the other territories of wave ${network.wave} pooled (at least 3 publishing the question)`,
      }, lines, (c) => (c as (typeof lines)[number]).network?.share ?? null));
    }
  }
  return columns;
}

/**
 * The comparisons as a question's chart marks them: each column's shares of the question's own
 * codes, and the national figures of one code each (a sum of codes has no bar to mark), in the
 * charts' order. The chart draws none beside a hidden share. `sources`: name where the figures
 * come from in the chart's legend (false where the page says it once).
 */
export function chartComparisons(subject: ReportSubject, figures: QuestionFigures, lang: 'fr' | 'en', sources = true): QuestionChartComparison[] {
  const out: QuestionChartComparison[] = comparisonColumns(subject, figures).map((c) => ({
    kind: c.kind, label: c.heading[lang], ...(sources ? { source: c.source[lang] } : {}),
    shares: Object.fromEntries([...c.values].flatMap(([key, v]) => (key.startsWith('|') ? [[key.slice(1), v.share]] : []))),
  }));
  const national = documentComparisons(subject).national;
  const marked = (national?.figures ?? []).filter((n) => markedOnBars(n, figures));
  if (marked.length) {
    const source = [...new Set(marked.map((n) => `${national!.references.sources[n.national.source]?.citation ?? n.national.source}, ${lang === 'en' ? `${n.national.year} data` : `données ${n.national.year}`}`))];
    out.push({ kind: 'national', label: 'France', ...(sources ? { source: source.join(lang === 'en' ? '; ' : ' ; ') } : {}), shares: Object.fromEntries(marked.map((n) => [n.codes[0]!, n.national.share])) });
  }
  return out.sort((a, b) => COMPARISON_KINDS.indexOf(a.kind) - COMPARISON_KINDS.indexOf(b.kind));
}

/** The citations of the national references, once (a sheet's foot, the methodology). */
export function nationalSources(subject: ReportSubject): string[] {
  const national = documentComparisons(subject).national;
  return national ? Object.values(national.references.sources).map((r) => `${r.citation} (${r.year})`) : [];
}

type NationalLine = NonNullable<DocumentComparisons['national']>['figures'][number];

/** True when a question's share bars mark a national figure: one code, its territory share published. */
function markedOnBars(n: NationalLine, figures: QuestionFigures): boolean {
  return n.question === figures.id && n.codes.length === 1 && !!n.territory && typeof n.national.share === 'number' && (figures.kind === 'distribution' || figures.kind === 'multiple');
}

/**
 * The national reference figures of one question, as short sentences (`Associations sportives :
 * 24 % en France (2017), 29 % ici *.`: the figure's own label, which names it without its
 * question), the sources being cited once; `detail` adds how the categories differ. `marks`:
 * the question's chart is drawn beside, and a figure it marks starts with the marker's shape (◆).
 */
export function nationalNotes(subject: ReportSubject, figures: QuestionFigures, lang: 'fr' | 'en', detail = true, marks = false): Markup[] {
  const national = documentComparisons(subject).national;
  if (!national) return [];
  const pct = (x: number) => `${Math.round(x * 100)}${lang === 'en' ? '%' : '\u202f%'}`;
  return national.figures.filter((n) => n.question === figures.id && typeof n.national.share === 'number').map((n) => {
    const label = lang === 'en' ? n.label.en ?? n.label.fr : n.label.fr;
    const there = lang === 'en' ? `${pct(n.national.share!)} in France (${n.national.year})` : `${pct(n.national.share!)} en France (${n.national.year})`;
    const here = n.territory ? (lang === 'en' ? `, ${pct(n.territory.share)} here` : `, ${pct(n.territory.share)} ici`) : '';
    const verdict = n.notable ? ' *' : '';
    const differ = detail && n.categoriesDiffer ? ` ${lang === 'en' ? n.categoriesDiffer.en ?? n.categoriesDiffer.fr : n.categoriesDiffer.fr}` : '';
    const glyph = marks && markedOnBars(n, figures) ? html`<span aria-hidden="true">${markGlyph('national')} </span>` : '';
    return html`${glyph}${label}${colon(lang)}${there}${here}${verdict}.${differ}`;
  });
}

/** What the comparison columns of a document are, once (a sheet's foot, a chapter's note). */
export function comparisonSources(subject: ReportSubject, lang: 'fr' | 'en'): string[] {
  const c = documentComparisons(subject);
  const out: string[] = [];
  const previous = previousWaveOf(subject);
  if (previous) {
    const composed = compositionNote(subject, lang);
    out.push((lang === 'en' ? `column ${previous}: ${sameSubject(subject, true).en} at wave ${previous}` : `colonne ${previous} : ${sameSubject(subject, true).fr} à la vague ${previous}`) + (composed ? ` (${composed})` : ''));
  }
  if (c.network) {
    out.push(lang === 'en'
      ? `column Network: the other territories of wave ${c.network.wave} that publish the question, pooled (only when 3 or more do; ${c.network.otherTerritories} have responses)`
      : `colonne Réseau : les autres territoires de la vague ${c.network.wave} qui publient la question, regroupés (seulement s’ils sont au moins 3 ; ${c.network.otherTerritories} ont des réponses)`);
  }
  const cited = nationalSources(subject);
  if (cited.length) out.push(lang === 'en' ? `France: national figures from ${cited.join('; ')}` : `France : chiffres nationaux de ${cited.join(' ; ')}`);
  return out;
}

/**
 * The document's note that the network's previous wave pooled other territories (decision
 * 0018), in `lang`; null for a territory, or when both waves pool the same ones.
 */
export function compositionNote(subject: ReportSubject, lang: 'fr' | 'en'): string | null {
  const note = subject.document.notes?.find((n) => n.code === 'network-composition');
  return note ? note.text[lang] : null;
}

/** The wave the previous-wave column shows, if any. */
function previousWaveOf(subject: ReportSubject): string | null {
  const c = documentComparisons(subject).previousWave;
  return c?.available ? c.wave : !c && subject.previous ? subject.previous.wave : null;
}
