/**
 * The radio buttons or checkboxes of a question (single, multiple, boolean, scale), drawn by
 * hand into their container by an element directive:
 * `<div class="choices" ${choiceList(context, {…})}></div>`; a matrix's rows use the same
 * drawing (`DrawnChoices`) from their own directive (matrix-rows.ts).
 *
 * Each choice is `<label class="choice" part="choice"><input part="input" …><span>words</span></label>`,
 * as a Lit template per choice drew it, without what Lit adds around each: two comment
 * markers per item of a list and one per hole, a template instance and eight parts (a 10 × 5
 * matrix was 452 DOM nodes, 280 of them markers and texts around 50 choices), and one
 * listener per input (one `change` listener on the container here). This is the most
 * repeated structure of a page, so the first page is drawn faster (issue 13).
 *
 * A redraw updates the inputs in place (ids, names, values, `checked`, `aria-invalid`), setting a property
 * only when its value changed since the last draw, as Lit's bindings do; the list is built
 * again only when its shape changes (another type, number of choices, kind of words).
 * Words are text (`textContent`), never HTML; words with emphasis or links (a template) are
 * drawn by Lit inside their `<span>`.
 */
import { noChange, render, type TemplateResult } from 'lit';
import { Directive, directive, PartType, type DirectiveParameters, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { SafeContent } from '../safe-text.js';
import type { QuestionContext } from './context.js';
import { questionIds } from './question-ids.js';

/** One choice of the list. */
export interface ChoiceItem {
  /** The input's value. */
  value: string;
  checked: boolean;
  /** The words: plain text, or text with emphasis or links, or a template (drawn by Lit). */
  label: SafeContent | TemplateResult;
  /** A number shown above the words (a scale's step). */
  code?: string;
  /** The input's id (by default the first input carries the question's control id, the others none). */
  id?: string;
  /** Called with the input's new state when the respondent changes it. */
  onToggle(checked: boolean): void;
}

/** The list: one kind of input under one name. */
export interface ChoiceListOptions {
  type: 'radio' | 'checkbox';
  name: string;
  items: readonly ChoiceItem[];
}

interface Drawn {
  input: HTMLInputElement;
  /** Where rich words are drawn by Lit (their span); plain words are the text node below. */
  words: HTMLElement;
  /** The node holding plain words. */
  text: Text | undefined;
  id: string | undefined;
  checked: boolean;
  label: ChoiceItem['label'];
  code: string | undefined;
}

/**
 * The drawing of one list into its box, kept between draws: the `choiceList` directive's
 * work, also used by the matrix for each of its rows (matrix-rows.ts).
 */
export class DrawnChoices {
  #drawn: Drawn[] = [];
  #items: readonly ChoiceItem[] = [];
  #type = '';
  #name = '';
  #invalid: boolean | undefined;

  /**
   * @param box the element that holds the choices
   * @param bareWords plain words straight in the label, without their span: a node less per
   *   choice where every choice has plain words and no code (a matrix's row). A label is a
   *   flex box, and a run of text is one anonymous flex item, laid out as the span was.
   */
  constructor(readonly box: HTMLElement, readonly bareWords = false) {}

  /** Draws the list, or updates it in place when it keeps its shape. */
  draw(context: QuestionContext, options: ChoiceListOptions): void {
    const box = this.box;
    const control = questionIds(context.question.id).control;
    const ids = options.items.map((item, index) => item.id ?? (index === 0 ? control : undefined));
    const invalid = context.error ? 'true' : 'false';
    if (this.#reshaped(options)) {
      this.#type = options.type;
      this.#drawn = options.items.map((item, index) => this.#create(box.ownerDocument, options, item, ids[index], invalid));
      box.replaceChildren(...this.#drawn.map((d) => d.input.parentElement!));
    } else {
      const renamed = options.name !== this.#name;
      options.items.forEach((item, index) => {
        const drawn = this.#drawn[index];
        if (drawn.id !== ids[index]) {
          drawn.id = ids[index];
          if (drawn.id === undefined) drawn.input.removeAttribute('id');
          else drawn.input.id = drawn.id;
        }
        // Same shape, other codes (a preview rebuilt after a code was renamed): name and value follow.
        if (renamed) drawn.input.name = options.name;
        if (drawn.input.value !== item.value) drawn.input.value = item.value;
        if (drawn.checked !== item.checked) drawn.input.checked = drawn.checked = item.checked;
        if (this.#invalid !== !!context.error) drawn.input.setAttribute('aria-invalid', invalid);
        if (drawn.label !== item.label) {
          drawn.label = item.label;
          if (typeof item.label === 'string') drawn.text!.data = item.label;
          else render(item.label, drawn.words);
        }
      });
    }
    this.#name = options.name;
    this.#invalid = !!context.error;
    this.#items = options.items;
  }

  /**
   * What the respondent did to one of the inputs (a `change` event seen on or above the box):
   * false when the event is not about this list.
   */
  changed(event: Event): boolean {
    const index = this.#drawn.findIndex((d) => d.input === event.target);
    if (index < 0) return false;
    // What the inputs show now (a radio button checked unchecks the others); the next draw sets the answer's state.
    for (const d of this.#drawn) d.checked = d.input.checked;
    this.#items[index]?.onToggle(this.#drawn[index].input.checked);
    return true;
  }

  /** Whether the list must be built again: first draw, or another type, length or kind of words. */
  #reshaped(options: ChoiceListOptions): boolean {
    return this.#drawn.length === 0 || options.type !== this.#type
      || options.items.length !== this.#drawn.length
      || options.items.some((item, i) => item.code !== this.#drawn[i].code
        || (typeof item.label === 'string') !== (typeof this.#drawn[i].label === 'string'));
  }

  #create(doc: Document, options: ChoiceListOptions, item: ChoiceItem, id: string | undefined, invalid: string): Drawn {
    const label = doc.createElement('label');
    label.className = 'choice';
    label.setAttribute('part', 'choice');
    const input = doc.createElement('input');
    input.setAttribute('part', 'input');
    input.type = options.type;
    if (id !== undefined) input.id = id;
    input.name = options.name;
    input.value = item.value;
    input.checked = item.checked;
    input.setAttribute('aria-invalid', invalid);
    label.append(input);
    const plain = typeof item.label === 'string';
    const words = this.bareWords && plain && item.code === undefined ? label : doc.createElement('span');
    if (item.code !== undefined) {
      const code = doc.createElement('span');
      code.className = 'code';
      code.textContent = item.code;
      words.append(code, doc.createElement('br'));
    }
    let text: Text | undefined;
    if (typeof item.label === 'string') words.append(text = doc.createTextNode(item.label));
    else render(item.label, words);
    if (words !== label) label.append(words);
    return { input, words, text, id, checked: item.checked, label: item.label, code: item.code };
  }
}

class ChoiceList extends Directive {
  #list: DrawnChoices | undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('choiceList: goes on the element that holds the choices');
  }

  render(_context: QuestionContext, _options: ChoiceListOptions): unknown {
    return noChange;
  }

  override update(part: ElementPart, [context, options]: [QuestionContext, ChoiceListOptions]): unknown {
    if (!this.#list) {
      const list = this.#list = new DrawnChoices(part.element as HTMLElement);
      list.box.addEventListener('change', (event) => list.changed(event));
    }
    this.#list.draw(context, options);
    return noChange;
  }
}

/**
 * Draws a question's choices into the element it is set on (see the module's comment):
 * `<div class="choices" ${choiceList(context, { type: 'radio', name, items })}></div>`.
 */
export const choiceList: (...values: DirectiveParameters<ChoiceList>) => DirectiveResult<typeof ChoiceList> = directive(ChoiceList);
