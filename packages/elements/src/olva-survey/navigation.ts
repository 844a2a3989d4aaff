/**
 * The buttons under a page: previous on the left, then any extra button (resume later) and the
 * main action (next, review, send, save) on the right. The main action is the form's submit
 * button, so Enter in a text box triggers it as in any form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../strings.js';

export interface NavigationOptions {
  strings: Strings;
  /** Goes back one page; absent on the first page. */
  onPrevious?: () => void;
  /** Label of the main (submit) button. */
  primary: string;
  /** True while sending: the main button says so and ignores clicks (it keeps focus). */
  busy?: boolean;
  extra?: TemplateResult;
}

export function renderNavigation(options: NavigationOptions): TemplateResult {
  return html`<div class="nav" part="nav">
    ${options.onPrevious
      ? html`<button type="button" part="button" @click=${options.onPrevious}>${options.strings.previous}</button>`
      : nothing}
    <div class="end">
      ${options.extra ?? nothing}
      <button type="submit" part="button button-primary" class="primary"
        aria-disabled=${options.busy ? 'true' : 'false'}>${options.busy ? options.strings.sending : options.primary}</button>
    </div>
  </div>`;
}
