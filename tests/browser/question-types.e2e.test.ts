/**
 * Every question type in real Chromium, through the built embed (packages/embed/dist/olva.js):
 * it renders with its label, takes its answer from the keyboard alone, shows its error state
 * (aria-invalid, and aria-describedby pointing at the error text in the same shadow root), and
 * disappears when its condition hides it. Fixtures: stories/fixtures/types/*.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addSurveyPage, openSurvey, waitForEvent, type OlvaSite, useBrowserAndSite } from '@olva/test-support/olva-site';
import { answerFocused, fillSurveyByKeyboard, focusInfo, isPrimaryButton, sendFromReview, shownErrors, tabUntil } from '@olva/test-support/keyboard';
import { HIDE_SWITCH, TYPE_FIXTURES, compiledFixture, type TypeFixture } from '../../stories/fixtures/index.js';

let browser: Browser;
let site: OlvaSite;

useBrowserAndSite((b, s) => { browser = b; site = s; });

const ATTRIBUTES = { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr', channel: 'web' };

async function open(fixture: TypeFixture, variant: string): Promise<Page> {
  const page = await browser.newPage();
  const url = addSurveyPage(site, `/types/${fixture.type}-${variant}.html`, { attributes: ATTRIBUTES, questionnaire: fixture.questionnaire });
  await openSurvey(page, url);
  return page;
}

/** State of the question under test, read in the survey's shadow root. */
async function questionState(page: Page, questionId: string) {
  return page.evaluate((id) => {
    const root = document.querySelector('olva-survey')!.shadowRoot!;
    const wrapper = root.querySelector<HTMLElement>(`[data-question="${id}"]`);
    if (!wrapper) return { present: false as const };
    const controls = [...wrapper.querySelectorAll<HTMLElement>('input, textarea, select, [role="radio"], [role="checkbox"], [role="combobox"]')];
    const describedBy = (el: Element | null): string[] => (el?.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    // Each control's descriptions: its own aria-describedby, else its group's (fieldset).
    const descriptions = controls.map((c) => {
      const ids = describedBy(c).length ? describedBy(c) : describedBy(c.closest('fieldset[aria-describedby]'));
      return ids.map((ref) => {
        const target = root.getElementById(ref);
        return { ref, inSameRoot: target !== null, text: (target?.textContent ?? '').replace(/\s+/g, ' ').trim(), part: target?.getAttribute('part') ?? '' };
      });
    });
    const labelled = controls.map((c) => {
      const own = c.id ? root.querySelector(`label[for="${CSS.escape(c.id)}"]`) : null;
      return Boolean(own || c.closest('label') || c.getAttribute('aria-labelledby') || c.getAttribute('aria-label'));
    });
    return {
      present: true as const,
      visible: wrapper.checkVisibility(),
      text: (wrapper.textContent ?? '').replace(/\s+/g, ' ').trim(),
      controls: controls.length,
      labelled,
      invalid: controls.map((c) => c.getAttribute('aria-invalid')),
      descriptions,
      errorTexts: [...wrapper.querySelectorAll('[part~="error"]')].map((e) => (e.textContent ?? '').trim()),
    };
  }, questionId);
}

/** From the primary button of the last page: to the review, send, and the answers the collector stored. */
async function reviewAndSend(page: Page): Promise<Record<string, unknown>> {
  await page.keyboard.press('Enter');
  // A type whose answer the keyboard steps could not give stays on its page: say what it shows.
  await waitForEvent(page, 'olva-page-change', 5_000).catch(async () => {
    throw new Error(`the survey did not go on to the review; errors shown: ${JSON.stringify(await shownErrors(page))}` +
      ' (a new question type needs its answer in @olva/test-support/keyboard: see "Add a question type" in CONTRIBUTING.md)');
  });
  const before = site.endpoint.stored.length;
  await sendFromReview(page);
  await site.endpoint.waitForStored(before + 1);
  return (site.endpoint.stored.at(-1)!.payload as { answers: Record<string, unknown> }).answers;
}

describe.each(TYPE_FIXTURES.map((f) => [f.type, f] as const))('question type %s', (_type, fixture) => {
  it('renders its label and labelled controls, with no error at first', async () => {
    const page = await open(fixture, 'render');
    const state = await questionState(page, fixture.questionId);
    expect(state.present, `no [data-question="${fixture.questionId}"] in the shadow root`).toBe(true);
    if (!state.present) return;
    expect(state.visible).toBe(true);
    const question = fixture.questionnaire.sections[0]!.questions.find((q) => q.id === fixture.questionId)!;
    expect(state.text).toContain(question.label.fr);
    expect(state.controls).toBeGreaterThan(0);
    expect(state.labelled.every(Boolean), 'every control has a label').toBe(true);
    expect(state.invalid.every((v) => v !== 'true')).toBe(true);
    expect(state.errorTexts).toEqual([]);
    await page.close();
  });

  it('shows its error state, linked to the control inside the same shadow root', async () => {
    const page = await open(fixture, 'error');
    await tabUntil(page, isPrimaryButton, 'primary button');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => {
      const root = document.querySelector('olva-survey')!.shadowRoot!;
      return root.querySelector(`[data-question="${id}"] [aria-invalid="true"]`) !== null;
    }, fixture.questionId, { timeout: 10_000 }).catch(() => undefined);
    const state = await questionState(page, fixture.questionId);
    expect(state.present).toBe(true);
    if (!state.present) return;
    expect(state.invalid.length).toBeGreaterThan(0);
    expect(state.invalid.every((v) => v === 'true'), `aria-invalid of the controls: ${state.invalid.join(', ')}`).toBe(true);
    for (const described of state.descriptions) {
      expect(described.every((d) => d.inSameRoot), `aria-describedby ids resolve in the shadow root: ${JSON.stringify(described)}`).toBe(true);
      const error = described.find((d) => d.part.split(/\s+/).includes('error'));
      expect(error, `aria-describedby names the error element: ${JSON.stringify(described)}`).toBeDefined();
      expect(error!.text.length).toBeGreaterThan(3);
    }
    await page.close();
  });

  it('takes its answer from the keyboard alone, and the answer reaches the collector', async () => {
    const page = await open(fixture, 'answer');
    const q = fixture.questionnaire.sections[0]!.questions.find((x) => x.id === fixture.questionId)!;
    // Only the question under test: the switch stays unanswered.
    let f = await tabUntil(page, (x) => x.questionId === fixture.questionId, `a control of ${fixture.questionId}`);
    const touched = new Set<string>();
    while (!isPrimaryButton(f)) {
      const key = `${f.type}|${f.type === 'checkbox' ? f.value : f.type === 'radio' ? f.name : f.id}`;
      if (f.questionId === fixture.questionId && !touched.has(key)) {
        touched.add(key);
        await answerFocused(page, q, f, fixture.expected);
      }
      await page.keyboard.press('Tab');
      f = (await focusInfo(page)) ?? f;
    }
    expect(await reviewAndSend(page)).toEqual({ [fixture.questionId]: fixture.expected });
    await page.close();
  });

  it('is hidden, and not required, when its condition says so', async () => {
    const page = await open(fixture, 'hidden');
    const q = fixture.questionnaire.sections[0]!.questions.find((x) => x.id === HIDE_SWITCH)!;
    expect((await questionState(page, fixture.questionId)).present).toBe(true);
    const f = await tabUntil(page, (x) => x.questionId === HIDE_SWITCH, 'the yes/no switch');
    await answerFocused(page, q, f, true);
    await page.waitForFunction((id) => {
      const el = document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLElement>(`[data-question="${id}"]`);
      return !el || !el.checkVisibility();
    }, fixture.questionId, { timeout: 5_000 }).catch(() => undefined);
    const state = await questionState(page, fixture.questionId);
    expect(state.present && state.visible, 'the question is gone once the switch says "yes"').toBeFalsy();
    const result = await fillSurveyByKeyboard(page, fixture.questionnaire, { [HIDE_SWITCH]: true });
    expect(result.answered).toEqual([]);
    const before = site.endpoint.stored.length;
    await sendFromReview(page);
    await site.endpoint.waitForStored(before + 1);
    const payload = site.endpoint.stored.at(-1)!.payload as { answers: Record<string, unknown> };
    expect(payload.answers).toEqual({ [HIDE_SWITCH]: true });
    await page.close();
  });
});

