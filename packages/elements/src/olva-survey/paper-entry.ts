/**
 * Data entry of paper questionnaires (channel="paper"): a header with the count of forms
 * entered, and the keyboard rules that make typing fast: Enter moves to the next box (it never
 * submits), Ctrl+Enter (or ⌘+Enter) saves the form, `*` in the box of a required question marks
 * it "left blank" (or unmarks it).
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ResponseSession } from '@olva/runtime';
import type { Strings } from '../strings.js';
import type { Announcer } from './announcer.js';

/** Layout of data entry: every question on one page, or one section a page. */
export type PaperLayout = 'all' | 'sections';

/** Reads the `paper-layout` attribute. */
export function parsePaperLayout(attribute: string | null | undefined): PaperLayout {
  return attribute === 'sections' ? 'sections' : 'all';
}

/** The header of data entry: the count of forms entered (and waiting), and the instructions. */
export function renderPaperHeader(strings: Strings, entered: number, pending: number): TemplateResult {
  return html`<div class="notice" part="paper-header">
    <p class="counter">${strings.paperCount(entered)}${pending ? ` · ${strings.pendingCount(pending)}` : ''}</p>
    <p>${strings.paperHelp}</p>
  </div>`;
}

const TYPING = 'input[type="text"], input[type="email"], input:not([type]), textarea';

/**
 * The elements matching `selector` in `root` that a typist can reach, in page order: a
 * question hidden by its condition keeps its boxes in the page, under `hidden`.
 */
export function reachable(root: ParentNode, selector: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)].filter((element) => !element.closest('[hidden]'));
}

/**
 * Handles a keydown inside the data-entry form.
 * @returns 'save' when the form must be saved; 'handled' when focus moved; null otherwise
 */
export function paperKeydown(event: KeyboardEvent, form: HTMLFormElement): 'save' | 'handled' | null {
  if (event.key !== 'Enter' || event.isComposing) return null;
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault();
    return 'save';
  }
  const target = event.composedPath()[0] as HTMLElement;
  if (!target.matches?.(TYPING) || target.localName === 'textarea') return null;
  event.preventDefault();
  const boxes = reachable(form, TYPING);
  const next = boxes[boxes.indexOf(target) + 1];
  (next ?? form.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
  return 'handled';
}

/**
 * The question whose box received `*` with nothing else typed in it: the typist marks (or
 * unmarks) it "left blank". Null for any other key or box.
 */
export function blankKey(event: KeyboardEvent): string | null {
  if (event.key !== '*' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  const target = event.composedPath()[0] as HTMLInputElement;
  if (!target.matches?.(TYPING) || target.value.trim() !== '') return null;
  return target.closest('[data-question]')?.getAttribute('data-question') ?? null;
}

/** What data entry needs of the survey. */
export interface PaperSurvey {
  /** The response being entered. */
  session(): ResponseSession | undefined;
  /** Ctrl+Enter: save the form (unless one is being sent). */
  save(): void;
}

/** One survey's data entry: the count of forms entered, and the keys of fast typing. */
export class PaperEntry implements ReactiveController {
  #entered = 0;

  readonly #host: ReactiveControllerHost;
  readonly #voice: Announcer;
  readonly #survey: PaperSurvey;

  constructor(host: ReactiveControllerHost, voice: Announcer, survey: PaperSurvey) {
    this.#host = host;
    this.#voice = voice;
    this.#survey = survey;
    host.addController(this);
  }

  /** Nothing to open: the keys are handled on the form. */
  hostConnected(): void {}

  /** A form was saved: one more entered, said with its number. */
  saved(submissionId: string): void {
    this.#entered += 1;
    this.#host.requestUpdate();
    const entered = this.#entered;
    this.#voice.announce((s) => s.paperSaved(entered, submissionId));
  }

  /** Keydown on the form: `*` marks a required question left blank, Enter moves on, Ctrl+Enter saves. */
  keydown = (event: KeyboardEvent): void => {
    const blank = blankKey(event);
    const session = this.#survey.session();
    if (blank !== null && session?.isRequired(blank)) {
      event.preventDefault();
      session.setLeftBlank(blank, !session.isLeftBlank(blank));
      return;
    }
    if (paperKeydown(event, event.currentTarget as HTMLFormElement) === 'save') this.#survey.save();
  };

  /** The header, with the forms still waiting on the device. */
  renderHeader(strings: Strings, pending: number): TemplateResult {
    return renderPaperHeader(strings, this.#entered, pending);
  }
}
