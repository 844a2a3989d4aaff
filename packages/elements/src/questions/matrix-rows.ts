/**
 * The rows of a matrix, drawn by hand into their container by one element directive:
 * `<div ${matrixRows(context, rows)}></div>` (decision 0008).
 *
 * Each row is `<fieldset class="row"><legend>words</legend><div class="choices inline">` and its
 * radios, `<label class="choice" part="choice"><input part="input" …>words</label>` (plain words
 * straight in the label, see `DrawnChoices`), as the Lit templates per row drew it, without
 * what Lit adds: a template instance, two parts and three comment markers per row, and one
 * directive per row (a 10 × 5 matrix was 292 DOM nodes, 3 + 5 of each row's 27 were markers and
 * spans). One `change` listener on the container serves every row.
 *
 * A redraw updates the rows in place: the legend's words, and each row's radios as
 * `choiceList` does (ids, names, values, `checked`, `aria-invalid`), so that an answer set from
 * outside (a draft, a reset) checks the right radios and the focus stays where it is. The rows
 * are built again only when their number or the kind of a legend's words (plain or with
 * emphasis) changes. Words are text (`Text` nodes), never HTML; words with emphasis are drawn
 * by Lit inside their legend.
 */
import { noChange, render } from 'lit';
import { Directive, directive, PartType, type DirectiveParameters, type DirectiveResult, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { SafeContent } from '../safe-text.js';
import type { QuestionContext } from './context.js';
import { DrawnChoices, type ChoiceListOptions } from './choice-list.js';

/** One row: its words and its radios. */
export interface MatrixRow extends ChoiceListOptions {
  /** The legend's words: plain text, or text with emphasis (drawn by Lit). */
  legend: SafeContent;
}

interface DrawnRow {
  legend: HTMLLegendElement;
  /** The node holding plain words. */
  text: Text | undefined;
  words: SafeContent;
  choices: DrawnChoices;
}

class MatrixRows extends Directive {
  #rows: DrawnRow[] = [];
  #listening = false;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('matrixRows: goes on the element that holds the rows');
  }

  render(_context: QuestionContext, _rows: readonly MatrixRow[]): unknown {
    return noChange;
  }

  override update(part: ElementPart, [context, rows]: [QuestionContext, readonly MatrixRow[]]): unknown {
    const box = part.element as HTMLElement;
    if (!this.#listening) {
      box.addEventListener('change', this.#onChange);
      this.#listening = true;
    }
    if (this.#reshaped(rows)) {
      this.#rows = rows.map((row) => this.#create(box.ownerDocument, row));
      box.replaceChildren(...this.#rows.map((drawn) => drawn.legend.parentElement!));
    }
    rows.forEach((row, r) => {
      const drawn = this.#rows[r];
      if (drawn.words !== row.legend) {
        drawn.words = row.legend;
        if (typeof row.legend === 'string') drawn.text!.data = row.legend;
        else render(row.legend, drawn.legend);
      }
      drawn.choices.draw(context, row);
    });
    return noChange;
  }

  /** Whether the rows must be built again: first draw, another number of rows or kind of words. */
  #reshaped(rows: readonly MatrixRow[]): boolean {
    return rows.length !== this.#rows.length || this.#rows.length === 0
      || rows.some((row, r) => (typeof row.legend === 'string') !== (typeof this.#rows[r].words === 'string'));
  }

  #create(doc: Document, row: MatrixRow): DrawnRow {
    const fieldset = doc.createElement('fieldset');
    fieldset.className = 'row';
    const legend = doc.createElement('legend');
    let text: Text | undefined;
    if (typeof row.legend === 'string') legend.append(text = doc.createTextNode(row.legend));
    else render(row.legend, legend);
    const box = doc.createElement('div');
    box.className = 'choices inline';
    fieldset.append(legend, box);
    return { legend, text, words: row.legend, choices: new DrawnChoices(box, true) };
  }

  #onChange = (event: Event): void => {
    for (const row of this.#rows) if (row.choices.changed(event)) return;
  };
}

/**
 * Draws a matrix's rows into the element it is set on (see the module's comment):
 * `<div ${matrixRows(context, rows)}></div>`.
 */
export const matrixRows: (...values: DirectiveParameters<MatrixRows>) => DirectiveResult<typeof MatrixRows> = directive(MatrixRows);
