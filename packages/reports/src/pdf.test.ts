import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ResultsDocument } from '@olva/analysis';
import { launchChromium } from '@olva/test-support/chromium';
import { seriousViolations } from '@olva/test-support/axe';
import { loadCoreQuestionnaire } from '@olva/core-questionnaire';
import { fullReportHtml } from './full/render.js';
import { KEY_FIGURES, RENNES, resultsDocument } from '@olva/test-support/results-documents';
import { ANALYSED, analysedResults } from '@olva/test-support/analysed-results';
import { keyFigureClasses } from './key-figures/declaration.js';
import { selectSubject } from './subject.js';
import { keyFiguresHtml } from './key-figures/render.js';
import { employersHtml } from './employers/render.js';
import { parseReference } from './employers/reference.js';
import { countPdfPages, htmlToPdf, pdfOutline } from './pdf.js';
import { ReportError } from './errors.js';
import { parseComments } from './markdown.js';
import { printWithContentsPages } from './report.js';
import { headingKey } from './full/render.js';

const REFERENCE = parseReference('territoire,annee,secteur,etablissements_employeurs,postes_salaries,etp\ncommune:35238,2022,Ensemble,1052,12480,9870\ncommune:35238,2022,Sport,180,820,s\ncommune:35238,2022,Action sociale,310,6900,5400\n', 'ref.csv');

let browser: Browser;
let doc: ResultsDocument;
/** Rennes 2026 as `olva analyse` writes it: every comparison the analysis adds, the sample beside expected sectors. */
let analysed: ResultsDocument;
beforeAll(async () => {
  const expected = [{ territory: ANALYSED, source: 'répertoire', sectors: { sport: 100, culture: 300, loisirs_vie_sociale: 200, solidarite: 400 } }];
  [browser, doc, analysed] = await Promise.all([launchChromium(), resultsDocument(7), analysedResults(11, 120, '2025', { classes: keyFigureClasses(KEY_FIGURES), expected })]);
});
afterAll(async () => {
  await browser?.close();
});

