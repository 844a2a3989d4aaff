/**
 * The data-entry control of choice questions (channel="paper"): one text box where the person
 * typing in paper forms enters the number or the code of a choice, with the choices listed
 * beside it and the choice understood echoed back. Much faster than pointing at radio buttons.
 */
import { localize } from '@olva/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import type { Choice } from '@olva/schema';
import type { QuestionContext } from './context.js';
import { blankToUndefined, describedBy } from './field.js';

/**
 * Finds the choice meant by what was typed: its 1-based number first (what the paper form
 * shows), else its code.
 */
export function matchChoice(choices: readonly Choice[], typed: string): Choice | undefined {
  const t = typed.trim().toLowerCase();
  if (/^\d+$/.test(t)) {
    const byNumber = choices[Number(t) - 1];
    if (byNumber) return byNumber;
  }
  return choices.find((c) => c.code.toLowerCase() === t);
}

/**
 * The codes, shown as the question's hint: "1 Sport [sport] · 2 Culture [culture]…".
 * @param withCodes false where the number is the answer itself (scale)
 */
export function codeList(context: QuestionContext, choices: readonly Choice[], withCodes = true): TemplateResult {
  return html`${choices.map((c, i) => html`${i ? ' · ' : ''}<span class="code">${i + 1}</span> ${localize(c.label, context.locale)}${withCodes ? html` <span class="code">[${c.code}]</span>` : ''}`)}`;
}

/**
 * One text box reading typed codes.
 * @param id id of the box
 * @param shown what to show in the box (the typed text, or the current answer as a code)
 * @param echo words of the choice(s) understood, announced with the box ("?" where what was typed is none)
 * @param onTyped receives the raw text on every keystroke
 */
export function codeBox(
  context: QuestionContext,
  options: { id: string; shown: string; echo: string; onTyped: (raw: string | undefined) => void },
): TemplateResult {
  const echoId = `${options.id}-echo`;
  // Something typed that no choice answers to shows as such at once, not only at saving.
  const echo = options.echo || (options.shown.trim() ? '?' : '');
  const describers = [describedBy(context, 'codes'), echo ? echoId : ''].filter(Boolean).join(' ');
  return html`<input part="input" class="code-entry" type="text" id=${options.id}
      autocomplete="off" spellcheck="false" .value=${options.shown}
      aria-invalid=${!!context.error} aria-describedby=${describers || nothing}
      data-entry="code"
      @input=${(e: Event) => options.onTyped(blankToUndefined((e.target as HTMLInputElement).value))} />
    <span class="match" id=${echoId}>${echo ? `→ ${echo}` : ''}</span>`;
}

