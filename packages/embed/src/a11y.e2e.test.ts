/**
 * axe-core in real Chromium, inside the shadow root of <olva-survey> (built embed): no serious
 * or critical violation in any state the stories show — each question type empty, answered,
 * in error and hidden by its condition; every page of the core survey with the Rennes
 * extension, its review and its receipt (at 320 px, checking there is no sideways scrolling
 * too); paper data entry; the kiosk receipt; a site theme set through --olva-* properties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CompiledQuestionnaire } from '@olva/schema';
import { launchChromium } from '../../../scripts/testing/chromium.js';
import { addSurveyPage, openSurvey, QUESTIONNAIRES, requireBuild, startOlvaSite, waitForEvent, type OlvaSite } from '../../../scripts/testing/olva-site.js';
import { seriousViolations } from '../../../scripts/testing/axe.js';
import { SKIP, answerFocused, answerPageByKeyboard, fillSurveyByKeyboard, isPrimaryButton, sendFromReview, tabUntil } from '../../../scripts/testing/keyboard.js';
import { HIDE_SWITCH, TYPE_FIXTURES } from '../../../stories/fixtures/index.js';
import { modesQuestionnaire } from '../../../stories/fixtures/modes.js';
import { SITE_THEME_CSS } from '../../../stories/fixtures/themes.js';

let browser: Browser;
let site: OlvaSite;

beforeAll(async () => {
  requireBuild();
  browser = await launchChromium();
  site = await startOlvaSite();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const BASE = { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' };

async function expectAccessible(page: Page, state: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe.each(TYPE_FIXTURES.map((f) => [f.type, f] as const))('question type %s', (_type, fixture) => {
  it('is accessible empty, in error, answered and hidden', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, `/a11y/${fixture.type}.html`, { attributes: BASE, questionnaire: fixture.questionnaire }));
    await expectAccessible(page, 'empty');

    await tabUntil(page, isPrimaryButton, 'primary button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[aria-invalid="true"]') !== null, null, { timeout: 5_000 });
    await expectAccessible(page, 'error');

    await answerPageByKeyboard(page, fixture.questionnaire, { [fixture.questionId]: fixture.expected, [HIDE_SWITCH]: SKIP });
    await expectAccessible(page, 'answered');

    const q = fixture.questionnaire.sections[0]!.questions.find((x) => x.id === HIDE_SWITCH)!;
    const f = await tabUntil(page, (x) => x.questionId === HIDE_SWITCH, 'the switch');
    await answerFocused(page, q, f, true);
    await page.waitForFunction((id) => document.querySelector('olva-survey')!.shadowRoot!.querySelector(`[data-question="${id}"]`) === null, fixture.questionId, { timeout: 5_000 }).catch(() => undefined);
    await expectAccessible(page, 'hidden');
    await page.close();
  });
});

it('the core survey with the Rennes extension is accessible on every page, the review and the receipt (320 px)', async () => {
  const compiled = JSON.parse(readFileSync(join(QUESTIONNAIRES, 'olva-core+rennes-2026/questionnaire.json'), 'utf8')) as CompiledQuestionnaire;
  const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
  await openSurvey(page, addSurveyPage(site, '/a11y/core.html', { attributes: { ...BASE, src: '/questionnaires/olva-core+rennes-2026/questionnaire.json' } }));
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await fillSurveyByKeyboard(page, compiled, {
    numero_rna: 'W351234567', secteurs_secondaires: ['culture'], employeur: true, budget_annuel: 'de_10000_a_50000',
    sources_revenus: ['cotisations', 'subventions_publiques'], part_financement_public: 30, locaux: 'location',
  }, {
    onPage: async (id, stage) => {
      await expectAccessible(page, `${id} (${stage})`);
      expect(await overflow(), `${id} (${stage}) scrolls sideways`).toBeLessThanOrEqual(0);
    },
  });
  await sendFromReview(page);
  await waitForEvent(page, 'olva-submitted');
  await expectAccessible(page, 'receipt');
  await page.close();
});

it('paper data entry and the kiosk receipt are accessible', async () => {
  const page = await browser.newPage();
  await openSurvey(page, addSurveyPage(site, '/a11y/paper.html', { attributes: { ...BASE, channel: 'paper', src: '/questionnaires/olva-core+rennes-2026/questionnaire.json' } }));
  await expectAccessible(page, 'paper entry');
  await openSurvey(page, addSurveyPage(site, '/a11y/kiosk.html', { attributes: { ...BASE, channel: 'kiosk', 'reset-after': '60' }, questionnaire: modesQuestionnaire }));
  await expectAccessible(page, 'kiosk start');
  await fillSurveyByKeyboard(page, modesQuestionnaire, {});
  await sendFromReview(page);
  await waitForEvent(page, 'olva-submitted');
  await expectAccessible(page, 'kiosk receipt');
  await page.close();
});

it('a site theme set through --olva-* properties stays accessible, errors included', async () => {
  const page = await browser.newPage();
  await openSurvey(page, addSurveyPage(site, '/a11y/theme.html', {
    attributes: { ...BASE, class: 'site-theme', src: '/questionnaires/olva-core/questionnaire.json' },
    css: SITE_THEME_CSS,
  }));
  // The theme really applies inside the shadow root.
  const primary = await page.evaluate(() => {
    const button = document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="button-primary"]')!;
    return getComputedStyle(button).backgroundColor;
  });
  expect(primary).toBe('rgb(138, 21, 56)');
  await expectAccessible(page, 'themed');
  await tabUntil(page, isPrimaryButton, 'primary button', 400);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[aria-invalid="true"]') !== null, null, { timeout: 5_000 });
  await expectAccessible(page, 'themed, with errors');
  await page.close();
});
