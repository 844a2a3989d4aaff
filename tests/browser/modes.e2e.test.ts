/**
 * The channels and small screens, in real Chromium with the built embed: paper data entry
 * starts a blank form after each one saved; the kiosk starts again by itself after a response;
 * at 320 px wide nothing scrolls sideways.
 */
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { OlvaSurvey } from '@olva/elements';
import { addSurveyPage, openSurvey, type OlvaSite, useBrowserAndSite } from '@olva/test-support/olva-site';
import { SKIP, answerPageByKeyboard, fillSurveyByKeyboard, focusInfo, isPrimaryButton, sendFromReview, tabUntil } from '@olva/test-support/keyboard';
import type { CompiledQuestionnaire } from '@olva/schema';
import { modesQuestionnaire } from '../../stories/fixtures/modes.js';
import { HIDE_SWITCH, TYPE_FIXTURES } from '../../stories/fixtures/index.js';

let browser: Browser;
let site: OlvaSite;

useBrowserAndSite((b, s) => { browser = b; site = s; });

const BASE = { endpoint: '/v1/responses', territory: 'commune:35238', wave: '2026', lang: 'fr' };

/** Values of every control of the survey: text typed, boxes ticked. */
async function controlValues(page: Page): Promise<{ typed: string[]; checked: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('olva-survey')!.shadowRoot!;
    const boxes = [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type="radio"]):not([type="checkbox"]), textarea')];
    return {
      typed: boxes.map((b) => b.value),
      checked: root.querySelectorAll('input:checked').length,
    };
  });
}

/** Opens data entry of the short questionnaire on a page of its own, the first box focused. */
async function openPaperEntry(name: string): Promise<Page> {
  const page = await browser.newPage();
  await openSurvey(page, addSurveyPage(site, `/modes/${name}.html`, { attributes: { ...BASE, channel: 'paper' }, questionnaire: modesQuestionnaire }));
  await waitForFocusIn(page, 'nom_association');
  return page;
}

/** The text of the survey's element of this id ('' when there is none). */
async function shownText(page: Page, id: string): Promise<string> {
  return page.evaluate((i) => document.querySelector('olva-survey')!.shadowRoot!.getElementById(i)?.textContent ?? '', id);
}

/** What the survey's live region says now. */
async function liveText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[aria-live]')!.textContent ?? '');
}

/** Waits until the focus is in the box of question `id`. */
async function waitForFocusIn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((q) => {
    const active = document.querySelector('olva-survey')?.shadowRoot?.activeElement;
    return active?.closest('[data-question]')?.getAttribute('data-question') === q;
  }, id, { timeout: 10_000 }).catch(async () => {
    throw new Error(`focus not in ${id}, but on ${JSON.stringify(await focusInfo(page))}`);
  });
}

/** The summary at the top of the form, as text ('' when none). */
async function summaryText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const summary = document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLElement>('[part~="error-summary"]');
    return summary?.checkVisibility() ? (summary.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  });
}

