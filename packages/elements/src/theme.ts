/**
 * The default theme of <olva-survey>: neutral, readable, AA contrast on white, and every
 * colour, font, radius and spacing a `--olva-*` custom property so that a site can make the
 * form look like its own. Set the properties on `olva-survey` (or any ancestor), e.g.
 *
 * ```css
 * olva-survey { --olva-color-primary: #8a1538; --olva-radius: 0; }
 * ```
 *
 * The defaults are written once, in `theme/tokens.ts`. What each property styles, with its
 * default and contrast ratio, is the `@cssprop` JSDoc of `OlvaSurvey` (hence custom-elements.json
 * and the table of the package's README, made from it by scripts/web-reference.mjs).
 */
import { css } from 'lit';
import { tokens } from './theme/tokens.js';
import { questions } from './theme/questions.js';
import { navigation } from './theme/navigation.js';
import { page } from './theme/page.js';
import { forcedColors } from './theme/forced-colors.js';

/** The whole theme, in this order (one style sheet, as before it was split by part); forced colours last, to win. */
export const theme = css`${tokens}${page}${questions}${navigation}${forcedColors}`;
