/**
 * `multiple`: checkboxes. Ticking an exclusive choice (such as "none") unticks the others,
 * and ticking another unticks it, so the respondent never meets the "cannot be combined"
 * error. With `other`, ticking the last choice "Autre (précisez)" reveals the required
 * "please specify" text box, as for `single`.
 */
import { localize } from '@olva/runtime';
import { html, nothing } from 'lit';
import type { QuestionContext, QuestionRenderer } from './context.js';
import { choiceContent, otherText } from './choice-input.js';
import { choiceList } from './choice-list.js';
import { groupField, textField } from './field.js';
import { questionIds } from './question-ids.js';
import { codeBox, codeList, matchChoice } from './code-entry.js';

type Multiple = Extract<QuestionContext['question'], { type: 'multiple' }>;

/** The codes after ticking or unticking `code`, in the order of the choices. */
export function toggleCode(question: Multiple, current: readonly string[], code: string, on: boolean): string[] {
  const exclusive = question.exclusive ?? [];
  let next = current.filter((c) => c !== code);
  if (on) next = exclusive.includes(code) ? [code] : [...next.filter((c) => !exclusive.includes(c)), code];
  const order = question.choices.map((c) => c.code);
  return next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

function hint(question: Multiple, context: QuestionContext): string | null {
  const { minSelected: min, maxSelected: max } = question;
  return min !== undefined || max !== undefined ? context.strings.selectCount(min, max) : null;
}

/**
 * Says what ticking `code` unticked besides (an exclusive choice clears the others, another
 * choice clears the exclusive one): a screen reader user would not know otherwise.
 */
function announceUnticked(context: QuestionContext, question: Multiple, before: readonly string[], after: readonly string[], code: string): void {
  const unticked = before.filter((c) => c !== code && !after.includes(c));
  if (!unticked.length || !context.announce) return;
  const label = (c: string) => localize(question.choices.find((x) => x.code === c)?.label, context.locale);
  context.announce((question.exclusive ?? []).includes(code)
    ? context.strings.exclusiveUnticked(label(code), unticked.length)
    : context.strings.exclusiveCleared(label(unticked[0])));
}

export const renderMultiple: QuestionRenderer = (context) => {
  const question = context.question as Multiple;
  const { choices } = question;
  const current = Array.isArray(context.value) ? context.value : [];
  const other = question.other ? otherText(context, question.other.label) : nothing;
  if (context.mode === 'paper') {
    // Each code read, "?" for one no choice answers to.
    const understood = current.map((code) => {
      const choice = choices.find((c) => c.code === code);
      return choice ? localize(choice.label, context.locale) : '?';
    });
    return textField(context, html`${codeBox(context, {
      id: questionIds(question.id).control,
      shown: context.typed ?? current.join(' '),
      echo: understood.join(', '),
      onTyped: (raw) => {
        if (raw === undefined) return context.onChange(undefined, '');
        const codes = raw.split(/[\s,;]+/).filter(Boolean).map((t) => matchChoice(choices, t)?.code ?? t);
        context.onChange([...new Set(codes)], raw);
      },
    })}${other}`, html`${context.strings.severalCodes} ${codeList(context, choices)}`);
  }
  const name = questionIds(question.id).control;
  return groupField(context, html`<div class="choices" ${choiceList(context, {
    type: 'checkbox', name,
    items: choices.map((choice, index) => ({
      value: choice.code, checked: current.includes(choice.code),
      label: choiceContent(context, choice, index),
      onToggle: (on) => {
        const next = toggleCode(question, current, choice.code, on);
        context.onChange(next.length ? next : undefined);
        announceUnticked(context, question, current, next, choice.code);
      },
    })),
  })}></div>${other}`, hint(question, context));
};
