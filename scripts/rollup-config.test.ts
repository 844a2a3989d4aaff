import { describe, expect, it } from 'vitest';
import { parseAst } from 'rollup/parseAst';
// @ts-expect-error: the repository's rollup configuration, a plain .mjs file without types
import { checkInternalProperties, minifyCssTemplates, shortenLitErrors, shortenPrivateProperties } from '../rollup.config.mjs';

/** Runs a plugin's renderChunk on `code` with the parts of Rollup's context it uses. */
function renderChunk(plugin: { renderChunk: (code: string) => { code: string } | null }, code: string) {
  const context = { parse: (text: string) => parseAst(text), error: (message: string) => { throw new Error(message); } };
  return plugin.renderChunk.call(context, code);
}

describe('the embed bundle: internal properties the minifier renames', () => {
  const plugin = checkInternalProperties(['pageName', '_open']);

  it('accepts a chunk that only reads and writes them as members', () => {
    expect(renderChunk(plugin, 'const flow = { pageName() { return 1; } }; flow.pageName(); el._open = true;')).toBeNull();
  });

  it('fails the build where a string or a template names one (Lit\'s changed map, a .prop= binding)', () => {
    expect(() => renderChunk(plugin, "if (changed.has('_open')) open();")).toThrow(/"_open" is renamed by the minifier/);
    expect(() => renderChunk(plugin, 'html`<x-y .pageName=${1}></x-y>`;')).toThrow(/"pageName"/);
  });
});

describe('the embed bundle: private custom properties', () => {
  it('get short names, the same for a declaration and every var() that reads it', () => {
    const css = ':host{--_color-text:var(--olva-color-text, #000);--_space-2:1rem}p{color:var(--_color-text);margin:var(--_space-2) var(--_color-text)}';
    const out = renderChunk(shortenPrivateProperties(), `const c = css\`${css}\`;`)!.code;
    expect(out).toContain('--_0:var(--olva-color-text, #000);--_1:1rem');
    expect(out).toContain('color:var(--_0);margin:var(--_1) var(--_0)');
    expect(out).not.toMatch(/--_[a-z]{2,}/);
  });
});

describe('our bundles: the CSS of css templates', () => {
  /** Runs the plugin's transform on a module of ours. */
  const transform = (code: string) => {
    const context = { parse: (text: string) => parseAst(text) };
    return minifyCssTemplates().transform.call(context, code, '/repo/packages/x/dist/theme.js')?.code ?? code;
  };

  it('is minified in a tagged template, and a comment that names the tag is left as it is', () => {
    // The comment once matched as the start of a template: the rewrite ran from it into the code.
    const code = '/** Rules, a `css` template as the tokens are. */\nconst own = css `\n  p {\n    margin: 0;\n  }\n`;\nexport { own };';
    expect(transform(code)).toBe('/** Rules, a `css` template as the tokens are. */\nconst own = css `p{margin:0}`;\nexport { own };');
  });

  it('keeps a custom property\'s value but the space after its var() fallback\'s comma', () => {
    const code = 'const t = css`:host {\n  --_space: var(--olva-space, 1rem);\n  --_font: var(--olva-font, "A B", serif);\n}`;';
    expect(transform(code)).toBe('const t = css`:host{--_space:var(--olva-space,1rem);--_font:var(--olva-font,"A B", serif)}`;');
  });

  it('is left as written where it interpolates a value or holds a backslash', () => {
    const code = 'const a = css`p { margin: ${x}; }`, b = css`p::before { content: "\\2014"; }`;';
    expect(transform(code)).toBe(code);
  });
});

describe('the embed bundle: Lit\'s error messages', () => {
  const messages = { 'repeat() can only be used in text expressions': 'repeat(): text only' };
  /** Runs the plugin over `modules` (id → code) as one build; the transformed code, or the build's error. */
  function build(modules: Record<string, string>) {
    const plugin = shortenLitErrors(messages);
    const context = { parse: (text: string) => parseAst(text), error: (message: string) => { throw new Error(message); } };
    plugin.buildStart();
    const out = Object.entries(modules).map(([id, code]) => plugin.transform.call(context, code, id)?.code ?? code);
    plugin.buildEnd.call(context);
    return out;
  }

  it('are written shorter in Lit\'s modules only, as whole string literals', () => {
    const lit = 'if(2!==t.type)throw Error("repeat() can only be used in text expressions")';
    const ours = 'throw Error("repeat() can only be used in text expressions")';
    expect(build({ '/r/node_modules/lit-html/directives/repeat.js': lit, '/r/packages/elements/dist/x.js': ours }))
      .toEqual(['if(2!==t.type)throw Error("repeat(): text only")', ours]);
  });

  it('fail the build when Lit no longer writes one', () => {
    expect(() => build({ '/r/node_modules/lit-html/directives/repeat.js': 'throw Error("repeat() is for text")' }))
      .toThrow(/Lit no longer writes "repeat\(\) can only be used in text expressions": update LIT_ERRORS/);
  });
});
