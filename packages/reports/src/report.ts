/**
 * One report from files to a file: reads and checks the results document (against
 * `schemas/results.schema.json`), the key-figures declaration, the reference CSV and the
 * comments, renders the HTML, and writes it, or prints it to PDF when `out` ends in `.pdf`.
 * What `olva report` runs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ResultsDocument, TerritoryRef } from '@olva/analysis';
import { keyFiguresPath, loadCoreQuestionnaire } from '@olva/core-questionnaire';
import { fileError } from '@olva/compiler/read-json';
import { ReportError } from './errors.js';
import type { Lang } from './i18n.js';
import { checkAgainstSchema, readJson } from './schemas.js';
import { selectSubject } from './subject.js';
import { readKeyFigures } from './key-figures/declaration.js';
import { keyFiguresHtml } from './key-figures/render.js';
import { parseReference } from './employers/reference.js';
import { employersHtml } from './employers/render.js';
import { parseComments } from './markdown.js';
import { fullReportHtml, headingKey } from './full/render.js';
import { htmlToPdf, countPdfPages, pdfOutline, withChromium, type PdfOptions } from './pdf.js';

/** The three documents. */
export const REPORT_KINDS = Object.freeze(['key-figures', 'employers', 'full'] as const);

/** A document kind. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Pages of the fixed-length documents. */
export const REPORT_PAGES: Readonly<Partial<Record<ReportKind, number>>> = Object.freeze({ 'key-figures': 4, employers: 2 });

/** What a report is made from. */
export interface ReportFiles {
  kind: ReportKind;
  results: string;
  /** The reference CSV (employers note: required). */
  reference?: string;
  /** The analyst's comments (full report). */
  comments?: string;
  /** The key-figures declaration; the one beside the core by default. */
  keyFigures?: string;
  lang: Lang;
  territory?: TerritoryRef;
  wave?: string;
}

const readBytes = (path: string): Buffer => {
  try {
    return readFileSync(path);
  } catch (e) {
    const why = fileError(e);
    throw new ReportError('reports/read', { fr: `lecture impossible : ${why.fr}`, en: `cannot read it: ${why.en}` }, path);
  }
};
const readText = (path: string): string => readBytes(path).toString('utf8');

/**
 * A document printed with its contents list numbered: printed once to read from the PDF's
 * outline the page each heading landed on, then again with those pages. The contents list sits
 * on the fixed-height cover, so the numbers cannot move what follows.
 * @param render the document's HTML, given the page of each heading by `headingKey` (or none).
 */
export async function printWithContentsPages(render: (pages?: ReadonlyMap<string, number>) => string, options: PdfOptions = {}): Promise<{ pdf: Uint8Array; html: string }> {
  return withChromium(options.browser, async (browser) => {
    const first = await htmlToPdf(render(), { ...options, browser });
    const pages = new Map<string, number>();
    for (const entry of pdfOutline(first)) if (!pages.has(headingKey(entry.title))) pages.set(headingKey(entry.title), entry.page);
    const html = render(pages);
    return { pdf: await htmlToPdf(html, { ...options, browser }), html };
  });
}

/** The report's HTML. @throws ReportError on any bad input, naming the file. */
export function renderReport(files: ReportFiles, pages?: ReadonlyMap<string, number>): string {
  const document = readJson(files.results);
  checkAgainstSchema('results', document, files.results);
  const subject = selectSubject(document as ResultsDocument, { territory: files.territory, wave: files.wave }, files.results);
  const core = loadCoreQuestionnaire();
  switch (files.kind) {
    case 'key-figures':
      return keyFiguresHtml(subject, readKeyFigures(files.keyFigures ?? keyFiguresPath, core), files.lang);
    case 'employers': {
      if (!files.reference) {
        throw new ReportError('reports/reference-missing', {
          fr: 'la note sur les employeurs demande --reference <fichier.csv> (établissements employeurs et postes salariés du territoire)',
          en: 'the employers note needs --reference <file.csv> (employer establishments and salaried posts of the territory)',
        });
      }
      return employersHtml(subject, parseReference(readBytes(files.reference), files.reference), files.lang);
    }
    case 'full':
      return fullReportHtml(subject, core, files.lang, files.comments ? parseComments(readText(files.comments), files.comments) : undefined, pages);
  }
}

/**
 * Renders a report and writes it to `out`: HTML for `.html`, PDF for `.pdf` (page count checked
 * for the fixed-length documents). @returns the number of PDF pages, or null for HTML.
 */
export async function writeReport(files: ReportFiles, out: string): Promise<number | null> {
  const page = renderReport(files);
  if (/\.html?$/i.test(out)) {
    writeFileSync(out, page);
    return null;
  }
  const pdf = files.kind === 'full'
    ? (await printWithContentsPages((pages) => (pages ? renderReport(files, pages) : page))).pdf
    : await htmlToPdf(page, { pages: REPORT_PAGES[files.kind] });
  writeFileSync(out, pdf);
  return countPdfPages(pdf);
}