/** What the respondent sees of the questions of the survey, read in its shadow root. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('olva-survey')!.shadowRoot!;
    const visible = [...root.querySelectorAll<HTMLElement>('[data-question]')].filter((q) => q.checkVisibility()).map((q) => q.dataset.question);
    const inputs = Object.fromEntries([...root.querySelectorAll<HTMLInputElement>('[data-question] input[type="text"]')]
      .map((i) => [i.closest<HTMLElement>('[data-question]')!.dataset.question, i.value]));
    const described = Object.fromEntries([...root.querySelectorAll<HTMLElement>('[data-question] input[type="text"]')].map((i): [string, { part: string; text: string }[]] => [
      i.closest<HTMLElement>('[data-question]')!.dataset.question!,
      (i.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => {
        const target = root.getElementById(id);
        return { part: target?.getAttribute('part') ?? '(missing)', text: (target?.textContent ?? '').trim() };
      }),
    ]));
    const live = root.querySelector('[role="status"][aria-live]')?.textContent?.trim() ?? '';
    return { visible, inputs, described, live };
  });
}

/** Replaces the text of the box of `questionId`, typed from the keyboard. */
async function typeInto(page: Page, questionId: string, text: string): Promise<void> {
  await page.evaluate((id) => {
    document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLInputElement>(`[data-question="${id}"] input`)!.focus();
  }, questionId);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

describe('number and text boxes, as typed', () => {
  const questionnaire = compiledFixture('numbers', [
    { id: 'nb', type: 'integer', label: { fr: 'Combien de salariés ?', en: 'How many employees?' }, min: 0, max: 100000 },
    { id: 'suite', type: 'text', label: { fr: 'Lesquels ?', en: 'Which ones?' }, visibleWhen: { '>': [{ var: 'nb' }, 10] } },
    { id: 'rna', type: 'text', label: { fr: 'Numéro RNA', en: 'RNA number' }, maxLength: 10, pattern: '^W[0-9]{9}$' },
  ] as never);

  it('lets conditions see only numbers: "1e3", "0x10", "Infinity" or "1.000" show nothing, and "1.000" says how to write it', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/types/numbers-typed.html', { attributes: ATTRIBUTES, questionnaire }));
    for (const text of ['1e3', '0x10', 'Infinity', '1.000']) {
      await typeInto(page, 'nb', text);
      const state = await shown(page);
      expect(state.inputs.nb, 'the box keeps what was typed').toBe(text);
      expect(state.visible, `"${text}" in a whole-number box shows the question that needs more than 10`).not.toContain('suite');
    }
    await tabUntil(page, isPrimaryButton, 'primary button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[data-question="nb"] [part~="error"]') !== null, null, { timeout: 5_000 });
    const refused = await shown(page);
    expect(refused.described.nb.find((d) => d.part === 'error')?.text).toContain('Écrivez 1000 ou 1\u00a0000 (sans point ni virgule).');
    expect(refused.visible).not.toContain('suite');
    await typeInto(page, 'nb', '1\u202f000');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLElement>('[data-question="suite"]')?.checkVisibility() === true, null, { timeout: 5_000 });
    // An RNA number typed in small letters is put in capitals, as it will be sent.
    await typeInto(page, 'rna', 'w351234567');
    expect((await shown(page)).inputs.rna).toBe('W351234567');
    await page.close();
  });
});

