/**
 * The frame of every question: the label with its required marker, help, format hint and
 * error, linked to the control through aria-describedby; a group's fieldset and legend.
 */
import { localize } from '@olva/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { renderSafeText, type SafeContent } from '../safe-text.js';
import type { QuestionContext } from './context.js';
import { questionIds } from './question-ids.js';

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

/**
 * The question's label text: its number in data entry, the words, and "(required)". Each case
 * its own template, without empty holes: a hole left empty still costs the DOM a marker.
 */
export function labelContent(context: QuestionContext): TemplateResult | SafeContent {
  const { question, locale, strings } = context;
  const words = renderSafeText(localize(question.label, locale), null);
  const required = context.required ? strings.requiredMarker : null;
  if (context.mode === 'paper') {
    return required === null
      ? html`<span class="number">${question.number}.</span> ${words}`
      : html`<span class="number">${question.number}.</span> ${words} <span class="required">(${required})</span>`;
  }
  return required === null ? words : html`${words} <span class="required">(${required})</span>`;
}

/**
 * Help text, format hint, error and warning messages, in reading order: only those present (an
 * absent one leaves no node). None is a live region: errors are announced by the survey's own
 * live region, which exists from the start.
 */
export function describers(context: QuestionContext, hint?: Hint): TemplateResult[] | typeof nothing {
  const ids = questionIds(context.question.id);
  const help = context.question.help;
  const shown: TemplateResult[] = [];
  if (help) shown.push(html`<span class="help" part="help" id=${ids.help}>${renderSafeText(localize(help, context.locale), context.strings.newWindow)}</span>`);
  if (hint) shown.push(html`<span class="hint" id=${ids.hint}>${hint}</span>`);
  // One text: Chromium's accessible description drops the space between two bindings ("Erreur :Répondez").
  // An empty box in data entry may be a question the respondent left blank: the error says how to mark it.
  const blank = context.mode === 'paper' && context.value === undefined ? ` ${context.strings.paperBlankHint}` : '';
  if (context.error) shown.push(html`<span class="error" part="error" id=${ids.error}>${`${context.strings.errorPrefix} ${context.error}${blank}`}</span>`);
  if (context.warning) shown.push(html`<span class="hint warning" part="warning" id=${ids.warning}>${context.warning}</span>`);
  return shown.length ? shown : nothing;
}

/** A question with one text box: label, describers, then the control. */
export function textField(context: QuestionContext, control: TemplateResult, hint?: Hint): TemplateResult {
  const ids = questionIds(context.question.id);
  // No white space between the tags: every child here is a block, and each space was a node.
  return html`<div class="question ${context.error ? 'invalid' : ''}" part="question" id=${ids.field} data-question=${context.question.id}><label class="label" part="label" for=${ids.control}>${labelContent(context)}</label>${describers(context, hint)}${control}${leftBlankBox(context)}</div>`;
}

/** A question answered with a group of controls: fieldset, legend, describers, the group. */
export function groupField(context: QuestionContext, group: TemplateResult, hint?: Hint): TemplateResult {
  const ids = questionIds(context.question.id);
  return html`<fieldset class="question ${context.error ? 'invalid' : ''}" part="question" id=${ids.field} data-question=${context.question.id} aria-describedby=${describedBy(context, hint) || nothing}><legend class="label" part="legend">${labelContent(context)}</legend>${describers(context, hint)}${group}${leftBlankBox(context)}</fieldset>`;
}

/**
 * Paper and phone entry: the checkbox that records a required question as left blank by the
 * respondent (also toggled by typing `*` in its box, see paper-entry.ts).
 */
export function leftBlankBox(context: QuestionContext): TemplateResult | typeof nothing {
  const mark = context.leftBlank;
  if (!mark) return nothing;
  return html`<label class="choice left-blank" part="choice"><input part="input" type="checkbox" id=${questionIds(context.question.id).blank} data-entry="blank"
      .checked=${mark.marked} @change=${(e: Event) => mark.onToggle((e.target as HTMLInputElement).checked)} /><span>${context.strings.leftBlank}</span></label>`;
}

/** Empty or blank text means "no answer". */
export function blankToUndefined(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}
