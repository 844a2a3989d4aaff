/**
 * RGAA 4.1 beyond what axe checks, in real Chromium, on the built embed and the built
 * <olva-results>: forced colours (Windows high contrast), the focus ring of every control
 * (10.7), reflow at 320 px (10.11), the user's text spacing (10.12), 200 % text zoom (10.4)
 * and reduced motion (the checks: @olva/test-support/display-checks). One browser, few pages:
 * - <olva-survey> with a question of every type (two sections: the progress bar), its errors,
 *   the commune picker's list, the core's first page with the Rennes extension, then a short
 *   survey's review and kiosk receipt, and paper entry;
 * - <olva-results> with share bars and their comparison markers, stacked bars and data tables.
 * Forced colours are emulated by Chromium with a light system palette; what must hold in any
 * palette is checked against the system colours themselves (read from the page), not against
 * fixed values.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { analysedResults } from '@olva/test-support/analysed-results';
import { addSurveyPage, openSurvey, REPO, requireBuild, useBrowserAndSite, waitForEvent, type OlvaSite } from '@olva/test-support/olva-site';
import { fillSurveyByKeyboard, sendFromReview } from '@olva/test-support/keyboard';
import { cutText, focusRings, motion, reflowProblems, spaceText, systemColours, zoomText } from '@olva/test-support/display-checks';
import { modesQuestionnaire } from '../../stories/fixtures/modes.js';
import { TYPE_FIXTURES } from '../../stories/fixtures/index.js';

let browser: Browser;
let site: OlvaSite;
useBrowserAndSite((b, s) => { browser = b; site = s; });

/** The built <olva-results> (OLVA_RESULTS_JS: another bundle, e.g. an older one, as OLVA_EMBED_JS does for the embed). */
const RESULTS_JS = process.env.OLVA_RESULTS_JS ?? join(REPO, 'packages/results-element/dist/olva-results.js');
const BASE = { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' };

/** Every question type's subject (required, as in its fixture) on the first page; a second page, so a progress bar. */
const subjects = TYPE_FIXTURES.map((f) => {
  const { visibleWhen: _shown, ...q } = f.questionnaire.sections[0]!.questions.find((x) => x.id === f.questionId)! as Question & { visibleWhen?: unknown };
  return q as Question;
});
const everyType = compiledQuestionnaire({
  id: 'fixture-display', title: { fr: 'Chaque type de question', en: 'Every question type' },
  sections: [
    { id: 's1', title: { fr: 'Première partie', en: 'First part' }, questions: subjects },
    { id: 's2', title: { fr: 'Seconde partie', en: 'Second part' }, questions: [{ id: 'remarques', type: 'textarea', label: { fr: 'Remarques', en: 'Remarks' } } as Question] },
  ],
});

/** The share of pixels that differ between two screenshots of the same size (decoded by the browser). */
function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (base64: string) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [x, y] = [await pixels(a), await pixels(b)];
    let differ = 0;
    for (let i = 0; i < x.length; i += 4) if (x[i] !== y[i] || x[i + 1] !== y[i + 1] || x[i + 2] !== y[i + 2]) differ++;
    return differ / (x.length / 4);
  }, [a.toString('base64'), b.toString('base64')]);
}

/** Computed style properties of the first element matching `selector` in the survey's shadow root. */
function styleOf(page: Page, selector: string, props: string[]): Promise<Record<string, string>> {
  return page.evaluate(({ selector, props }) => {
    const e = document.querySelector('olva-survey')!.shadowRoot!.querySelector(selector);
    if (!e) throw new Error(`no ${selector}`);
    const s = getComputedStyle(e);
    return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
  }, { selector, props });
}

