/**
 * A matrix's rows are drawn by hand by one directive (packages/elements/src/questions/matrix-rows.ts,
 * decision 0008): in real Chromium, through the built embed, each row keeps its fieldset and
 * legend, its radios their names and ids, and the drawing follows the answer however it
 * changes (a click, the keyboard, a value set from outside, a reset, codes renamed in a preview)
 * while updating the same elements, so that the focus stays where it is.
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
const words = (fr: string) => ({ fr, en: fr });

const QUESTIONNAIRE = compiledQuestionnaire({
  id: 'fixture-matrix-rows',
  title: words('Grille'),
  sections: [{
    id: 's1', title: words('Un'), questions: [{
      id: 'm', type: 'matrix', label: words('Vos ressources'), required: true,
      rows: [{ code: 'benevoles', label: words('Bénévoles') }, { code: 'finances', label: words('Finances, *surtout* <b>publiques</b>') }, { code: 'locaux', label: words('Locaux') }],
      choices: [{ code: 'baisse', label: words('En baisse') }, { code: 'stable', label: words('Stable') }, { code: 'hausse', label: words('En hausse') }],
    } as Question],
  }],
});

interface DrawnRow {
  tag: string;
  className: string;
  legend: string;
  emphasis: string | null;
  bold: number;
  names: string[];
  ids: string[];
  values: string[];
  checked: boolean[];
  invalid: (string | null)[];
  shapes: string[][];
}

/** What the matrix shows now; `same` says whether its inputs are the ones first drawn. */
const drawn = (page: Page) => page.evaluate(() => {
  const root = document.querySelector('olva-survey')!.shadowRoot!;
  const question = root.querySelector('[data-question="m"]')!;
  const inputs = [...question.querySelectorAll('input')];
  const w = window as unknown as { __inputs?: HTMLInputElement[] };
  w.__inputs ??= inputs;
  const rows = [...question.querySelectorAll('fieldset.row')];
  const markers = (row: Element) => {
    const all: Node[] = [];
    const walk = (n: Node) => n.childNodes.forEach((c) => { all.push(c); walk(c); });
    walk(row);
    return all.filter((n) => n.nodeType === Node.COMMENT_NODE).length;
  };
  return {
    rows: rows.map((row): DrawnRow => {
      const radios = [...row.querySelectorAll('input')];
      return {
        tag: row.tagName,
        className: row.lastElementChild!.className,
        legend: row.querySelector(':scope > legend')!.textContent!,
        emphasis: row.querySelector('legend em')?.textContent ?? null,
        bold: row.querySelectorAll('b').length,
        names: radios.map((r) => r.name),
        ids: radios.map((r) => r.id),
        values: radios.map((r) => r.value),
        checked: radios.map((r) => r.checked),
        invalid: radios.map((r) => r.getAttribute('aria-invalid')),
        shapes: radios.map((r) => [...r.parentElement!.childNodes].map((n) => n.nodeName).concat(r.parentElement!.getAttribute('part')!)),
      };
    }),
    markers: rows.map(markers),
    between: [...rows[0].parentElement!.childNodes].map((n) => n.nodeName),
    focused: inputs.indexOf(root.activeElement as HTMLInputElement),
    same: inputs.length === w.__inputs.length && inputs.every((input, i) => input === w.__inputs![i]),
    answers: (document.querySelector('olva-survey') as unknown as { session: { answers: Record<string, unknown> } }).session.answers,
  };
});

const checked = async (page: Page) => (await drawn(page)).rows.map((row) => row.checked);
const shadow = (page: Page, selector: string) => page.locator(`olva-survey >> ${selector}`);
const session = (page: Page, call: string, ...args: unknown[]) => page.evaluate(([c, a]) => {
  const s = (document.querySelector('olva-survey') as unknown as { session: Record<string, (...x: unknown[]) => void> }).session;
  s[c as string](...(a as unknown[]));
}, [call, args] as const);

/** A fresh page showing the matrix, its inputs as first drawn recorded (see `drawn`). */
async function openMatrix(name: string): Promise<Page> {
  const page = await browser.newPage();
  await openSurvey(page, addSurveyPage(site, `/matrix/${name}.html`, { questionnaire: QUESTIONNAIRE, attributes: ATTRIBUTES }));
  await drawn(page);
  return page;
}

