/**
 * Each question is drawn as a unit of its own (packages/elements/src/questions/question-part.ts):
 * in real Chromium, through the built embed, answering a question redraws that question only.
 * The page's template (the element's `render()`) is not run again, and a MutationObserver on
 * the other questions sees nothing; a question shown or hidden by a condition changes without
 * the page being redrawn; once the page was checked, the error summary still follows the
 * answers (then the page is redrawn). Label, control and error stay in the one shadow root.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Question } from '@olva/schema';
import { compiledQuestionnaire } from '@olva/test-support/compiled';
import { addSurveyPage, openSurvey, useBrowserAndSite, type OlvaSite } from '@olva/test-support/olva-site';

let browser: Browser;
let site: OlvaSite;
useBrowserAndSite((b, s) => { browser = b; site = s; });

const ATTRIBUTES = { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' };

const text = (id: string, label: string, more: Partial<Question> = {}): Question =>
  ({ id, type: 'text', label: { fr: label, en: label }, ...more }) as Question;

/** Page 1: a choice with "other", two text boxes, one of them shown only after "oui". Page 2: one text box. */
const QUESTIONNAIRE = compiledQuestionnaire({
  id: 'fixture-parts',
  title: { fr: 'Parties', en: 'Parts' },
  sections: [
    {
      id: 's1', title: { fr: 'Un', en: 'One' }, questions: [
        {
          id: 'a', type: 'single', label: { fr: 'Choix', en: 'Choice' }, required: true, other: { label: { fr: 'Précisez', en: 'Specify' } },
          choices: [{ code: 'oui', label: { fr: 'Oui', en: 'Yes' } }, { code: 'non', label: { fr: 'Non, *jamais*', en: 'No, *never*' } }],
        } as Question,
        text('b', 'Nom', { required: true } as Partial<Question>),
        text('c', 'Détail', { visibleWhen: { '==': [{ var: 'a' }, 'oui'] } } as Partial<Question>),
      ],
    },
    { id: 's2', title: { fr: 'Deux', en: 'Two' }, questions: [text('d', 'Ville')] },
  ],
});

/**
 * Counts the page's draws (the element's `render()`) and records, per question, whether
 * anything inside it changed from now on.
 */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const survey = document.querySelector('olva-survey') as HTMLElement & { render(): unknown };
    const root = survey.shadowRoot!;
    const w = window as unknown as { __pageDraws: number; __mutated: Record<string, number> };
    w.__pageDraws = 0;
    w.__mutated = {};
    const draw = survey.render;
    survey.render = function () {
      w.__pageDraws++;
      return draw.call(this);
    };
    for (const id of ['a', 'b', 'c']) {
      // A conditional question's box holds it; watch the box, or the question itself.
      const question = root.querySelector(`[data-question="${id}"]`);
      const target = question?.parentElement?.classList.contains('question-box') ? question.parentElement : question;
      const box = target ?? root.querySelector('.question-box')!;
      w.__mutated[id] = 0;
      new MutationObserver((records) => { w.__mutated[id] += records.length; })
        .observe(box, { subtree: true, childList: true, attributes: true, characterData: true });
    }
  });
  // Start counting once the element has settled: the outbox and the kept answers open
  // asynchronously after loading and may draw the page once, before anything is typed.
  await page.evaluate(async () => {
    const w = window as unknown as { __pageDraws: number; __mutated: Record<string, number> };
    const deadline = Date.now() + 3000;
    let last = -1;
    while (w.__pageDraws !== last && Date.now() < deadline) {
      last = w.__pageDraws;
      await new Promise((r) => setTimeout(r, 250));
    }
    w.__pageDraws = 0;
    for (const id of Object.keys(w.__mutated)) w.__mutated[id] = 0;
  });
}

