/**
 * "Les chiffres clés de la vie associative": four A4 pages, one per page of the declaration,
 * each a grid of figures (large shares, medians, bars with their tables), the sheet's title,
 * territory, wave and number of responses on top, the source and page number at the foot,
 * and the disclosure rules on the last page.
 */
import { localize } from '@olva/runtime';
import { html, type Markup } from '../html.js';
import type { Lang } from '../i18n.js';
import { questionBlock } from '../figure.js';
import { htmlDocument } from '../document.js';
import { medianTile, missingFigure, rulesBlock, shareTile, sheet } from '../sheet.js';
import type { ReportSubject } from '../subject.js';
import type { KeyFigure, KeyFiguresDeclaration } from './declaration.js';

function figureMarkup(subject: ReportSubject, figure: KeyFigure, lang: Lang): Markup {
  const f = subject.group.questions.find((q) => q.id === figure.question);
  const title = figure.title ? localize(figure.title, lang) : f ? localize(f.label, lang) : figure.question;
  if (!f) return missingFigure(title, lang);
  if (figure.show === 'share') return shareTile(subject, f, { code: figure.code!, caption: figure.caption }, title, lang);
  if (figure.show === 'median') return medianTile(subject, f, title, lang);
  return questionBlock(subject, f, { lang, title, level: 3, top: figure.top, width: figure.size === 'full' ? 620 : 540, summary: false, compareNote: false });
}

/** The key-figures sheet as a whole HTML document. */
export function keyFiguresHtml(subject: ReportSubject, declaration: KeyFiguresDeclaration, lang: Lang): string {
  const title = localize(declaration.title, lang);
  const n = declaration.pages.length;
  const pages = declaration.pages.map((page, i) => sheet(subject, lang, {
    id: page.id, title: localize(page.title, lang), documentTitle: title, k: i + 1, n,
    body: html`${page.figures.map((figure) => html`<div class="${figure.size === 'full' ? 'full' : 'half'}">${figureMarkup(subject, figure, lang)}</div>`)}${i === n - 1 ? rulesBlock(subject, lang) : ''}`,
  }));
  return htmlDocument(lang, `${title} — ${subject.territoryName[lang]} ${subject.group.wave}`, html`<main class="key-figures">${pages}</main>`);
}
