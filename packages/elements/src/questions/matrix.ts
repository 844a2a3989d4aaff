/**
 * `matrix`: one choice per row. Each row is its own fieldset (legend: the row) inside the
 * question's fieldset, rather than a table of radios: it reads well in screen readers and
 * needs no horizontal scrolling at 320 px.
 */
import { localize } from '@olva/runtime';
import { isJsonObject } from '@olva/schema';
import { html } from 'lit';
import type { QuestionContext, QuestionRenderer } from './context.js';
import { choiceContent } from './choice-input.js';
import { matrixRows, type MatrixRow } from './matrix-rows.js';
import { groupField } from './field.js';
import { questionIds } from './question-ids.js';
import { codeBox, codeList, matchChoice } from './code-entry.js';
import { renderSafeText } from '../safe-text.js';

type Matrix = Extract<QuestionContext['question'], { type: 'matrix' }>;

/** The answer after setting one row (or clearing it with undefined). */
export function setRow(current: Record<string, string>, row: string, choice: string | undefined): Record<string, string> | undefined {
  const next = { ...current };
  if (choice === undefined) delete next[row];
  else next[row] = choice;
  return Object.keys(next).length ? next : undefined;
}

export const renderMatrix: QuestionRenderer = (context) => {
  const question = context.question as Matrix;
  const base = questionIds(question.id).control;
  const current = (isJsonObject(context.value) ? context.value : {}) as Record<string, string>;
  if (context.mode === 'paper') {
    // In data entry, `typed` holds one line per row, so each box keeps what was typed in it.
    const typedRows = context.typed !== undefined ? JSON.parse(context.typed) as Record<string, string> : {};
    return groupField(context, html`${question.rows.map((row, r) => {
      const id = r === 0 ? base : `${base}-${row.code}`;
      const chosen = question.choices.find((c) => c.code === current[row.code]);
      return html`<div class="row">
        <label class="label" part="label" for=${id}>${renderSafeText(localize(row.label, context.locale), null)}
          <span class="code">[${row.code}]</span></label>
        ${codeBox(context, {
          id,
          shown: typedRows[row.code] ?? current[row.code] ?? '',
          echo: chosen ? localize(chosen.label, context.locale) : '',
          onTyped: (raw) => context.onChange(
            setRow(current, row.code, raw === undefined ? undefined : (matchChoice(question.choices, raw)?.code ?? raw)),
            JSON.stringify({ ...typedRows, [row.code]: raw ?? '' }),
          ),
        })}
      </div>`;
    })}`, codeList(context, question.choices));
  }
  // The rows are drawn by one directive (matrix-rows.ts): a fieldset and legend per row.
  return groupField(context, html`<div ${matrixRows(context, question.rows.map((row, r) => ({
    legend: renderSafeText(localize(row.label, context.locale), null),
    type: 'radio', name: `${base}-${row.code}`,
    items: question.choices.map((choice, index) => ({
      value: choice.code, id: r === 0 && index === 0 ? base : `${base}-${row.code}-${index}`,
      checked: current[row.code] === choice.code,
      label: choiceContent(context, choice, index),
      onToggle: (on: boolean) => on && context.onChange(setRow(current, row.code, choice.code)),
    })),
  }) satisfies MatrixRow))}></div>`);
};