describe('what the survey says beyond the control touched', () => {
  const questionnaire = compiledFixture('said', [
    { id: 'adherents', type: 'integer', label: { fr: 'Adhérents', en: 'Members' }, min: 0 },
    { id: 'salaries', type: 'integer', label: { fr: 'Salariés', en: 'Employees' }, min: 0 },
    { id: 'publics', type: 'multiple', label: { fr: 'Publics', en: 'Audiences' }, exclusive: ['aucun'], choices: [
      { code: 'jeunes', label: { fr: 'Jeunes', en: 'Young people' } }, { code: 'familles', label: { fr: 'Familles', en: 'Families' } },
      { code: 'aucun', label: { fr: 'Aucun', en: 'None' } },
    ] },
  ] as never);
  questionnaire.checks.push({
    id: 'salaries_adherents', level: 'warning', questions: ['salaries'], origin: questionnaire.sections[0]!.origin,
    when: { '>': [{ var: 'salaries' }, { var: 'adherents' }] },
    message: { fr: 'Plus de salariés que d’adhérents : pouvez-vous vérifier ?', en: 'More employees than members: could you check?' },
  });

  it('says what an exclusive choice unticked, in the live region', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/types/said-exclusive.html', { attributes: ATTRIBUTES, questionnaire }));
    for (const code of ['jeunes', 'familles', 'aucun']) {
      await page.evaluate((value) => document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${value}"]`)!.focus(), code);
      await page.keyboard.press('Space');
    }
    await expect.poll(async () => (await shown(page)).live, { timeout: 5_000 }).toBe('« Aucun » a décoché 2 autres réponses.');
    await page.close();
  });

  it('links a warning under a question to its box, as an error is', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/types/said-warning.html', { attributes: ATTRIBUTES, questionnaire }));
    await typeInto(page, 'adherents', '2');
    await typeInto(page, 'salaries', '9');
    await tabUntil(page, isPrimaryButton, 'primary button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="warning"]') !== null, null, { timeout: 5_000 });
    const state = await shown(page);
    expect(state.described.salaries).toContainEqual({ part: 'warning', text: 'Plus de salariés que d’adhérents : pouvez-vous vérifier ?' });
    await page.close();
  });
});

