/**
 * The summary shown at the top of a page that cannot be left yet: a title with the count, and
 * one link per problem that moves focus to the question concerned. Errors block; warnings ask
 * for a confirmation.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { questionIds } from '../questions/question-ids.js';
import type { SummaryItem } from './problems.js';

export interface SummaryOptions {
  kind: 'error' | 'warning';
  title: string;
  intro?: string;
  items: readonly SummaryItem[];
  /** Each line starts with the question's number (data entry, where the questions show theirs). */
  numbered?: boolean;
  /** Moves focus to a question. */
  onJump(questionId: string): void;
  /** A button under the list (the warnings' "I confirm"). */
  action?: TemplateResult;
}

/** Id of the summary, to focus it. */
export const summaryId = (kind: 'error' | 'warning') => `olva-summary-${kind}`;

export function renderSummary(options: SummaryOptions): TemplateResult {
  const id = summaryId(options.kind);
  return html`<div class="summary ${options.kind === 'warning' ? 'warnings' : ''}" part="error-summary"
    id=${id} role="group" aria-labelledby="${id}-title" tabindex="-1">
    <h3 id="${id}-title">${options.title}</h3>
    ${options.intro ? html`<p>${options.intro}</p>` : nothing}
    <ul>
      ${options.items.map((item) => html`<li>
        <a href="#${questionIds(item.questionId).control}" @click=${(e: Event) => {
          e.preventDefault();
          options.onJump(item.questionId);
        }}>${options.numbered ? `${item.number}. ` : ''}${item.label} – ${item.message}</a>
      </li>`)}
    </ul>
    ${options.action ?? nothing}
  </div>`;
}
