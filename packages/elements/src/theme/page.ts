/**
 * The frame of the survey's page: links, the form's padding, the questionnaire's title and
 * description, section titles, the focus of headings and the progress bar. `<olva-results>`
 * shares `tokens.ts` but none of this, so it stays out of that element's bytes (it draws no
 * link and focuses no heading). Links and headings' focus were the tokens': no rule between
 * there and here styles a link or a focused heading, so they apply as before.
 */
import { css } from 'lit';

export const page = css`
  a {
    color: var(--_color-primary);
    text-decoration: underline;
  }
  .section-title {
    font-size: var(--_font-size-heading);
    margin-bottom: var(--_space-3);
  }
  form {
    padding: var(--_space-3);
  }
  .title {
    margin-bottom: var(--_space-2);
  }
  /* The headings the survey moves focus to (a section's, the review's, the receipt's): no ring
     for a click, the ring for the keyboard. */
  h2:focus,
  h3:focus {
    outline: none;
  }
  h2:focus-visible,
  h3:focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
  }
  .description {
    color: var(--_color-text-muted);
    white-space: pre-line;
  }

  /* progress */
  .progress {
    margin: 0 0 var(--_space-4);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .progress progress {
    display: block;
    width: 100%;
    height: 0.5rem;
    margin-top: var(--_space-1);
    appearance: none;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-background);
    color: var(--_color-primary);
    overflow: hidden;
  }
  .progress progress::-webkit-progress-bar {
    background: var(--_color-background);
  }
  .progress progress::-webkit-progress-value {
    background: var(--_color-primary);
  }
  .progress progress::-moz-progress-bar {
    background: var(--_color-primary);
  }
`;
