/**
 * The HTML document around a report's body: language, title, the style sheet, and a Content
 * Security Policy that allows no script at all. A report is one self-contained static file
 * (mailed, printed, put on a site), so its one style sheet, a constant of this package, is
 * inline and allowed by `style-src 'unsafe-inline'`; nothing else loads.
 */
import { html, trusted, type Markup } from './html.js';
import type { Lang } from './i18n.js';
import { REPORT_CSS } from './styles.js';

/**
 * A number typed with spaces between its groups of thousands ("1 000", "200 000 €"): a first
 * group of one to three digits, standing alone (no letter, digit or decimal mark just before:
 * not the "3" of "Q3", not a year's last digits), then groups of exactly three. So
 * "en 2025 150 répondants" and "Q3 252" stay two numbers, which one `(\d) (?=\d{3})` joined.
 */
const TYPED_THOUSANDS = /(?<![\p{L}\p{N},.])\d{1,3}(?: \d{3})+(?!\d)/gu;

/**
 * French spacing in a text (already escaped): a narrow no-break space before ; ! ? % and
 * between the groups of a number typed with spaces, a no-break space before : and € and inside
 * « », after "<" of "< 3". The texts come from everywhere (the core's wordings, key-figures.json,
 * the analyst's comments, this package's sentences): without it a line could start with "?" or
 * "%", or cut "De 1 | 000 €" in a choice label. The numbers the reports make are grouped where
 * they are made (`number` of `@olva/charts`, Intl.NumberFormat('fr-FR')), so this only meets
 * numbers typed by hand.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0]([;!?%])/g, '\u202f$1')
    .replace(/ :/g, '\u00a0:')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(TYPED_THOUSANDS, (n) => n.replace(/ /g, '\u202f'))
    .replace(/(\d) €/g, '$1\u00a0€')
    .replace(/&lt; (\d)/g, '&lt;\u00a0$1');
}

/** {@link frenchSpacing} on the text of a document, never in its tags, style sheet or code. */
function frenchText(markup: string): string {
  return markup.replace(/(<style[\s\S]*?<\/style>|<(pre|code)\b[\s\S]*?<\/\2>|<[^>]*>)|([^<]+)/g, (m, kept: string | undefined) => (kept ? m : frenchSpacing(m)));
}

/** A whole HTML document. */
export function htmlDocument(lang: Lang, title: string, body: Markup, bodyClass = ''): string {
  const page = html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body class="${bodyClass}">
${body}
</body>
</html>
`.html;
  return lang === 'fr' ? frenchText(page) : page;
}