describe('paper data entry (channel="paper")', () => {
  it('saves a form typed in with the keyboard and starts a blank one for the next', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/paper.html', { attributes: { ...BASE, channel: 'paper' }, questionnaire: modesQuestionnaire }));
    // Typing starts at once, in the first box.
    await waitForFocusIn(page, 'nom_association');
    const first = { nom_association: 'Club de foot', secteur: 'sport', publics: ['enfants', 'jeunes'], employeur: true, nb_benevoles: 25 };
    const baseline = site.endpoint.stored.length;
    expect((await answerPageByKeyboard(page, modesQuestionnaire, first)).sort()).toEqual(Object.keys(first).sort());
    await page.keyboard.press('Enter');
    await site.endpoint.waitForStored(baseline + 1);
    const saved = site.endpoint.stored.at(-1)!.payload as Record<string, any>;
    expect(saved.channel).toBe('paper');
    expect(saved.answers).toEqual(first);

    // A blank form, ready for the next paper questionnaire.
    await page.waitForFunction(() => {
      const root = document.querySelector('olva-survey')!.shadowRoot!;
      return [...root.querySelectorAll<HTMLInputElement>('input:not([type="radio"]):not([type="checkbox"])')].every((b) => b.value === '');
    }, null, { timeout: 10_000 });
    const blank = await controlValues(page);
    expect(blank.typed.every((v) => v === '')).toBe(true);
    expect(blank.checked).toBe(0);
    await waitForFocusIn(page, 'nom_association');

    const second = { secteur: 'culture', employeur: false, nb_benevoles: 4 };
    expect((await answerPageByKeyboard(page, modesQuestionnaire, { ...second, nom_association: SKIP, publics: SKIP })).sort()).toEqual(Object.keys(second).sort());
    await page.keyboard.press('Enter');
    await site.endpoint.waitForStored(baseline + 2);
    const next = site.endpoint.stored.at(-1)!.payload as Record<string, any>;
    expect(next.answers).toEqual(second);
    expect(next.submissionId).not.toBe(saved.submissionId);
    await page.close();
  });

  it('numbers the questions in the error summary, and Ctrl+Enter confirms the warnings shown', async () => {
    const withWarning: CompiledQuestionnaire = {
      ...modesQuestionnaire,
      checks: [{
        id: 'beaucoup_de_benevoles', level: 'warning', when: { '>': [{ var: 'nb_benevoles' }, 1000] },
        message: { fr: 'Plus de 1 000 bénévoles : vérifiez le nombre.', en: 'Over 1,000 volunteers: check the number.' },
        questions: ['nb_benevoles'], origin: { kind: 'core', id: 'fixture', version: '1.0.0', pointer: '/checks/0' },
      }],
    };
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/paper-warning.html', { attributes: { ...BASE, channel: 'paper' }, questionnaire: withWarning }));
    await waitForFocusIn(page, 'nom_association');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="error-summary"]') !== null);
    // The typist finds each question on the paper form by its number.
    const errors = await summaryText(page);
    expect(errors).toContain('2. Secteur principal');
    expect(errors).toContain('5. Nombre de bénévoles');

    const baseline = site.endpoint.stored.length;
    const answers = { secteur: 'sport', employeur: true, nb_benevoles: 5000 };
    await answerPageByKeyboard(page, withWarning, { ...answers, nom_association: SKIP, publics: SKIP });
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => /Plus de 1 000 bénévoles/.test(document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="error-summary"]')?.textContent ?? ''));
    expect(await summaryText(page)).toContain('5. Nombre de bénévoles');
    expect(await summaryText(page)).toContain('Ctrl+Entrée confirme');
    expect(site.endpoint.stored.length).toBe(baseline);
    // Ctrl+Enter again: the warning is confirmed and the form saved.
    await page.keyboard.press('Control+Enter');
    await site.endpoint.waitForStored(baseline + 1);
    expect((site.endpoint.stored.at(-1)!.payload as Record<string, any>).answers).toEqual(answers);
    await page.close();
  });

  it('saves a form whose required question was left blank, marked with * in its box', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/paper-blank.html', { attributes: { ...BASE, channel: 'paper' }, questionnaire: modesQuestionnaire }));
    const mark = () => page.evaluate(() => {
      const root = document.querySelector('olva-survey')!.shadowRoot!;
      const box = root.querySelector<HTMLInputElement>('[data-question="secteur"] input[data-entry="blank"]');
      return box ? { checked: box.checked, label: box.closest('label')?.textContent?.trim() } : null;
    });
    expect(await mark()).toEqual({ checked: false, label: 'Laissée vide' });
    expect(await page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="paper-header"]')!.textContent)).toContain('* dans la case d’une question obligatoire');
    // The typist reaches the sector's box and types * : the respondent left it blank.
    await tabUntil(page, (f) => f.questionId === 'secteur' && f.entry === 'code', 'the box of "secteur"');
    await page.keyboard.type('*');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLInputElement>('[data-question="secteur"] input[data-entry="blank"]')?.checked === true, null, { timeout: 5_000 });
    const answers = { employeur: false, nb_benevoles: 4 };
    expect((await answerPageByKeyboard(page, modesQuestionnaire, { ...answers, nom_association: SKIP, secteur: SKIP, publics: SKIP })).sort()).toEqual(Object.keys(answers).sort());
    const baseline = site.endpoint.stored.length;
    await page.keyboard.press('Enter');
    await site.endpoint.waitForStored(baseline + 1);
    const saved = site.endpoint.stored.at(-1)!.payload as Record<string, any>;
    expect([saved.channel, saved.blank, saved.answers]).toEqual(['paper', ['secteur'], answers]);
    // The next form starts without the mark.
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLInputElement>('[data-question="secteur"] input[data-entry="blank"]')?.checked === false, null, { timeout: 10_000 });
    await page.close();
  });

  it('moves on with Enter past a question hidden by the answer just typed', async () => {
    const fixture = TYPE_FIXTURES.find((f) => f.type === 'integer')!;
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/paper-hidden.html', { attributes: { ...BASE, channel: 'paper' }, questionnaire: fixture.questionnaire }));
    // The question under test is shown, then hidden by "1" in the switch; its box stays in the
    // page, out of sight, and Enter must not try to go there.
    await page.evaluate((id) => document.querySelector('olva-survey')!.shadowRoot!.querySelector<HTMLInputElement>(`[data-question="${id}"] input`)!.focus(), HIDE_SWITCH);
    await page.keyboard.type('1');
    await page.waitForFunction((id) => {
      const question = document.querySelector('olva-survey')!.shadowRoot!.querySelector(`[data-question="${id}"]`);
      return !question || !question.checkVisibility();
    }, fixture.questionId, { timeout: 5_000 });
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => {
      const active = document.querySelector('olva-survey')!.shadowRoot!.activeElement as HTMLElement | null;
      return { tag: active?.localName, type: active?.getAttribute('type'), question: active?.closest('[data-question]')?.getAttribute('data-question') ?? null };
    });
    expect(focused).toEqual({ tag: 'button', type: 'submit', question: null });
    await page.close();
  });

  it('says under an empty required box how to mark it left blank on paper, not under a box with a wrong answer', async () => {
    const page = await openPaperEntry('paper-blank-hint');
    const error = (id: string) => shownText(page, `olva-q-${id}-error`);
    // secteur left empty, employeur answered with no code there is.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('7');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => error('secteur')).toBe('Erreur : Répondez à cette question. Laissée vide sur le papier ? Tapez *.');
    expect(await error('employeur')).not.toMatch(/Tapez \*/);
    expect(await error('employeur')).toMatch(/^Erreur : /);
    await page.close();
  });

  it('shows at once a code that no choice answers to, instead of only at saving', async () => {
    const page = await openPaperEntry('paper-unknown');
    const echo = (id: string) => shownText(page, `olva-q-${id}-echo`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('9');
    await expect.poll(() => echo('secteur')).toBe('→ ?');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('2');
    await expect.poll(() => echo('secteur')).toBe('→ Culture');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1 9');
    await expect.poll(() => echo('publics')).toBe('→ Enfants, ?');
    await page.close();
  });
});

