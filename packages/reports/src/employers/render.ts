/**
 * The employers note: two A4 pages. The first on the employers of the sample (the share of
 * employers, staff, full-time equivalents, contracts, trend: the core's questions `employeur`,
 * `nb_salaries`, `etp`, `types_contrats`, `evolution_salaries`); the second beside the
 * territory's reference table (INSEE Flores shape: employer establishments and salaried posts
 * by sector), with the posts by sector as a chart followed by the table itself, and the
 * sample's figures set against the reference where both exist, saying how their definitions
 * differ.
 */
import type { QuestionFigures } from '@olva/analysis';
import { number, percent, readerQuartiles, shareBars, svgMarkup } from '@olva/charts';
import { localize } from '@olva/runtime';
import { html, trusted, type Markup } from '../html.js';
import { colon, type Lang } from '../i18n.js';
import { ReportError } from '../errors.js';
import { say } from '../words.js';
import { questionBlock } from '../figure.js';
import { htmlDocument } from '../document.js';
import { missingFigure, rulesBlock, shareTile, sheet } from '../sheet.js';
import type { ReportSubject } from '../subject.js';
import type { ReferenceRow, ReferenceTable } from './reference.js';

/** The core's questions on employment, in the order the note shows them. */
export const EMPLOYER_QUESTIONS = ['employeur', 'nb_salaries', 'etp', 'types_contrats', 'evolution_salaries'] as const;

const T = {
  fr: {
    title: 'Les associations employeuses', page1: 'Les employeurs de l’échantillon', page2: 'Au regard de l’emploi associatif du territoire',
    employer: 'emploient au moins une personne salariée', staff: 'Salariés par association employeuse', fte: 'Équivalents temps plein (ETP)',
    contracts: 'Types de contrats', trend: 'Évolution de l’emploi salarié sur trois ans',
    sector: 'Secteur', establishments: 'Établissements employeurs', posts: 'Postes salariés au 31/12', fteCol: 'ETP', source: 'Source',
    postsChart: 'Répartition des postes salariés par secteur', tableCaption: 'Table de référence du territoire',
    reading: 'Lecture', noTotal: 'sans ligne « Ensemble » : total des secteurs', secret: 's : secret statistique ; nd : non disponible.',
  },
  en: {
    title: 'Employer associations', page1: 'The employers of the sample', page2: 'Beside associative employment in the territory',
    employer: 'employ at least one person', staff: 'Employees per employer association', fte: 'Full-time equivalents (FTE)',
    contracts: 'Types of contract', trend: 'Change in paid employment over three years',
    sector: 'Sector', establishments: 'Employer establishments', posts: 'Salaried posts at 31 Dec.', fteCol: 'FTE', source: 'Source',
    postsChart: 'Salaried posts by sector', tableCaption: 'Reference table of the territory',
    reading: 'Reading', noTotal: 'no "Ensemble" row: sum of the sectors', secret: 's: statistical secret; nd: not available.',
  },
} as const;

const sameTerritory = (r: ReferenceRow, s: ReportSubject) => r.territory.level === s.group.territory.level && r.territory.code === s.group.territory.code;

/** The reference rows of the subject's territory at the latest year. @throws ReportError when there are none. */
export function referenceRows(reference: ReferenceTable, subject: ReportSubject): ReferenceRow[] {
  const mine = reference.rows.filter((r) => sameTerritory(r, subject));
  if (!mine.length) {
    const named = [...new Set(reference.rows.map((r) => `${r.territory.level}:${r.territory.code}`))].join(', ');
    const t = `${subject.group.territory.level}:${subject.group.territory.code}`;
    throw new ReportError('reports/reference-territory', {
      fr: `aucune ligne pour le territoire du rapport ${t} (le fichier nomme : ${named})`,
      en: `no line for the report's territory ${t} (the file names: ${named})`,
    }, reference.file);
  }
  const year = Math.max(...mine.map((r) => r.year));
  return mine.filter((r) => r.year === year);
}

/** A figure of the reference as the file gave it: the number, `s`, `nd`, or a dash when the file has none. */
function cell(r: ReferenceRow, key: keyof ReferenceRow['unpublished'], lang: Lang): string {
  const v = r[key];
  return v !== null ? number(v, lang) : r.unpublished[key] ?? say(lang, 'dash');
}

/** The totals of the reference: its "Ensemble" row, or the sum of its sectors when none is secret. */
function totals(rows: ReferenceRow[]): { employers: number | null; posts: number | null; summed: boolean } {
  const total = rows.find((r) => r.total);
  if (total) return { employers: total.employers, posts: total.posts, summed: false };
  const sum = (k: 'employers' | 'posts') => (rows.some((r) => r[k] === null) ? null : rows.reduce((a, r) => a + r[k]!, 0));
  return { employers: sum('employers'), posts: sum('posts'), summed: true };
}

