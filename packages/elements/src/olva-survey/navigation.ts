/**
 * The buttons under a page: previous on the left, then any extra button (resume later) and the
 * main action (next, review, send, save) on the right. The main action is the form's submit
 * button; Enter in a text box does not press it (see {@link holdsEnter}).
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
        aria-disabled=${!!options.busy}>${options.busy ? options.strings.sending : options.primary}</button>
    </div>
  </div>`;
}

/** Input types where Enter acts on the control itself, or is the button's own key. */
const ENTER_OWN = new Set(['radio', 'checkbox', 'submit', 'button', 'reset', 'image', 'file']);

/**
 * For a keydown in the form: stops Enter in a one-line text box from submitting the form, which
 * would judge the whole page and list the errors of questions not reached yet. Enter there
 * does nothing; Tab goes on, the main button moves on.
 * @returns true when the key was held back
 */
export function holdsEnter(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.isComposing || event.ctrlKey || event.metaKey) return false;
  const target = event.composedPath()[0] as HTMLElement;
  if (target.localName !== 'input' || ENTER_OWN.has((target as HTMLInputElement).type)) return false;
  event.preventDefault();
  return true;
}
