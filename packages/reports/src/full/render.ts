/**
 * The full report: a cover, a contents list, one chapter per section of the core (its
 * questions in questionnaire order, the territory's extension questions where the
 * questionnaire shows them), each question with its chart, table, comparisons and the
 * analyst's comment, then the methodology chapter. About forty A4 pages for the core.
 */
import type { QuestionFigures } from '@olva/analysis';
import type { QuestionnaireDefinition } from '@olva/schema';
import { localize } from '@olva/runtime';
import { number } from '@olva/charts';
import { html, type Markup } from '../html.js';
import type { Lang } from '../i18n.js';
import { ReportError } from '../errors.js';
import { questionBlock } from '../figure.js';
import { htmlDocument } from '../document.js';
import type { Comments } from '../markdown.js';
import type { ReportSubject } from '../subject.js';
import { methodology } from './methodology.js';

/**
 * The charts' width in their own units, drawn 150 mm wide: their text at about the body's 8 pt
 * (at the charts' default 640 it was 9.3 pt and a question of eleven codes with its
 * comparisons ran over one page).
 */
const FULL_CHART_WIDTH = 760;

/** The comment key of the methodology chapter. */
export const METHODOLOGY_COMMENT = 'methodologie';

interface Chapter {
  id: string;
  title: string;
  questions: QuestionFigures[];
}

/** The group's questions by section of the core; extension questions follow their predecessor. */
function chapters(subject: ReportSubject, core: QuestionnaireDefinition, lang: Lang): Chapter[] {
  const sectionOf = new Map<string, string>();
  for (const s of core.sections) for (const item of s.items) if ('id' in item) sectionOf.set(item.id, s.id);
  const out: Chapter[] = core.sections.map((s) => ({ id: s.id, title: localize(s.title, lang), questions: [] }));
  let current = out[0]!;
  for (const f of subject.group.questions) {
    const id = sectionOf.get(f.id);
    if (id) current = out.find((c) => c.id === id)!;
    current.questions.push(f);
  }
  return out.filter((c) => c.questions.length);
}

/**
 * A heading as the PDF outline and the contents list both name it: without its spaces, which
 * Chromium's outline drops where the heading wraps ("le rapportcomplet").
 */
export function headingKey(title: string): string {
  return title.replace(/\s+/g, '');
}

/**
 * The full report as a whole HTML document. `pages` (the page of each heading, by
 * {@link headingKey}, read from a first printing) numbers the contents list.
 * @throws ReportError for a comment on no question of the report.
 */
export function fullReportHtml(subject: ReportSubject, core: QuestionnaireDefinition, lang: Lang, comments?: Comments, pages?: ReadonlyMap<string, number>): string {
  const en = lang === 'en';
  const g = subject.group;
  const parts = chapters(subject, core, lang);
  const coreIds = new Set(core.sections.flatMap((s) => s.items.flatMap((i) => ('id' in i ? [i.id] : []))));
  if (comments) {
    for (const [id, c] of comments.byId) {
      if (id !== METHODOLOGY_COMMENT && !g.questions.some((q) => q.id === id)) {
        throw new ReportError('reports/comment-unknown', {
          fr: `« ${id} » n’est pas une question publiée de ce rapport (ni « ${METHODOLOGY_COMMENT} »)`,
          en: `"${id}" is not a published question of this report (nor "${METHODOLOGY_COMMENT}")`,
        }, `${comments.file}:${c.line}`);
      }
    }
  }
  // A territory's report names its extension beside its questions; a document pooling several
  // (the network, a département) cannot say which one asked a question: none is named there.
  const extensions = new Set(g.versions.flatMap((v) => (v.extension ? [v.extension.id] : [])));
  const extension = extensions.size === 1 ? g.versions.find((v) => v.extension)?.extension : undefined;
  const fromLabel = extensions.size > 1 ? { fr: 'Question d’une extension territoriale', en: 'Question of a territorial extension' } : { fr: 'Question du territoire', en: 'Question of the territory' };
  // The core's questions the document has no figures for: free text, personal details.
  const published = new Set(g.questions.map((q) => q.id));
  const unpublished = [...coreIds].filter((id) => !published.has(id));
  const title = en ? 'Associative life: the full report' : 'La vie associative : le rapport complet';
  const methodologyTitle = en ? 'Methodology' : 'Méthodologie';
  const pageOf = (heading: string) => {
    const page = pages?.get(headingKey(heading));
    return page === undefined ? '' : html`<span class="toc-page"><span class="visually-hidden">${en ? ', page ' : ', page '}</span>${page}</span>`;
  };
  const block = (f: QuestionFigures): Markup => {
    const fromExtension = !coreIds.has(f.id);
    return html`${fromExtension ? html`<p class="muted from-extension">${fromLabel[lang]}${extension ? ` (${extension.id} ${extension.version})` : ''}</p>` : ''}${questionBlock(subject, f, { lang, level: 3, wording: true, width: FULL_CHART_WIDTH, comment: comments?.byId.get(f.id)?.markup })}`;
  };
  const body = html`<main class="report">
<section class="cover" aria-labelledby="h-cover"><p class="kicker">${en ? 'Local observation of associative life (OLVA)' : 'Observation locale de la vie associative (OLVA)'}</p>
<h1 id="h-cover">${title}</h1>
<p class="lead">${subject.territoryName[lang]} · ${en ? 'wave' : 'vague'} ${g.wave} · ${en ? `${number(g.responses, lang)} responses` : `${number(g.responses, lang)} réponses`}</p>
<p class="muted">${g.versions.map((v) => `${v.questionnaire.id} ${v.questionnaire.version}${v.extension ? ` + ${v.extension.id} ${v.extension.version}` : ''}`).join(' ; ')}</p>
<nav class="toc" aria-labelledby="h-toc"><h2 id="h-toc">${en ? 'Contents' : 'Sommaire'}</h2><ol>${parts.map((c) => html`<li><a href="#s-${c.id}">${c.title}</a> (${c.questions.length} ${en ? 'questions' : 'questions'})${pageOf(c.title)}</li>`)}<li><a href="#methodologie">${methodologyTitle}</a>${pageOf(methodologyTitle)}</li></ol></nav>
</section>
${parts.map((c) => html`<section class="chapter" id="s-${c.id}" aria-labelledby="h-s-${c.id}"><h2 id="h-s-${c.id}">${c.title}</h2>${c.questions.map(block)}</section>`)}
${methodology(subject, lang, { unpublished, comment: comments?.byId.get(METHODOLOGY_COMMENT)?.markup })}
</main>`;
  return htmlDocument(lang, `${title} — ${subject.territoryName[lang]} ${g.wave}`, body);
}
