/**
 * The survey in forced colours (Windows high contrast, `forced-colors: active`). The browser
 * then paints every text, border and outline in the user's system colours and drops
 * backgrounds and shadows: what the theme shows by a background alone would vanish. So:
 * - the progress bar's value, a background, is painted in `Highlight` on `Canvas`, framed in
 *   `CanvasText` (without this the bar is empty at every step);
 * - the commune picker's active option, a background, becomes `Highlight` / `HighlightText`,
 *   as the system draws a selected item;
 * - boxes told apart by their surface colour alone (notices, the paper-entry header, review
 *   sections, the receipt) get a border, which forced colours keep;
 * - a disabled button (while sending) is drawn in `GrayText`, as the system draws one.
 * Focus rings are outlines and error marks are borders and words: they stay as they are.
 * See docs/decisions/0012-forced-colours-system-colours.md.
 */
import { css } from 'lit';

export const forcedColors = css`
  @media (forced-colors: active) {
    .progress progress,
    .communes [aria-selected='true'] {
      forced-color-adjust: none;
    }
    .progress progress,
    .progress progress::-webkit-progress-bar {
      background: Canvas;
      border-color: CanvasText;
    }
    .progress progress::-webkit-progress-value {
      background: Highlight;
    }
    .progress progress::-moz-progress-bar {
      background: Highlight;
    }
    .communes [aria-selected='true'] {
      color: HighlightText;
      background: Highlight;
    }
    .notice,
    .review section {
      border: 1px solid;
    }
    .receipt {
      border-style: solid;
      border-width: 1px 1px 1px 4px;
    }
    button:disabled {
      color: GrayText;
      border-color: GrayText;
      opacity: 1;
    }
  }
`;