it('<olva-survey> in forced colours and reduced motion keeps progress, focus, errors, the picked commune, review, kiosk receipt and paper header visible; with text spacing at 200 % no text is cut', async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  const forced = (on: boolean) => page.emulateMedia({ forcedColors: on ? 'active' : 'none', reducedMotion: 'reduce' });
  await forced(true);
  // In a sans-serif page (wider than Chromium's default serif): the form takes the page's font.
  await openSurvey(page, addSurveyPage(site, '/modes/types.html', { attributes: BASE, questionnaire: everyType, css: 'body { font-family: sans-serif; }' }));
  const system = await systemColours(page);
  expect(system.Highlight).not.toBe(system.Canvas);

  // The progress bar's value is a background, which forced colours drop: the bar must look
  // different with its value and with none.
  const bar = page.locator('olva-survey').locator('progress');
  const withValue = await bar.screenshot();
  await bar.evaluate((p: HTMLProgressElement) => { p.value = 0; });
  const empty = await bar.screenshot();
  await bar.evaluate((p: HTMLProgressElement) => { p.value = 1; });
  expect(await differingPixels(page, withValue, empty), 'the progress value is invisible in forced colours').toBeGreaterThan(0.1);

  // The focus ring is an outline, which forced colours keep.
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    let e: Element | null = document.activeElement;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
    const s = getComputedStyle(e!);
    return { tag: e!.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor };
  });
  expect(ring.style, JSON.stringify(ring)).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.colour).not.toBe(system.Canvas);
  // And on every control of every type, whole (not cut by a question's paint containment).
  const rings = await focusRings(page, 'olva-survey');
  expect(rings.problems, 'focus rings in forced colours').toEqual([]);
  expect(rings.checked).toBeGreaterThan(20);

  // Errors: the summary's frame and each question's mark are borders, kept.
  await page.locator('olva-survey').locator('button.primary').click();
  await page.locator('olva-survey').locator('[part="error-summary"]').waitFor();
  const summary = await styleOf(page, '.summary', ['border-top-style', 'border-top-color']);
  expect(summary['border-top-style']).toBe('solid');
  expect(summary['border-top-color']).not.toBe(system.Canvas);
  const mark = await styleOf(page, '.question.invalid', ['border-left-style', 'border-left-width']);
  expect(mark).toEqual({ 'border-left-style': 'solid', 'border-left-width': '4px' });

  // The commune picker's active option is a background: drawn as the system draws a selection.
  const commune = page.locator('olva-survey').locator('input.commune');
  await commune.fill('renn');
  await page.locator('olva-survey').locator('[role="option"]').first().waitFor();
  await commune.press('ArrowDown');
  const active = await styleOf(page, '.communes [aria-selected="true"]', ['color', 'background-color']);
  expect(active).toEqual({ color: system.HighlightText, 'background-color': system.Highlight });

  // A disabled button (while sending) is drawn in GrayText, not by opacity alone.
  const disabled = await page.locator('olva-survey').locator('button.primary').evaluate((b: HTMLButtonElement) => {
    b.disabled = true;
    const s = getComputedStyle(b);
    const out = { color: s.color, border: s.borderTopColor, opacity: s.opacity };
    b.disabled = false;
    return out;
  });
  expect(disabled).toEqual({ color: system.GrayText, border: system.GrayText, opacity: '1' });
  expect(await motion(page, 'olva-survey')).toEqual([]);

  // Every type, its errors and the commune list: rings in the default colours; at 320 px (a
  // 1280 px screen at 400 %) nothing cut or out of reach; with the user's text spacing at 200 %.
  await forced(false);
  expect((await focusRings(page, 'olva-survey')).problems, 'focus rings').toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await reflowProblems(page, 'olva-survey'), 'every type at 320 px').toEqual([]);
  await page.setViewportSize({ width: 1024, height: 800 });
  await spaceText(page);
  expect(await zoomText(page, 'olva-survey'), 'texts that do not grow at 200 %').toEqual([]);
  expect(await cutText(page, 'olva-survey'), 'every type with errors').toEqual([]);

  // The core questionnaire's first page with an extension: its own long labels and help texts.
  await openSurvey(page, addSurveyPage(site, '/modes/core.html', { attributes: { ...BASE, src: '/questionnaires/olva-core+rennes-2026/questionnaire.json' }, css: 'body { font-family: sans-serif; }' }));
  await spaceText(page);
  expect(await zoomText(page, 'olva-survey'), 'core and extension').toEqual([]);
  expect(await cutText(page, 'olva-survey'), 'core and extension').toEqual([]);

  // Boxes told apart by their surface colour get a border: review sections, the kiosk receipt.
  await forced(true);
  await openSurvey(page, addSurveyPage(site, '/modes/kiosk.html', { attributes: { ...BASE, channel: 'kiosk', 'reset-after': '60' }, questionnaire: modesQuestionnaire }));
  await fillSurveyByKeyboard(page, modesQuestionnaire, {});
  const framed = (selector: string) => styleOf(page, selector, ['border-top-style', 'border-bottom-style', 'border-right-style']);
  const solid = { 'border-top-style': 'solid', 'border-bottom-style': 'solid', 'border-right-style': 'solid' };
  expect(await framed('.review section')).toEqual(solid);
  expect((await focusRings(page, 'olva-survey')).problems, 'focus rings of the review').toEqual([]);
  await spaceText(page);
  expect(await zoomText(page, 'olva-survey'), 'review').toEqual([]);
  expect(await cutText(page, 'olva-survey'), 'review').toEqual([]);
  await sendFromReview(page);
  await waitForEvent(page, 'olva-submitted');
  expect(await framed('.receipt')).toEqual(solid);
  expect(await cutText(page, 'olva-survey'), 'receipt').toEqual([]);
  expect(await motion(page, 'olva-survey')).toEqual([]);

  await openSurvey(page, addSurveyPage(site, '/modes/paper.html', { attributes: { ...BASE, channel: 'paper' }, questionnaire: modesQuestionnaire }));
  expect(await framed('[part="paper-header"]')).toEqual(solid);
  await spaceText(page);
  expect(await zoomText(page, 'olva-survey'), 'paper entry').toEqual([]);
  expect(await cutText(page, 'olva-survey'), 'paper entry').toEqual([]);
  await page.close();
});

