/**
 * What the one-page-per-sheet documents (the key figures, the employers note) share: the
 * fixed-height A4 sheet with its header (title, territory, wave, responses) and footer (source,
 * page number), the large-number tiles, the comparison note and the rules block.
 */
import type { Category, QuestionFigures } from '@olva/analysis';
import type { LocalizedText } from '@olva/schema';
import { number, percent, readerQuartiles } from '@olva/charts';
import { localize } from '@olva/runtime';
import { html, type Markup } from './html.js';
import { colon, type Lang } from './i18n.js';
import { say, rulesStatement } from './words.js';
import { baseText, questionBlock } from './figure.js';
import { shareText } from './tables.js';
import { comparisonColumns, comparisonSources, nationalNotes, valueKey } from './comparisons.js';
import type { ReportSubject } from './subject.js';

/** The first lines of every sheet: territory, wave, responses. */
export function kicker(subject: ReportSubject, lang: Lang): string {
  const g = subject.group;
  return `${subject.territoryName[lang]} · ${say(lang, 'wave')} ${g.wave} · ${say(lang, 'responses', { n: number(g.responses, lang) })}`;
}

/** The source line at the foot of every page. */
export function sourceLine(subject: ReportSubject, lang: Lang): string {
  return say(lang, 'source', { t: subject.territoryName[lang], w: subject.group.wave, n: number(subject.group.responses, lang) });
}

/** One large share: "38 % des associations emploient…" (also the employers note's first figure). */
export function shareTile(subject: ReportSubject, f: QuestionFigures, figure: { code: string; caption?: LocalizedText }, title: string, lang: Lang): Markup {
  const rules = subject.document.rules;
  const categories: Category[] = f.kind === 'distribution' || f.kind === 'multiple' ? f.categories ?? [] : [];
  const c = categories.find((x) => x.code === figure.code);
  const value = f.status === 'withheld' || !c ? say(lang, 'dash') : shareText(c, rules, lang);
  const interval = c?.interval ? ` ${say(lang, 'interval')}${colon(lang)}${percent(c.interval.low, lang)} – ${percent(c.interval.high, lang)}.` : '';
  const compared = comparisonColumns(subject, f).flatMap((col) => {
    const v = col.values.get(valueKey(undefined, figure.code));
    return v && v.share !== null ? [`${col.heading[lang]}${colon(lang)}${percent(v.share, lang)}${v.notable ? ` ${say(lang, 'notableMark')}` : ''}`] : [];
  });
  return html`<section class="question tile" aria-labelledby="h-${f.id}"><h3 id="h-${f.id}">${title}</h3>
<p class="big">${value}</p><p class="caption">${localize(figure.caption, lang)}</p>
<p class="base">${baseText(f, rules, lang)}${interval}</p>
${compared.length ? html`<p class="compare-note">${compared.join(lang === 'en' ? '; ' : ' ; ')}.</p>` : ''}
${nationalNotes(subject, f, lang, false).map((n) => html`<p class="compare-note">${n}</p>`)}</section>`;
}

/** A median with its quartiles, large. */
export function medianTile(subject: ReportSubject, f: QuestionFigures, title: string, lang: Lang): Markup {
  if (f.kind !== 'numeric' || !f.summary) return questionBlock(subject, f, { lang, title, level: 3 });
  const s = { ...f.summary, ...readerQuartiles(f, f.summary) };
  const unit = f.unit === 'age' ? ` ${say(lang, 'years')}` : '';
  const half = lang === 'en'
    ? `Half of the associations between ${number(s.q1, lang)} and ${number(s.q3, lang)}${unit}; mean ${number(s.mean, lang)}.`
    : `La moitié des associations entre ${number(s.q1, lang)} et ${number(s.q3, lang)}${unit} ; moyenne ${number(s.mean, lang)}.`;
  return html`<section class="question tile" aria-labelledby="h-${f.id}"><h3 id="h-${f.id}">${title}</h3>
<p class="big">${number(s.median, lang)}${unit}</p><p class="caption">${lang === 'en' ? 'median' : 'en médiane'}</p>
<p>${half}</p>
<p class="base">${baseText(f, subject.document.rules, lang)}</p></section>`;
}

/** Once per page: what the comparison columns are and when a difference is notable. */
export function comparedNote(subject: ReportSubject, lang: Lang): Markup {
  const sources = comparisonSources(subject, lang);
  if (!sources.length) return html``;
  const text = `${sources.join(lang === 'en' ? '; ' : ' ; ')}. ${say(lang, 'notableNote', { n: subject.document.rules.comparison.minBase })}`;
  return html`<p class="compare-note">${text.charAt(0).toUpperCase()}${text.slice(1)}</p>`;
}

/** The disclosure rules and thresholds, as a block of the last sheet. */
export function rulesBlock(subject: ReportSubject, lang: Lang): Markup {
  return html`<div class="full rules"><h3>${say(lang, 'rulesTitle')}</h3><ul>${rulesStatement(subject.document.rules, lang).map((s) => html`<li>${s}</li>`)}</ul></div>`;
}

/** One A4 sheet: its header (the document's title as h1 on the first), body and footer. */
export function sheet(subject: ReportSubject, lang: Lang, s: { id: string; title: string; documentTitle: string; k: number; n: number; body: Markup; after?: Markup; compared?: boolean }): Markup {
  return html`<section class="sheet" id="p-${s.id}" aria-labelledby="t-${s.id}">
<header>${s.k === 1 ? html`<h1>${s.documentTitle}</h1><p class="kicker">${kicker(subject, lang)}</p>` : html`<p class="kicker">${s.documentTitle} · ${kicker(subject, lang)}</p>`}
<h2 id="t-${s.id}">${s.title}</h2></header>
<div class="grid">${s.body}</div>${s.after ?? ''}${s.compared === false ? '' : comparedNote(subject, lang)}
<footer><span>${sourceLine(subject, lang)}</span><span>${say(lang, 'page', { k: s.k, n: s.n })}</span></footer>
</section>`;
}

/** A figure the document lacks (an older core, a withheld question). */
export function missingFigure(title: string, lang: Lang): Markup {
  return html`<section class="question"><h3>${title}</h3><p class="base">${say(lang, 'notInDocument')}</p></section>`;
}
