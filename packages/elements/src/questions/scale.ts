/** `scale`: n labelled points, answered with the point's rank (1..n). */
import { html } from 'lit';
import type { QuestionContext, QuestionRenderer } from './context.js';
import { choiceList } from './choice-list.js';
import { groupField, textField } from './field.js';
import { questionIds } from './question-ids.js';
import { codeBox, codeList } from './code-entry.js';
import { renderSafeText } from '../safe-text.js';
import { localize, questionType } from '@olva/runtime';

type Scale = Extract<QuestionContext['question'], { type: 'scale' }>;

export const renderScale: QuestionRenderer = (context) => {
  const question = context.question as Scale;
  const id = questionIds(question.id).control;
  if (context.mode === 'paper') {
    const point = typeof context.value === 'number' ? question.choices[context.value - 1] : undefined;
    return textField(context, codeBox(context, {
      id,
      shown: context.typed ?? (typeof context.value === 'number' ? String(context.value) : ''),
      echo: point ? localize(point.label, context.locale) : '',
      onTyped: (raw) => context.onChange(raw === undefined ? undefined : questionType('scale').coerce!(raw), raw ?? ''),
    }), codeList(context, question.choices, false));
  }
  return groupField(context, html`<div class="choices inline scale" ${choiceList(context, {
    type: 'radio', name: id,
    items: question.choices.map((choice, index) => ({
      value: String(index + 1), checked: context.value === index + 1, code: String(index + 1),
      label: renderSafeText(localize(choice.label, context.locale), null),
      onToggle: (on) => on && context.onChange(index + 1, undefined, true),
    })),
  })}></div>`, context.strings.scaleHint(question.choices.length));
};
