/**
 * The default theme of <olva-survey>: neutral, readable, AA contrast on white, and every
 * colour, font, radius and spacing a `--olva-*` custom property so that a site can make the
 * form look like its own. Set the properties on `olva-survey` (or any ancestor), e.g.
 *
 * ```css
 * olva-survey { --olva-color-primary: #8a1538; --olva-radius: 0; }
 * ```
 *
 * | property | default | used for |
 * |---|---|---|
 * | `--olva-font-family` | `inherit` | all text |
 * | `--olva-font-size` | `1rem` | body text and controls |
 * | `--olva-font-size-small` | `0.875rem` | help, hints, progress |
 * | `--olva-font-size-title` | `1.5rem` | questionnaire title |
 * | `--olva-font-size-heading` | `1.25rem` | section titles |
 * | `--olva-line-height` | `1.5` | all text |
 * | `--olva-color-text` | `#1f2328` | text (15.8:1 on white) |
 * | `--olva-color-text-muted` | `#545d68` | help and hints (6.5:1 on white) |
 * | `--olva-color-background` | `#ffffff` | the form |
 * | `--olva-color-surface` | `#f4f5f7` | review, receipt, paper-entry header |
 * | `--olva-color-primary` | `#1f4fbf` | primary button, progress, links, checked controls (6.9:1) |
 * | `--olva-color-primary-contrast` | `#ffffff` | text on the primary colour |
 * | `--olva-color-border` | `#6b7280` | control borders (4.8:1, above the 3:1 that WCAG 1.4.11 asks) |
 * | `--olva-color-error` | `#b3261e` | errors (6.3:1) |
 * | `--olva-color-warning` | `#8a4b00` | warnings to confirm (6.6:1) |
 * | `--olva-color-success` | `#1b6e3a` | receipt (6.2:1) |
 * | `--olva-color-focus` | `#1f4fbf` | focus ring |
 * | `--olva-focus-width` | `3px` | focus ring width |
 * | `--olva-radius` | `0.375rem` | controls, buttons, boxes |
 * | `--olva-space-1` … `--olva-space-4` | `0.25rem`, `0.5rem`, `1rem`, `1.5rem` | spacing |
 * | `--olva-max-width` | `46rem` | width of the form |
 */
import { css } from 'lit';

