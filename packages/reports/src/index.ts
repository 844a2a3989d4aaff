/**
 * @olva/reports: the documents a territory hands out, from a results document
 * (`@olva/analysis`): the four-page key figures, the two-page employers note and the full
 * report, as HTML (every text escaped through one function) and as PDF through Debian's
 * Chromium. DOM-free, Node only.
 */
export { ReportError } from './errors.js';
export { html, trusted, Markup, type Fragment } from './html.js';
export type { Lang, Bilingual } from './i18n.js';
export { selectSubject, territoryName, type ReportSubject, type SubjectQuery } from './subject.js';
export { parseComments, type Comments, type Comment } from './markdown.js';
export { checkKeyFigures, readKeyFigures, keyFigureClasses, type KeyFiguresDeclaration, type KeyFiguresPage, type KeyFigure, type FigureDisplay } from './key-figures/declaration.js';
export { keyFiguresHtml } from './key-figures/render.js';
export { parseReference, REFERENCE_COLUMNS, type ReferenceRow, type ReferenceTable } from './employers/reference.js';
export { readCsvRecords, type CsvField, type CsvRecords } from './employers/csv-records.js';
export { htmlToPdf, countPdfPages, pdfOutline, withChromium, CHROMIUM_PATH, type PdfOptions, type OutlineEntry } from './pdf.js';
export { REPORT_CSS } from './styles.js';
export { employersHtml, referenceRows, EMPLOYER_QUESTIONS } from './employers/render.js';
export { fullReportHtml, headingKey, METHODOLOGY_COMMENT } from './full/render.js';
export { checkAgainstSchema, readJson } from './schemas.js';
export { renderReport, writeReport, printWithContentsPages, REPORT_KINDS, REPORT_PAGES, type ReportKind, type ReportFiles } from './report.js';
