/**
 * The HTML document around a report's body: language, title, the style sheet, and a Content
 * Security Policy that allows no script at all. A report is one self-contained static file
 * (mailed, printed, put on a site), so its one style sheet, a constant of this package, is
 * inline and allowed by `style-src 'unsafe-inline'`; nothing else loads.
 */
import { html, trusted, type Markup } from './html.js';
import type { Lang } from './i18n.js';
import { REPORT_CSS } from './styles.js';

/** A whole HTML document. */
export function htmlDocument(lang: Lang, title: string, body: Markup, bodyClass = ''): string {
  return html`<!doctype html>
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
}
