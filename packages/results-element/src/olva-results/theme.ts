/**
 * The look of `<olva-results>`: the same `--olva-*` tokens as `<olva-survey>` (read once, with
 * their defaults, in `@olva/elements`' tokens), the charts' `--olva-chart-*` properties, and
 * tables that stay readable on a phone (they scroll sideways inside their box). That box is
 * positioned: else the visually hidden words of the tables' cells (absolutely positioned), whose
 * containing block was then the page, escaped it and made the whole page scroll sideways at
 * 320 px (RGAA 10.11) as soon as a table was wider than the screen.
 */
import { tokens } from '@olva/elements/theme/tokens';
import { CHART_CSS } from '@olva/charts';

/** The element's style sheet, as text (`styles.ts` adopts it). */
export const theme = `${tokens.cssText}${CHART_CSS}
.question{margin:0 0 var(--_space-4);padding:0 0 var(--_space-3);border-bottom:1px solid var(--_color-border)}
.note{color:var(--_color-text-muted);font-size:var(--_font-size-small)}
.error{color:var(--_color-error);font-weight:600}
figure{margin:var(--_space-2) 0}
details{margin:var(--_space-2) 0}
summary{cursor:pointer;color:var(--_color-primary)}
.table{overflow-x:auto;position:relative}
table{border-collapse:collapse;margin:var(--_space-2) 0;font-size:var(--_font-size-small)}
caption{text-align:start;font-weight:600;padding:var(--_space-1) 0}
th,td{border:1px solid var(--_color-border);padding:var(--_space-1) var(--_space-2);text-align:start}
td{text-align:end;font-variant-numeric:tabular-nums}
thead th{background:var(--_color-surface)}
`;
