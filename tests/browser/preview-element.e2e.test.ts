/**
 * `<olva-survey preview>`, the mode `olva preview` uses, in real Chromium: a page with a
 * required question left empty does not stop "next", a section can be opened by
 * `preview-section`, and "send" never reaches the collector even when `endpoint` names one.
 * The same page without `preview` stops on the empty required question (the control).
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { addSurveyPage, openSurvey, useBrowserAndSite, waitForEvent, type OlvaSite } from '@olva/test-support/olva-site';

const label = (fr: string) => ({ fr, en: fr });
const questionnaire = compiledQuestionnaire({
  id: 'apercu', title: label('Aperçu'),
  sections: [
    { id: 'un', title: label('Première page'), questions: [{ id: 'nom', type: 'text', label: label('Nom'), required: true } as Question] },
    { id: 'deux', title: label('Deuxième page'), questions: [{ id: 'ville', type: 'text', label: label('Ville'), required: true } as Question] },
  ],
});

const heading = (page: Page) => page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('h3.section-title')?.id ?? null);
const pressPrimary = (page: Page) => page.evaluate(() => (document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="button-primary"]') as HTMLElement).click());

describe('<olva-survey preview>', () => {
  let browser: Browser;
  let site: OlvaSite;
  useBrowserAndSite((b, s) => { browser = b; site = s; });

  async function open(name: string, extra: Record<string, string | true>): Promise<Page> {
    const page = await browser.newPage();
    const url = addSurveyPage(site, `/${name}.html`, {
      attributes: { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr', ...extra },
      questionnaire,
    });
    await openSurvey(page, url);
    return page;
  }

  it('without preview, an empty required question stops "next" (control)', async () => {
    const page = await open('not-preview', {});
    await pressPrimary(page);
    await page.waitForFunction(() => !!document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="error-summary"]'));
    expect(await heading(page)).toBe('olva-section-un');
    await page.close();
  });

  it('moves on past empty required questions, opens a section by name, and never sends', async () => {
    const page = await open('preview', { preview: true });
    await pressPrimary(page);
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('h3.section-title')?.id === 'olva-section-deux');
    await pressPrimary(page);
    await page.waitForFunction(() => !!document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="review"]'));
    // Sending: the answers are incomplete, so the survey goes back to the first faulty page, never to the collector.
    await pressPrimary(page);
    await page.evaluate(() => document.querySelector('olva-survey')!.setAttribute('preview-section', 'deux'));
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('h3.section-title')?.id === 'olva-section-deux');
    await page.close();

    // Complete answers: "send" hands the response to the page (olva-submit) and shows the receipt; nothing is posted.
    const complete = await open('preview-complete', { preview: true, 'preview-section': 'deux' });
    expect(await heading(complete)).toBe('olva-section-deux');
    await complete.evaluate(() => {
      const survey = document.querySelector('olva-survey') as unknown as { session: { setAnswer(id: string, v: unknown): void } };
      survey.session.setAnswer('nom', 'Les Amis du Quartier');
      survey.session.setAnswer('ville', 'Rennes');
    });
    await pressPrimary(complete);
    await complete.waitForFunction(() => !!document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="review"]'));
    await pressPrimary(complete);
    await waitForEvent(complete, 'olva-submit');
    await complete.waitForFunction(() => !!document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="receipt"]'));
    // Without `preview` the receipt would only show once the collector answered the POST.
    expect(site.endpoint.requests).toEqual([]);
    await complete.close();
  }, 60_000);
});
