/**
 * custom-elements.json (made by `npm run build` from the JSDoc) says what the element really
 * follows: <olva-results> is a plain HTMLElement whose attributes the analyser cannot read from
 * `observedAttributes`, so each must also be an `@attr` of its JSDoc.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

// The element's module only reads HTMLElement to extend it; Node has none.
(globalThis as { HTMLElement?: unknown }).HTMLElement ??= class {};

describe('custom-elements.json of <olva-results>', () => {
  it('lists every attribute the element follows, its events and parts', async () => {
    const { OlvaResults } = await import('./olva-results.js');
    const manifest = JSON.parse(fs.readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
    const declarations = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []);
    const element = declarations.find((d: { tagName?: string }) => d.tagName === 'olva-results');
    expect(element).toBeDefined();
    expect(element.attributes.map((a: { name: string }) => a.name).sort()).toEqual([...OlvaResults.observedAttributes].sort());
    expect(element.attributes.every((a: { description?: string }) => a.description)).toBe(true);
    expect(element.events.map((e: { name: string }) => e.name).sort()).toEqual(['olva-results-error', 'olva-results-load']);
    expect(element.cssParts.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['results', 'question', 'chart', 'comparison', 'table']));
    expect(element.members.some((m: { name: string }) => m.name.startsWith('#'))).toBe(false);
  });
});
