/**
 * One question on the page as a unit of its own: a Lit directive that draws the question and
 * redraws it by itself when what it is drawn from changes, so that answering a question
 * redraws that question only, not the page. It draws into the survey's one shadow root (no
 * element, no shadow root of its own): label, control, help and error stay in the same root,
 * which `for`, `aria-labelledby` and `aria-describedby` need.
 *
 * A question with a condition sits in a box that `hidden` and `inert` take off the page
 * (docs/decisions/0003): showing or hiding it sets two attributes of that box, and a hidden
 * question keeps its DOM as it was, untouched, until it shows again.
 */
import { html, noChange, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { ChildPart, DirectiveParameters, DirectiveResult, Part } from 'lit/directive.js';
import type { CompiledQuestion } from '@olva/runtime';

/** What one question is drawn from, now. */
export interface QuestionState {
  /** Shown (its condition holds, or it has none). */
  visible: boolean;
  /** Its answer: compared with the last one drawn, or with the one its controls show (`QuestionParts.shown`). */
  answer?: unknown;
  /**
   * Every other value its template is made from (typed text, error, requiredness, language…);
   * compared item by item with the last ones drawn: unchanged, and with the answer drawn, the
   * question is not drawn again.
   */
  inputs: readonly unknown[];
  /** Draws the question from those values. */
  draw(): TemplateResult;
}

/**
 * The questions on the page, drawn by `questionPart`. The survey redraws the page only when
 * something beyond the questions changed (another page, the error summary); after any other
 * change of the answers, `refresh()` lets each question redraw itself if it must.
 */
export class QuestionParts {
  /** The parts in the document now (a part leaves with its page). */
  readonly live = new Set<QuestionPart>();
  /**
   * Question id → the answer its controls show already, the respondent having just given it
   * there (a radio button checked, with nothing else to show or hide): the question is not
   * drawn again for that answer. Emptied by the survey once the change is drawn.
   */
  readonly shown = new Map<string, unknown>();

  /** @param state what a question is drawn from, read from the survey at each draw */
  constructor(readonly state: (question: CompiledQuestion) => QuestionState) {}

  /**
   * Redraws the questions whose state changed; the others are not touched.
   * @param only the questions that may have changed (null or absent: any)
   */
  refresh(only?: ReadonlySet<string> | null): void {
    for (const part of this.live) if (!only || only.has(part.questionId)) part.refresh();
  }
}

const same = (a: readonly unknown[] | undefined, b: readonly unknown[]): boolean =>
  a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

class QuestionPart extends AsyncDirective {
  #question!: CompiledQuestion;
  #parts!: QuestionParts;
  /** The inputs last drawn (undefined before the first draw, or once hidden before it). */
  #drawn: readonly unknown[] | undefined;
  /** The answer the question shows. */
  #answer: unknown;
  /** Whether the box was last shown; undefined before the first draw. */
  #shown: boolean | undefined;
  /** Where the question is drawn: once drawn, its box is the first node after the part's start. */
  #part: ChildPart | undefined;

  override update(part: Part, props: unknown[]): unknown {
    this.#part = part as ChildPart;
    return super.update(part, props);
  }

  render(question: CompiledQuestion, parts: QuestionParts): unknown {
    if (question !== this.#question) {
      // Another question in this place (the page reused it): nothing of the last one stands.
      this.#question = question;
      this.#drawn = undefined;
      this.#shown = undefined;
    }
    if (parts !== this.#parts) {
      this.#parts?.live.delete(this);
      this.#parts = parts;
    }
    if (this.isConnected) parts.live.add(this);
    return this.#draw();
  }

  /** The id of the question drawn. */
  get questionId(): string {
    return this.#question.id;
  }

  /** Redraws the question when its state changed since the last draw. */
  refresh(): void {
    const value = this.#draw();
    if (value !== noChange) this.setValue(value);
  }

  protected override disconnected(): void {
    this.#parts.live.delete(this);
  }

  protected override reconnected(): void {
    this.#parts.live.add(this);
  }

  #draw(): unknown {
    const question = this.#question;
    const state = this.#parts.state(question);
    const shown = this.#parts.shown;
    const answerShown = state.answer === this.#answer || (shown.has(question.id) && shown.get(question.id) === state.answer);
    const changed = state.visible && !(answerShown && same(this.#drawn, state.inputs));
    if (state.visible) {
      this.#drawn = state.inputs;
      this.#answer = state.answer;
    }
    const content = changed ? state.draw() : noChange;
    // Only questions with a condition have a box (a box for every one made the first page slower).
    if (question.visibleWhen === undefined) return content;
    if (content === noChange && state.visible === this.#shown) return noChange;
    this.#shown = state.visible;
    // A box drawn is shown or hidden in place, before any template (whose bindings then agree).
    const box = this.#part?.startNode?.nextSibling as HTMLElement | null | undefined;
    if (box?.className === 'question-box') {
      box.hidden = box.inert = !state.visible;
      if (content === noChange) return noChange;
    }
    return html`<div class="question-box" ?hidden=${!state.visible} ?inert=${!state.visible}>${content}</div>`;
  }
}

/** Draws one question of the page as a unit that redraws itself (see `QuestionParts`). */
export const questionPart: (...values: DirectiveParameters<QuestionPart>) => DirectiveResult<typeof QuestionPart> = directive(QuestionPart);
