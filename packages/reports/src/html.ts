/**
 * HTML written as strings on the server, safely: every interpolated value of the `html`
 * template goes through the one escaping function (`escapeHtml` of `@olva/compiler/html`), in
 * element content and in attribute values alike. Only markup that a writer has already escaped
 * (the template itself, `svgMarkup` of `@olva/charts`, markdown-it with raw HTML disabled) is
 * passed through, wrapped in {@link Markup} by {@link trusted}.
 */
import { escapeHtml } from '@olva/compiler/html';

/** Markup that is safe to write as is. */
export class Markup {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** What a template accepts: markup, text (escaped), numbers, nothing, or lists of these. */
export type Fragment = Markup | string | number | null | undefined | false | readonly Fragment[];

function write(value: Fragment): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.html;
  if (Array.isArray(value)) return value.map(write).join('');
  return escapeHtml(String(value));
}

/** The HTML template: text and attribute values are escaped, {@link Markup} is kept. */
export function html(strings: TemplateStringsArray, ...values: Fragment[]): Markup {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += write(v) + strings[i + 1]!;
  });
  return new Markup(out);
}

/**
 * Wraps markup produced by an escaping writer (`svgMarkup`, markdown-it with `html: false`).
 * Never call it on text that comes from a definition, a results document or a file.
 */
export function trusted(escapedMarkup: string): Markup {
  return new Markup(escapedMarkup);
}
