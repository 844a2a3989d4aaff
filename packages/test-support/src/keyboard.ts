/**
 * Drives <olva-survey> with the keyboard only (Tab, Shift+Tab, Space, Enter, arrow keys and
 * typing), the way a respondent without a mouse would. It reads the page to decide which key to
 * press next, but never clicks and never sets a value from script.
 */
import type { Page } from 'playwright-core';
import type { CompiledQuestion, CompiledQuestionnaire } from '@olva/schema';
import { unhandledQuestionType } from '@olva/schema';

/** What has the focus, looked up through shadow roots. */
export interface FocusInfo {
  tag: string;
  type: string;
  id: string;
  name: string;
  value: string;
  checked: boolean;
  part: string;
  role: string;
  /** `data-question` of the closest question wrapper (question id), or ''. */
  questionId: string;
  /** Trimmed text of the element (buttons, links). */
  text: string;
  /** Whether it sits in the shadow root of <olva-survey>. */
  inSurvey: boolean;
  /** Values of the radios of the same group (same name, same root), in order. */
  groupValues: string[];
  /** `data-entry` of the control (`code` for the data-entry boxes of paper mode), or ''. */
  entry: string;
  /** Index of this radio in its group, -1 otherwise. */
  groupIndex: number;
  /** Whether some radio of the group is checked. */
  groupChecked: boolean;
}

/** Describes the element that has the focus, following shadow roots down. */
export async function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const root = el.getRootNode() as Document | ShadowRoot;
    const host = (root as ShadowRoot).host;
    const input = el as HTMLInputElement;
    const radios = input.type === 'radio' && input.name
      ? [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === input.name)
      : [];
    return {
      tag: el.tagName.toLowerCase(),
      type: (input.type ?? '').toLowerCase(),
      id: el.id,
      name: input.name ?? '',
      value: input.value ?? '',
      checked: Boolean(input.checked),
      part: el.getAttribute('part') ?? '',
      role: el.getAttribute('role') ?? '',
      questionId: el.closest('[data-question]')?.getAttribute('data-question') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      inSurvey: host?.tagName.toLowerCase() === 'olva-survey',
      groupValues: radios.map((r) => r.value),
      groupIndex: radios.indexOf(input),
      entry: el.getAttribute('data-entry') ?? '',
      groupChecked: radios.some((r) => r.checked),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `accept` holds; throws after `max` presses. */
export async function tabUntil(page: Page, accept: (f: FocusInfo) => boolean, what: string, max = 120, backwards = false): Promise<FocusInfo> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const f = await focusInfo(page);
    if (f && accept(f)) return f;
    seen.push(f ? `${f.tag}${f.id ? '#' + f.id : ''}${f.part ? `[part=${f.part}]` : ''}${f.text ? ` "${f.text.slice(0, 30)}"` : ''}` : 'body');
  }
  throw new Error(`keyboard: no ${what} reached with ${max} Tab presses; focus went through: ${seen.slice(0, 40).join(' → ')}`);
}

/** True for the button that moves forward (next page, review, send). */
export const isPrimaryButton = (f: FocusInfo): boolean => f.inSurvey && /\bbutton-primary\b/.test(f.part);

/** A default answer for a question, used when the plan gives none. */
export function defaultAnswer(q: CompiledQuestion): unknown {
  const clamp = (v: number, min?: number, max?: number) => Math.min(max ?? v, Math.max(min ?? v, v));
  switch (q.type) {
    case 'single': return q.choices[0].code;
    case 'multiple': {
      const exclusive = new Set(q.exclusive ?? []);
      return [(q.choices.find((c) => !exclusive.has(c.code)) ?? q.choices[0]).code];
    }
    case 'boolean': return true;
    case 'integer': return clamp(3, q.min, q.max);
    case 'year': return clamp(2000, q.min, q.max);
    case 'decimal': return clamp(2.5, q.min, q.max);
    case 'text': case 'textarea': return 'Réponse saisie au clavier';
    case 'email': return 'contact@example.org';
    case 'commune': return '35238';
    case 'scale': return Math.ceil(q.choices.length / 2);
    case 'matrix': return Object.fromEntries(q.rows.map((r) => [r.code, q.choices[0].code]));
    default: return unhandledQuestionType(q);
  }
}

