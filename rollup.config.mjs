// Bundles the embed: packages/embed/dist/olva.js, one minified ES module that a page loads
// with <script type="module">. Input is the TypeScript output of @olva/embed
// (packages/embed/dist/tsc/olva.js, from `tsc -b`), so run `npx tsc -b packages/embed`
// (or `npm run build`) first. Lit, @olva/elements, @olva/runtime and @olva/schema's evaluator of
// conditions are bundled in; nothing is loaded at run time but the questionnaire JSON.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import MagicString from 'magic-string';
import { minify as minifyCss } from 'csso';

const banner = '/*! olva embed (EUPL-1.2) | includes Lit (BSD-3-Clause, Google LLC) */';

/**
 * Minifies the CSS of our `css` tagged templates (the theme): terser leaves template text as
 * written, and the theme's comments, which say why a rule is there, and its indentation weighed
 * 0.7 KB of the gzipped embed. csso without restructuring: rules keep their order and their
 * fallbacks. Only templates with neither `${}` nor a backslash, whose source text is the CSS
 * itself; found in the module's syntax tree, so that a comment or a string that names the tag
 * is never taken for one. csso keeps a custom property's value as written; the space after the
 * comma of its `var()` fallback goes too (the tokens' `--_x:var(--olva-x, 1rem)`): a value is
 * read without its leading space wherever it is used, and none of our code reads a private
 * property's text.
 */
export function minifyCssTemplates() {
  return templateRewriter('olva-minify-css-templates', function (code, id, text) {
    for (const { quasi } of taggedTemplates(this.parse(code), 'css')) {
      if (quasi.expressions.length) continue;
      const [{ start, end }] = quasi.quasis;
      const raw = code.slice(start, end);
      if (raw && !raw.includes('\\')) text.overwrite(start, end, minifyCss(raw, { restructure: false, filename: id }).css.replace(/(var\(--[\w-]+), /g, '$1,'));
    }
  });
}

/** A plugin that rewrites parts of our own modules (packages/*) in place, keeping the source map. */
function templateRewriter(name, rewrite) {
  return {
    name,
    transform(code, id) {
      if (!id.includes('/packages/')) return null;
      const text = new MagicString(code);
      rewrite.call(this, code, id, text);
      return text.hasChanged() ? { code: text.toString(), map: text.generateMap({ hires: true, source: id }) } : null;
    },
  };
}

/** Every node of a syntax tree (ESTree, as Rollup's `this.parse` gives it), parents first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) yield* nodes(item);
    else if (value && typeof value === 'object' && typeof value.type === 'string') yield* nodes(value);
  }
}

/** The templates of a syntax tree tagged with the identifier `tag` (`html`, `css`). */
function* taggedTemplates(ast, tag) {
  for (const node of nodes(ast)) {
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === tag) yield node;
  }
}

/**
 * Collapses the white space of our `html` tagged templates: each run that holds a line break
 * becomes one space. Under `white-space: normal` (the host's), a run of white space renders as
 * one space whatever it holds, so the DOM shows the same; the indentation of the templates
 * weighed about 0.15 KB of the gzipped embed. Only the templates' static text is touched, never
 * an interpolated value; none of our templates holds a <pre> or a <textarea> with content.
 */
export function collapseHtmlTemplates() {
  return templateRewriter('olva-collapse-html-templates', function (code, _id, text) {
    for (const { quasi } of taggedTemplates(this.parse(code), 'html')) {
      for (const { start, end } of quasi.quasis) {
        const raw = code.slice(start, end);
        const collapsed = raw.replace(/[ \t]*\n\s*/g, ' ');
        if (collapsed !== raw) text.overwrite(start, end, collapsed);
      }
    }
  });
}

/**
 * Renames the theme's private custom properties (`--_color-text-muted`, read only by the
 * bundle's own rules; the public ones are `--olva-*`) to the shortest names, the most read
 * first: `--_a`, `--_b`… Each name is written on average a dozen times; 0.13 KB of the gzipped
 * embed. Every `--_` name in the chunk is renamed, declarations and `var()` alike, so none can
 * be left reading a name no rule sets.
 */
