/**
 * The default theme of <olva-survey>: neutral, readable, AA contrast on white, and every
 * colour, font, radius and spacing a `--olva-*` custom property so that a site can make the
 * form look like its own. Set the properties on `olva-survey` (or any ancestor), e.g.
 *
 * ```css
 * olva-survey { --olva-color-primary: #8a1538; --olva-radius: 0; }
 * ```
 *
 * The defaults are written once, in `theme/tokens.ts`, and listed in the `@cssprop` JSDoc of
 * `OlvaSurvey` (hence in custom-elements.json).
 *
 * | property | used for |
 * |---|---|
 * | `--olva-font-family` | all text |
 * | `--olva-font-size` | body text and controls |
 * | `--olva-font-size-small` | help, hints, progress |
 * | `--olva-font-size-title` | questionnaire title |
 * | `--olva-font-size-heading` | section titles |
 * | `--olva-line-height` | all text |
 * | `--olva-color-text` | text (15.8:1 on white) |
 * | `--olva-color-text-muted` | help and hints (6.5:1 on white) |
 * | `--olva-color-background` | the form |
 * | `--olva-color-surface` | review, receipt, paper-entry header |
 * | `--olva-color-primary` | primary button, progress, links, checked controls (6.9:1) |
 * | `--olva-color-primary-contrast` | text on the primary colour |
 * | `--olva-color-border` | control borders (4.8:1, above the 3:1 that WCAG 1.4.11 asks) |
 * | `--olva-color-error` | errors (6.3:1) |
 * | `--olva-color-warning` | warnings to confirm (6.6:1) |
 * | `--olva-color-success` | receipt (6.2:1) |
 * | `--olva-color-focus` | focus ring |
 * | `--olva-focus-width` | focus ring width |
 * | `--olva-radius` | controls, buttons, boxes |
 * | `--olva-space-1` … `--olva-space-4` | spacing |
 * | `--olva-max-width` | width of the form |
 */
import { css } from 'lit';
import { tokens } from './theme/tokens.js';
import { questions } from './theme/questions.js';
import { navigation } from './theme/navigation.js';
import { page } from './theme/page.js';
import { forcedColors } from './theme/forced-colors.js';

/** The whole theme, in this order (one style sheet, as before it was split by part); forced colours last, to win. */
export const theme = css`${tokens}${page}${questions}${navigation}${forcedColors}`;