const seen = (page: Page) => page.evaluate(async () => {
  await (document.querySelector('olva-survey') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await new Promise((r) => setTimeout(r, 50));
  const w = window as unknown as { __pageDraws: number; __mutated: Record<string, number> };
  return { pageDraws: w.__pageDraws, mutated: { ...w.__mutated } };
});

const shadow = (page: Page, selector: string) => page.locator(`olva-survey >> ${selector}`);

const visibleC = (page: Page) => page.evaluate(() => {
  const q = document.querySelector('olva-survey')!.shadowRoot!.querySelector('.question-box');
  return q ? q.checkVisibility() && !q.hasAttribute('inert') : false;
});

describe('one question redrawn at a time', () => {
  it('typing in one question redraws neither the page nor the other questions', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/parts/typing.html', { questionnaire: QUESTIONNAIRE, attributes: ATTRIBUTES }));
    await watch(page);
    await shadow(page, '#olva-q-b').pressSequentially('Les amis');
    let after = await seen(page);
    expect(after.pageDraws).toBe(0);
    expect(after.mutated).toEqual({ a: 0, b: 0, c: 0 });
    expect(await page.evaluate(() => (document.querySelector('olva-survey') as unknown as { session: { answers: Record<string, unknown> } }).session.answers)).toEqual({ b: 'Les amis' });

    // "Other": the question grows its "please specify" box, and only it changes.
    await shadow(page, 'input[type="radio"][value="other"]').check();
    after = await seen(page);
    expect(after.pageDraws).toBe(0);
    expect(after.mutated.a).toBeGreaterThan(0);
    expect(after.mutated.b).toBe(0);
    expect(await shadow(page, '#olva-q-a-other').count()).toBe(1);
    await page.close();
  });

  it('a question shown or hidden by a condition changes without the page being redrawn', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/parts/condition.html', { questionnaire: QUESTIONNAIRE, attributes: ATTRIBUTES }));
    expect(await visibleC(page)).toBe(false);
    await watch(page);
    await shadow(page, 'input[type="radio"][value="oui"]').check();
    const after = await seen(page);
    expect(await visibleC(page)).toBe(true);
    expect(after.pageDraws).toBe(0);
    expect(after.mutated.b).toBe(0);
    await shadow(page, 'input[type="radio"][value="non"]').check();
    expect(await visibleC(page)).toBe(false);
    expect((await seen(page)).pageDraws).toBe(0);
    await page.close();
  });

  it('a question is drawn without empty describers, white space between blocks, or markers around plain words', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/parts/nodes.html', { questionnaire: QUESTIONNAIRE, attributes: ATTRIBUTES }));
    const b = await page.evaluate(() => {
      const question = document.querySelector('olva-survey')!.shadowRoot!.querySelector('[data-question="b"]')!;
      const all: Node[] = [];
      const walk = (n: Node) => n.childNodes.forEach((c) => { all.push(c); walk(c); });
      walk(question);
      return {
        children: [...question.children].map((e) => e.tagName),
        // White space between the question's blocks (the one inside the label, before "(obligatoire)", is a word space).
        blank: [...question.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && !/\S/.test(n.nodeValue ?? '')).length,
        // Lit's markers: one per hole (label, describers, control, left-blank box; in the label, the words and "obligatoire").
        markers: all.filter((n) => n.nodeType === Node.COMMENT_NODE).length,
        label: question.querySelector('label')!.textContent,
      };
    });
    // b has no help, no hint and no error yet: label and box only.
    expect(b.children).toEqual(['LABEL', 'INPUT']);
    expect(b.blank).toBe(0);
    expect(b.markers).toBeLessThanOrEqual(6);
    expect(b.label).toBe('Nom (obligatoire)');
    await page.close();
  });

  it('a list of choices is drawn without markers, label by label, and answering updates its inputs in place', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/parts/choices.html', { questionnaire: QUESTIONNAIRE, attributes: ATTRIBUTES }));
    const drawn = () => page.evaluate(() => {
      const list = document.querySelector('olva-survey')!.shadowRoot!.querySelector('[data-question="a"] .choices')!;
      const w = window as unknown as { __labels?: Element[] };
      w.__labels ??= [...list.children];
      return {
        nodes: [...list.childNodes].map((n) => n.nodeName),
        choices: [...list.children].map((label) => ({
          shape: [...label.childNodes].map((n) => n.nodeName),
          part: label.getAttribute('part'),
          id: label.querySelector('input')!.id,
          name: label.querySelector('input')!.name,
          checked: label.querySelector('input')!.checked,
          invalid: label.querySelector('input')!.getAttribute('aria-invalid'),
          words: label.querySelector('span')!.textContent,
          emphasis: label.querySelector('span em')?.textContent ?? null,
        })),
        // The same label elements as at first: updated in place, not drawn again.
        same: [...list.children].every((label, i) => label === w.__labels![i]),
      };
    });
    const first = await drawn();
    expect(first.nodes).toEqual(['LABEL', 'LABEL', 'LABEL']);
    expect(first.choices.map((c) => c.shape)).toEqual([['INPUT', 'SPAN'], ['INPUT', 'SPAN'], ['INPUT', 'SPAN']]);
    expect(first.choices.map((c) => [c.part, c.id, c.name, c.checked, c.invalid])).toEqual([
      ['choice', 'olva-q-a', 'olva-q-a', false, 'false'], ['choice', '', 'olva-q-a', false, 'false'], ['choice', '', 'olva-q-a', false, 'false']]);
    // Words with emphasis keep it, as text: never markup from the definition.
    expect(first.choices[1]).toMatchObject({ words: 'Non, jamais', emphasis: 'jamais' });
    await shadow(page, 'input[type="radio"][value="non"]').check();
    await expect.poll(async () => (await drawn()).choices.map((c) => c.checked)).toEqual([false, true, false]);
    await shadow(page, 'input[type="radio"][value="oui"]').check();
    await expect.poll(async () => (await drawn()).choices.map((c) => c.checked)).toEqual([true, false, false]);
    expect(await page.evaluate(() => (document.querySelector('olva-survey') as unknown as { session: { answers: Record<string, unknown> } }).session.answers)).toEqual({ a: 'oui' });
    // The error state reaches every input of the list (the page checked with b empty).
    await shadow(page, 'button[part~="button-primary"]').click();
    await shadow(page, 'input[type="radio"][value="oui"]').check();
    const after = await drawn();
    expect(after.same).toBe(true);
    await page.evaluate(() => (document.querySelector('olva-survey') as unknown as { session: { setAnswer(id: string, v: unknown): void } }).session.setAnswer('a', undefined));
    await expect.poll(async () => (await drawn()).choices.map((c) => [c.checked, c.invalid])).toEqual([[false, 'true'], [false, 'true'], [false, 'true']]);
    // The same shape with a code renamed (a preview rebuilt after an edit): the inputs' values follow.
    const values = () => page.evaluate(() => [...document.querySelector('olva-survey')!.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-question="a"] .choices input')].map((i) => i.value));
    expect(await values()).toEqual(['oui', 'non', 'other']);
    const renamed = JSON.parse(JSON.stringify(QUESTIONNAIRE).replace(/"code":"non"/, '"code":"jamais"'));
    await page.evaluate((q) => { (document.querySelector('olva-survey') as unknown as { questionnaire: unknown }).questionnaire = q; }, renamed);
    await expect.poll(values).toEqual(['oui', 'jamais', 'other']);
    await page.close();
  });

  it('a radio button checked by the respondent is not drawn again, and an answer set afterwards by a script shows', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/parts/radios.html', { questionnaire: QUESTIONNAIRE, attributes: ATTRIBUTES }));
    const checked = () => page.evaluate(() => [...document.querySelector('olva-survey')!.shadowRoot!
      .querySelectorAll<HTMLInputElement>('[data-question="a"] .choices input')].map((i) => i.checked));
    const setAnswer = (value: unknown) => page.evaluate((v) => (document.querySelector('olva-survey') as unknown as {
      session: { setAnswer(id: string, v: unknown): void } }).session.setAnswer('a', v), value);
    // The inputs show the respondent's answers (the question is not drawn for them)…
    await shadow(page, 'input[type="radio"][value="oui"]').check();
    await shadow(page, 'input[type="radio"][value="non"]').check();
    expect(await checked()).toEqual([false, true, false]);
    await expect.poll(() => visibleC(page)).toBe(false);
    // …and the next draw starts from what they show: "oui" checked again, though drawn last unchecked.
    await setAnswer('oui');
    await expect.poll(checked).toEqual([true, false, false]);
    await expect.poll(() => visibleC(page)).toBe(true);
    await shadow(page, 'input[type="radio"][value="non"]').check();
    await setAnswer(undefined);
    await expect.poll(checked).toEqual([false, false, false]);
    await shadow(page, 'input[type="radio"][value="non"]').check();
    expect(await checked()).toEqual([false, true, false]);
    expect(await page.evaluate(() => (document.querySelector('olva-survey') as unknown as { session: { answers: Record<string, unknown> } }).session.answers)).toEqual({ a: 'non' });
    await page.close();
  });

  it('once the page was checked, its error summary and the error in the same root follow the answers', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/parts/checked.html', { questionnaire: QUESTIONNAIRE, attributes: ATTRIBUTES }));
    await shadow(page, 'button[part~="button-primary"]').click();
    await expect.poll(() => shadow(page, '[part~="error-summary"] li').count()).toBe(2);
    // The error of b is described in the same shadow root as its box.
    const describedB = await page.evaluate(() => {
      const root = document.querySelector('olva-survey')!.shadowRoot!;
      const ids = root.getElementById('olva-q-b')!.getAttribute('aria-describedby')!.split(' ');
      return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? null);
    });
    expect(describedB.some((t) => t !== null && /\S/.test(t))).toBe(true);
    await shadow(page, '#olva-q-b').fill('Les amis');
    await expect.poll(() => shadow(page, '[part~="error-summary"] li').count()).toBe(1);
    expect(await shadow(page, '#olva-q-b-error').count()).toBe(0);
    expect(await shadow(page, '#olva-q-b').getAttribute('aria-invalid')).toBe('false');
    await page.close();
  });
});