/**
 * The text typed for an answer: French decimal comma, as a respondent in France types it; in
 * the data-entry boxes of paper mode, 1/0 for yes/no, codes separated by spaces, one matrix row
 * per box.
 */
export function typedText(q: CompiledQuestion, value: unknown, f?: FocusInfo): string {
  if (q.type === 'decimal' && typeof value === 'number') return String(value).replace('.', ',');
  if (f?.entry === 'code') {
    if (q.type === 'boolean') return value === true ? '1' : '0';
    if (Array.isArray(value)) return value.join(' ');
    if (q.type === 'matrix') {
      const row = [...q.rows].sort((a, b) => b.code.length - a.code.length).find((r) => f.id.endsWith(`-${r.code}`)) ?? q.rows[0];
      return String((value as Record<string, string>)[row.code]);
    }
  }
  return String(value);
}

/** Index of the radio to check in a group for the wanted value of question `q`. */
function radioIndex(q: CompiledQuestion, f: FocusInfo, wanted: unknown): number {
  let target: unknown = wanted;
  if (q.type === 'matrix') {
    // One radio group per row: find the row from the group's name, which carries the row code.
    const row = [...q.rows].sort((a, b) => b.code.length - a.code.length).find((r) => f.name.endsWith(r.code) || f.name.includes(`-${r.code}`));
    if (!row) throw new Error(`keyboard: matrix ${q.id}: cannot tell the row of radio group "${f.name}"`);
    target = (wanted as Record<string, string>)[row.code];
  }
  const byValue = f.groupValues.indexOf(String(target));
  if (byValue >= 0) return byValue;
  if (q.type === 'boolean') return target === true ? 0 : 1;
  if (q.type === 'scale') return Number(target) - 1;
  if (q.type === 'single' || q.type === 'matrix') {
    const i = q.choices.findIndex((c) => c.code === target);
    if (i >= 0) return i;
  }
  throw new Error(`keyboard: ${q.id}: no radio for ${JSON.stringify(target)} among ${JSON.stringify(f.groupValues)}`);
}

/**
 * Answers the control that has the focus, as part of question `q` with the wanted answer.
 * Radios: Space / arrow keys; checkboxes: Space when the box should change; text boxes: select
 * all and type. Returns true when it pressed something.
 */
export async function answerFocused(page: Page, q: CompiledQuestion, f: FocusInfo, wanted: unknown): Promise<boolean> {
  // The "left blank" mark of paper entry is not an answer: tests tick it on purpose only.
  if (f.entry === 'blank') return false;
  if (f.type === 'radio') {
    if (f.groupChecked) return false;
    const index = radioIndex(q, f, wanted);
    const steps = index - f.groupIndex;
    if (steps === 0) await page.keyboard.press('Space');
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
    return true;
  }
  if (f.type === 'checkbox') {
    const want = Array.isArray(wanted) ? wanted.map(String).includes(f.value) : wanted === true;
    if (want !== f.checked) {
      await page.keyboard.press('Space');
      return true;
    }
    return false;
  }
  if (f.tag === 'input' || f.tag === 'textarea' || f.role === 'combobox') {
    if (/_other$|-other$/.test(f.id)) return false;
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(typedText(q, wanted, f), { delay: 5 });
    return true;
  }
  if (f.tag === 'select') {
    // A native select moves with the arrow keys while closed.
    const values = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return [...(el as HTMLSelectElement).options].map((o) => o.value);
    });
    const target = values.indexOf(String(wanted));
    if (target < 0) throw new Error(`keyboard: ${q.id}: no option ${JSON.stringify(wanted)}`);
    await page.keyboard.press('Home');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    return true;
  }
  return false;
}

/** The current page of the survey: a section id, `review` or `receipt`, from the last olva-page-change. */
export async function currentPage(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const events = (window as unknown as { __olvaEvents?: { type: string; detail: { to?: string } }[] }).__olvaEvents ?? [];
    return [...events].reverse().find((e) => e.type === 'olva-page-change')?.detail?.to;
  });
}

/** The error texts shown in the survey (summary and per-question errors). */
export async function shownErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('olva-survey')?.shadowRoot;
    if (!root) return [];
    return [...root.querySelectorAll('[part~="error"], [part~="error-summary"]')]
      .filter((e) => e.checkVisibility())
      .map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  });
}

