import { describe, expect, it } from 'vitest';
import { parseSafeText, plainText, renderSafeText, safeHref } from './safe-text.js';

/** Every string a template would put into the DOM as markup (its static parts). */
function staticMarkup(template: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === 'object' && 'strings' in value && 'values' in value) {
      const t = value as { strings: readonly string[]; values: unknown[] };
      parts.push(...t.strings);
      t.values.forEach(walk);
    }
  };
  walk(template);
  return parts.join('');
}

/** Every text or attribute value a template binds (what Lit escapes). */
function boundValues(template: unknown): unknown[] {
  const values: unknown[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value && typeof value === 'object' && 'strings' in value && 'values' in value) {
      (value as { values: unknown[] }).values.forEach(walk);
    } else values.push(value);
  };
  walk(template);
  return values;
}

describe('parseSafeText', () => {
  it('keeps plain text as one text node', () => {
    expect(parseSafeText('Nombre de bénévoles, hors dirigeants.')).toEqual([
      { kind: 'text', text: 'Nombre de bénévoles, hors dirigeants.' },
    ]);
  });

  it('reads *emphasis* and [links](https://…)', () => {
    expect(parseSafeText('Au cours des *12 derniers mois*, voir [la notice](https://example.org/notice?a=1).')).toEqual([
      { kind: 'text', text: 'Au cours des ' },
      { kind: 'em', text: '12 derniers mois' },
      { kind: 'text', text: ', voir ' },
      { kind: 'link', text: 'la notice', href: 'https://example.org/notice?a=1' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('accepts http: and mailto: links', () => {
    expect(parseSafeText('[site](http://example.org) [écrire](mailto:olva@example.org)').filter((n) => n.kind === 'link'))
      .toEqual([
        { kind: 'link', text: 'site', href: 'http://example.org/' },
        { kind: 'link', text: 'écrire', href: 'mailto:olva@example.org' },
      ]);
  });

  it('leaves <script> and <img onerror> as text', () => {
    const source = 'Avant <script>alert(1)</script> <img src=x onerror="alert(2)"> après';
    expect(parseSafeText(source)).toEqual([{ kind: 'text', text: source }]);
  });

  it.each([
    "[cliquez](javascript:alert('x'))",
    "[cliquez](javascript:window.__olvaPwned='md')",
    '[cliquez](JaVaScRiPt:alert)',
    '[cliquez](data:text/html,<script>alert(1)</script>)',
    '[cliquez](vbscript:msgbox)',
    '[cliquez](/relative/path)',
    '[cliquez](//evil.example.org)',
  ])('keeps the unsafe link %s as text', (source) => {
    const nodes = parseSafeText(source);
    expect(nodes.some((n) => n.kind === 'link')).toBe(false);
    expect(plainText(source)).toBe(source);
  });

  it('does not treat a lone asterisk or unclosed bracket as markup', () => {
    expect(parseSafeText('5 * 3 = 15 [note')).toEqual([{ kind: 'text', text: '5 * 3 = 15 [note' }]);
  });
});

describe('safeHref', () => {
  it('refuses every scheme but http, https and mailto', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' javascript:alert(1)')).toBeNull();
    expect(safeHref('java\nscript:alert(1)')).toBeNull();
    expect(safeHref('ftp://example.org')).toBeNull();
  });
});

describe('renderSafeText', () => {
  it('puts hostile text only into bindings, never into markup', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) *<b>gras</b>*';
    const template = renderSafeText(hostile, 'nouvelle fenêtre');
    const markup = staticMarkup(template);
    expect(markup).not.toMatch(/<script|<img|<b>|javascript:|onerror/i);
    // The words reach the DOM only as bound text.
    const values = boundValues(template).filter((v) => typeof v === 'string').join('');
    expect(values).toContain('<script>alert(1)</script>');
    expect(values).toContain('[x](javascript:alert(3))');
    expect(values).toContain('<b>gras</b>');
  });

  it('renders links with their href bound and a new-window warning; none without a warning', () => {
    const template = renderSafeText('[notice](https://example.org/n)', 'nouvelle fenêtre');
    expect(staticMarkup(template)).toMatch(/<a href=.*target="_blank" rel="noopener noreferrer"/s);
    expect(boundValues(template)).toEqual(['https://example.org/n', 'notice', 'nouvelle fenêtre']);
    const inLabel = renderSafeText('[notice](https://example.org/n)', null);
    expect(staticMarkup(inLabel)).not.toContain('<a');
    expect(boundValues(inLabel)).toEqual(['notice']);
  });
});
