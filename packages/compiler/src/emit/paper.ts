/**
 * `paper.html`: the printable paper questionnaire (A4, French), for respondents without the
 * web form and for the people who type paper answers in later. Every question shows its
 * number and variable code; every box its code; routing is written out ("Répondez si…",
 * "Si Non, passez à la question 14"). No script, a strict CSP, and every definition text
 * escaped with `escapeHtml`.
 *
 * Layout for any extension on A4: every text is 10 pt or more, and nothing may be wider than
 * the page (Chromium would shrink the whole form to fit, down to 7 pt): long codes wrap
 * anywhere, a matrix row shows its row code only (the variable's pattern is written once),
 * and a matrix whose column labels cannot sit side by side numbers its columns under a legend.
 */
import type { CompiledQuestion, CompiledQuestionnaire } from '@olva/schema';
import { OTHER_CODE, unhandledQuestionType } from '@olva/schema';
import { visibilityWords } from './condition-words.js';
import { escapeHtml } from './html.js';
import { jumpsAfter } from './routing.js';
import { fr, plainText } from './text.js';
import { choicesOf, hasOther, otherKey } from './question-parts.js';

const STYLE = `
@page { size: A4; margin: 15mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.35; color: #000; margin: 0 auto; max-width: 180mm; overflow-wrap: anywhere; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; border-bottom: 1.5pt solid #000; padding-bottom: 1mm; margin: 0 0 4mm; }
.intro { margin-bottom: 6mm; }
.intro p { margin: 1mm 0; }
section.section { break-before: page; page-break-before: always; }
section.section:first-of-type { break-before: auto; page-break-before: auto; }
.question { break-inside: avoid; page-break-inside: avoid; margin: 0 0 5mm; padding: 2mm 0 0; border-top: 0.5pt solid #999; }
.qhead { font-weight: bold; }
.qnum { display: inline-block; min-width: 10mm; }
.var, .code { font-family: "Courier New", monospace; font-weight: normal; font-size: 10pt; color: #333; }
.var { margin-left: 2mm; }
.code { margin-left: 1.5mm; }
.req { font-weight: normal; font-size: 10pt; }
.help { font-style: italic; font-size: 10pt; margin: 1mm 0 0 10mm; }
.route { font-size: 10pt; margin: 1mm 0 0 10mm; }
.route.if { font-style: italic; }
.route.jump { font-weight: bold; }
ul.choices { list-style: none; margin: 2mm 0 0 10mm; padding: 0; }
ul.choices li { margin: 1mm 0; }
.circle, .box { display: inline-block; width: 3.6mm; height: 3.6mm; border: 0.8pt solid #000; vertical-align: -0.6mm; margin-right: 2mm; flex: none; }
.circle { border-radius: 50%; }
.digits { margin: 2mm 0 0 10mm; }
.digit { display: inline-block; width: 6mm; height: 7mm; border: 0.8pt solid #000; margin-right: -0.8pt; }
.unit { margin-left: 2mm; font-size: 10pt; }
.line { display: block; border-bottom: 0.8pt solid #000; height: 7mm; margin: 1mm 0 0 10mm; }
.area { display: block; border: 0.8pt solid #000; height: 30mm; margin: 2mm 0 0 10mm; }
.other-line { display: inline-block; border-bottom: 0.8pt solid #000; width: 80mm; max-width: 100%; height: 4mm; }
table.matrix { border-collapse: collapse; margin: 2mm 0 0 10mm; width: calc(100% - 10mm); table-layout: fixed; font-size: 10pt; }
table.matrix th, table.matrix td { border: 0.5pt solid #666; padding: 1mm 1.5mm; text-align: center; vertical-align: middle; }
table.matrix th[scope=row] { text-align: left; font-weight: normal; }
table.matrix .code { display: block; margin: 0.5mm 0 0; }
table.matrix td .circle { margin: 0; }
.matrix-stacked { margin: 2mm 0 0 10mm; }
.mrow { border-top: 0.5pt solid #666; padding: 1mm 0; }
.mrow p { margin: 0.5mm 0; }
.mchoices { display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
.mchoice { white-space: nowrap; }
ol.legend { margin: 2mm 0 0 10mm; padding-left: 7mm; font-size: 10pt; }
ol.legend li { margin: 0.5mm 0; }
.scale { margin: 2mm 0 0 10mm; display: flex; gap: 4mm; flex-wrap: wrap; }
.scale span { text-align: center; font-size: 10pt; }
footer { margin-top: 8mm; font-size: 10pt; color: #333; }
`.trim();

const e = escapeHtml;

