/**
 * The print style sheet of every report: A4, margins, type, tables and the key-figures sheet
 * (one `.sheet` per page, of a fixed height so the PDF has exactly as many pages as sheets;
 * the PDF writer checks that nothing overflows). Colours: text #1b1b1b on white (16:1), muted
 * text #595959 (7:1), accent #1f4e79 (8.6:1); status is always written, never only coloured.
 */
import { CHART_CSS } from '@olva/charts';

const CSS = `
@page { size: A4; margin: 10mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #1b1b1b; background: #fff; }
body { margin: 0; }
/* pre-wrap: Chromium builds the PDF's outline from the headings' lines and drops the space where
   one wraps ("le rapportcomplet"); a preserved space is kept. */
h1, h2, h3, h4 { line-height: 1.2; margin: 0 0 2mm; color: #1f4e79; white-space: pre-wrap; }
h1 { font-size: 18pt; } h2 { font-size: 13pt; } h3 { font-size: 10.5pt; } h4 { font-size: 9.5pt; color: #1b1b1b; }
p { margin: 0 0 2mm; }
a { color: #1f4e79; }
.muted, .base, .compare-note, .wording { color: #595959; font-size: 8pt; }
.base.small::before { content: "⚠ "; }
.qid { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; }
.chart svg { display: block; width: 100%; height: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: 7.5pt; line-height: 1.2; margin: 1mm 0 2mm; break-inside: avoid; }
table.data td { white-space: nowrap; }
table.data caption { text-align: left; font-size: 7.5pt; color: #595959; padding-bottom: 0.5mm; }
table.data th, table.data td { border-bottom: 0.3mm solid #d0d0d0; padding: 0.4mm 1.2mm; text-align: right; vertical-align: top; }
table.data th[scope="row"], table.data thead th:first-child { text-align: left; font-weight: normal; }
table.data thead th { font-weight: bold; border-bottom: 0.4mm solid #595959; }
table.data thead th:not(:first-child) { white-space: nowrap; }
abbr.notable { text-decoration: none; font-weight: bold; }
.comment { border-left: 1mm solid #1f4e79; padding: 1mm 3mm; margin: 2mm 0; background: #f3f6f9; }
.comment h4 { margin-bottom: 1mm; }
.rules { font-size: 7.5pt; color: #1b1b1b; }
.rules li { margin-bottom: 0.8mm; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* The key-figures sheet and the employers note: one .sheet per A4 page (297 − 20 mm, less a margin of safety). */
/* 0.3 mm inside on the right: Chromium's PDF clips the last fraction of a pixel of the text
   width, and took half the border of a tile in the right column with it. */
.sheet { height: 276mm; overflow: hidden; padding-right: 0.3mm; display: flex; flex-direction: column; break-after: page; page-break-after: always; position: relative; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.sheet > header { border-bottom: 1mm solid #1f4e79; padding-bottom: 2mm; margin-bottom: 3mm; }
.sheet > header .kicker { font-size: 8pt; color: #595959; margin: 0; }
.sheet > header h1 { margin: 0; }
.sheet > header h2 { margin: 1mm 0 0; font-size: 14pt; }
/* Two balanced columns (reading order runs down the first, then the second); a full figure spans both. */
.sheet .grid { columns: 2; column-gap: 6mm; }
.sheet .grid > .half { break-inside: avoid; margin-bottom: 3mm; }
.sheet .grid > .full { column-span: all; margin-bottom: 3mm; }
.sheet > footer { margin-top: auto; }
.sheet .full .question { display: grid; grid-template-columns: 1fr 1fr; column-gap: 6mm; align-items: start; }
.sheet .full .question > h3, .sheet .full .question > p, .sheet .full .question > .comment { grid-column: 1 / -1; }
.sheet .question { break-inside: avoid; }
.sheet table.data { font-size: 6.5pt; margin: 0.5mm 0 1mm; }
/* On a sheet the chart's title says what the table is: its caption stays for screen readers. */
.sheet table.data caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.sheet table.data th, .sheet table.data td { padding: 0.15mm 1mm; }
.sheet .base, .sheet .compare-note { font-size: 6.5pt; margin-bottom: 1mm; }
.sheet h3 { font-size: 9.5pt; margin-bottom: 1mm; }
.sheet > footer { border-top: 0.3mm solid #d0d0d0; padding-top: 1.5mm; font-size: 7pt; color: #595959; display: flex; justify-content: space-between; gap: 4mm; }
.tile { border: 0.4mm solid #1f4e79; border-radius: 2mm; padding: 3mm; }
.tile { padding: 1.5mm 3mm; }
.tile h3 { margin-bottom: 0.5mm; }
.tile .big { font-size: 22pt; font-weight: bold; color: #1f4e79; line-height: 1; margin: 0; }
.tile .caption { font-size: 8.5pt; margin: 0 0 1mm; }

/* The full report: chapters start on a new page, questions never split. */
.report > section.chapter { break-before: page; }
.report > section.chapter:first-of-type { break-before: auto; }
.report .question { break-inside: avoid; margin-bottom: 5mm; }
/* A heading (and the "question of the territory" line) stays with what follows: a first question
   taller than the rest of the page would otherwise leave its chapter's title alone on a page. */
.report h2, .report h3, .report .from-extension { break-after: avoid; }
.report .question .chart { max-width: 150mm; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; }
.cover h1 { font-size: 26pt; }
nav.toc ol { padding-left: 5mm; max-width: 130mm; }
nav.toc .toc-page { float: right; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 8mm; } .sheet { border-bottom: 1px dashed #d0d0d0; margin-bottom: 8mm; } }
`;

/** The report style sheet, the charts' included. */
export const REPORT_CSS: string = CSS + CHART_CSS;
