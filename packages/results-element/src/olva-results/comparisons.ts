/**
 * The comparisons a results document carries for one question (`group.comparisons`, written
 * by `olva analyse`): the same territory's previous wave, the national references, the other
 * territories of the wave pooled. Every share, verdict and gap is the document's: nothing is
 * recomputed here. A withheld question shows no comparison, and a line whose territory count
 * is hidden in the question's figures shows no territory share, whatever a document says.
 */
import { html, type TemplateResult } from 'lit/html.js';
import type { Category, ComparisonGap, GroupComparisons, QuestionFigures } from '@olva/analysis';
import { categoryLabel, percent, type ChartLang, type ComparisonKind, type QuestionChartComparison } from '@olva/charts';
import { localize } from '@olva/runtime';
import type { ResultsStrings } from './strings.js';
import { blank } from './tables.js';


/** One compared line: the territory's share beside the other one, the verdict, or why not. */
export interface ComparedLine {
  label: string;
  /** The one code of the question's own categories it compares (a share bar marks it), if one. */
  code?: string;
  here: number | null;
  there: number | null;
  notable: boolean | null;
  p: number | null;
  missing?: ComparisonGap;
  /** What the document says to keep in mind: a crosswalk's reason, categories that differ. */
  note?: string;
  /** Shown beside the chart, not only in the table: notable, national, or the whole question. */
  key: boolean;
}

/** One comparison of a question: its name, where its figures come from, its lines. */
export interface QuestionComparison {
  kind: ComparisonKind;
  heading: string;
  source: string;
  lines: ComparedLine[];
}

/** Lines of the document about one question, whatever the comparison. */
interface DocumentLine {
  question: string | null;
  row?: string;
  code?: string;
  p: number | null;
  notable: boolean | null;
  missing?: ComparisonGap;
}

/**
 * The comparisons of a question the document has and `kinds` asks for, in the order of
 * `kinds` (the `comparisons` attribute names `@olva/charts`' COMPARISON_KINDS); none for a withheld question.
 */
export function questionComparisons(q: QuestionFigures, label: string, c: GroupComparisons | undefined, kinds: readonly ComparisonKind[], lang: ChartLang, s: ResultsStrings): QuestionComparison[] {
  if (!c || q.status === 'withheld') return [];
  const categories = (row?: string): Category[] => (q.kind === 'matrix' ? q.rows?.find((r) => r.code === row)?.categories : 'categories' in q ? q.categories : undefined) ?? [];
  const line = (d: DocumentLine, codes: string[], here: number | undefined, there: number | undefined, note?: { fr: string }): ComparedLine => {
    const own = categories(d.row);
    const name = codes.map((code) => {
      const cat = own.find((x) => x.code === code);
      return cat ? categoryLabel(cat, lang) : code;
    }).join(' + ');
    const row = q.kind === 'matrix' ? q.rows?.find((r) => r.code === d.row) : undefined;
    const hidden = codes.some((code) => own.some((x) => x.code === code && x.count === null));
    return {
      label: codes.join() ? (row ? `${categoryLabel(row, lang)} — ${name}` : name) : label,
      code: codes.length === 1 && !row ? codes[0] : undefined,
      here: hidden ? null : here ?? null, there: there ?? null, notable: d.notable, p: d.p, missing: d.missing,
      // The note is said inside parentheses: its own final full stop would be one too many.
      note: note && localize(note, lang).replace(/\.$/, ''), key: d.notable === true || !codes.join(),
    };
  };
  const out: QuestionComparison[] = [];
  const mine = <T extends DocumentLine>(lines: T[]) => lines.filter((x) => x.question === q.id);
  for (const kind of kinds) {
    let lines: ComparedLine[] = [];
    let heading = '';
    let source = '';
    if (kind === 'previous-wave' && c.previousWave?.available) {
      const w = c.previousWave;
      heading = s.wave(w.wave);
      source = w.crosswalk?.applied ? s.harmonised : s.sameTerritory;
      lines = mine(w.shares).map((x) => line(x, x.currentCodes?.length ? x.currentCodes : [x.code], x.current?.share, x.previous?.share, x.reason));
    } else if (kind === 'national' && c.national) {
      const n = c.national;
      const figures = mine(n.figures);
      heading = s.national;
      source = [...new Set(figures.map((f) => {
        const cited = n.references.sources[f.national.source];
        return `${cited?.citation ?? f.national.source}, ${s.dataYear(f.national.year)}`;
      }))].join(' ; ');
      lines = figures.map((f) => ({ ...line(f, f.codes, f.territory?.share, f.national.share, f.categoriesDiffer), label: localize(f.label, lang), key: true }));
    } else if (kind === 'network' && c.network) {
      heading = s.network;
      const shares = mine(c.network.shares);
      // Those pooled for this question: one with responses under the minimum base is not.
      source = s.pooled(Math.max(0, ...shares.map((x) => (x.network ? x.territories : 0))), c.network.wave);
      lines = shares.map((x) => line(x, [x.code], x.territory?.share, x.network?.share));
    }
    if (lines.length) out.push({ kind, heading, source, lines });
  }
  return out;
}