function choiceList(q: CompiledQuestion, mark: 'circle' | 'box'): string {
  const items = choicesOf(q).map((c) => {
    const box = `<li><span class="${mark}" aria-hidden="true"></span>${e(fr(c.label))}<span class="code">[${e(c.code)}]</span>`;
    // The choice "other" the compiler added: its text is written on the line that follows.
    if (c.code !== OTHER_CODE || !hasOther(q)) return `${box}</li>`;
    return `${box} — ${e(fr(q.other.label))} : <span class="other-line"></span><span class="code">[${e(otherKey(q.id))}]</span></li>`;
  });
  return `<ul class="choices">${items.join('')}</ul>`;
}

/** Width of the page's content box for the answer areas (180 mm less the 10 mm indent), in mm. */
const AREA_MM = 170;
/** Room kept for the row labels of a matrix, in mm. */
const ROW_LABEL_MM = 60;
/** A generous width of one character of 10 pt text (Helvetica/Arial average ~0.5 em), in mm. */
const CHAR_MM = 2;
/** Beyond this many columns a matrix is written row by row (a numbered column needs ~8 mm). */
const MAX_TABLE_COLUMNS = 12;

/**
 * True when the column labels of a matrix can sit side by side in its columns without
 * breaking a word: otherwise the columns are numbered under a legend.
 */
export function columnsFit(columnLabels: readonly string[]): boolean {
  const column = (AREA_MM - ROW_LABEL_MM) / Math.max(columnLabels.length, 1);
  const longestWord = Math.max(0, ...columnLabels.flatMap((l) => l.split(/\s+/)).map((w) => w.length));
  return longestWord * CHAR_MM + 4 <= column;
}

type MatrixQuestion = Extract<CompiledQuestion, { type: 'matrix' }>;

/**
 * A matrix: one row a line, one circle a column. The rows carry their row code only; the
 * export column of a row (`<id>__<row code>`) is written once above. Columns whose labels
 * fit are headed by their label and code; otherwise by their number, with a legend.
 */