it('<olva-survey> on a site whose root font size is 62.5 % keeps its controls\' least sizes once the site gives its text size (--olva-font-size)', async () => {
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  // A common theme of older sites: 1 rem = 10 px, texts given in their own scale.
  await openSurvey(page, addSurveyPage(site, '/modes/root-62.html', {
    attributes: BASE, questionnaire: everyType,
    css: 'html { font-size: 62.5%; } body { font-size: 1.6rem; } olva-survey { --olva-font-size: 1.6rem; --olva-font-size-small: 1.4rem; }',
  }));
  const sizes = await page.evaluate(() => {
    const root = document.querySelector('olva-survey')!.shadowRoot!;
    const least = (selector: string, side: 'height' | 'width') =>
      Math.min(...[...root.querySelectorAll(selector)].map((e) => e.getBoundingClientRect()[side]));
    return {
      buttons: least('button:not(.link)', 'height'),
      textBoxes: least('input[type="text"], input[type="email"], textarea', 'height'),
      checkBoxes: least('.choice input', 'width'),
      choices: least('.choice', 'height'),
    };
  });
  // 2.75 × 16 px and 1.25 × 16 px, as on a site that keeps the browser's root (WCAG 2.5.8 asks 24 px).
  expect(sizes.buttons, JSON.stringify(sizes)).toBeGreaterThanOrEqual(44);
  expect(sizes.textBoxes, JSON.stringify(sizes)).toBeGreaterThanOrEqual(44);
  expect(sizes.checkBoxes, JSON.stringify(sizes)).toBeGreaterThanOrEqual(20);
  expect(sizes.choices, JSON.stringify(sizes)).toBeGreaterThanOrEqual(32);
  await page.close();
});