describe('"other, please specify" on a required single question', () => {
  it('is answered by choosing "Autre (précisez)" and typing the text, which is then required', async () => {
    const fixture = TYPE_FIXTURES.find((f) => f.type === 'single')!;
    const page = await open(fixture, 'other');
    const q = fixture.questionnaire.sections[0]!.questions.find((x) => x.id === fixture.questionId)!;
    const otherId = `olva-q-${fixture.questionId}-other`;
    const box = () => page.evaluate((id) => {
      const root = document.querySelector('olva-survey')!.shadowRoot!;
      const input = root.getElementById(id);
      if (!input) return null;
      const error = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((ref) => root.getElementById(ref)?.textContent?.trim() ?? `missing #${ref}`);
      return {
        label: root.querySelector(`label[for="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        required: input.getAttribute('aria-required'), invalid: input.getAttribute('aria-invalid'), error,
      };
    }, otherId);
    // The choice is the last radio; no text box waits beside an unchecked list any more.
    expect(await box()).toBeNull();
    let f = await tabUntil(page, (x) => x.questionId === fixture.questionId, `a control of ${fixture.questionId}`);
    expect(f.groupValues.at(-1)).toBe('other');
    await answerFocused(page, q, f, 'other');
    await page.waitForFunction((id) => document.querySelector('olva-survey')!.shadowRoot!.getElementById(id) !== null, otherId, { timeout: 5_000 });
    expect(await box()).toEqual({ label: 'Autre, précisez (obligatoire)', required: 'true', invalid: 'false', error: [] });
    // Focus stays on the radio (arrow keys still move through the list); the box comes next.
    expect((await focusInfo(page))?.value).toBe('other');
    // Left empty, the question says what is missing, linked to the box in the same shadow root.
    await tabUntil(page, isPrimaryButton, 'primary button');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('olva-survey')!.shadowRoot!.getElementById(id)?.getAttribute('aria-invalid') === 'true', otherId, { timeout: 10_000 });
    expect((await box())!.error).toEqual(['Erreur : Précisez votre réponse « Autre ».']);
    f = await tabUntil(page, (x) => x.id === otherId, 'the "other" text box');
    await page.keyboard.type('Sport adapté');
    await tabUntil(page, isPrimaryButton, 'primary button');
    expect(await reviewAndSend(page)).toEqual({ [fixture.questionId]: 'other', [`${fixture.questionId}_other`]: 'Sport adapté' });
    await page.close();
  });
});
