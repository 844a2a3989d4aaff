/**
 * The respondent's way through the pages, in real Chromium with the built embed: the browser's
 * Back and Forward move between steps and never lose an answer, leaving the page and coming
 * back (or reloading) finds the answers again, Enter in a text box does not judge the whole
 * page, "Modifier" from the review leads back to it in one step, the live region follows the
 * language, and "resume later" keeps what is typed after the click.
 */
import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CompiledQuestionnaire } from '@olva/schema';
import { addSurveyPage, openSurvey, waitForReady, type OlvaSite, useBrowserAndSite, useFreshContext } from '@olva/test-support/olva-site';
import { fillSurveyByKeyboard, isPrimaryButton, shownErrors, tabUntil } from '@olva/test-support/keyboard';
import { modesQuestionnaire } from '../../stories/fixtures/modes.js';

let browser: Browser;
let site: OlvaSite;

useBrowserAndSite((b, s) => { browser = b; site = s; });
/** A fresh profile for each test: no draft, no history. */
const context = useFreshContext(() => browser);

/** The modes fixture on two pages, so that the review has a page before the last one. */
const twoPages: CompiledQuestionnaire = (() => {
  const [section] = modesQuestionnaire.sections;
  const questions = section!.questions;
  return {
    ...modesQuestionnaire,
    sections: [
      { ...section!, questions: questions.slice(0, 3) },
      { ...section!, id: 's2', title: { fr: 'Seconde page', en: 'Second page' }, questions: questions.slice(3).map((q) => ({ ...q, section: 's2' })) },
    ],
  } as CompiledQuestionnaire;
})();

const FIXTURE_ATTRIBUTES = { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' };
const FIXTURE_ANSWERS = { nom_association: 'Atelier vélo', secteur: 'social', employeur: false, nb_benevoles: 7 };

function surveyUrl(name: string): string {
  return addSurveyPage(site, `/flow/${name}.html`, { attributes: FIXTURE_ATTRIBUTES, questionnaire: twoPages });
}

/** The step shown (section id, `review` or `receipt`) and the answers the survey holds. */
async function shown(page: Page): Promise<{ step: string; answers: Record<string, unknown> }> {
  return page.evaluate(() => {
    const survey = document.querySelector('olva-survey') as HTMLElement & { session: { answers: Record<string, unknown> } };
    const root = survey.shadowRoot!;
    const step = root.querySelector('[part~="review"]') ? 'review'
      : root.querySelector('[part~="receipt"]') ? 'receipt'
        : root.querySelector('section[part~="section"] h3')?.id.replace(/^olva-section-/, '') ?? '';
    return { step, answers: JSON.parse(JSON.stringify(survey.session.answers)) };
  });
}

async function waitForStep(page: Page, step: string): Promise<void> {
  await page.waitForFunction((wanted) => {
    const root = document.querySelector('olva-survey')?.shadowRoot;
    const id = wanted === 'review' ? '[part~="review"]' : `#olva-section-${wanted}`;
    return root?.querySelector(id) != null;
  }, step, { timeout: 10_000 });
}

/** The values shown in the text boxes of the page. */
async function typedValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelector('olva-survey')!.shadowRoot!
    .querySelectorAll<HTMLInputElement>('input:not([type="radio"]):not([type="checkbox"]), textarea')].map((b) => b.value));
}

it('Back and Forward move between steps with the answers, and leaving the page and coming back keeps them', async () => {
  const page = await context().newPage();
  const url = surveyUrl('history');
  await openSurvey(page, url);
  const [first, second] = ['s1', 's2'];
  await fillSurveyByKeyboard(page, twoPages, FIXTURE_ANSWERS, { maxPages: 1 });
  await waitForStep(page, second);
  const answered = (await shown(page)).answers;
  expect(answered).toMatchObject({ nom_association: 'Atelier vélo', secteur: 'social' });

  // Back: the first step again, answers shown; the page's URL never changed.
  await page.goBack();
  await waitForStep(page, first);
  expect(await shown(page)).toEqual({ step: first, answers: answered });
  expect(page.url()).toBe(url);
  const boxes = await typedValues(page);
  expect(boxes.some((v) => v !== '')).toBe(true);

  // Forward: the step already visited.
  await page.goForward();
  await waitForStep(page, second);
  expect((await shown(page)).step).toBe(second);

  // Another page, then Back: the survey comes back where it was, with every answer.
  site.server.setPage('/flow/elsewhere.html', '<!doctype html><html lang="fr"><title>Ailleurs</title><p>Ailleurs</p></html>');
  await page.goto(`${site.origin}/flow/elsewhere.html`);
  await page.goBack();
  await waitForReady(page);
  await waitForStep(page, second);
  expect(await shown(page)).toEqual({ step: second, answers: answered });
  // And Back once more reaches the first step, still with its answers.
  await page.goBack();
  await waitForStep(page, first);
  expect((await typedValues(page))).toEqual(boxes);

  // A reload keeps them too.
  await page.reload();
  await waitForReady(page);
  expect(await shown(page)).toEqual({ step: first, answers: answered });
});

