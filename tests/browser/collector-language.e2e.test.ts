/**
 * The embed asks the collector for its messages in the form's language: a response is posted
 * with `Accept-Language` set to the survey's `lang` (the collector words a refusal's problems
 * in it, French otherwise), in real Chromium with the built embed.
 */
import { expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addSurveyPage, openSurvey, waitForEvent, type OlvaSite, useBrowserAndSite, useFreshContext } from '@olva/test-support/olva-site';
import { SKIP, fillSurveyByKeyboard, sendFromReview } from '@olva/test-support/keyboard';
import text from '../../stories/fixtures/types/text.js';
import { HIDE_SWITCH } from '../../stories/fixtures/build.js';

let browser: Browser;
let site: OlvaSite;

useBrowserAndSite((b, s) => { browser = b; site = s; });
const context = useFreshContext(() => browser);

it('posts a response with Accept-Language set to the form\'s language', async () => {
  for (const lang of ['en', 'fr'] as const) {
    const url = addSurveyPage(site, `/collector-language/${lang}.html`, {
      attributes: { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang },
      questionnaire: text.questionnaire,
    });
    const page = await context().newPage();
    await openSurvey(page, url);
    await fillSurveyByKeyboard(page, text.questionnaire, { [HIDE_SWITCH]: SKIP, [text.questionId]: text.expected });
    await sendFromReview(page);
    const { receipt } = await waitForEvent(page, 'olva-submitted');
    const posts = site.endpoint.postsFor(receipt.submissionId);
    expect(posts.map((p) => [p.status, p.acceptLanguage])).toEqual([[201, lang]]);
    await page.close();
  }
});