/** The comparisons as a chart marks them: each compared share by code, none beside a hidden one. */
export function chartComparisons(list: readonly QuestionComparison[]): QuestionChartComparison[] {
  return list.map((c) => ({
    kind: c.kind, label: c.heading, source: c.source,
    shares: Object.fromEntries(c.lines.flatMap((l) => (l.code && l.here !== null ? [[l.code, l.there]] : []))),
  }));
}

/** The verdict of a line in words: notable or not, no verdict, or why not compared. */
export function verdict(l: ComparedLine, s: ResultsStrings, minBase: number): string {
  return `${l.missing ? s.gaps[l.missing] : l.notable === null ? s.noVerdict(minBase) : l.notable ? s.notable : s.notNotable}${l.note ? ` (${l.note})` : ''}`;
}

/** The document's p-value of a line, for the data table ("p = 0,012", "p < 0,001"). */
function pValue(p: number | null, lang: ChartLang): string {
  const f = (x: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { maximumSignificantDigits: 2 }).format(x);
  return p === null ? '' : ` (p ${p < 0.001 ? `< ${f(0.001)}` : `= ${f(p)}`})`;
}

/**
 * A comparison in one sentence, beside the chart and in its description: the lines that
 * matter (notable differences, national figures, a question not compared) with both shares.
 */
export function comparisonSentence(c: QuestionComparison, s: ResultsStrings, lang: ChartLang, minBase: number): string {
  const [colon, semi] = lang === 'en' ? [': ', '; '] : [' : ', ' ; '];
  const key = c.lines.filter((l) => l.key).map((l) => `${l.label}${colon}${l.here !== null && l.there !== null ? `${percent(l.here, lang)} ${s.versus} ${percent(l.there, lang)}, ` : ''}${verdict(l, s, minBase)}`);
  // Nothing notable: said so when something was tested, else why nothing was (hidden, too few…).
  const none = c.lines.some((l) => l.notable === false) ? s.noNotable : [...new Set(c.lines.map((l) => verdict(l, s, minBase)))].join(semi);
  return `${c.heading} (${c.source})${colon}${key.join(semi) || none}.`;
}

/** The comparisons' data table: a group of rows per comparison, a row per line. */
export function comparisonTable(label: string, list: QuestionComparison[], s: ResultsStrings, lang: ChartLang, minBase: number): TemplateResult {
  const share = (x: number | null) => (x === null ? blank(s) : percent(x, lang));
  return html`<table part="table comparisons">
    <caption>${s.compareCaption(label)}</caption>
    <thead><tr><th scope="col">${s.answer}</th><th scope="col">${s.here}</th><th scope="col">${s.other}</th><th scope="col">${s.difference}</th></tr></thead>
    ${list.map((c) => html`<tbody><tr><th scope="rowgroup" colspan="4">${c.heading} (${c.source})</th></tr>
      ${c.lines.map((l) => html`<tr><th scope="row">${l.label}</th><td>${share(l.here)}</td><td>${share(l.there)}</td><td>${verdict(l, s, minBase)}${pValue(l.p, lang)}</td></tr>`)}</tbody>`)}
  </table>`;
}