export function shortenPrivateProperties() {
  return {
    name: 'olva-shorten-private-properties',
    renderChunk(code) {
      const counts = new Map();
      for (const [name] of code.matchAll(/--_[\w-]+/g)) counts.set(name, (counts.get(name) ?? 0) + 1);
      const short = new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name], i) => [name, `--_${i.toString(36)}`]));
      const text = new MagicString(code);
      for (const m of code.matchAll(/--_[\w-]+/g)) text.overwrite(m.index, m.index + m[0].length, short.get(m[0]));
      return text.hasChanged() ? { code: text.toString(), map: text.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * Lit's error messages that the embed carries, with the shorter ones it carries instead. Lit's
 * production build keeps them whole; each is thrown only by a misuse of a function or class that
 * the embed does not export (the `css` tag given a value that is not a css result, a CSSResult
 * made with `new`, `repeat()` bound to an attribute), so that only a developer of olva could
 * meet one, and the short message still names what was misused. 106 B of the gzipped embed.
 */
export const LIT_ERRORS = {
  'CSSResult is not constructable. Use `unsafeCSS` or `css` instead.': 'CSSResult: made by css only',
  "Value passed to 'css' function must be a 'css' function result: ": 'css: not a css result: ',
  ". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.": '',
  'repeat() can only be used in text expressions': 'repeat(): text only',
};

/**
 * Writes Lit's error messages `messages` (`LIT_ERRORS`) shorter. Only string literals of Lit's
 * modules whose whole text is a key are touched. Fails the build when a message is no longer
 * found (Lit reworded it): its bytes would come back unnoticed.
 */
export function shortenLitErrors(messages = LIT_ERRORS) {
  const found = new Set();
  return {
    name: 'olva-shorten-lit-errors',
    buildStart() {
      found.clear();
    },
    transform(code, id) {
      if (!/\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id)) return null;
      const text = new MagicString(code);
      for (const node of nodes(this.parse(code))) {
        if (node.type === 'Literal' && typeof node.value === 'string' && Object.hasOwn(messages, node.value)) {
          text.overwrite(node.start, node.end, JSON.stringify(messages[node.value]));
          found.add(node.value);
        }
      }
      return text.hasChanged() ? { code: text.toString(), map: text.generateMap({ hires: true, source: id }) } : null;
    },
    buildEnd(error) {
      const missing = Object.keys(messages).filter((message) => !found.has(message));
      if (!error && missing.length) this.error(`Lit no longer writes ${missing.map((m) => JSON.stringify(m)).join(', ')}: update LIT_ERRORS (rollup.config.mjs)`);
    },
  };
}

/**
 * Members of the survey's internal parts that the minifier may rename, as it does `#private`
 * ones: the page flow's, the announcer's, the delivery's, the kiosk's, the drafts', the error
 * summary's, the flow strings' (not `Strings`, which renderers read), the visibility plan's,
 * and the elements' Lit state properties. None is a key of a JSON format (questionnaire,
 * payload, outbox entry, draft, history state), a field of an event, a property a template
 * binds (`.name=`) or a member of the exported API; each is only ever written `x.name`. `checkInternalProperties` fails the build when one is named by a
 * string or a template, where a renamed member would no longer be found (an interface text
 * that uses the name as a word too: `sending`, `saved` stay as they are). 0.4 KB of the
 * gzipped embed.
 */
