/**
 * `commune`: the INSEE code of a commune, picked by name or postcode from the collector's
 * search (<olva-commune-picker>, a combobox), or typed as a code when there is no search (no
 * endpoint, offline). The embed carries no list of communes.
 */
import { html } from 'lit';
import type { QuestionContext, QuestionRenderer } from './context.js';
import { describedBy, textField } from './field.js';
import { questionIds } from './question-ids.js';
import { defineCommunePicker } from './commune-picker.js';

export const renderCommune: QuestionRenderer = (context: QuestionContext) => {
  defineCommunePicker();
  const hint = context.endpoint?.trim() ? context.strings.communeSearchHint : context.strings.communeHint;
  const control = html`<olva-commune-picker .controlId=${questionIds(context.question.id).control}
    .value=${typeof context.value === 'string' ? context.value : undefined} .typed=${context.typed}
    .invalid=${context.error !== null} .required=${context.required} .describedBy=${describedBy(context, hint)}
    .endpoint=${context.endpoint} .strings=${context.strings}
    .onAnswer=${(value: string | undefined, typed: string) => context.onChange(value, typed)}></olva-commune-picker>`;
  return textField(context, control, hint);
};
