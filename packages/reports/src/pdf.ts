/**
 * HTML to PDF through Debian's Chromium (`/usr/bin/chromium`, or `OLVA_CHROMIUM`), driven by
 * playwright-core, which never downloads a browser. Before printing, the fixed-height pages of
 * a sheet (`.sheet`) are measured at the A4 text width. One that overflows by a little (a small
 * sample's notes and daggers, a territory's longer labels) has its body drawn smaller to fit,
 * down to {@link SHEET_FIT_FLOOR}; beyond that it is an error naming it. The PDF's page count is
 * checked, so "exactly four pages" holds or fails loudly.
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

/** One entry of a PDF's outline (bookmarks): a heading of the document and the page it is on. */
export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  /** Depth in the outline, 0 for the top entries. */
  depth: number;
}

/** A PDF string object, literal `(…)` (PDFDocEncoding, taken as Latin-1) or hex `<FEFF…>` (UTF-16BE). */
function pdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return token.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => (
    /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e));
}

/**
 * The outline Chromium writes from the document's headings (`outline: true`), each with the page
 * its heading is printed on: what a contents list's page numbers and the layout tests read.
 * Chromium writes the page tree and the outline as plain objects (see {@link countPdfPages}).
 */
export function pdfOutline(pdf: Uint8Array): OutlineEntry[] {
  const text = Buffer.from(pdf).toString('latin1');
  const objects = new Map<number, string>();
  for (const m of text.matchAll(/(?:^|\s)(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const ref = (body: string | undefined, key: string): number | undefined => {
    const m = body?.match(new RegExp(`/${key} (\\d+) 0 R`));
    return m ? Number(m[1]) : undefined;
  };
  const pageNumbers = new Map<number, number>();
  const walk = (n: number | undefined): void => {
    const body = n === undefined ? undefined : objects.get(n);
    if (!body) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      for (const kid of body.match(/\/Kids\s*\[([^\]]*)\]/)?.[1]?.matchAll(/(\d+) 0 R/g) ?? []) walk(Number(kid[1]));
    } else if (/\/Type\s*\/Page\b/.test(body)) pageNumbers.set(n!, pageNumbers.size + 1);
  };
  const catalog = [...objects.values()].find((b) => /\/Type\s*\/Catalog\b/.test(b));
  walk(ref(catalog, 'Pages'));
  const entries: OutlineEntry[] = [];
  const visit = (n: number | undefined, depth: number): void => {
    for (let seen = 0; n !== undefined && seen < objects.size; seen++) {
      const body = objects.get(n);
      if (!body) return;
      const title = body.match(/\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\)])*\))/)?.[1];
      const page = pageNumbers.get(Number(body.match(/\/Dest\s*\[\s*(\d+) 0 R/)?.[1]));
      if (title !== undefined && page !== undefined) entries.push({ title: pdfString(title), page, depth });
      visit(ref(body, 'First'), depth + 1);
      n = ref(body, 'Next');
    }
  };
  visit(ref(objects.get(ref(catalog, 'Outlines') ?? -1), 'First'), 0);
  return entries;
}

/**
 * The smallest scale a sheet's body (all but its header and footer) is drawn at to fit its page:
 * below it the tables' 6.5 pt would fall under 6 pt, so the figures must go instead.
 */
export const SHEET_FIT_FLOOR = 0.92;

// 186 mm (A4 less 2 × 12 mm margins) at 96 px per inch.
const TEXT_WIDTH_PX = Math.round((186 / 25.4) * 96);

/** Prints an HTML document to an A4 PDF. @throws ReportError when a sheet overflows its page. */
export async function htmlToPdf(document: string, options: PdfOptions = {}): Promise<Uint8Array> {
  return withChromium(options.browser, (browser) => print(browser, document, options.pages));
}

/** Runs `job` with `browser`, or with Debian's Chromium launched for it and closed after. */
export async function withChromium<T>(browser: Browser | undefined, job: (browser: Browser) => Promise<T>): Promise<T> {
  if (browser) return job(browser);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ReportError('reports/chromium', {
      fr: `Chromium introuvable (${CHROMIUM_PATH}) : installez le paquet Debian « chromium », ou écrivez le HTML (--out x.html)`,
      en: `Chromium not found (${CHROMIUM_PATH}): install the Debian package "chromium", or write HTML (--out x.html)`,
    });
  }
  const launched = await chromium.launch({
    headless: true, executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    return await job(launched);
  } finally {
    await launched.close();
  }
}

async function print(browser: Browser, document: string, pages: number | undefined): Promise<Uint8Array> {
  const page = await browser.newPage({ viewport: { width: TEXT_WIDTH_PX, height: 1123 } });
  try {
    await page.emulateMedia({ media: 'print' });
    await page.setContent(document, { waitUntil: 'load' });
    const overflowing = await page.$$eval('.sheet', (sheets, floor) => sheets.flatMap((sheet, i) => {
      // Past its foot, or past a side (a long unbreakable label widening a table's column).
      const fits = (): boolean => sheet.scrollHeight <= sheet.clientHeight + 1 && sheet.scrollWidth <= sheet.clientWidth + 1;
      const body = [...sheet.children].filter((c): c is HTMLElement => c.tagName !== 'HEADER' && c.tagName !== 'FOOTER' && c instanceof HTMLElement);
      // CSS zoom scales layout too (not only the paint, as a transform would): the footer moves up.
      for (let step = 1; !fits() && 1 - step * 0.01 >= floor - 1e-9; step++) {
        for (const element of body) element.style.zoom = String(1 - step * 0.01);
      }
      return fits() ? [] : [`${i + 1} (#${sheet.id})`];
    }), SHEET_FIT_FLOOR);
    if (overflowing.length) {
      throw new ReportError('reports/page-overflow', {
        fr: `le contenu dépasse la page A4 : page ${overflowing.join(', ')} ; retirez une figure de cette page du fichier des chiffres clés (ou raccourcissez un libellé trop long)`,
        en: `the content overflows the A4 page: page ${overflowing.join(', ')}; remove a figure of that page from the key-figures file (or shorten a label too long)`,
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
