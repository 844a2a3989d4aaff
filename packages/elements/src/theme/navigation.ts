/** The theme around the questions: error summary, notices, the row of buttons, the review and the receipt. */
import { css } from 'lit';

export const navigation = css`
  /* error summary and messages */
  .summary {
    margin: 0 0 var(--_space-4);
    padding: var(--_space-3);
    border: 2px solid var(--_color-error);
    border-radius: var(--_radius);
  }
  .summary.warnings {
    border-color: var(--_color-warning);
  }
  .summary h3 {
    margin-bottom: var(--_space-2);
  }
  .summary ul {
    margin: 0;
    padding-left: var(--_space-4);
  }
  .summary a {
    color: var(--_color-error);
    font-weight: 600;
  }
  .summary.warnings a {
    color: var(--_color-warning);
  }
  .notice {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    background: var(--_color-surface);
    border-radius: var(--_radius);
  }
  /* A kiosk form left alone: the warning stays at the bottom of the screen wherever the visitor is. */
  .idle {
    position: sticky;
    bottom: 0;
    border: 2px solid var(--_color-warning);
  }

  /* navigation */
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    justify-content: space-between;
    margin-top: var(--_space-4);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .nav .end {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    margin-left: auto;
  }
  button {
    min-height: 2.75em;
    padding: var(--_space-2) var(--_space-3);
    font: inherit;
    font-weight: 600;
    color: var(--_color-primary);
    background: var(--_color-background);
    border: 2px solid var(--_color-primary);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button.primary {
    color: var(--_color-primary-contrast);
    background: var(--_color-primary);
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
    margin: 0 0 var(--_space-3);
    padding: var(--_space-3);
    background: var(--_color-surface);
    border-radius: var(--_radius);
  }
  .review .head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: var(--_space-2);
  }
  .review section .head {
    margin-bottom: var(--_space-1);
  }
  .review dl {
    margin: 0;
  }
  .review dt {
    font-weight: 600;
    margin-top: var(--_space-2);
  }
  .review dd {
    margin: 0;
    white-space: pre-line;
  }
  .review .unanswered {
    color: var(--_color-text-muted);
    font-style: italic;
  }
  .receipt {
    padding: var(--_space-3);
    border-left: 4px solid var(--_color-success);
    background: var(--_color-surface);
    border-radius: var(--_radius);
  }
  .receipt code {
    font-size: var(--_font-size-small);
    word-break: break-all;
  }
  .counter {
    font-weight: 600;
  }
`;