it('Enter in a text box does not show the errors of the whole page', async () => {
  const page = await context().newPage();
  await openSurvey(page, surveyUrl('enter'));
  const first = 's1';
  const f = await tabUntil(page, (i) => i.inSurvey && i.tag === 'input' && (i.type === 'text' || i.type === ''), 'a text box');
  expect(f.questionId).not.toBe('');
  await page.keyboard.type('Les amis du quartier');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  expect(await shownErrors(page)).toEqual([]);
  expect((await shown(page)).step).toBe(first);
});

it('"Modifier" from the review leads back to it in one step, past the pages after the one changed', async () => {
  const page = await context().newPage();
  await openSurvey(page, addSurveyPage(site, '/flow/review.html', { attributes: FIXTURE_ATTRIBUTES, questionnaire: twoPages }));
  await fillSurveyByKeyboard(page, twoPages, FIXTURE_ANSWERS);
  await waitForStep(page, 'review');
  await tabUntil(page, (f) => f.inSurvey && f.tag === 'button' && f.text.startsWith('Modifier') && f.text.includes('Section unique'), '"Modifier" of the first page');
  await page.keyboard.press('Enter');
  await waitForStep(page, 's1');
  await tabUntil(page, (f) => f.inSurvey && f.tag === 'button' && f.text === 'Retour au récapitulatif', 'the button back to the review');
  await page.keyboard.press('Enter');
  await waitForStep(page, 'review');
  expect((await shown(page)).answers).toMatchObject(FIXTURE_ANSWERS);
});

it('the live region speaks the language the element is switched to', async () => {
  const page = await context().newPage();
  await openSurvey(page, addSurveyPage(site, '/flow/lang.html', { attributes: FIXTURE_ATTRIBUTES, questionnaire: twoPages }));
  const live = () => page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim());
  await tabUntil(page, isPrimaryButton, 'primary button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /erreur/.test(document.querySelector('olva-survey')!.shadowRoot!.querySelector('[role="status"]')!.textContent!), null, { timeout: 5_000 });
  await page.evaluate(() => document.querySelector('olva-survey')!.setAttribute('lang', 'en'));
  await page.waitForFunction(() => /error/.test(document.querySelector('olva-survey')!.shadowRoot!.querySelector('[role="status"]')!.textContent!), null, { timeout: 5_000 })
    .catch(() => undefined);
  expect(await live()).toMatch(/error prevents you from continuing/);
});

it('"Reprendre plus tard" keeps the answers given after the click too', async () => {
  const url = addSurveyPage(site, '/flow/resume.html', { attributes: { ...FIXTURE_ATTRIBUTES, resume: true }, questionnaire: twoPages });
  const page = await context().newPage();
  await openSurvey(page, url);
  await page.getByLabel('Nom de l’association').fill('Atelier vélo');
  await page.getByRole('button', { name: 'Reprendre plus tard' }).click();
  await page.getByText('Vos réponses sont gardées sur cet appareil').first().waitFor();
  // Answered after the click, then the page is left.
  await page.getByRole('radio', { name: 'Social' }).check();
  site.server.setPage('/flow/elsewhere-resume.html', '<!doctype html><html lang="fr"><title>Ailleurs</title><p>Ailleurs</p></html>');
  await page.goto(`${site.origin}/flow/elsewhere-resume.html`);
  await page.close();

  // Another visit (a new tab: nothing of the first tab's own copy): the draft has both answers.
  const later = await context().newPage();
  await openSurvey(later, url);
  await later.getByRole('button', { name: 'Reprendre où j’en étais' }).click();
  await waitForStep(later, 's1');
  expect((await shown(later)).answers).toEqual({ nom_association: 'Atelier vélo', secteur: 'social' });
});

it('a new survey element the page puts in place of the old one starts empty', async () => {
  const page = await context().newPage();
  await openSurvey(page, surveyUrl('replaced'));
  await fillSurveyByKeyboard(page, twoPages, FIXTURE_ANSWERS, { maxPages: 1 });
  await waitForStep(page, 's2');
  // The page starts a new response for the next person: a new element, the same questionnaire.
  await page.evaluate(() => {
    const old = document.querySelector('olva-survey')! as HTMLElement & { questionnaire: unknown };
    const next = document.createElement('olva-survey') as HTMLElement & { questionnaire: unknown };
    for (const { name, value } of old.attributes) next.setAttribute(name, value);
    next.questionnaire = old.questionnaire;
    old.replaceWith(next);
  });
  await waitForStep(page, 's1');
  expect(await shown(page)).toEqual({ step: 's1', answers: {} });
});
