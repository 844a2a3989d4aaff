/**
 * Puts a story's <olva-survey> into a state (answered, in error, question hidden) from its
 * `play` function, through the DOM the respondent uses: ticking boxes, typing into text boxes,
 * pressing the primary button. Only the conventions of @olva/elements are relied on:
 * `[data-question="<id>"]` wraps a question, `[part~="button-primary"]` moves forward.
 */

/** The survey of the story, once its first page is on screen. */
export async function readySurvey(canvas: HTMLElement, timeoutMs = 5_000): Promise<ShadowRoot> {
  const started = performance.now();
  for (;;) {
    const root = canvas.querySelector('olva-survey')?.shadowRoot;
    if (root?.querySelector('[data-question]')) return root;
    if (performance.now() - started > timeoutMs) throw new Error('olva-survey did not show a question');
    await new Promise((done) => requestAnimationFrame(done));
  }
}

/** Lets Lit render what the last event changed. */
export const nextFrame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));

function typeInto(input: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text, inputType: 'insertText' }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Gives question `questionId` the answer `value` as a respondent would. */
export async function answer(root: ShadowRoot, questionId: string, value: unknown): Promise<void> {
  const wrapper = root.querySelector(`[data-question="${questionId}"]`);
  if (!wrapper) throw new Error(`no question ${questionId} on the page`);
  const inputs = [...wrapper.querySelectorAll<HTMLInputElement>('input')];
  const radios = inputs.filter((i) => i.type === 'radio');
  const boxes = inputs.filter((i) => i.type === 'checkbox');
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    // A matrix: one radio group per row, named after the row.
    for (const [row, code] of Object.entries(value)) {
      radios.find((r) => r.name.endsWith(`-${row}`) && r.value === code)?.click();
      await nextFrame();
    }
  } else if (boxes.length) {
    for (const box of boxes) if ((value as string[]).includes(box.value) !== box.checked) { box.click(); await nextFrame(); }
  } else if (radios.length) {
    const byValue = radios.find((r) => r.value === String(value));
    (byValue ?? radios[Number(value) - 1])?.click();
  } else {
    const box = wrapper.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    if (box) typeInto(box, typeof value === 'number' ? String(value).replace('.', ',') : String(value));
  }
  await nextFrame();
}

/** Presses the primary button (next, review, send) so that the page's errors show. */
export async function pressPrimary(root: ShadowRoot): Promise<void> {
  root.querySelector<HTMLButtonElement>('[part~="button-primary"]')?.click();
  await nextFrame();
}
