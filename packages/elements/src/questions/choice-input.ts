/**
 * The words of one choice of a single, multiple or matrix question (its inputs are drawn by
 * `choiceList`, choice-list.ts), and the "other, please specify" text box.
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
      aria-required="true" aria-invalid=${!!context.error}
      aria-describedby=${context.error ? ids.error : nothing}
      @input=${(e: Event) => context.onOtherChange(blankToUndefined((e.target as HTMLInputElement).value))} /></div>`;
}