it('<olva-results> in forced colours paints its charts in system colours only, and keeps its tables whole with text spacing at 200 %', async () => {
  requireBuild([RESULTS_JS]);
  const doc = await analysedResults(11, 40);
  // Labels as long as a chart line holds (the charts wrap at about 8 units a character).
  const long = (id: string) => `Une modalité au libellé très long ${id}, qui remplit la ligne entière du graphique`;
  for (const q of doc.groups[0]!.questions) {
    if ('categories' in q && q.categories?.[0]) q.categories[0].label = { fr: long(q.id) };
    if (q.kind === 'matrix' && q.rows?.[0]) q.rows[0].label = { fr: long(q.id) };
  }
  site.server.setPage('/results/olva-results.js', readFileSync(RESULTS_JS, 'utf8'));
  site.server.setPage('/results/results.json', JSON.stringify(doc));
  // A site's sans-serif (wider than Chromium's default serif): the charts take the page's font.
  site.server.setPage('/results/site.css', 'body { font-family: sans-serif; }');
  site.server.setPage('/results/index.html', `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Résultats</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/results/site.css"><script type="module" src="/results/olva-results.js"></script></head><body><main><h1>Vie associative</h1><olva-results src="/results/results.json"></olva-results></main></body></html>`);
  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await page.goto(`${site.origin}/results/index.html`);
  await page.waitForFunction(() => document.querySelector('olva-results')?.shadowRoot?.querySelector('svg'), undefined, { timeout: 15_000 });
  const system = await systemColours(page);
  const paints = await page.evaluate((allowed) => {
    const root = document.querySelector('olva-results')!.shadowRoot!;
    const found = new Map<string, string>();
    const kinds = new Set<string>();
    const hidden = new Set<string>();
    for (const e of root.querySelectorAll('svg.olva-chart *')) {
      if (['svg', 'title', 'desc', 'defs', 'pattern', 'g'].includes(e.tagName)) continue;
      if (e.closest('pattern')) kinds.add('hatch');
      // The "masqué" segment: a chequer of two colours (Canvas on GrayText), not its grey alone.
      if (e.closest('pattern[id$="-hidden"]')) hidden.add(getComputedStyle(e).fill);
      if (e.matches('.olva-chart-mark')) kinds.add('comparison marker');
      if (e.matches('[class^="olva-chart-s"]')) kinds.add('stacked series');
      const s = getComputedStyle(e);
      for (const [prop, value] of [['fill', s.fill], ['stroke', s.stroke]] as const) {
        if (value === 'none' || value.startsWith('url(') || allowed.includes(value)) continue;
        found.set(`${e.tagName}.${e.getAttribute('class') ?? ''} ${prop}`, value);
      }
    }
    if (hidden.size === 2) kinds.add('hidden segment');
    return { foreign: Object.fromEntries(found), kinds: [...kinds].sort() };
  }, [system.Canvas, system.CanvasText, system.GrayText]);
  // The document has what this is about, so the check cannot pass on an empty page.
  expect(paints.kinds).toEqual(['comparison marker', 'hatch', 'hidden segment', 'stacked series']);
  expect(paints.foreign, 'author colours left in forced colours').toEqual({});
  expect(await motion(page, 'olva-results')).toEqual([]);

  const rings = await focusRings(page, 'olva-results');
  expect(rings.problems, 'focus rings in forced colours').toEqual([]);
  expect(rings.checked).toBeGreaterThan(5);

  await page.emulateMedia({ forcedColors: 'none' });
  await page.evaluate(() => { for (const d of document.querySelector('olva-results')!.shadowRoot!.querySelectorAll('details')) d.open = true; });
  expect((await focusRings(page, 'olva-results')).problems, 'focus rings, tables open').toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await reflowProblems(page, 'olva-results'), 'at 320 px').toEqual([]);
  await page.setViewportSize({ width: 1024, height: 800 });
  await spaceText(page);
  expect(await zoomText(page, 'olva-results'), 'texts that do not grow at 200 %').toEqual([]);
  expect(await cutText(page, 'olva-results')).toEqual([]);
  await page.close();
});
