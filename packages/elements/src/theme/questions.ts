/** The theme of questions: boxes, labels, help, errors and warnings, text boxes, choices, matrices, the commune picker. */
import { css } from 'lit';

export const questions = css`
  /* questions */
  .question {
    margin: 0 0 var(--_space-4);
    padding: 0;
    border: 0;
    min-width: 0;
  }
  /* A question out of view is neither styled nor laid out until it comes near the viewport:
     the first page shows sooner, and showing or hiding questions relays out only what is on
     screen. Still in the accessibility tree, found by find-in-page, focusable. The remembered
     size (auto) keeps the scrollbar steady. This brings paint containment, which clips at the
     box's edge: a padding as wide as the focus ring (offset included), taken back by a negative
     margin, keeps the ring of a control at the side or bottom edge whole without moving
     anything. None on top: a question starts with its label or legend (and a legend sits
     above a fieldset's padding, so it would move). The size guessed before a question is
     first shown is about an average question's.
     A question with a condition sits in a box that its condition hides. There the box, not
     the question, is skipped when out of view, so that a show or hide changes the state of
     one element: a skipped question inside a skipped box was restyled and laid out anew at
     each show (2.65 → 2.40 ms per show/hide over 14 pairs of pages in A/B; same pixels). The
     box takes the sides of the focus ring's room, which its own clip needs; the question
     keeps the bottom, inside the box, under an error's left border as before. */
  .question,
  .question-box {
    --_ring-room: calc(var(--_focus-width) + 3px);
    content-visibility: auto;
    contain-intrinsic-size: auto 11rem;
    padding: 0 var(--_ring-room) var(--_ring-room);
    margin: 0 calc(-1 * var(--_ring-room)) calc(var(--_space-4) - var(--_ring-room));
  }
  .question-box {
    padding-bottom: 0;
  }
  .question-box > .question {
    content-visibility: visible;
    padding: 0 0 var(--_ring-room);
    margin: 0;
  }
  /* A box hidden by its condition: skipped, its style and layout kept for the next show, and
     of no size (not the size it remembers for when it is out of view). */
  @supports (content-visibility: hidden) {
    .question-box[hidden] {
      display: block !important;
      content-visibility: hidden;
      contain-intrinsic-size: none;
      padding: 0;
      margin: 0;
    }
  }
  .question.invalid {
    margin-left: 0;
    border-left: 4px solid var(--_color-error);
    padding-left: var(--_space-3);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend,
  .label {
    display: block;
    padding: 0;
    margin: 0 0 var(--_space-1);
    font-weight: 600;
  }
  .number,
  .code {
    font-variant-numeric: tabular-nums;
    color: var(--_color-text-muted);
    font-weight: 600;
  }
  .required {
    font-weight: 400;
    color: var(--_color-text-muted);
  }
  .help,
  .hint {
    display: block;
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .hint.required-legend {
    margin-bottom: var(--_space-3);
  }
  /* Authors may break lines in help text. */
  .help {
    white-space: pre-line;
  }
  .error {
    display: block;
    margin: 0 0 var(--_space-2);
    color: var(--_color-error);
    font-weight: 600;
  }
  .warning {
    color: var(--_color-warning);
  }
  input[type='text'],
  input[type='email'],
  textarea {
    display: block;
    width: 100%;
    max-width: 100%;
    min-height: 2.75em;
    padding: var(--_space-2);
    font: inherit;
    color: inherit;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  input.short {
    max-width: 12em;
  }
  input.code-entry {
    max-width: 14em;
  }
  /* The commune picker's list: in the flow under its box, so that no frame clips it. */
  input.commune {
    max-width: 24em;
  }
  .communes {
    max-width: 24em;
    max-height: 16em;
    overflow-y: auto;
    margin: var(--_space-1) 0 0;
    padding: 0;
    list-style: none;
    background: var(--_color-background);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  .communes [role='option'] {
    padding: var(--_space-2);
    cursor: pointer;
  }
  .communes [aria-selected='true'] {
    color: var(--_color-background);
    background: var(--_color-primary);
  }
  textarea {
    min-height: 6em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_color-error);
    border-width: 2px;
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
  }
  .choices.inline {
    flex-direction: row;
    flex-wrap: wrap;
    column-gap: var(--_space-3);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-2);
    min-height: 2em;
    padding: var(--_space-1) 0;
    cursor: pointer;
  }
  .choice input {
    flex: none;
    font: inherit;
    width: 1.25em;
    height: 1.25em;
    margin: 0.125em 0 0;
    accent-color: var(--_color-primary);
  }
  .other {
    margin: var(--_space-1) 0 0 calc(1.25em + var(--_space-2));
  }
  .row {
    margin-top: var(--_space-2);
    padding: var(--_space-2) 0 0;
    border-top: 1px solid var(--_color-border);
  }
  .row > legend {
    font-weight: 400;
  }
  .scale .choice {
    flex-direction: column;
    align-items: center;
    text-align: center;
    max-width: 7em;
  }
  .match {
    display: block;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
`;
