/**
 * HTML to PDF through Debian's Chromium (`/usr/bin/chromium`, or `OLVA_CHROMIUM`), driven by
 * playwright-core, which never downloads a browser. Before printing, the fixed-height pages of
 * a sheet (`.sheet`) are measured at the A4 text width: one that overflows is an error naming
 * it, and the PDF's page count is checked, so "exactly four pages" holds or fails loudly.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { ReportError } from './errors.js';

/** The Chromium the PDF is printed with. */
export const CHROMIUM_PATH = process.env.OLVA_CHROMIUM ?? '/usr/bin/chromium';

/** Options of {@link htmlToPdf}. */
export interface PdfOptions {
  /** The page count the PDF must have (the sheets); checked when given. */
  pages?: number;
  /** A Chromium already running (tests, batches); launched and closed here otherwise. */
  browser?: Browser;
}

/** The number of pages of a PDF (its `/Type /Page` objects; Chromium writes them uncompressed). */
export function countPdfPages(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

// 186 mm (A4 less 2 × 12 mm margins) at 96 px per inch.
const TEXT_WIDTH_PX = Math.round((186 / 25.4) * 96);

/** Prints an HTML document to an A4 PDF. @throws ReportError when a sheet overflows its page. */
export async function htmlToPdf(document: string, options: PdfOptions = {}): Promise<Uint8Array> {
  if (!options.browser && !existsSync(CHROMIUM_PATH)) {
    throw new ReportError('reports/chromium', {
      fr: `Chromium introuvable (${CHROMIUM_PATH}) : installez le paquet Debian « chromium », ou écrivez le HTML (--out x.html)`,
      en: `Chromium not found (${CHROMIUM_PATH}): install the Debian package "chromium", or write HTML (--out x.html)`,
    });
  }
  const browser = options.browser ?? await chromium.launch({
    headless: true, executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    return await print(browser, document, options.pages);
  } finally {
    if (!options.browser) await browser.close();
  }
}

async function print(browser: Browser, document: string, pages: number | undefined): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: TEXT_WIDTH_PX, height: 1123 } });
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(document, { waitUntil: 'load' });
    const overflowing = await page.$$eval('.sheet', (sheets) => sheets.flatMap((s, i) => (s.scrollHeight > s.clientHeight + 1 ? [`${i + 1} (#${s.id})`] : [])));
    if (overflowing.length) {
      throw new ReportError('reports/page-overflow', {
        fr: `le contenu dépasse la page A4 : page ${overflowing.join(', ')} ; retirez une figure de cette page du fichier des chiffres clés`,
        en: `the content overflows the A4 page: page ${overflowing.join(', ')}; remove a figure of that page from the key-figures file`,
      });
    }
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    const count = countPdfPages(pdf);
    if (pages !== undefined && count !== pages) {
      throw new ReportError('reports/page-count', { fr: `le PDF a ${count} pages au lieu de ${pages}`, en: `the PDF has ${count} pages instead of ${pages}` });
    }
    return pdf;
  } finally {
    await page.close();
  }
}
