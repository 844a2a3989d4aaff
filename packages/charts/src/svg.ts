/**
 * The SVG node tree every chart returns, and its two outputs: escaped markup (server, print)
 * and DOM built element by element (browser). Neither output parses text as markup, so a
 * label from a questionnaire can never become an element or an attribute.
 */

/** An SVG element: its tag, attributes and children (elements or text). */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: (SvgNode | string)[];
}

/** The SVG namespace. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

// Tags and attribute names come from this package, never from data; the check is a second
// lock: a name outside this shape, or an event handler, is a bug and throws.
const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

function checkName(name: string, what: string): void {
  if (!NAME.test(name) || /^on/i.test(name)) throw new Error(`@olva/charts: refused ${what} name ${JSON.stringify(name)}`);
}

/** Builds a node; numbers are rounded to two decimals so the markup stays short. */
export function el(tag: string, attrs: Record<string, string | number | undefined | null> = {}, children: (SvgNode | string | null | undefined | false)[] = []): SvgNode {
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    clean[k] = typeof v === 'number' ? Math.round(v * 100) / 100 : v;
  }
  return { tag, attrs: clean, children: children.filter((c): c is SvgNode | string => c !== null && c !== undefined && c !== false) };
}

/** Escapes text for an element's content or a double-quoted attribute value. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The node as SVG markup, every text and attribute value escaped. The root gets the SVG
 * namespace, so the markup stands alone in a file or inside HTML.
 */
export function svgMarkup(node: SvgNode, root = true): string {
  checkName(node.tag, 'tag');
  let out = `<${node.tag}`;
  if (root && node.tag === 'svg' && !('xmlns' in node.attrs)) out += ` xmlns="${SVG_NS}"`;
  for (const [name, value] of Object.entries(node.attrs)) {
    checkName(name, 'attribute');
    out += ` ${name}="${escapeMarkup(String(value))}"`;
  }
  if (node.children.length === 0) return `${out}/>`;
  out += '>';
  for (const child of node.children) out += typeof child === 'string' ? escapeMarkup(child) : svgMarkup(child, false);
  return `${out}</${node.tag}>`;
}

/**
 * The node as DOM of `document`, built with createElementNS, setAttribute and text nodes: no
 * HTML parsing, so it runs under Trusted Types.
 */
export function svgElement(node: SvgNode, document: Document): SVGElement {
  checkName(node.tag, 'tag');
  const element = document.createElementNS(SVG_NS, node.tag) as SVGElement;
  for (const [name, value] of Object.entries(node.attrs)) {
    checkName(name, 'attribute');
    element.setAttribute(name, String(value));
  }
  for (const child of node.children) element.append(typeof child === 'string' ? document.createTextNode(child) : svgElement(child, document));
  return element;
}

/** Every text of a tree, in order: what a screen reader or a test reads. */
export function svgText(node: SvgNode): string {
  return node.children.map((c) => (typeof c === 'string' ? c : svgText(c))).join(' ');
}
