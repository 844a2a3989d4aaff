/**
 * The paper form (`paper.html`) of an extension with matrices of 3 to 7 (and 20) columns, long labels
 * and long variable codes, printed by Debian's Chromium on A4: nothing is wider than the
 * page's content box (so Chromium has no reason to shrink the page to fit), every text is at
 * least 10 pt, and the PDF is made. OLVA_PAPER_PNG=<dir> also writes each printed page as a
 * PNG there, to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Question } from '@olva/schema';
import { compile, emitPaper } from '@olva/compiler';
import { REPO } from '@olva/test-support/olva-site';
import { launchChromium } from '@olva/test-support/chromium';
import { compiledQuestionnaire, nonEmpty } from '@olva/test-support/compiled';

const label = (fr: string) => ({ fr, en: fr });
const NS = 'communaute_de_communes_du_pays_de_la_loue';
const extension = { kind: 'extension' as const, id: 'cc-loue-2026', version: '1.0.0' };

/** A matrix of `columns` columns with long column labels, long row labels and long codes. */
function matrix(columns: number): Question {
  const scale = ['Pas du tout satisfaisant', 'Plutôt pas satisfaisant', 'Ni satisfaisant ni insatisfaisant', 'Plutôt satisfaisant', 'Tout à fait satisfaisant', 'Ne sait pas ou ne se prononce pas', 'Sans objet pour notre association',
    ...Array.from({ length: 13 }, (_, i) => `Degré complémentaire d’appréciation n° ${i + 8}`)];
  return {
    id: `${NS}.satisfaction_equipements_${columns}_colonnes`,
    type: 'matrix',
    label: label(`Matrice de ${columns} colonnes : êtes-vous satisfaits des équipements intercommunaux mis à disposition des associations ?`),
    rows: nonEmpty(['salles_polyvalentes_intercommunales', 'equipements_sportifs_couverts_et_plein_air', 'locaux_de_stockage_du_materiel_associatif'].map((code) => ({
      code, label: label(`Les ${code.replace(/_/g, ' ')} gérés par la communauté de communes`),
    }))),
    choices: nonEmpty(scale.slice(0, columns).map((text, i) => ({ code: `niveau_de_satisfaction_${i + 1}`, label: label(text) }))),
    visibleWhen: { '==': [{ var: `${NS}.utilise_equipements` }, true] },
  } as Question;
}

function paperHtml(): string {
  const from = extension;
  const compiled = compiledQuestionnaire({
    id: 'fixture+cc-loue-2026', title: label('Vie associative de la communauté de communes du Pays de la Loue'),
    extension: { id: 'cc-loue-2026', version: '1.0.0', namespace: NS },
    sections: [{
      id: `${NS}.equipements`, title: label('Équipements intercommunaux'), from,
      questions: [
        { id: `${NS}.utilise_equipements`, type: 'boolean', label: label('Votre association utilise-t-elle des équipements intercommunaux ?') } as Question,
        ...[3, 4, 5, 6, 7, 20].map(matrix),
      ],
    }],
  });
  return emitPaper(compiled);
}

/** A4 content width: 210 mm less 15 mm margins each side, in CSS px. */
const CONTENT_PX = ((210 - 30) / 25.4) * 96;

describe('paper form with matrices, printed on A4', () => {
  let browser: Browser;
  beforeAll(async () => { browser = await launchChromium(); });
  afterAll(async () => { await browser?.close(); });

  /** The core with the Lorient extension, as `olva build` compiles them. */
  async function lorientHtml(): Promise<string> {
    const { compiled, problems } = await compile({
      core: join(REPO, 'packages/core-questionnaire/olva-core.json'), extension: join(REPO, 'examples/extensions/lorient-agglo-2026.json'),
    });
    if (!compiled) throw new Error(JSON.stringify(problems));
    return emitPaper(compiled);
  }

  it.each([
    ['matrices of 3 to 7 and 20 columns', 'matrices', async () => paperHtml()],
    ['the core with the Lorient extension', 'lorient', lorientHtml],
  ])('keeps every text at 10 pt or more and nothing wider than the page (%s)', async (_name, slug, html) => {
    const page = await browser.newPage({ viewport: { width: Math.floor(CONTENT_PX), height: 1100 } });
    await page.setContent(await html());
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate((limit) => {
      const small: string[] = [];
      const wide: string[] = [];
      for (const el of document.body.querySelectorAll('*')) {
        const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
        const style = getComputedStyle(el);
        if (hasText && parseFloat(style.fontSize) < (10 * 96) / 72 - 0.01) small.push(`${el.className || el.localName} ${style.fontSize}: ${el.textContent!.slice(0, 40)}`);
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.right > limit + 0.5) wide.push(`${el.className || el.localName} right=${Math.round(box.right)}`);
      }
      return { small, wide, scrollWidth: document.documentElement.scrollWidth, matrices: document.querySelectorAll('.matrix, .matrix-stacked').length };
    }, CONTENT_PX);
    if (slug === 'matrices') expect(layout.matrices).toBe(6);
    expect(layout.small, 'texts under 10 pt').toEqual([]);
    expect(layout.wide, 'elements wider than the A4 content box').toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(Math.ceil(CONTENT_PX));

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const shots = process.env.OLVA_PAPER_PNG && join(process.env.OLVA_PAPER_PNG, slug);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      writeFileSync(join(shots, 'paper.pdf'), pdf);
      // One A4 page = 297 mm high at 96 dpi; the content box is what the printer lays out.
      await page.setViewportSize({ width: Math.floor(CONTENT_PX), height: Math.floor(((297 - 33) / 25.4) * 96) });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const pageHeight = Math.floor(((297 - 33) / 25.4) * 96);
      for (let y = 0, n = 1; y < height; y += pageHeight, n++) {
        await page.screenshot({ path: join(shots, `page-${n}.png`), clip: { x: 0, y, width: Math.floor(CONTENT_PX), height: Math.min(pageHeight, height - y) }, fullPage: true });
      }
    }
    await page.close();
  }, 90_000);
});