function matrixArea(q: MatrixQuestion): string {
  const labels = q.choices.map((c) => fr(c.label));
  const fits = columnsFit(labels);
  const note = `<p class="help">(une réponse par ligne ; variable de chaque ligne : <span class="code">${e(q.id)}__</span>code de la ligne)</p>`;
  const legend = fits ? '' : `<ol class="legend">${q.choices.map((c, i) => `<li>${e(labels[i]!)}<span class="code">[${e(c.code)}]</span></li>`).join('')}</ol>`;
  if (q.choices.length > MAX_TABLE_COLUMNS) {
    // Too many columns even numbered: each row on its own, its numbered circles wrapping.
    const circles = q.choices.map((_, i) => `<span class="mchoice"><span class="circle" aria-hidden="true"></span>${i + 1}</span>`).join('');
    const rows = q.rows.map((r) => `<div class="mrow"><p>${e(fr(r.label))}<span class="code">[${e(r.code)}]</span></p><p class="mchoices">${circles}</p></div>`);
    return `${note}${legend}<div class="matrix-stacked">${rows.join('')}</div>`;
  }
  const heads = q.choices.map((c, i) => fits
    ? `<th scope="col">${e(labels[i]!)}<span class="code">[${e(c.code)}]</span></th>`
    : `<th scope="col"><abbr title="${e(labels[i]!)}">${i + 1}</abbr></th>`);
  // The row labels take what the columns leave: a number column needs ~9 mm.
  const rowShare = fits ? Math.round((ROW_LABEL_MM / AREA_MM) * 100) : Math.max(40, 100 - q.choices.length * 6);
  const cols = `<colgroup><col style="width:${rowShare}%">${q.choices.map(() => '<col>').join('')}</colgroup>`;
  const rows = q.rows.map((r) =>
    `<tr><th scope="row">${e(fr(r.label))}<span class="code">[${e(r.code)}]</span></th>${q.choices.map(() => '<td><span class="circle" aria-hidden="true"></span></td>').join('')}</tr>`);
  return `${note}${legend}<table class="matrix">${cols}<thead><tr><td></td>${heads.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function digits(count: number): string {
  return '<span class="digit"></span>'.repeat(count);
}

function numberBoxes(q: CompiledQuestion & { min?: number; max?: number }, decimal: boolean): string {
  const width = q.type === 'year' ? 4 : Math.min(9, Math.max(3, String(Math.trunc(Math.abs(q.max ?? 999999))).length));
  const range = q.min !== undefined && q.max !== undefined ? `entre ${q.min} et ${q.max}`
    : q.min !== undefined ? `au moins ${q.min}` : q.max !== undefined ? `au plus ${q.max}` : '';
  const dec = decimal ? `<span class="unit">,</span>${digits(2)}` : '';
  return `<div class="digits">${digits(width)}${dec}${range ? `<span class="unit">(${e(range)})</span>` : ''}</div>`;
}

/** The answer area of a question, by type. */
export function answerArea(q: CompiledQuestion): string {
  switch (q.type) {
    case 'single':
      return choiceList(q, 'circle');
    case 'multiple': {
      const rules = ['plusieurs réponses possibles'];
      if (q.maxSelected !== undefined) rules.push(`${q.maxSelected} au maximum`);
      if (q.minSelected !== undefined && q.minSelected > 1) rules.push(`${q.minSelected} au minimum`);
      if (q.exclusive?.length) {
        const labels = q.exclusive.map((code) => `« ${fr(q.choices.find((c) => c.code === code)?.label) || code} »`);
        rules.push(`${labels.join(', ')} ne se combine avec aucune autre réponse`);
      }
      return `<p class="help">(${e(rules.join(' ; '))})</p>${choiceList(q, 'box')}`;
    }
    case 'boolean':
      return '<ul class="choices"><li><span class="circle" aria-hidden="true"></span>Oui<span class="code">[1]</span></li>' +
        '<li><span class="circle" aria-hidden="true"></span>Non<span class="code">[0]</span></li></ul>';
    case 'integer':
    case 'year':
      return numberBoxes(q, false);
    case 'decimal':
      return numberBoxes(q, true);
    case 'text':
      return `<span class="line"></span>${q.maxLength !== undefined ? `<p class="help">(${q.maxLength} caractères au plus)</p>` : ''}`;
    case 'textarea':
      return '<span class="area"></span>';
    case 'email':
      return '<span class="line"></span><p class="help">(adresse électronique)</p>';
    case 'commune':
      return `<div class="digits">${digits(5)}<span class="unit">(code commune INSEE, ou nom de la commune : </span><span class="other-line"></span><span class="unit">)</span></div>`;
    case 'scale':
      return `<div class="scale">${q.choices.map((c, i) =>
        `<span><span class="circle" aria-hidden="true"></span><br>${e(fr(c.label))}<br><span class="code">[${i + 1}]</span></span>`).join('')}</div>`;
    case 'matrix':
      return matrixArea(q);
    default:
      return unhandledQuestionType(q);
  }
}

function requiredNote(q: CompiledQuestion): string {
  if (q.required === true) return ' <span class="req">(obligatoire)</span>';
  if (q.required && typeof q.required === 'object') return ' <span class="req">(obligatoire dans certains cas)</span>';
  return '';
}

function jumpText(q: CompiledQuestion, compiled: CompiledQuestionnaire): string {
  return jumpsAfter(q, compiled).map((j) => {
    const answers = j.answers.map((a) => `« ${fr(a.label)} »`).join(' ou ');
    const to = j.to ? `passez à la question ${j.to.number}` : 'passez à la fin du questionnaire';
    return `<p class="route jump">→ Si ${e(answers)}, ${e(to)}.</p>`;
  }).join('');
}

/** One question of the paper form. */
export function paperQuestion(q: CompiledQuestion, compiled: CompiledQuestionnaire): string {
  const condition = q.visibleWhen ? `<p class="route if">Répondez ${e(visibilityWords(q, compiled, 'fr'))}.</p>` : '';
  const help = q.help ? `<p class="help">${e(plainText(fr(q.help)))}</p>` : '';
  return `<div class="question" id="q${q.number}">` +
    `<p class="qhead"><span class="qnum">${q.number}.</span>${e(fr(q.label))}${requiredNote(q)}<span class="var">[${e(q.id)}]</span></p>` +
    `${condition}${help}${answerArea(q)}${jumpText(q, compiled)}</div>`;
}

/** `paper.html` of a compiled questionnaire. */
export function emitPaper(compiled: CompiledQuestionnaire): string {
  const versions = `${compiled.questionnaire.id} ${compiled.questionnaire.version}` +
    (compiled.extension ? ` + ${compiled.extension.id} ${compiled.extension.version}` : '');
  const territory = compiled.territory ? `<p>Territoire : ${e(compiled.territory.name)}</p>` : '';
  const sections = compiled.sections.map((s) =>
    `<section class="section" id="s-${e(s.id)}"><h2>${e(fr(s.title))}</h2>` +
    (s.description ? `<p class="help">${e(plainText(fr(s.description)))}</p>` : '') +
    s.questions.map((q) => paperQuestion(q, compiled)).join('\n') + '</section>');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(fr(compiled.title))}</title>
<style>
${STYLE}
</style>
</head>
<body>
<header class="intro">
<h1>${e(fr(compiled.title))}</h1>
${compiled.description ? `<p>${e(fr(compiled.description))}</p>` : ''}
${territory}
<p>Cochez une case par réponse (○ une seule réponse, ☐ plusieurs possibles). Les codes entre crochets servent à la saisie.</p>
</header>
<main>
${sections.join('\n')}
</main>
<footer>Questionnaire ${e(versions)} — ${e(compiled.id)}. Merci de votre participation.</footer>
</body>
</html>
`;
}
