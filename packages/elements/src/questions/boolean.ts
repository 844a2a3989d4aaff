/** `boolean`: "yes" and "no" radio buttons; in data entry, 1 or 0 (o/n, y/n also read). */
import { html } from 'lit';
import { questionType } from '@olva/runtime';
import type { QuestionRenderer } from './context.js';
import { choiceList } from './choice-list.js';
import { groupField, textField } from './field.js';
import { questionIds } from './question-ids.js';
import { codeBox } from './code-entry.js';

export const renderBoolean: QuestionRenderer = (context) => {
  const { question, strings } = context;
  const id = questionIds(question.id).control;
  const words = (value: unknown) => (value === true ? strings.yes : value === false ? strings.no : '');
  if (context.mode === 'paper') {
    return textField(context, codeBox(context, {
      id,
      shown: context.typed ?? (context.value === true ? '1' : context.value === false ? '0' : ''),
      echo: words(context.value),
      onTyped: (raw) => context.onChange(raw === undefined ? undefined : questionType('boolean').coerce!(raw), raw ?? ''),
    }), html`<span class="code">1</span> ${strings.yes} · <span class="code">0</span> ${strings.no}`);
  }
  const options: [boolean, string][] = [[true, strings.yes], [false, strings.no]];
  return groupField(context, html`<div class="choices inline" ${choiceList(context, {
    type: 'radio', name: id,
    items: options.map(([value, label]) => ({
      value: String(value), checked: context.value === value, label,
      onToggle: (on) => on && context.onChange(value, undefined, true),
    })),
  })}></div>`);
};