export const INTERNAL_PROPERTIES = [
  // page-flow.ts
  'editingFromReview', 'warningsShown', 'allOnOnePage', 'pageSections', 'firstFaultyPage', 'pageName',
  'hasPrevious', 'isLast', 'targetOf', 'pageOf', 'attempted', 'confirmed', 'moveTo',
  // announcer.ts, delivery.ts, kiosk.ts, drafts.ts, kept-answers.ts, paper-entry.ts, question-part.ts
  'focusFirstInput', 'renderLive', 'renderNotice', 'clearNotice', 'flow', 'noted',
  'renderWarning', 'recheck', 'secondsLeft', 'onNew', 'onHold', 'delays', 'restart',
  'renderOffer', 'followInTab', 'keepOnDevice', 'loadTab', 'snapshot', 'discarded', 'renderHeader', 'refresh',
  // problems.ts, error-summary.ts, navigation.ts, choice-list.ts, history.ts
  'numbered', 'onJump', 'warningIds', 'warningItems', 'errorItems', 'onPrevious', 'bareWords', 'onStep', 'pushes',
  // flow-strings.ts
  'backToReview', 'outboxWaiting', 'outboxDelivered', 'outboxRefused', 'unreachableTitle', 'unreachableText',
  'kioskPaused', 'paperConfirmHint',
  // @olva/runtime's visibility plan, drafts
  'alwaysVisibleSet', 'alwaysVisible', 'requirable', 'storageKey',
  // Lit state properties (`state: true`: no attribute, so Lit never names them by a string)
  '_view', '_failure', '_text', '_results', '_open', '_active', '_status', '_notice',
];

/** Fails the build when a name of `INTERNAL_PROPERTIES` appears in a string or a template of the chunk. */
export function checkInternalProperties(names = INTERNAL_PROPERTIES) {
  const word = new RegExp(`\\b(${names.join('|')})\\b`);
  return {
    name: 'olva-check-internal-properties',
    renderChunk(code) {
      for (const node of nodes(this.parse(code))) {
        const text = node.type === 'Literal' && typeof node.value === 'string' ? node.value
          : node.type === 'TemplateElement' ? node.value.raw : undefined;
        const found = text === undefined ? null : word.exec(text);
        if (found) this.error(`"${found[1]}" is renamed by the minifier (INTERNAL_PROPERTIES) but a string names it: ${JSON.stringify(text.slice(0, 80))}`);
      }
      return null;
    },
  };
}

/**
 * terser's options for our bundles. Beyond the defaults: `unsafe_arrows` writes a function
 * expression that reads no `this` as an arrow (no bundled code calls one with `new`, the only use
 * an arrow lacks), and `keep_fargs: false` drops unused trailing parameters (no bundled code reads
 * a function's `length`); 52 B of the gzipped embed together. `<olva-results>` uses them too
 * (none of its modules, lit-html, the charts and `localize`, calls a function expression with
 * `new` either): 0 B of its bundle, and one setting for both. `pure_getters: true` lets it take
 * a property read for one without effects: none of the bundled code reads a property for a
 * getter's effect (a forced layout, say) or for the error of reading one of null; it inlines the
 * names given to a property read once (`const q = question`): 64 B of the gzipped embed, 3 B of
 * `<olva-results>`.
 */
export const terserOptions = {
  ecma: 2020,
  module: true,
  compress: { passes: 3, unsafe_arrows: true, keep_fargs: false, pure_getters: true },
  format: { comments: /^!/ },
};

/**
 * The last plugins of a bundle of ours: `checkInternalProperties(names)`, then terser with
 * `terserOptions`, renaming besides local names and `#private` members the members `names`
 * lists (see `INTERNAL_PROPERTIES` for when a name may join such a list).
 */
export function minifyRenaming(names) {
  return [
    checkInternalProperties(names),
    terser({ ...terserOptions, mangle: { properties: { regex: new RegExp(`^(${names.join('|')})$`) } } }),
  ];
}

export default {
  input: 'packages/embed/dist/tsc/olva.js',
  output: {
    file: 'packages/embed/dist/olva.js',
    format: 'es',
    sourcemap: true,
    banner,
  },
  plugins: [
    // `browser` first, then the default (production) builds of Lit, never its `development` ones.
    nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
    commonjs(),
    shortenLitErrors(),
    minifyCssTemplates(),
    collapseHtmlTemplates(),
    shortenPrivateProperties(),
    minifyRenaming(INTERNAL_PROPERTIES),
  ],
};