function comparisonText(subject: ReportSubject, rows: ReferenceRow[], lang: Lang): Markup {
  const q = (id: string) => subject.group.questions.find((f) => f.id === id);
  const employeur = q('employeur');
  const staff = q('nb_salaries');
  const t = totals(rows);
  const year = rows[0]!.year;
  const lines: string[] = [];
  const employers = employeur?.kind === 'distribution' ? employeur.categories?.find((c) => c.code === 'true') : undefined;
  if (t.employers !== null && employers?.count != null) {
    lines.push(lang === 'en'
      ? `${number(employers.count, lang)} employer associations answered, against ${number(t.employers, lang)} employer establishments of associations in the territory in ${year}: at least ${percent(employers.count / t.employers, lang)} of them, since one association may run several establishments (and so there are fewer employer associations than establishments).`
      : `${number(employers.count, lang)} associations employeuses ont répondu, pour ${number(t.employers, lang)} établissements employeurs associatifs sur le territoire en ${year} : l’équivalent d’au moins ${percent(employers.count / t.employers, lang)} d’entre eux, une association pouvant avoir plusieurs établissements (il y a donc moins d’associations employeuses que d’établissements).`);
  }
  if (t.employers && t.posts !== null && staff?.kind === 'numeric' && staff.summary) {
    const ratio = t.posts / t.employers;
    lines.push(lang === 'en'
      ? `Reference: ${number(ratio, lang)} salaried posts per employer establishment on 31 December ${year}. Sample: ${number(staff.summary.mean, lang)} employees per employer association on average (median ${number(readerQuartiles(staff, staff.summary).median, lang)}), as declared at the time of the survey.`
      : `Référence : ${number(ratio, lang)} postes salariés par établissement employeur au 31 décembre ${year}. Échantillon : ${number(staff.summary.mean, lang)} salariés en moyenne par association employeuse (médiane ${number(readerQuartiles(staff, staff.summary).median, lang)}), déclarés au moment de l’enquête.`);
  }
  const fte = q('etp');
  const totalFte = rows.find((r) => r.total)?.fte ?? null;
  if (t.employers && totalFte !== null && fte?.kind === 'numeric' && fte.summary) {
    lines.push(lang === 'en'
      ? `Full-time equivalents: ${number(totalFte / t.employers, lang)} per employer establishment in the reference; ${number(fte.summary.mean, lang)} per employer association in the sample (median ${number(readerQuartiles(fte, fte.summary).median, lang)}).`
      : `Équivalents temps plein : ${number(totalFte / t.employers, lang)} par établissement employeur dans la référence ; ${number(fte.summary.mean, lang)} par association employeuse dans l’échantillon (médiane ${number(readerQuartiles(fte, fte.summary).median, lang)}).`);
  }
  if (!lines.length) {
    lines.push(lang === 'en' ? 'The sample and the reference have no published figure to set side by side.' : 'L’échantillon et la référence n’ont pas de chiffre publié à mettre côte à côte.');
  }
  return html`<div class="comment"><h3>${lang === 'en' ? 'Sample and reference' : 'Échantillon et référence'}</h3>${lines.map((l) => html`<p>${l}</p>`)}</div>`;
}

function referencePage(subject: ReportSubject, reference: ReferenceTable, lang: Lang): Markup {
  const t = T[lang];
  const rows = referenceRows(reference, subject);
  const sectors = rows.filter((r) => !r.total);
  const tot = totals(rows);
  const sources = [...new Set(rows.map((r) => r.source).filter(Boolean))].join(' ; ');
  // Only the sectors INSEE published: a sector it keeps secret is its secret, not one of the
  // sample's hidden counts ("masqué"), and the table below says "s" for it.
  const published = sectors.filter((r) => r.posts !== null);
  const chartTitle = `${t.postsChart} (${rows[0]!.year})`;
  const chart = tot.posts && published.length
    ? html`<h3 id="h-reference">${chartTitle}</h3><div class="chart">${trusted(svgMarkup(shareBars({
      title: chartTitle, id: 'c-reference', width: 900, lang, minCell: subject.document.rules.minCell,
      bars: published.map((r) => ({ label: r.sector, share: r.posts! / tot.posts! })),
    })))}</div>`
    : '';
  return html`<div class="full">${chart}
<table class="data reference"><caption>${t.tableCaption}${colon(lang)}${subject.territoryName[lang]}, ${rows[0]!.year}${tot.summed ? ` (${t.noTotal})` : ''}</caption>
<thead><tr><th scope="col">${t.sector}</th><th scope="col">${t.establishments}</th><th scope="col">${t.posts}</th><th scope="col">${t.fteCol}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr${r.total ? html` class="total"` : ''}><th scope="row">${r.sector}</th><td>${cell(r, 'employers', lang)}</td><td>${cell(r, 'posts', lang)}</td><td>${cell(r, 'fte', lang)}</td></tr>`)}</tbody></table>
<p class="base">${t.source}${colon(lang)}${sources || reference.file}. ${t.secret}</p>
${comparisonText(subject, rows, lang)}</div>`;
}

function figureOf(subject: ReportSubject, id: string): QuestionFigures | undefined {
  return subject.group.questions.find((q) => q.id === id);
}

/** The employers note as a whole HTML document (two sheets). */
export function employersHtml(subject: ReportSubject, reference: ReferenceTable, lang: Lang): string {
  const t = T[lang];
  const block = (id: string, title: string) => {
    const f = figureOf(subject, id);
    return f ? questionBlock(subject, f, { lang, title, level: 3, width: 540, compareNote: false }) : missingFigure(title, lang);
  };
  const employeur = figureOf(subject, 'employeur');
  const tile = employeur ? shareTile(subject, employeur, { code: 'true', caption: { fr: T.fr.employer, en: T.en.employer } }, localize(employeur.label, lang), lang) : missingFigure('employeur', lang);
  const first = html`<div class="half">${tile}</div>
<div class="half">${block('nb_salaries', t.staff)}</div><div class="half">${block('etp', t.fte)}</div>
<div class="half">${block('types_contrats', t.contracts)}</div><div class="half">${block('evolution_salaries', t.trend)}</div>`;
  const second = html`${referencePage(subject, reference, lang)}${rulesBlock(subject, lang)}`;
  const common = { documentTitle: t.title, n: 2 };
  return htmlDocument(lang, `${t.title} — ${subject.territoryName[lang]} ${subject.group.wave}`, html`<main class="employers">${[
    sheet(subject, lang, { ...common, id: 'employeurs', title: t.page1, k: 1, body: first }),
    sheet(subject, lang, { ...common, id: 'reference', title: t.page2, k: 2, body: second, compared: false }),
  ]}</main>`);
}