describe('phone interview (channel="phone")', () => {
  it('records a required question the respondent would not answer as left blank, with its checkbox', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/phone-blank.html', { attributes: { ...BASE, channel: 'phone' }, questionnaire: modesQuestionnaire }));
    // The interviewer ticks the sector's "Laissée vide" box, with the keyboard.
    await tabUntil(page, (f) => f.id === 'olva-q-secteur-blank', 'the "left blank" box of "secteur"');
    await page.keyboard.press('Space');
    await page.keyboard.press('Shift+Tab');
    const answers = { employeur: false, nb_benevoles: 4 };
    const run = await fillSurveyByKeyboard(page, modesQuestionnaire, { ...answers, nom_association: SKIP, secteur: SKIP, publics: SKIP });
    expect(run.pages.at(-1)).toBe('review');
    const baseline = site.endpoint.stored.length;
    await sendFromReview(page);
    await site.endpoint.waitForStored(baseline + 1);
    const saved = site.endpoint.stored.at(-1)!.payload as Record<string, any>;
    expect([saved.channel, saved.blank, saved.answers]).toEqual(['phone', ['secteur'], answers]);
    await page.close();
  });
});

describe('kiosk (channel="kiosk")', () => {
  it('keeps the receipt while it is pointed at, says so, and starts again once left', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/kiosk-hold.html', { attributes: { ...BASE, channel: 'kiosk', 'reset-after': '2' }, questionnaire: modesQuestionnaire }));
    await fillSurveyByKeyboard(page, modesQuestionnaire, { nom_association: 'Atelier vélo', secteur: 'social', employeur: false, nb_benevoles: 7 });
    await sendFromReview(page);
    const receipt = page.locator('olva-survey [part~="receipt"]');
    await receipt.waitFor({ timeout: 10_000 });
    await receipt.hover();
    await page.waitForFunction(() => /suspendu/.test(document.querySelector('olva-survey')!.shadowRoot!.querySelector('[role="status"]')!.textContent ?? ''));
    // Twice the delay later, the number can still be copied.
    await page.waitForTimeout(4_000);
    expect(await receipt.textContent()).toMatch(/Compte à rebours suspendu/);
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="receipt"]') === null, null, { timeout: 15_000 });
    await page.close();
  });

  it('starts again by itself after a response, with nothing of the previous respondent', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/kiosk.html', { attributes: { ...BASE, channel: 'kiosk', 'reset-after': '2' }, questionnaire: modesQuestionnaire }));
    const baseline = site.endpoint.stored.length;
    const entries = await page.evaluate(() => history.length);
    await fillSurveyByKeyboard(page, modesQuestionnaire, { nom_association: 'Atelier vélo', secteur: 'social', employeur: false, nb_benevoles: 7 });
    await sendFromReview(page);
    await site.endpoint.waitForStored(baseline + 1);
    expect((site.endpoint.stored.at(-1)!.payload as Record<string, any>).channel).toBe('kiosk');
    // The receipt shows, then the form comes back empty on its first page.
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="receipt"]') !== null, null, { timeout: 10_000 });
    await page.waitForFunction(() => {
      const root = document.querySelector('olva-survey')!.shadowRoot!;
      return root.querySelector('[part~="receipt"]') === null && root.querySelector('[data-question="nom_association"]') !== null;
    }, null, { timeout: 15_000 });
    const blank = await controlValues(page);
    expect(blank.typed.every((v) => v === '')).toBe(true);
    expect(blank.checked).toBe(0);
    // Nor what the live region told the previous visitor.
    expect(await liveText(page)).not.toMatch(/Merci/);
    // Nor their pages in the tab's history, which Back would walk through.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    expect(await page.evaluate(() => Object.values(history.state.olva))).toEqual(['s1']);
    await page.close();
  });

  it('warns a visitor who leaves a form half done, keeps it at a key, then empties it for the next one', async () => {
    const page = await browser.newPage();
    await openSurvey(page, addSurveyPage(site, '/modes/kiosk-idle.html', { attributes: { ...BASE, channel: 'kiosk', 'idle-after': '1', 'reset-after': '2' }, questionnaire: modesQuestionnaire }));
    await answerPageByKeyboard(page, modesQuestionnaire, { nom_association: 'Atelier vélo', secteur: 'social' });
    const warning = page.locator('olva-survey [part~="notice"].idle');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.textContent()).toMatch(/recommence dans \d+ seconde/);
    expect(await liveText(page)).toMatch(/recommence dans/);
    // Any key keeps the form as it is (WCAG 2.2.1: a simple action).
    await page.keyboard.press('Shift');
    await warning.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.evaluate(() => document.querySelector<OlvaSurvey>('olva-survey')!.session!.answers)).toMatchObject({ nom_association: 'Atelier vélo', secteur: 'social' });
    // Left alone again: the warning comes back, then the form is empty for the next visitor.
    await warning.waitFor({ timeout: 10_000 });
    await warning.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.evaluate(() => document.querySelector<OlvaSurvey>('olva-survey')!.session!.answers)).toEqual({});
    const blank = await controlValues(page);
    expect(blank.typed.every((v) => v === '')).toBe(true);
    expect(blank.checked).toBe(0);
    expect((await focusInfo(page))?.id).toBe('olva-section-s1');
    expect(await liveText(page)).not.toMatch(/recommence/);
    await page.close();
  });
});

