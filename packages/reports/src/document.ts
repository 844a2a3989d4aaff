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
 * French spacing in a text (already escaped): a narrow no-break space before ; ! ? % and between
 * groups of thousands, a no-break space before : and € and inside « », after "<" of "< 3". The
 * texts come from everywhere (the core's wordings, key-figures.json, the analyst's comments,
 * this package's sentences): without it a line could start with "?" or "%", or cut "1 | 000 €".
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/[ \u00a0]([;!?%])/g, '\u202f$1')
    .replace(/ :/g, '\u00a0:')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/(\d) (?=\d{3}(?!\d))/g, '$1\u202f')
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
