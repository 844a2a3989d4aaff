/**
 * The theme's tokens and base: each `--olva-*` custom property read once, on the host, with
 * its default, into a private `--_*` property that the rest of the theme uses (the pattern of
 * Shoelace and Material Web): a default is written here and nowhere else. Then the host's
 * resets against the page's inherited text styles, headings, paragraphs and focus: what
 * `<olva-results>` shares (the survey's own page frame, its links and the focus of the headings
 * it moves focus to, none of which results has, are in `page.ts`). The public list of tokens and defaults is the `@cssprop` JSDoc of `OlvaSurvey`.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font-family: var(--olva-font-family, inherit);
    --_font-size: var(--olva-font-size, 1rem);
    --_font-size-small: var(--olva-font-size-small, 0.875rem);
    --_font-size-title: var(--olva-font-size-title, 1.5rem);
    --_font-size-heading: var(--olva-font-size-heading, 1.25rem);
    --_line-height: var(--olva-line-height, 1.5);
    --_color-text: var(--olva-color-text, #1f2328);
    --_color-text-muted: var(--olva-color-text-muted, #545d68);
    --_color-background: var(--olva-color-background, #ffffff);
    --_color-surface: var(--olva-color-surface, #f4f5f7);
    --_color-primary: var(--olva-color-primary, #1f4fbf);
    --_color-primary-contrast: var(--olva-color-primary-contrast, #ffffff);
    --_color-border: var(--olva-color-border, #6b7280);
    --_color-error: var(--olva-color-error, #b3261e);
    --_color-warning: var(--olva-color-warning, #8a4b00);
    --_color-success: var(--olva-color-success, #1b6e3a);
    --_color-focus: var(--olva-color-focus, #1f4fbf);
    --_focus-width: var(--olva-focus-width, 3px);
    --_radius: var(--olva-radius, 0.375rem);
    --_space-1: var(--olva-space-1, 0.25rem);
    --_space-2: var(--olva-space-2, 0.5rem);
    --_space-3: var(--olva-space-3, 1rem);
    --_space-4: var(--olva-space-4, 1.5rem);
    --_max-width: var(--olva-max-width, 46rem);
    display: block;
    box-sizing: border-box;
    max-width: var(--_max-width);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_color-text);
    background: var(--_color-background);
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
  :focus-visible {
    outline: var(--_focus-width) solid var(--_color-focus);
    outline-offset: 2px;
  }
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 var(--_space-3);
  }
  h2 {
    font-size: var(--_font-size-title);
  }
  h3,
  h4 {
    font-size: var(--_font-size);
    margin: 0;
  }
  p {
    margin: 0 0 var(--_space-3);
  }
`;