describe('links of definition text (the core\'s RNA help links to the Annuaire des entreprises)', () => {
  it('open in a new window on the web, and in a kiosk are only words: no way out of the form', async () => {
    const page = await browser.newPage();
    const src = '/questionnaires/olva-core+rennes-2026/questionnaire.json';
    const links = () => page.evaluate(() => {
      const root = document.querySelector('olva-survey')!.shadowRoot!;
      return { links: [...root.querySelectorAll('a')].map((a) => [a.textContent, a.target]), rna: root.querySelector('[data-question="numero_rna"] [part~="help"]')?.textContent ?? '' };
    });
    await openSurvey(page, addSurveyPage(site, '/modes/links-web.html', { attributes: { ...BASE, src } }));
    const web = await links();
    expect(web.links).toContainEqual(['l’Annuaire des entreprises (nouvelle fenêtre)', '_blank']);
    await openSurvey(page, addSurveyPage(site, '/modes/links-kiosk.html', { attributes: { ...BASE, src, channel: 'kiosk' } }));
    const kiosk = await links();
    expect(kiosk.links, JSON.stringify(kiosk.links)).toEqual([]);
    expect(kiosk.rna).toContain('sur l’Annuaire des entreprises.');
    await page.close();
  });
});

describe('320 px wide screen', () => {
  async function horizontalOverflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  it('never scrolls sideways: core survey page, its errors, every question type, paper entry', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await openSurvey(page, addSurveyPage(site, '/modes/narrow-core.html', {
      attributes: { ...BASE, src: '/questionnaires/olva-core+rennes-2026/questionnaire.json' },
    }));
    expect(await horizontalOverflow(page), 'first page').toBeLessThanOrEqual(0);
    await tabUntil(page, isPrimaryButton, 'primary button', 400);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[aria-invalid="true"]') !== null, null, { timeout: 5_000 });
    expect(await horizontalOverflow(page), 'first page with its errors').toBeLessThanOrEqual(0);

    for (const fixture of TYPE_FIXTURES) {
      await openSurvey(page, addSurveyPage(site, `/modes/narrow-${fixture.type}.html`, { attributes: BASE, questionnaire: fixture.questionnaire }));
      expect(await horizontalOverflow(page), fixture.type).toBeLessThanOrEqual(0);
    }
    await openSurvey(page, addSurveyPage(site, '/modes/narrow-paper.html', { attributes: { ...BASE, channel: 'paper', src: '/questionnaires/olva-core+rennes-2026/questionnaire.json' } }));
    expect(await horizontalOverflow(page), 'paper entry').toBeLessThanOrEqual(0);
    await page.close();
  });
});
