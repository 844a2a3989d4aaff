/**
 * The commune question in real Chromium, through the built embed: a combobox fed by the
 * collector's search (`GET /v1/communes`, served on the test site by @olva/collector's own
 * code), used with the keyboard only. The answer sent is the INSEE code; the review shows the
 * name; a postcode is named as such; without the search a typed code is still an answer.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addSurveyPage, openSurvey, recordedEvents, waitForEvent, type OlvaSite, useBrowserAndSite } from '@olva/test-support/olva-site';
import { focusInfo, isPrimaryButton, sendFromReview, tabUntil } from '@olva/test-support/keyboard';
import { seriousViolations } from '@olva/test-support/axe';
import { TYPE_FIXTURES } from '../../stories/fixtures/index.js';

let browser: Browser;
let site: OlvaSite;

useBrowserAndSite((b, s) => { browser = b; site = s; });

const fixture = TYPE_FIXTURES.find((f) => f.type === 'commune')!;
const ID = fixture.questionId;

async function open(variant: string, endpoint = '/v1/responses', extra: Record<string, true> = {}): Promise<Page> {
  // A context of its own, so that a test may open a second tab of the same browser profile.
  const page = await (await browser.newContext()).newPage();
  const url = addSurveyPage(site, `/commune/${variant}.html`, {
    attributes: { endpoint, territory: 'commune:35238', wave: '2026', lang: 'fr', channel: 'web', ...extra },
    questionnaire: fixture.questionnaire,
  });
  await openSurvey(page, url);
  return page;
}

/** The combobox and its list, read in the survey's shadow root. */
async function combobox(page: Page) {
  return page.evaluate((id) => {
    const root = document.querySelector('olva-survey')!.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>(`[data-question="${id}"] [role="combobox"]`)!;
    const list = root.getElementById(input.getAttribute('aria-controls') ?? '');
    const active = root.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    const label = root.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      value: input.value,
      expanded: input.getAttribute('aria-expanded'),
      labelled: label !== null,
      listInSameRoot: list !== null && list.getAttribute('role') === 'listbox',
      listVisible: list?.checkVisibility() ?? false,
      options: [...(list?.querySelectorAll('[role="option"]') ?? [])].map(text),
      active: text(active),
      activeSelected: active?.getAttribute('aria-selected') ?? null,
      status: text(root.querySelector(`[data-question="${id}"] [role="status"]`)),
      describedBy: (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((ref) => text(root.getElementById(ref))),
    };
  }, ID);
}

async function focusCommune(page: Page): Promise<void> {
  const f = await tabUntil(page, (x) => x.questionId === ID && x.role === 'combobox', 'the commune combobox');
  expect(f.inSurvey).toBe(true);
}

const waitFor = (page: Page, what: (state: Awaited<ReturnType<typeof combobox>>) => boolean, label: string) =>
  expect.poll(async () => what(await combobox(page)), { timeout: 10_000, message: label }).toBe(true);

