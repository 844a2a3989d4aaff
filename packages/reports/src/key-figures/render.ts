/**
 * "Les chiffres clés de la vie associative": four A4 pages, one per page of the declaration,
 * each a grid of figures (large shares, medians, bars with their tables), the sheet's title,
 * territory, wave and number of responses on top, the source and page number at the foot,
 * and the disclosure rules on the last page.
 */
import type { Category, QuestionFigures } from '@olva/analysis';
import { number, percent } from '@olva/charts';
import { localize } from '@olva/runtime';
import { html, type Markup } from '../html.js';
import type { Lang } from '../i18n.js';
import { say, rulesStatement } from '../words.js';
import { baseText, questionBlock } from '../figure.js';
import { shareText } from '../tables.js';
import { comparisonColumns, valueKey } from '../comparisons.js';
import { htmlDocument } from '../document.js';
import type { ReportSubject } from '../subject.js';
import type { KeyFigure, KeyFiguresDeclaration } from './declaration.js';

/** The first lines of every sheet: territory, wave, responses. */
export function kicker(subject: ReportSubject, lang: Lang): string {
  const g = subject.group;
  return `${subject.territoryName} · ${say(lang, 'wave')} ${g.wave} · ${say(lang, 'responses', { n: number(g.responses, lang) })}`;
}

/** The source line at the foot of every page. */
export function sourceLine(subject: ReportSubject, lang: Lang): string {
  return say(lang, 'source', { t: subject.territoryName, w: subject.group.wave, n: number(subject.group.responses, lang) });
}

function missing(title: string, lang: Lang): Markup {
  return html`<section class="question"><h3>${title}</h3><p class="base">${say(lang, 'notInDocument')}</p></section>`;
}

/** One large share: "38 % des associations emploient…". */
function shareTile(subject: ReportSubject, f: QuestionFigures, figure: KeyFigure, title: string, lang: Lang): Markup {
  const rules = subject.document.rules;
  const categories: Category[] = f.kind === 'distribution' || f.kind === 'multiple' ? f.categories ?? [] : [];
  const c = categories.find((x) => x.code === figure.code);
  const value = f.status === 'withheld' || !c ? say(lang, 'dash') : shareText(c, rules, lang);
  const interval = c?.interval ? ` ${say(lang, 'interval')} : ${percent(c.interval.low, lang)} – ${percent(c.interval.high, lang)}.` : '';
  const compared = comparisonColumns(subject, f).flatMap((col) => {
    const v = col.values.get(valueKey(undefined, figure.code!));
    return v && v.share !== null ? [`${col.heading[lang]} : ${percent(v.share, lang)}${v.notable ? ` ${say(lang, 'notableMark')}` : ''}`] : [];
  });
  return html`<section class="question tile" aria-labelledby="h-${f.id}"><h3 id="h-${f.id}">${title}</h3>
<p class="big">${value}</p><p class="caption">${localize(figure.caption, lang)}</p>
<p class="base">${baseText(f, rules, lang)}${interval}</p>
${compared.length ? html`<p class="compare-note">${compared.join(' ; ')}.</p>` : ''}</section>`;
}

/** A median with its quartiles, large. */
function medianTile(subject: ReportSubject, f: QuestionFigures, title: string, lang: Lang): Markup {
  if (f.kind !== 'numeric' || !f.summary) return questionBlock(subject, f, { lang, title, level: 3 });
  const s = f.summary;
  const unit = f.unit === 'age' ? ` ${say(lang, 'years')}` : '';
  const half = lang === 'en'
    ? `Half of the associations between ${number(s.q1, lang)} and ${number(s.q3, lang)}${unit}; mean ${number(s.mean, lang)}.`
    : `La moitié des associations entre ${number(s.q1, lang)} et ${number(s.q3, lang)}${unit} ; moyenne ${number(s.mean, lang)}.`;
  return html`<section class="question tile" aria-labelledby="h-${f.id}"><h3 id="h-${f.id}">${title}</h3>
<p class="big">${number(s.median, lang)}${unit}</p><p class="caption">${lang === 'en' ? 'median' : 'en médiane'}</p>
<p>${half}</p>
<p class="base">${baseText(f, subject.document.rules, lang)}</p></section>`;
}

function figureMarkup(subject: ReportSubject, figure: KeyFigure, lang: Lang): Markup {
  const f = subject.group.questions.find((q) => q.id === figure.question);
  const title = figure.title ? localize(figure.title, lang) : f ? localize(f.label, lang) : figure.question;
  if (!f) return missing(title, lang);
  if (figure.show === 'share') return shareTile(subject, f, figure, title, lang);
  if (figure.show === 'median') return medianTile(subject, f, title, lang);
  return questionBlock(subject, f, { lang, title, level: 3, top: figure.top, width: figure.size === 'full' ? 620 : 540, summary: false, compareNote: false });
}

/** Once per page: what the comparison columns are and when a difference is notable. */
export function comparedNote(subject: ReportSubject, lang: Lang): Markup {
  if (!subject.previous) return html``;
  const w = subject.previous.wave;
  const text = lang === 'en'
    ? `Column ${w}: the same territory at wave ${w}. ${say(lang, 'notableNote', { n: subject.document.rules.comparison.minBase })}`
    : `Colonne ${w} : le même territoire à la vague ${w}. ${say(lang, 'notableNote', { n: subject.document.rules.comparison.minBase })}`;
  return html`<p class="compare-note">${text}</p>`;
}

/** The key-figures sheet as a whole HTML document. */
export function keyFiguresHtml(subject: ReportSubject, declaration: KeyFiguresDeclaration, lang: Lang): string {
  const title = localize(declaration.title, lang);
  const total = declaration.pages.length;
  const pages = declaration.pages.map((page, k) => {
    const last = k === total - 1;
    return html`<section class="sheet" id="p-${page.id}" aria-labelledby="t-${page.id}">
<header>${k === 0 ? html`<h1>${title}</h1><p class="kicker">${kicker(subject, lang)}</p>` : html`<p class="kicker">${title} · ${kicker(subject, lang)}</p>`}
<h2 id="t-${page.id}">${page.title ? localize(page.title, lang) : ''}</h2></header>
<div class="grid">${page.figures.map((figure) => html`<div class="${figure.size === 'full' ? 'full' : 'half'}">${figureMarkup(subject, figure, lang)}</div>`)}
${last ? html`<div class="full rules"><h3>${say(lang, 'rulesTitle')}</h3><ul>${rulesStatement(subject.document.rules, lang).map((s) => html`<li>${s}</li>`)}</ul></div>` : ''}</div>
${comparedNote(subject, lang)}
<footer><span>${sourceLine(subject, lang)}</span><span>${say(lang, 'page', { k: k + 1, n: total })}</span></footer>
</section>`;
  });
  return htmlDocument(lang, `${title} — ${subject.territoryName} ${subject.group.wave}`, html`<main class="key-figures">${pages}</main>`);
}
