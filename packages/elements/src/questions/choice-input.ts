/**
 * One choice of a single, multiple, boolean, scale or matrix question (its input and label),
 * and the "other, please specify" text box.
 */
import { localize } from '@olva/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import type { Choice, LocalizedText } from '@olva/schema';
import { choosesOther } from '@olva/schema';
import { renderSafeText, type SafeContent } from '../safe-text.js';
import type { QuestionContext } from './context.js';
import { questionIds } from './question-ids.js';
import { blankToUndefined } from './field.js';

/** The words of a choice; in data entry, preceded by its number and code. */
export function choiceContent(context: QuestionContext, choice: Choice, index: number): TemplateResult | SafeContent {
  const words = renderSafeText(localize(choice.label, context.locale), null);
  return context.mode === 'paper'
    ? html`<span class="code">${index + 1}</span> ${words} <span class="code">[${choice.code}]</span>`
    : words;
}

/** One radio button or checkbox with its label. The first one carries the control id. */
export function choiceInput(
  context: QuestionContext,
  options: { type: 'radio' | 'checkbox'; name: string; value: string; checked: boolean; index: number;
    label: TemplateResult | SafeContent; onToggle: (checked: boolean) => void; id?: string },
): TemplateResult {
  const id = options.id ?? (options.index === 0 ? questionIds(context.question.id).control : nothing);
  // No white space between the tags (a flex box ignores it, and each space was a node).
  return html`<label class="choice" part="choice"><input part="input" type=${options.type} id=${id} name=${options.name} .value=${options.value}
      .checked=${options.checked} aria-invalid=${context.error ? 'true' : 'false'}
      @change=${(e: Event) => options.onToggle((e.target as HTMLInputElement).checked)} /><span>${options.label}</span></label>`;
}

/**
 * The "other, please specify" text box of a single or multiple question, shown once the choice
 * `other` (the last one, added by the compiler) is chosen, and then required: an answer of its
 * own (`<id>_other`). It shares the question's error state: the question's message (such as
 * "specify your answer") is about the group it belongs to. Focus stays on the choice (arrow
 * keys keep moving through radios); the box comes next in the tab order.
 */
export function otherText(context: QuestionContext, label: LocalizedText): TemplateResult | typeof nothing {
  if (!choosesOther(context.value)) return nothing;
  const ids = questionIds(context.question.id);
  return html`<div class="other"><label class="label" part="label" for=${ids.other}>${renderSafeText(localize(label, context.locale), null)} <span class="required">(${context.strings.requiredMarker})</span></label><input part="input" type="text" id=${ids.other} .value=${context.otherValue ?? ''} maxlength="10000"
      aria-required="true" aria-invalid=${context.error ? 'true' : 'false'}
      aria-describedby=${context.error ? ids.error : nothing}
      @input=${(e: Event) => context.onOtherChange(blankToUndefined((e.target as HTMLInputElement).value))} /></div>`;
}
