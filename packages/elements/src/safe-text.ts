/**
 * The only markup that definition text may carry: `*emphasis*` and `[text](url)` links to
 * http:, https: or mailto: addresses. Everything else stays plain text.
 *
 * Definition text comes from questionnaire authors and territories, so it is never parsed as
 * HTML: it is cut into a small tree of text, emphasis and link nodes, and that tree is turned
 * into Lit templates whose dynamic parts are all text or attribute bindings (Lit escapes
 * them and creates no HTML string at run time, which keeps Trusted Types satisfied).
 */
import { html, type TemplateResult } from 'lit';

/** One piece of parsed definition text. */
export type SafeNode =
  | { kind: 'text'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; href: string };

/** URL schemes a link may use; anything else (javascript:, data:, vbscript:…) stays text. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

// `*…*` without line breaks or asterisks inside, and `[…](…)` with no spaces in the target.
const TOKEN = /\*([^*\n]+)\*|\[([^\]\n]+)\]\(([^()\s]+)\)/g;

/**
 * Returns the URL when it is absolute and uses an allowed scheme, else null.
 * Relative URLs are refused: they would resolve against whatever page embeds the survey.
 */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return ALLOWED_SCHEMES.has(url.protocol) ? url.href : null;
}

/** Cuts definition text into text, emphasis and link nodes; never throws. */
export function parseSafeText(source: string): SafeNode[] {
  const nodes: SafeNode[] = [];
  let plain = '';
  let last = 0;
  const flush = () => {
    if (plain) nodes.push({ kind: 'text', text: plain });
    plain = '';
  };
  for (const match of source.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    plain += source.slice(last, index);
    last = index + match[0].length;
    if (match[1] !== undefined) {
      flush();
      nodes.push({ kind: 'em', text: match[1] });
      continue;
    }
    const href = safeHref(match[3]);
    if (href === null) {
      plain += match[0];
      continue;
    }
    flush();
    nodes.push({ kind: 'link', text: match[2], href });
  }
  plain += source.slice(last);
  flush();
  return nodes;
}

/**
 * Renders definition text as Lit templates. Links open in a new window (the respondent keeps
 * the form) and say so in text, as RGAA asks.
 * @param source the text from the definition
 * @param newWindow the words that warn about the new window, e.g. "nouvelle fenêtre"; null
 *   where a link cannot go (inside a label, where a click must check the box), and then a
 *   link shows as its text only
 */
export function renderSafeText(source: string, newWindow: string | null): SafeContent {
  const nodes = parsedOnce(source);
  // Plain words (most labels) are one string: one text node, none of the markers an array or a
  // template leaves in the DOM.
  if (nodes.every((node) => node.kind === 'text' || (node.kind === 'link' && newWindow === null))) {
    return nodes.map((node) => node.text).join('');
  }
  return nodes.map((node) => renderNode(node, newWindow));
}

/** What `renderSafeText` gives: plain words, or text with emphasis and links. */
export type SafeContent = string | Array<TemplateResult | string>;

// Every render shows the same definition texts again: parse each once. Bounded, as a page may
// set many questionnaires in turn.
const parsed = new Map<string, readonly SafeNode[]>();
function parsedOnce(source: string): readonly SafeNode[] {
  let nodes = parsed.get(source);
  if (!nodes) {
    if (parsed.size >= 2000) parsed.clear();
    nodes = parseSafeText(source);
    parsed.set(source, nodes);
  }
  return nodes;
}

function renderNode(node: SafeNode, newWindow: string | null): TemplateResult | string {
  if (node.kind === 'link' && newWindow === null) return node.text;
  switch (node.kind) {
    case 'text':
      return node.text;
    case 'em':
      return html`<em>${node.text}</em>`;
    case 'link':
      return html`<a href=${node.href} target="_blank" rel="noopener noreferrer"
        >${node.text}<span class="visually-hidden"> (${newWindow})</span></a
      >`;
  }
}

/** Strips the markup and keeps the words, for places where only text fits (titles, review). */
export function plainText(source: string): string {
  return parseSafeText(source).map((node) => node.text).join('');
}
