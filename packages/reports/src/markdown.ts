/**
 * The analyst's comments: one Markdown file, a `## <question id>` heading before the comment
 * of each question (`## methodologie` for the methodology chapter). Rendered with markdown-it
 * with raw HTML disabled, so a comment can hold emphasis, lists, tables and links but never
 * markup of its own: `<script>` stays text. Links keep markdown-it's scheme check
 * (no `javascript:`), and open nothing by themselves.
 */
import MarkdownIt from 'markdown-it';
import { trusted, type Markup } from './html.js';
import { ReportError } from './errors.js';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** One comment: its safe markup and the line of its heading (for messages). */
export interface Comment {
  markup: Markup;
  line: number;
}

/** The comments of a file, by question id. */
export interface Comments {
  file: string;
  byId: ReadonlyMap<string, Comment>;
}

const HEADING = /^##[ \t]+(.+?)[ \t]*#*[ \t]*$/;
const ID = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?$/;

/**
 * Splits a comments file at its `## <id>` headings and renders each part. Text before the
 * first heading is an introduction to the file and ignored. An id given twice is an error
 * (which comment is meant?), with the line of the second.
 * @param source the file's text; @param file its name, for messages
 */
export function parseComments(source: string, file: string): Comments {
  const out = new Map<string, Comment>();
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  let current: { id: string; from: number } | undefined;
  let fence = false;
  const close = (end: number) => {
    if (current) out.set(current.id, { markup: trusted(markdown.render(lines.slice(current.from, end).join('\n'))), line: current.from });
  };
  lines.forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const heading = fence ? null : HEADING.exec(line);
    if (!heading) return;
    const id = heading[1]!.trim();
    if (!ID.test(id)) {
      throw new ReportError('reports/comment-heading', {
        fr: `« ## ${id} » n’est pas un identifiant de question (ex. « ## secteur_principal », « ## rennes.quartier »)`,
        en: `"## ${id}" is not a question id (e.g. "## secteur_principal", "## rennes.quartier")`,
      }, `${file}:${i + 1}:4`);
    }
    close(i);
    if (out.has(id)) {
      throw new ReportError('reports/comment-duplicate', { fr: `la question « ${id} » a déjà un commentaire plus haut`, en: `question "${id}" already has a comment above` }, `${file}:${i + 1}:4`);
    }
    current = { id, from: i + 1 };
  });
  close(lines.length);
  return { file, byId: out };
}