export const theme = css`
  :host {
    display: block;
    box-sizing: border-box;
    max-width: var(--olva-max-width, 46rem);
    font-family: var(--olva-font-family, inherit);
    font-size: var(--olva-font-size, 1rem);
    line-height: var(--olva-line-height, 1.5);
    color: var(--olva-color-text, #1f2328);
    background: var(--olva-color-background, #ffffff);
    overflow-wrap: break-word;
    /* Inherited text properties of the host page stop here: a page centred, italic, in
       capitals or letter-spaced must not make the form so (only the font family and size
       are the site's, through the properties above). */
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  a {
    color: var(--olva-color-primary, #1f4fbf);
    text-decoration: underline;
  }
  :focus-visible,
  .focus-target:focus {
    outline: var(--olva-focus-width, 3px) solid var(--olva-color-focus, #1f4fbf);
    outline-offset: 2px;
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 var(--olva-space-3, 1rem);
  }
  h2 {
    font-size: var(--olva-font-size-title, 1.5rem);
  }
  h3,
  h4 {
    font-size: var(--olva-font-size, 1rem);
    margin: 0;
  }
  .section-title {
    font-size: var(--olva-font-size-heading, 1.25rem);
    margin-bottom: var(--olva-space-3, 1rem);
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible {
    outline: var(--olva-focus-width, 3px) solid var(--olva-color-focus, #1f4fbf);
  }
  p {
    margin: 0 0 var(--olva-space-3, 1rem);
  }
  form {
    padding: var(--olva-space-3, 1rem);
  }
  .title {
    margin-bottom: var(--olva-space-2, 0.5rem);
  }
  .description {
    color: var(--olva-color-text-muted, #545d68);
    white-space: pre-line;
  }

  /* progress */
  .progress {
    margin: 0 0 var(--olva-space-4, 1.5rem);
    font-size: var(--olva-font-size-small, 0.875rem);
    color: var(--olva-color-text-muted, #545d68);
  }
  .progress progress {
    display: block;
    width: 100%;
    height: 0.5rem;
    margin-top: var(--olva-space-1, 0.25rem);
    appearance: none;
    border: 1px solid var(--olva-color-border, #6b7280);
    border-radius: var(--olva-radius, 0.375rem);
    background: var(--olva-color-background, #ffffff);
    color: var(--olva-color-primary, #1f4fbf);
    overflow: hidden;
  }
  .progress progress::-webkit-progress-bar {
    background: var(--olva-color-background, #ffffff);
  }
  .progress progress::-webkit-progress-value {
    background: var(--olva-color-primary, #1f4fbf);
  }
  .progress progress::-moz-progress-bar {
    background: var(--olva-color-primary, #1f4fbf);
  }

  /* questions */
  .question {
    margin: 0 0 var(--olva-space-4, 1.5rem);
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
    --olva-ring-room: calc(var(--olva-focus-width, 3px) + 3px);
    content-visibility: auto;
    contain-intrinsic-size: auto 11rem;
    padding: 0 var(--olva-ring-room) var(--olva-ring-room);
    margin: 0 calc(-1 * var(--olva-ring-room)) calc(var(--olva-space-4, 1.5rem) - var(--olva-ring-room));
  }
  .question-box {
    padding-bottom: 0;
  }
  .question-box > .question {
    content-visibility: visible;
    padding: 0 0 var(--olva-ring-room);
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
    border-left: 4px solid var(--olva-color-error, #b3261e);
    padding-left: var(--olva-space-3, 1rem);
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
    margin: 0 0 var(--olva-space-1, 0.25rem);
    font-weight: 600;
  }
  .number,
  .code {
    font-variant-numeric: tabular-nums;
    color: var(--olva-color-text-muted, #545d68);
    font-weight: 600;
  }
  .required {
    font-weight: 400;
    color: var(--olva-color-text-muted, #545d68);
  }
  .help,
  .hint {
    display: block;
    margin: 0 0 var(--olva-space-2, 0.5rem);
    font-size: var(--olva-font-size-small, 0.875rem);
    color: var(--olva-color-text-muted, #545d68);
  }
  .hint.required-legend {
    margin-bottom: var(--olva-space-3, 1rem);
  }
  /* Authors may break lines in help text. */
  .help {
    white-space: pre-line;
  }
  .error {
    display: block;
    margin: 0 0 var(--olva-space-2, 0.5rem);
    color: var(--olva-color-error, #b3261e);
    font-weight: 600;
  }
  .warning {
    color: var(--olva-color-warning, #8a4b00);
  }
  input[type='text'],
  input[type='email'],
  textarea {
    display: block;
    width: 100%;
    max-width: 100%;
    min-height: 2.75rem;
    padding: var(--olva-space-2, 0.5rem);
    font: inherit;
    color: inherit;
    background: var(--olva-color-background, #ffffff);
    border: 1px solid var(--olva-color-border, #6b7280);
    border-radius: var(--olva-radius, 0.375rem);
  }
  input.short {
    max-width: 12rem;
  }
  input.code-entry {
    max-width: 14rem;
  }
  /* The commune picker's list: in the flow under its box, so that no frame clips it. */
  input.commune {
    max-width: 24rem;
  }
  .communes {
    max-width: 24rem;
    max-height: 16rem;
    overflow-y: auto;
    margin: var(--olva-space-1, 0.25rem) 0 0;
    padding: 0;
    list-style: none;
    background: var(--olva-color-background, #ffffff);
    border: 1px solid var(--olva-color-border, #6b7280);
    border-radius: var(--olva-radius, 0.375rem);
  }
  .communes [role='option'] {
    padding: var(--olva-space-2, 0.5rem);
    cursor: pointer;
  }
  .communes [aria-selected='true'] {
    color: var(--olva-color-background, #ffffff);
    background: var(--olva-color-primary, #1f4fbf);
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--olva-color-error, #b3261e);
    border-width: 2px;
  }
  .choices {
    display: flex;
    flex-direction: column;
    gap: var(--olva-space-1, 0.25rem);
  }
  .choices.inline {
    flex-direction: row;
    flex-wrap: wrap;
    column-gap: var(--olva-space-3, 1rem);
  }
  .choice {
    display: flex;
    align-items: flex-start;
    gap: var(--olva-space-2, 0.5rem);
    min-height: 2rem;
    padding: var(--olva-space-1, 0.25rem) 0;
    cursor: pointer;
  }
  .choice input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.125rem 0 0;
    accent-color: var(--olva-color-primary, #1f4fbf);
  }
  .other {
    margin: var(--olva-space-1, 0.25rem) 0 0 calc(1.25rem + var(--olva-space-2, 0.5rem));
  }
  .row {
    margin-top: var(--olva-space-2, 0.5rem);
    padding: var(--olva-space-2, 0.5rem) 0 0;
    border-top: 1px solid var(--olva-color-border, #6b7280);
  }
  .row > legend {
    font-weight: 400;
  }
  .scale .choice {
    flex-direction: column;
    align-items: center;
    text-align: center;
    max-width: 7rem;
  }
  .match {
    display: block;
    font-size: var(--olva-font-size-small, 0.875rem);
    color: var(--olva-color-text-muted, #545d68);
  }

  /* error summary and messages */
  .summary {
    margin: 0 0 var(--olva-space-4, 1.5rem);
    padding: var(--olva-space-3, 1rem);
    border: 2px solid var(--olva-color-error, #b3261e);
    border-radius: var(--olva-radius, 0.375rem);
  }
  .summary.warnings {
    border-color: var(--olva-color-warning, #8a4b00);
  }
  .summary h3 {
    margin-bottom: var(--olva-space-2, 0.5rem);
  }
  .summary ul {
    margin: 0;
    padding-left: var(--olva-space-4, 1.5rem);
  }
  .summary a {
    color: var(--olva-color-error, #b3261e);
    font-weight: 600;
  }
  .summary.warnings a {
    color: var(--olva-color-warning, #8a4b00);
  }
  .notice {
    margin: 0 0 var(--olva-space-3, 1rem);
    padding: var(--olva-space-3, 1rem);
    background: var(--olva-color-surface, #f4f5f7);
    border-radius: var(--olva-radius, 0.375rem);
  }

  /* navigation */
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--olva-space-2, 0.5rem);
    justify-content: space-between;
    margin-top: var(--olva-space-4, 1.5rem);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--olva-space-2, 0.5rem);
  }
  .nav .end {
    display: flex;
    flex-wrap: wrap;
    gap: var(--olva-space-2, 0.5rem);
    margin-left: auto;
  }
  button {
    min-height: 2.75rem;
    padding: var(--olva-space-2, 0.5rem) var(--olva-space-3, 1rem);
    font: inherit;
    font-weight: 600;
    color: var(--olva-color-primary, #1f4fbf);
    background: var(--olva-color-background, #ffffff);
    border: 2px solid var(--olva-color-primary, #1f4fbf);
    border-radius: var(--olva-radius, 0.375rem);
    cursor: pointer;
  }
  button.primary {
    color: var(--olva-color-primary-contrast, #ffffff);
    background: var(--olva-color-primary, #1f4fbf);
  }
  button.link {
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
    font-weight: 400;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  /* review and receipt */
  .review section {
    margin: 0 0 var(--olva-space-3, 1rem);
    padding: var(--olva-space-3, 1rem);
    background: var(--olva-color-surface, #f4f5f7);
    border-radius: var(--olva-radius, 0.375rem);
  }
  .review .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--olva-space-2, 0.5rem);
  }
  .review section .head {
    margin-bottom: var(--olva-space-1, 0.25rem);
  }
  .review dl {
    margin: 0;
  }
  .review dt {
    font-weight: 600;
    margin-top: var(--olva-space-2, 0.5rem);
  }
  .review dd {
    margin: 0;
    white-space: pre-line;
  }
  .review .unanswered {
    color: var(--olva-color-text-muted, #545d68);
    font-style: italic;
  }
  .receipt {
    padding: var(--olva-space-3, 1rem);
    border-left: 4px solid var(--olva-color-success, #1b6e3a);
    background: var(--olva-color-surface, #f4f5f7);
    border-radius: var(--olva-radius, 0.375rem);
  }
  .receipt code {
    font-size: var(--olva-font-size-small, 0.875rem);
    word-break: break-all;
  }
  .counter {
    font-weight: 600;
  }
`;
