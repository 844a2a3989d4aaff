/**
 * The pages of `olva preview`, as HTML strings: every text of the definitions, of the
 * compiler's problems and of the paths goes through `escapeHtml`; the compiled questionnaire
 * is inlined as JSON data (`<` written `\u003c`, so it cannot close its script element).
 * No inline script and no inline style: the page's behaviour is `/preview.js`, its look
 * `/preview.css`.
 */
import { escapeHtml as e, formatProblem, localized, type CompilerProblem } from '@olva/compiler';
import { counted, plural, type CompiledQuestionnaire } from '@olva/schema';
import type { Lang } from '../io.js';
import type { PreviewState } from './builder.js';

/** The view the developer chose in the page's form. */
export interface PreviewView {
  /** Section to show first. */
  section?: string;
  /** Only the extension's questions. */
  extensionOnly: boolean;
}

const T = {
  fr: {
    preview: 'Aperçu', survey: 'Questionnaire', paper: 'Formulaire papier', codebook: 'Livre de codes',
    banner: 'Aperçu de développement : les réponses saisies ici ne sont jamais envoyées à un collecteur, et les questions obligatoires ne bloquent pas le passage d’une page à l’autre.',
    goTo: 'Aller à la section', onlyExtension: 'Seulement les questions de l’extension', show: 'Afficher',
    built: (n: number) => `Compilation n° ${n} réussie.`,
    failed: (n: number) => `La compilation n° ${n} a échoué : la dernière version valide reste affichée.`,
    neverBuilt: 'Aucune compilation n’a encore réussi : corrigez les problèmes ci-dessous.',
    problems: 'Problèmes signalés par le compilateur', file: 'fichier', pointer: 'pointeur', rule: 'règle', line: 'ligne', column: 'colonne',
    warning: 'avertissement', error: 'erreur',
    dropped: (n: number) => `Vue « extension seule » : ${counted('fr', n, 'condition ou contrôle lisant', 'conditions ou contrôles lisant')} le tronc commun ${plural('fr', n, 'est ignoré', 'sont ignorés')}.`,
    noExtension: 'Pas d’extension : la vue « extension seule » ne s’applique pas.',
    printHint: 'Pour imprimer ou enregistrer en PDF, ouvrez', printLink: 'le formulaire seul', downloadCsv: 'Télécharger codebook.csv',
    extensionMark: ' (extension)',
  },
  en: {
    preview: 'Preview', survey: 'Questionnaire', paper: 'Paper form', codebook: 'Codebook',
    banner: 'Development preview: answers given here are never sent to a collector, and required questions do not stop you moving between pages.',
    goTo: 'Go to section', onlyExtension: 'Only the extension’s questions', show: 'Show',
    built: (n: number) => `Build ${n} succeeded.`,
    failed: (n: number) => `Build ${n} failed: the last valid version stays on show.`,
    neverBuilt: 'No build has succeeded yet: fix the problems below.',
    problems: 'Problems reported by the compiler', file: 'file', pointer: 'pointer', rule: 'rule', line: 'line', column: 'column',
    warning: 'warning', error: 'error',
    dropped: (n: number) => `"Extension only" view: ${counted('en', n, 'condition or check', 'conditions or checks')} reading the core ${plural('en', n, 'is', 'are')} ignored.`,
    noExtension: 'No extension: the "extension only" view does not apply.',
    printHint: 'To print or save as PDF, open', printLink: 'the form alone', downloadCsv: 'Download codebook.csv',
    extensionMark: ' (extension)',
  },
} as const;

/** The strings of the preview pages in one language. */
export type PreviewStrings = (typeof T)[Lang];

/** The strings of the preview pages. */
export function previewStrings(lang: Lang): PreviewStrings {
  return T[lang];
}

/** A localized text of the definitions (French when the other language is missing). */
function text(value: { fr: string; en?: string } | undefined, lang: Lang): string {
  return (lang === 'en' ? value?.en : undefined) ?? value?.fr ?? '';
}

/** One problem: where (file, pointer, line), which rule, what and how to fix it. */
function problemItem(p: CompilerProblem, lang: Lang): string {
  const s = T[lang];
  const { message, hint } = localized(p, lang);
  const at = p.line === undefined ? '' : ` (${s.line} ${p.line}, ${s.column} ${p.column})`;
  return `<li class="problem ${p.severity}" data-rule="${e(p.rule)}" title="${e(formatProblem(p, lang))}">` +
    `<strong>${e(p.severity === 'error' ? s.error : s.warning)}</strong> ` +
    `<span class="where">${e(s.file)} <code>${e(p.file)}</code>, ${e(s.pointer)} <code>${e(p.pointer || '/')}</code>${e(at)}</span> ` +
    `<span class="rule">${e(s.rule)} <code>${e(p.rule)}</code></span>` +
    `<p class="message">${e(message)}${hint ? ` — ${e(hint)}` : ''}</p></li>`;
}