describe('the commune picker', () => {
  it('finds Rennes from "renn", picks it with the arrow and Enter, sends 35238 and reviews "Rennes"', async () => {
    const page = await open('keyboard');
    await focusCommune(page);
    await page.keyboard.type('renn', { delay: 20 });
    await waitFor(page, (s) => s.expanded === 'true' && s.options.length > 0, 'the list opens with results');
    let state = await combobox(page);
    expect(state.labelled).toBe(true);
    expect(state.listInSameRoot).toBe(true);
    expect(state.listVisible).toBe(true);
    expect(state.options[0]).toBe('Rennes (35238)');
    expect(state.status).toMatch(/^\d+ communes trouvées/);
    await page.keyboard.press('ArrowDown');
    state = await combobox(page);
    expect(state.active).toBe('Rennes (35238)');
    expect(state.activeSelected).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Enter');
    state = await combobox(page);
    expect(state.value).toBe('Rennes (35238)');
    expect(state.expanded).toBe('false');
    expect(state.listVisible).toBe(false);
    // Enter picked the commune: it did not send the page.
    expect((await focusInfo(page))?.role).toBe('combobox');
    const change = (await recordedEvents(page)).filter((e) => e.type === 'olva-change' && e.detail.questionId === ID).at(-1);
    expect(change?.detail.value).toBe('35238');

    await tabUntil(page, isPrimaryButton, 'the review button');
    await page.keyboard.press('Enter');
    await waitForEvent(page, 'olva-page-change');
    const review = await page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('.review dl')?.textContent ?? '');
    expect(review.replace(/\s+/g, ' ')).toContain('Rennes (35238)');
    expect(await seriousViolations(page)).toEqual([]);
    const before = site.endpoint.stored.length;
    await sendFromReview(page);
    await site.endpoint.waitForStored(before + 1);
    expect((site.endpoint.stored.at(-1)!.payload as { answers: Record<string, unknown> }).answers).toEqual({ [ID]: '35238' });
    await page.close();
  });

  it('reads a name typed and left as the commune of that name when only one has it: a typist\'s Enter before the list came', async () => {
    const page = await (await browser.newContext()).newPage();
    await openSurvey(page, addSurveyPage(site, '/commune/typist.html', {
      attributes: { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr', channel: 'paper' },
      questionnaire: fixture.questionnaire,
    }));
    await focusCommune(page);
    const answer = async () => (await recordedEvents(page)).filter((e) => e.type === 'olva-change' && e.detail.questionId === ID).at(-1)?.detail.value;
    // As fast as a typist: Enter moves on before the search has answered.
    const searched = (q: string) => page.waitForResponse((r) => r.url().includes('/v1/communes') && new URL(r.url()).searchParams.get('q') === q);
    let found = searched('rennes');
    await page.keyboard.type('rennes');
    await page.keyboard.press('Enter');
    await found;
    await waitFor(page, (s) => s.value === 'Rennes (35238)', 'the box names the commune');
    expect(await answer()).toBe('35238');
    // Several communes share the name: none is guessed, the form will ask.
    await focusCommune(page);
    await page.keyboard.press('Control+A');
    found = searched('Saint-Denis');
    await page.keyboard.type('Saint-Denis');
    await page.keyboard.press('Enter');
    await found;
    // Back in the box, the list of the search done after it was left opens: it was read, and nothing picked.
    await focusCommune(page);
    await expect.poll(async () => {
      if ((await combobox(page)).expanded !== 'true') await page.keyboard.press('ArrowDown');
      return (await combobox(page)).options.filter((o) => o.startsWith('Saint-Denis (')).length;
    }, { timeout: 10_000 }).toBeGreaterThan(1);
    expect((await combobox(page)).value).toBe('Saint-Denis');
    expect(await answer()).toBe('SAINT-DENIS');
    await page.close();
  });

  it('on a phone, brings the list into view when it opens below the fold', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await openSurvey(page, addSurveyPage(site, '/commune/phone.html', {
      attributes: { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' },
      questionnaire: fixture.questionnaire,
      css: '.above { height: 1500px; }',
      before: '<div class="above"></div>',
    }));
    // The box at the bottom of the screen, where a thumb reaches it.
    const box = page.locator(`olva-survey [data-question="${ID}"] [role="combobox"]`);
    await box.evaluate((input) => input.scrollIntoView({ block: 'end' }));
    await box.tap();
    await page.keyboard.type('renn');
    await waitFor(page, (s) => s.expanded === 'true', 'the list opens');
    const shown = await page.evaluate((id) => {
      const list = document.querySelector('olva-survey')!.shadowRoot!.querySelector(`[data-question="${id}"] [role="listbox"]`)!;
      return { bottom: list.getBoundingClientRect().bottom, height: innerHeight };
    }, ID);
    expect(shown.bottom).toBeLessThanOrEqual(shown.height);
    await context.close();
  });

  it('names a typed postcode as such and offers its communes; Escape closes the list', async () => {
    const page = await open('postcode');
    await focusCommune(page);
    await page.keyboard.type('35000', { delay: 20 });
    await waitFor(page, (s) => s.expanded === 'true', 'the list opens');
    let state = await combobox(page);
    expect(state.options).toEqual(['Rennes (35238)']);
    expect(state.describedBy).toContain('35000 est un code postal : choisissez la commune.');
    expect(state.status).toContain('35000 est un code postal');
    // A postcode is no answer.
    const changes = (await recordedEvents(page)).filter((e) => e.type === 'olva-change' && e.detail.questionId === ID);
    expect(changes.at(-1)?.detail.value).toBeUndefined();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    state = await combobox(page);
    expect(state.expanded).toBe('false');
    expect(state.value).toBe('35000');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect((await combobox(page)).value).toBe('Rennes (35238)');
    await page.close();
  });

  it('takes a typed INSEE code when the search cannot be reached, with a hint that a postcode is not one', async () => {
    // The search is looked for next to the responses URL: nothing answers under /hors-ligne/.
    const page = await open('offline', '/hors-ligne/v1/responses');
    await focusCommune(page);
    await page.keyboard.type('35238', { delay: 20 });
    await waitFor(page, (s) => s.describedBy.some((d) => d.startsWith('Recherche des communes indisponible')), 'the offline hint');
    const state = await combobox(page);
    expect(state.expanded).toBe('false');
    expect(state.describedBy.join(' ')).toContain('un code postal n’est pas un code de commune');
    const changes = (await recordedEvents(page)).filter((e) => e.type === 'olva-change' && e.detail.questionId === ID);
    expect(changes.at(-1)?.detail.value).toBe('35238');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows the name of a commune answered before, when a draft is resumed', async () => {
    const page = await open('draft', '/v1/responses', { resume: true });
    await focusCommune(page);
    await page.keyboard.type('35238', { delay: 20 });
    await tabUntil(page, (f) => f.inSurvey && f.text === 'Reprendre plus tard', 'the resume-later button');
    await page.keyboard.press('Enter');
    // A new visit, in another tab of the same browser: the page has forgotten the names it saw
    // (and this tab's copy of the answers), the device kept the draft.
    const later = await page.context().newPage();
    await later.goto(page.url());
    await later.waitForFunction(() => (window as unknown as { __olvaEvents?: { type: string }[] }).__olvaEvents?.some((e) => e.type === 'olva-ready'));
    await tabUntil(later, (f) => f.inSurvey && f.text === 'Reprendre où j’en étais', 'the resume button');
    await later.keyboard.press('Enter');
    await waitFor(later, (s) => s.value === 'Rennes (35238)', 'the resumed answer shows its name');
    await later.close();
    await page.close();
  });
});
