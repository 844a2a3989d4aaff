/**
 * The documents bench: the key-figures PDF of Rennes (target: under 5 s), from a results
 * document computed by @olva/analysis over generated responses (the analysis tests' seeded
 * generator, loaded with tsx), rendered by @olva/reports and printed by Debian's Chromium,
 * Chromium's start included: what `olva report key-figures --out x.pdf` costs. Run once.
 */
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';

const fixture = new URL('../../packages/test-support/src/results-documents.ts', import.meta.url).href;

/** Times the key-figures PDF (HTML and print) and, for scale, the full report's HTML. */
export async function runReportBench() {
  const { resultsDocument, KEY_FIGURES, RENNES } = await tsImport(fixture, import.meta.url);
  const { selectSubject, keyFiguresHtml, fullReportHtml, htmlToPdf, countPdfPages } = await import('@olva/reports');
  const { loadCoreQuestionnaire } = await import('@olva/core-questionnaire');
  const document = await resultsDocument(7);
  const subject = selectSubject(document, { territory: RENNES });
  const started = performance.now();
  const html = keyFiguresHtml(subject, KEY_FIGURES, 'fr');
  const rendered = performance.now();
  const pdf = await htmlToPdf(html, { pages: 4 });
  const printed = performance.now();
  const fullStarted = performance.now();
  fullReportHtml(subject, loadCoreQuestionnaire(), 'fr');
  const fullRendered = performance.now();
  return {
    responses: subject.group.responses,
    pages: countPdfPages(pdf),
    bytes: pdf.byteLength,
    htmlMs: rendered - started,
    pdfMs: printed - started,
    fullHtmlMs: fullRendered - fullStarted,
  };
}

/** The figures as a Markdown table. */
export function formatReportTable(r) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return [
    '| measure | value | target |',
    '|---|---|---|',
    `| key-figures PDF (${r.pages} pages, ${Math.round(r.bytes / 1024)} KB, ${r.responses} responses), Chromium start included | ${s(r.pdfMs)} | < 5 s |`,
    `| of which the HTML | ${s(r.htmlMs)} | |`,
    `| full report HTML | ${s(r.fullHtmlMs)} | |`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatReportTable(await runReportBench()));