function status(state: PreviewState, lang: Lang): string {
  const s = T[lang];
  const line = state.ok ? s.built(state.number) : state.good ? s.failed(state.number) : s.neverBuilt;
  const list = state.problems.length
    ? `<section class="problems" aria-labelledby="problems-title"><h2 id="problems-title">${e(s.problems)} (${state.problems.length})</h2>` +
      `<ul>${state.problems.map((p) => problemItem(p, lang)).join('')}</ul></section>`
    : '';
  return `<p id="build-status" class="${state.ok ? 'ok' : 'failed'}" role="status">${e(line)}</p>${list}`;
}

/** The page around everything: title, banner, links, build status and problems. */
export function layout(options: { lang: Lang; state: PreviewState; title: string; current: 'survey' | 'paper' | 'codebook'; body: string; head?: string }): string {
  const { lang, state } = options;
  const s = T[lang];
  const link = (href: string, label: string, name: typeof options.current) =>
    `<a href="${href}"${options.current === name ? ' aria-current="page"' : ''}>${e(label)}</a>`;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="olva-preview-build" content="${state.number}">
<title>${e(`${s.preview} — ${options.title}`)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview.css">
<script src="/preview.js" defer></script>
${options.head ?? ''}
</head>
<body>
<header class="bar">
<h1 class="brand"><strong>olva preview</strong> · ${e(options.title)}</h1>
<nav aria-label="${e(s.preview)}">${link('/', s.survey, 'survey')} ${link('/paper', s.paper, 'paper')} ${link('/codebook', s.codebook, 'codebook')}</nav>
<p class="banner" role="note">${e(s.banner)}</p>
${status(state, lang)}
</header>
<main>
${options.body}
</main>
</body>
</html>
`;
}

/** The form that picks a section and the "extension only" view (a plain GET form: no script needed). */
function picker(compiled: CompiledQuestionnaire, view: PreviewView, lang: Lang): string {
  const s = T[lang];
  const options = compiled.sections.map((sec) =>
    `<option value="${e(sec.id)}"${sec.id === view.section ? ' selected' : ''}>${e(text(sec.title, lang))}${sec.origin.kind === 'extension' || sec.questions.some((q) => q.origin.kind === 'extension') ? e(s.extensionMark) : ''}</option>`);
  return `<form class="picker" method="get" action="/">
<label for="section">${e(s.goTo)}</label> <select id="section" name="section">${options.join('')}</select>
<label class="check"><input type="checkbox" name="only" value="extension"${view.extensionOnly ? ' checked' : ''}${compiled.extension ? '' : ' disabled'}> ${e(s.onlyExtension)}</label>
<button type="submit">${e(s.show)}</button>
</form>`;
}

/** Inline JSON data that cannot end its script element. */
function jsonData(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The survey page: the picker, then `<olva-survey preview>` on the questionnaire inlined in the
 * page (`src="#olva-questionnaire"`). `shown` is what the survey shows (the extension-only cut
 * or the whole questionnaire); `note` a line above it.
 */
export function surveyPage(options: { lang: Lang; state: PreviewState; view: PreviewView; shown: CompiledQuestionnaire | null; note?: string }): string {
  const { lang, state, view } = options;
  const good = state.good;
  const title = good ? text(good.compiled.title, lang) : T[lang].preview;
  if (!good || !options.shown) return layout({ lang, state, title, current: 'survey', body: '' });
  const compiled = good.compiled;
  // The bare core names no territory; the preview never sends, any valid one will do.
  const territory = compiled.territory ? '' : ' territory="commune:75056"';
  const section = view.section ? ` preview-section="${e(view.section)}"` : '';
  const body = `${picker(compiled, view, lang)}
${options.note ? `<p class="note">${e(options.note)}</p>` : ''}
<olva-survey src="#olva-questionnaire" preview wave="preview" lang="${lang}"${territory}${section}></olva-survey>
<script type="application/json" id="olva-questionnaire">${jsonData(options.shown)}</script>`;
  return layout({ lang, state, title, current: 'survey', body, head: '<script type="module" src="/embed/olva.js"></script>' });
}

/** The paper form of the current build, in a frame (it keeps its own strict policy). */
export function paperPage(lang: Lang, state: PreviewState): string {
  const s = T[lang];
  const title = state.good ? text(state.good.compiled.title, lang) : s.preview;
  const body = state.good
    ? `<p class="note">${e(s.printHint)} <a href="/paper.html">${e(s.printLink)}</a>.</p><iframe class="paper" src="/paper.html" title="${e(s.paper)}"></iframe>`
    : '';
  return layout({ lang, state, title, current: 'paper', body });
}

/** The codebook of the current build, as text. */
export function codebookPage(lang: Lang, state: PreviewState): string {
  const s = T[lang];
  const title = state.good ? text(state.good.compiled.title, lang) : s.preview;
  const body = state.good
    ? `<p class="note"><a href="/codebook.csv" download>${e(s.downloadCsv)}</a></p><pre class="codebook" tabindex="0">${e(state.good.files['codebook.md'])}</pre>`
    : '';
  return layout({ lang, state, title, current: 'codebook', body });
}