describe('PDF through Debian’s Chromium', () => {
  it('prints the key figures on exactly four A4 pages, in French and in English', async () => {
    // With every comparison the analysis adds (network and previous-wave columns, national lines).
    const subject = selectSubject(analysed, { territory: ANALYSED });
    expect(Object.keys(subject.group.comparisons!).sort()).toEqual(['national', 'network', 'previousWave']);
    for (const lang of ['fr', 'en'] as const) {
      const sheet = keyFiguresHtml(subject, KEY_FIGURES, lang);
      // The comparison columns and the national lines are on the sheet printed.
      expect(sheet).toMatch(lang === 'fr' ? /<th scope="col"><span aria-hidden="true">▼ <\/span>2025<\/th><th scope="col"><span aria-hidden="true">● <\/span>Réseau<\/th>[\s\S]* en France \(2017\)/ : /<th scope="col"><span aria-hidden="true">▼ <\/span>2025<\/th><th scope="col"><span aria-hidden="true">● <\/span>Network<\/th>[\s\S]* in France \(2017\)/);
      const pdf = await htmlToPdf(sheet, { browser });
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(countPdfPages(pdf)).toBe(4);
      // Cross-check with the page tree's own count.
      expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Type\s*\/Pages[^>]*\/Count 4\b|\/Count 4\b[^>]*\/Type\s*\/Pages/);
    }
  });

  it('prints a small sample’s key figures on four pages too, their body drawn a little smaller', async () => {
    // 40 responses: hidden counts add notes, daggers and a "masqué" legend entry to the needs
    // page, which overflowed it by about 4 % in French (25 responses: in English).
    const small = await analysedResults(11, 40, '2025', { classes: keyFigureClasses(KEY_FIGURES) });
    for (const lang of ['fr', 'en'] as const) {
      const pdf = await htmlToPdf(keyFiguresHtml(selectSubject(small, { territory: ANALYSED }), KEY_FIGURES, lang), { browser, pages: 4 });
      expect(countPdfPages(pdf)).toBe(4);
    }
  });

  it('prints the employers note on exactly two pages', async () => {
    const pdf = await htmlToPdf(employersHtml(selectSubject(doc, { territory: RENNES }), REFERENCE, 'fr'), { browser });
    expect(countPdfPages(pdf)).toBe(2);
  });

  it('prints no chapter heading alone at the foot or on its own page of the full report', async () => {
    // A chapter's first question (secteur_principal with its comparisons and the analyst's
    // comment) was taller than what was left under the heading: the heading stood alone on page 2.
    const comment = Array.from({ length: 8 }, (_, i) => `Paragraphe ${i + 1} du commentaire : le sport et la culture dominent, comme dans les autres territoires du réseau, et l’écart à la répartition attendue reste dans les marges.`).join('\n\n');
    const comments = parseComments(`## secteur_principal\n\n${comment}\n`, 'commentaires.md');
    const pdf = await htmlToPdf(fullReportHtml(selectSubject(analysed, { territory: ANALYSED }), loadCoreQuestionnaire(), 'fr', comments), { browser });
    const outline = pdfOutline(pdf);
    const chapters = outline.filter((e) => e.depth === 1 && e.title !== 'Sommaire' && e.title !== 'Méthodologie');
    expect(chapters.map((c) => c.title)).toEqual(['Profil de l’association', 'Membres, dirigeants et bénévoles', 'Ressources, financements et locaux', 'Besoins et perspectives']);
    for (const chapter of chapters) {
      const first = outline[outline.indexOf(chapter) + 1]!;
      expect(first.depth, chapter.title).toBe(2);
      expect(first.page, `${chapter.title} / ${first.title}`).toBe(chapter.page);
    }
  });

  it('numbers the full report’s contents list with the pages its chapters are printed on', async () => {
    const subject = selectSubject(analysed, { territory: ANALYSED });
    const { pdf, html } = await printWithContentsPages((pages) => fullReportHtml(subject, loadCoreQuestionnaire(), 'fr', undefined, pages), { browser });
    const outline = pdfOutline(pdf);
    const toc = html.slice(html.indexOf('<nav class="toc"'), html.indexOf('</nav>'));
    const listed = [...toc.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>[^<]*<span class="toc-page"><span class="visually-hidden">, page <\/span>(\d+)<\/span>/g)].map((m) => ({ title: m[2]!, page: Number(m[3]) }));
    // Every chapter and the methodology, each on the page the PDF's outline puts it.
    expect(listed.map((l) => l.title)).toEqual(['Profil de l’association', 'Membres, dirigeants et bénévoles', 'Ressources, financements et locaux', 'Besoins et perspectives', 'Méthodologie']);
    for (const l of listed) expect(l.page, l.title).toBe(outline.find((e) => headingKey(e.title) === headingKey(l.title))!.page);
    expect(listed[0]!.page).toBe(2);
    // The bookmarks read as the headings do: Chromium dropped the space where a heading wrapped
    // ("La vie associative : le rapportcomplet", "au coursdes douze derniers mois").
    const headings = new Set([...html.matchAll(/<h[1-4][^>]*>([^<]+)<\/h[1-4]>/g)].map((m) => m[1]!.replace(/\s+/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&')));
    const unread = outline.map((e) => e.title.replace(/\s+/g, ' ')).filter((t) => !headings.has(t));
    expect(unread).toEqual([]);
    expect(outline[0]!.title.replace(/\s+/g, ' ')).toBe('La vie associative : le rapport complet');
    expect(listed.at(-1)!.page).toBeGreaterThan(listed.at(-2)!.page);
    expect(listed.at(-1)!.page).toBeLessThanOrEqual(countPdfPages(pdf));
  });

  it('keeps a tile of the right column off the right margin, and refuses a sheet whose content runs past a side', async () => {
    // Chromium's PDF clips the last fraction of a pixel of the text width (186 mm, 703.0 px):
    // the border of a tile flush with it (the employment tile, page 2) lost half its width.
    const subject = selectSubject(doc, { territory: RENNES });
    const page = await browser.newPage({ viewport: { width: Math.round((186 / 25.4) * 96), height: 1123 } });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(keyFiguresHtml(subject, KEY_FIGURES, 'fr'));
    const rights = await page.$$eval('.tile', (tiles) => tiles.map((t) => t.getBoundingClientRect().right));
    expect(Math.max(...rights)).toBeGreaterThan(600);
    for (const right of rights) expect(right).toBeLessThanOrEqual((186 / 25.4) * 96 - 0.5);
    await page.close();
    const wide = keyFiguresHtml(subject, KEY_FIGURES, 'fr').replace('<div class="grid">', `<div class="grid"><p class="full" style="white-space:nowrap">Une_association_au_libellé_sans_espace_${'x'.repeat(200)}</p>`);
    const error = await htmlToPdf(wide, { browser }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toMatch(/^\[reports\/page-overflow\] the content overflows the A4 page: page 1 \(#p-/);
  });

  it('refuses a sheet whose figures overflow the page, naming it', async () => {
    const crowded = structuredClone(KEY_FIGURES);
    crowded.pages[1]!.figures = Array.from({ length: 6 }, () => ({ question: 'secteur_principal', show: 'bars' as const, size: 'full' as const }));
    const page = keyFiguresHtml(selectSubject(doc, { territory: RENNES }), crowded, 'fr');
    const error = await htmlToPdf(page, { browser }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toBe('[reports/page-overflow] the content overflows the A4 page: page 2 (#p-membres); remove a figure of that page from the key-figures file (or shorten a label too long)');
  });
});

describe('accessibility of the documents (axe-core in Chromium)', () => {
  it('finds nothing serious in the key figures, the employers note and the full report', async () => {
    // The documents forbid every script (CSP): axe is injected with the CSP bypassed.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    const subject = selectSubject(analysed, { territory: ANALYSED });
    for (const [name, html] of [
      ['key figures', keyFiguresHtml(subject, KEY_FIGURES, 'fr')],
      ['employers', employersHtml(subject, REFERENCE, 'en')],
      ['full report', fullReportHtml(subject, loadCoreQuestionnaire(), 'fr')],
    ] as const) {
      await page.setContent(html);
      expect(await seriousViolations(page), name).toEqual([]);
    }
    await context.close();
  });
});