describe('a matrix drawn by hand', () => {
  it('draws a fieldset and legend per row, radios named per row, the control id on the first one, text only', async () => {
    const page = await openMatrix('structure');
    const first = await drawn(page);
    expect(first.rows.map((r) => [r.tag, r.className, r.legend])).toEqual([
      ['FIELDSET', 'choices inline', 'Bénévoles'],
      ['FIELDSET', 'choices inline', 'Finances, surtout <b>publiques</b>'],
      ['FIELDSET', 'choices inline', 'Locaux'],
    ]);
    // Emphasis is kept as an element, markup from the definition stays text.
    expect(first.rows.map((r) => [r.emphasis, r.bold])).toEqual([[null, 0], ['surtout', 0], [null, 0]]);
    expect(first.rows.map((r) => r.names)).toEqual(['benevoles', 'finances', 'locaux'].map((row) => Array(3).fill(`olva-q-m-${row}`)));
    expect(first.rows.map((r) => r.ids)).toEqual([
      ['olva-q-m', 'olva-q-m-benevoles-1', 'olva-q-m-benevoles-2'],
      ['olva-q-m-finances-0', 'olva-q-m-finances-1', 'olva-q-m-finances-2'],
      ['olva-q-m-locaux-0', 'olva-q-m-locaux-1', 'olva-q-m-locaux-2'],
    ]);
    expect(first.rows.every((r) => r.values.join() === 'baisse,stable,hausse')).toBe(true);
    // Each choice: the input and its words, no span; no marker of Lit's between or in the rows
    // but in the legend with emphasis (drawn by Lit).
    expect(first.rows.flatMap((r) => r.shapes)).toEqual(Array(9).fill(['INPUT', '#text', 'choice']));
    expect(first.between).toEqual(['FIELDSET', 'FIELDSET', 'FIELDSET']);
    expect(first.markers[0]).toBe(0);
    expect(first.markers[2]).toBe(0);
    // The question's error links to its control id: the first radio.
    await shadow(page, 'button[part~="button-primary"]').click();
    await expect.poll(async () => (await drawn(page)).rows.flatMap((r) => r.invalid)).toEqual(Array(9).fill('true'));
    const link = await page.evaluate(() => document.querySelector('olva-survey')!.shadowRoot!.querySelector('[part~="error-summary"] a')?.getAttribute('href'));
    expect(link).toBe('#olva-q-m');
    await shadow(page, '[part~="error-summary"] a').click();
    await expect.poll(async () => (await drawn(page)).focused).toBe(0);
    await page.close();
  });

  it('follows clicks and arrow keys row by row, keeping the same inputs and the focus', async () => {
    const page = await openMatrix('keys');
    await shadow(page, '#olva-q-m-finances-1').click();
    await expect.poll(() => checked(page)).toEqual([[false, false, false], [false, true, false], [false, false, false]]);
    // The arrow moves within the row (its radios share a name), wraps at its end, and the
    // redraw that follows each answer leaves the focus on the radio chosen.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checked(page)).toEqual([[false, false, false], [false, false, true], [false, false, false]]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checked(page)).toEqual([[false, false, false], [true, false, false], [false, false, false]]);
    let now = await drawn(page);
    expect(now.answers).toEqual({ m: { finances: 'baisse' } });
    expect(now.focused).toBe(3);
    await shadow(page, '#olva-q-m').click();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await drawn(page)).answers).toEqual({ m: { benevoles: 'hausse', finances: 'baisse' } });
    now = await drawn(page);
    expect(now.rows.map((r) => r.checked)).toEqual([[false, false, true], [true, false, false], [false, false, false]]);
    expect(now.focused).toBe(2);
    expect(now.same).toBe(true);
    await page.close();
  });

  it('checks what an answer set from outside says, and clears it on a reset', async () => {
    const page = await openMatrix('outside');
    await shadow(page, '#olva-q-m-locaux-0').click();
    await expect.poll(() => checked(page)).toEqual([[false, false, false], [false, false, false], [true, false, false]]);
    // A draft put back: other rows, and the row just clicked set to another choice.
    await session(page, 'setAnswer', 'm', { benevoles: 'stable', locaux: 'hausse' });
    await expect.poll(() => checked(page)).toEqual([[false, true, false], [false, false, false], [false, false, true]]);
    // Back to the choice the respondent first clicked: the radio the drawing last knew as checked.
    await session(page, 'setAnswer', 'm', { locaux: 'baisse' });
    await expect.poll(() => checked(page)).toEqual([[false, false, false], [false, false, false], [true, false, false]]);
    await session(page, 'setAnswer', 'm', { finances: 'stable' });
    await expect.poll(() => checked(page)).toEqual([[false, false, false], [false, true, false], [false, false, false]]);
    await session(page, 'reset');
    await expect.poll(() => checked(page)).toEqual([[false, false, false], [false, false, false], [false, false, false]]);
    expect((await drawn(page)).same).toBe(true);
    await page.close();
  });

  it('follows a row or a choice renamed (a preview rebuilt after an edit) in place', async () => {
    const page = await openMatrix('renamed');
    const renamed = JSON.parse(JSON.stringify(QUESTIONNAIRE)
      .replace('"code":"finances"', '"code":"budget"').replace('"code":"hausse"', '"code":"croissance"')
      .replace('"fr":"Locaux"', '"fr":"Lieux"'));
    await page.evaluate((q) => { (document.querySelector('olva-survey') as unknown as { questionnaire: unknown }).questionnaire = q; }, renamed);
    await expect.poll(async () => (await drawn(page)).rows.map((r) => [r.legend, r.names[0], r.ids[2], r.values[2]])).toEqual([
      ['Bénévoles', 'olva-q-m-benevoles', 'olva-q-m-benevoles-2', 'croissance'],
      ['Finances, surtout <b>publiques</b>', 'olva-q-m-budget', 'olva-q-m-budget-2', 'croissance'],
      ['Lieux', 'olva-q-m-locaux', 'olva-q-m-locaux-2', 'croissance'],
    ]);
    await shadow(page, '#olva-q-m-budget-2').click();
    await expect.poll(async () => (await drawn(page)).answers).toEqual({ m: { budget: 'croissance' } });
    await page.close();
  });
});