export interface KeyboardRunResult {
  /** Question ids answered, in order. */
  answered: string[];
  /** Pages visited, in order (section ids, then `review`). */
  pages: string[];
}

/**
 * Fills the survey shown on `page` with the keyboard only, page after page, answering every
 * visible question (with `plan[id]`, else {@link defaultAnswer}), then moves on with the
 * primary button until the review page. Leaves the focus on the review page; sending is up to
 * the caller (see {@link sendFromReview}). `maxPages` stops after that many pages were left;
 * `onPage` is called on each page as it is shown and once filled (e.g. to run axe).
 */
export async function fillSurveyByKeyboard(page: Page, compiled: CompiledQuestionnaire, plan: Record<string, unknown> = {}, options: { maxPages?: number; onPage?: (pageId: string, stage: 'shown' | 'filled') => Promise<void> } = {}): Promise<KeyboardRunResult> {
  const answered: string[] = [];
  const pages: string[] = [];
  for (let pageCount = 0; pageCount < compiled.sections.length + 2; pageCount++) {
    const before = await currentPage(page);
    pages.push(before ?? compiled.sections[0]!.id);
    await options.onPage?.(pages.at(-1)!, 'shown');
    if (before === 'review') return { answered, pages };
    for (const id of await answerPageByKeyboard(page, compiled, plan)) if (!answered.includes(id)) answered.push(id);
    await options.onPage?.(pages.at(-1)!, 'filled');
    await page.keyboard.press('Enter');
    await page.waitForFunction((from) => {
      const events = (window as unknown as { __olvaEvents?: { type: string; detail: { to?: string } }[] }).__olvaEvents ?? [];
      const last = [...events].reverse().find((e) => e.type === 'olva-page-change')?.detail?.to;
      const root = document.querySelector('olva-survey')?.shadowRoot;
      const errors = root ? [...root.querySelectorAll('[part~="error-summary"]')].some((e) => e.checkVisibility()) : false;
      return (last !== undefined && last !== from) || errors;
    }, before, { timeout: 10_000 });
    const after = await currentPage(page);
    if (after === before) {
      throw new Error(`keyboard: page ${before} did not let the respondent go on; errors shown: ${JSON.stringify(await shownErrors(page))}`);
    }
    if (options.maxPages && pageCount + 1 >= options.maxPages) {
      pages.push(after!);
      return { answered, pages };
    }
  }
  throw new Error(`keyboard: review page never reached; pages: ${pages.join(' → ')}`);
}

/**
 * Walks the page shown with Tab from the current focus, answering each control of each question
 * once (with `plan[id]`, else {@link defaultAnswer}), and stops with the focus on the primary
 * button. Returns the ids of the questions it answered.
 */
export async function answerPageByKeyboard(page: Page, compiled: CompiledQuestionnaire, plan: Record<string, unknown> = {}): Promise<string[]> {
  const questions = new Map(compiled.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const want = (q: CompiledQuestion) => (q.id in plan ? plan[q.id] : defaultAnswer(q));
  const answered: string[] = [];
  const touched = new Set<string>();
  for (let presses = 0; ; presses++) {
    if (presses > 400) throw new Error('keyboard: primary button never reached');
    // The survey may have put the focus on a control already (e.g. the first box of a new form).
    const current = presses === 0 ? await focusInfo(page) : null;
    const f = current?.questionId ? current : (await page.keyboard.press('Tab'), await focusInfo(page));
    if (!f) continue;
    if (isPrimaryButton(f)) return answered;
    const q = f.questionId ? questions.get(f.questionId) : undefined;
    if (!q || plan[q.id] === SKIP) continue;
    const key = `${q.id}|${f.type === 'checkbox' ? f.value : f.type === 'radio' ? f.name : f.id}`;
    if (touched.has(key)) continue;
    touched.add(key);
    if (await answerFocused(page, q, f, want(q)) && !answered.includes(q.id)) answered.push(q.id);
  }
}

/** A plan value that leaves a question unanswered. */
export const SKIP = Symbol('skip');

/** On the review page: Tab to the send (primary) button and press Enter. */
export async function sendFromReview(page: Page): Promise<void> {
  await tabUntil(page, isPrimaryButton, 'send button');
  await page.keyboard.press('Enter');
}
