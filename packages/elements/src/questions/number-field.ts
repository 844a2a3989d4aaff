/**
 * The text box shared by integer, year and decimal questions. It is a text input with a
 * numeric keyboard, not `type="number"`: that one drops what it cannot parse ("3,5" in some
 * browsers), changes value on scroll, and reads badly in screen readers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { questionType } from '@olva/runtime';
import type { QuestionContext } from './context.js';
import { describedBy, textField } from './field.js';
import { questionIds } from './question-ids.js';

/** A number as the respondent would type it: a decimal comma in French, no grouping. */
export function formatNumber(value: number, context: QuestionContext): string {
  const text = String(value);
  return context.locale === 'fr' ? text.replace('.', ',') : text;
}

/** Renders a number question with the given hint and keyboard. */
export function numberField(context: QuestionContext, hint: string, inputmode: 'numeric' | 'decimal', maxlength?: number): TemplateResult {
  const { question } = context;
  const shown = context.typed
    ?? (typeof context.value === 'number' ? formatNumber(context.value, context) : typeof context.value === 'string' ? context.value : '');
  return textField(context, html`<input part="input" class="short" type="text" id=${questionIds(question.id).control}
    inputmode=${inputmode} autocomplete="off" .value=${shown} maxlength=${maxlength ?? nothing}
    aria-invalid=${!!context.error} aria-required=${context.required}
    aria-describedby=${describedBy(context, hint) || nothing}
    @input=${(e: Event) => {
      const raw = (e.target as HTMLInputElement).value;
      context.onChange(questionType(question.type).coerce!(raw), raw);
    }} />`, hint);
}

/** The `min` and `max` of a number question. */
export function bounds(context: QuestionContext): { min?: number; max?: number } {
  const q = context.question as { min?: number; max?: number };
  return { min: q.min, max: q.max };
}
