/**
 * The pieces every question renderer shares: element ids, the label with its required
 * marker, help, format hint and error, linked to the control through aria-describedby.
 */
import { localize } from '@olva/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import type { Choice, LocalizedText } from '@olva/schema';
import { choosesOther } from '@olva/schema';
import { renderSafeText } from '../safe-text.js';
import type { QuestionContext } from './context.js';

/** Ids of the parts of one question, unique in the shadow root. */
export interface QuestionIds {
  /** The question's wrapper (div or fieldset). */
  field: string;
  /** The control (the first one, for groups). */
  control: string;
  help: string;
  hint: string;
  error: string;
  warning: string;
  /** The "other, please specify" text box. */
  other: string;
  /** The "left blank" checkbox of paper entry. */
  blank: string;
}

/** Ids of the parts of question `questionId`. */
export function questionIds(questionId: string): QuestionIds {
  const base = `olva-q-${questionId}`;
  return { field: `${base}-field`, control: base, help: `${base}-help`, hint: `${base}-hint`, error: `${base}-error`, warning: `${base}-warning`, other: `${base}-other`, blank: `${base}-blank` };
}

/** A format hint: plain words, or a template (the list of codes in data entry). */
export type Hint = string | TemplateResult | null | undefined;

/** The `aria-describedby` value: hint, help, error and warning, those present. */
export function describedBy(context: QuestionContext, hint?: Hint): string {
  const ids = questionIds(context.question.id);
  return [
    hint ? ids.hint : '',
    context.question.help ? ids.help : '',
    context.error ? ids.error : '',
    context.warning ? ids.warning : '',
  ].filter(Boolean).join(' ');
}

/** The question's label text: its number in data entry, the words, and "(required)". */
export function labelContent(context: QuestionContext): TemplateResult {
  const { question, locale, strings } = context;
  return html`${context.mode === 'paper'
      ? html`<span class="number">${question.number}.</span> `
      : nothing}${renderSafeText(localize(question.label, locale), null)}${context.required
      ? html` <span class="required">(${strings.requiredMarker})</span>`
      : nothing}`;
}

/** Help text, format hint, error and warning messages, in reading order. */
export function describers(context: QuestionContext, hint?: Hint): TemplateResult {
  const ids = questionIds(context.question.id);
  const help = context.question.help;
  return html`${help
      ? html`<span class="help" part="help" id=${ids.help}>${renderSafeText(localize(help, context.locale), context.strings.newWindow)}</span>`
      : nothing}${hint ? html`<span class="hint" id=${ids.hint}>${hint}</span>` : nothing}${context.error
      ? html`<span class="error" part="error" id=${ids.error}>${context.strings.errorPrefix} ${context.error}</span>`
      : nothing}${context.warning
      ? html`<span class="hint warning" part="warning" id=${ids.warning}>${context.warning}</span>`
      : nothing}`;
}

/** A question with one text box: label, describers, then the control. */
export function textField(context: QuestionContext, control: TemplateResult, hint?: Hint): TemplateResult {
  const ids = questionIds(context.question.id);
  return html`<div class="question ${context.error ? 'invalid' : ''}" part="question" id=${ids.field}
    data-question=${context.question.id}>
    <label class="label" part="label" for=${ids.control}>${labelContent(context)}</label>
    ${describers(context, hint)} ${control} ${leftBlankBox(context)}
  </div>`;
}

/** A question answered with a group of controls: fieldset, legend, describers, the group. */
export function groupField(context: QuestionContext, group: TemplateResult, hint?: Hint): TemplateResult {
  const ids = questionIds(context.question.id);
  return html`<fieldset class="question ${context.error ? 'invalid' : ''}" part="question" id=${ids.field}
    data-question=${context.question.id} aria-describedby=${describedBy(context, hint) || nothing}>
    <legend class="label" part="legend">${labelContent(context)}</legend>
    ${describers(context, hint)} ${group} ${leftBlankBox(context)}
  </fieldset>`;
}

/**
 * Paper and phone entry: the checkbox that records a required question as left blank by the
 * respondent (also toggled by typing `*` in its box, see paper-entry.ts).
 */
export function leftBlankBox(context: QuestionContext): TemplateResult | typeof nothing {
  const mark = context.leftBlank;
  if (!mark) return nothing;
  return html`<label class="choice left-blank" part="choice">
    <input part="input" type="checkbox" id=${questionIds(context.question.id).blank} data-entry="blank"
      .checked=${mark.marked} @change=${(e: Event) => mark.onToggle((e.target as HTMLInputElement).checked)} />
    <span>${context.strings.leftBlank}</span>
  </label>`;
}

/** The words of a choice; in data entry, preceded by its number and code. */
export function choiceContent(context: QuestionContext, choice: Choice, index: number): TemplateResult {
  const words = renderSafeText(localize(choice.label, context.locale), null);
  return context.mode === 'paper'
    ? html`<span class="code">${index + 1}</span> ${words} <span class="code">[${choice.code}]</span>`
    : words;
}

/** One radio button or checkbox with its label. The first one carries the control id. */
export function choiceInput(
  context: QuestionContext,
  options: { type: 'radio' | 'checkbox'; name: string; value: string; checked: boolean; index: number;
    label: TemplateResult; onToggle: (checked: boolean) => void; id?: string },
): TemplateResult {
  const id = options.id ?? (options.index === 0 ? questionIds(context.question.id).control : nothing);
  return html`<label class="choice" part="choice">
    <input part="input" type=${options.type} id=${id} name=${options.name} .value=${options.value}
      .checked=${options.checked} aria-invalid=${context.error ? 'true' : 'false'}
      @change=${(e: Event) => options.onToggle((e.target as HTMLInputElement).checked)} />
    <span>${options.label}</span>
  </label>`;
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
  return html`<div class="other">
    <label class="label" part="label" for=${ids.other}>${renderSafeText(localize(label, context.locale), null)}
      <span class="required">(${context.strings.requiredMarker})</span></label>
    <input part="input" type="text" id=${ids.other} .value=${context.otherValue ?? ''} maxlength="10000"
      aria-required="true" aria-invalid=${context.error ? 'true' : 'false'}
      aria-describedby=${context.error ? ids.error : nothing}
      @input=${(e: Event) => context.onOtherChange(blankToUndefined((e.target as HTMLInputElement).value))} />
  </div>`;
}

/** Empty or blank text means "no answer". */
export function blankToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}
