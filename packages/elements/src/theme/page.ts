/**
 * The frame of the survey's page: links, the form's padding, the questionnaire's title and
 * description, section titles and the progress bar. `<olva-results>` shares `tokens.ts` but
 * none of this, so it stays out of that element's bytes (it draws no link). Links come first:
 * they were the tokens', and no rule between there and here styles a link.
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
