/**
 * `single`: radio buttons (one choice). With `other`, the last choice is "Autre (précisez)"
 * (code `other`, added by the compiler); choosing it reveals the required "please specify"
 * text box, whose text is an answer of its own (`<id>_other`).
 */
import { localize } from '@olva/runtime';
import { choosesOther } from '@olva/schema';
import { html, nothing } from 'lit';
import type { QuestionContext, QuestionRenderer } from './context.js';
import { choiceContent, otherText } from './choice-input.js';
import { choiceList } from './choice-list.js';
import { groupField, textField } from './field.js';
import { questionIds } from './question-ids.js';
import { codeBox, codeList, matchChoice } from './code-entry.js';

type Single = Extract<QuestionContext['question'], { type: 'single' }>;

export const renderSingle: QuestionRenderer = (context) => {
  const question = context.question as Single;
  const { choices } = question;
  const other = question.other ? otherText(context, question.other.label) : nothing;
  if (context.mode === 'paper') {
    const chosen = choices.find((c) => c.code === context.value);
    return textField(context, html`${codeBox(context, {
      id: questionIds(question.id).control,
      shown: context.typed ?? (typeof context.value === 'string' ? context.value : ''),
      echo: chosen ? localize(chosen.label, context.locale) : '',
      onTyped: (raw) => context.onChange(raw === undefined ? undefined : (matchChoice(choices, raw)?.code ?? raw), raw ?? ''),
    })}${other}`, codeList(context, choices));
  }
  const name = questionIds(question.id).control;
  return groupField(context, html`<div class="choices" ${choiceList(context, {
    type: 'radio', name,
    items: choices.map((choice, index) => ({
      value: choice.code, checked: context.value === choice.code,
      label: choiceContent(context, choice, index),
      // The "please specify" box comes and goes with the choice `other`: the question is drawn again.
      onToggle: (on) => on && context.onChange(choice.code, undefined, !choosesOther(context.value) && !choosesOther(choice.code)),
    })),
  })}></div>${other}`);
};
