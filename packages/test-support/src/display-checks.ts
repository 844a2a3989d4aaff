/**
 * The RGAA 4.1 display criteria that axe-core does not check, as functions of a page in real
 * Chromium: the user's text spacing (10.12), text at 200 % (10.4), reflow at 320 px (10.11),
 * visible focus (10.7, forced colours included) and reduced motion. Each looks into one tree:
 * the shadow root of the first element matching `host`, or the document when `host` is
 * omitted (the cockpit). Each returns what fails as short readable lines ("tag.class "text":
 * why"), so that an assertion `toEqual([])` says where.
 */
import type { Page } from 'playwright-core';
import { contrastRatio } from './contrast.js';

/**
 * The user's text spacing of RGAA 10.12 (the WCAG 1.4.12 bookmarklet's values: line height
 * 1.5, paragraphs 2em apart, letters 0.12em, words 0.16em), set in the document and in every
 * open shadow root. A bookmarklet's or a site's style sheet stops at a shadow root (only the
 * inherited properties cross it, on the host), so the sheet is adopted by each root: the worst
 * case, every element of the component spaced out, not only what inherits the host's spacing.
 */
export async function spaceText(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }'
      + ' p { margin-bottom: 2em !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    for (const host of document.querySelectorAll('*')) {
      if (host.shadowRoot) host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
    }
  });
}

/**
 * Text-only zoom at 200 % (RGAA 10.4): the root font size doubled, as a browser's text zoom
 * does. Returns the texts that did not grow with it (a size in px, not rem or em), SVG chart
 * texts aside: those scale with their chart, placed by it.
 */
export function zoomText(page: Page, host?: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root: ParentNode = selector ? document.querySelector(selector)!.shadowRoot! : document;
    const texts = [...root.querySelectorAll('*')].filter((e) => !e.closest('svg') && e.checkVisibility()
      && [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()));
    const size = (e: Element) => parseFloat(getComputedStyle(e).fontSize);
    const before = texts.map(size);
    document.documentElement.style.fontSize = '200%';
    return texts.flatMap((e, i) => size(e) < before[i]! * 1.9
      ? [`${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} "${(e.textContent ?? '').trim().slice(0, 30)}": ${before[i]}px → ${size(e)}px`] : []);
  }, host ?? null);
}

/**
 * Runs `measure` with every box of the tree drawn. A question out of view sits in a
 * `content-visibility: auto` box that Chromium neither styles nor lays out anew, so what is
 * measured there is its layout of before (before the text spacing, the zoom, the narrow
 * screen): a text cut there would go unseen, and a text measured anew against its box of before
 * looks cut when it is not. Such boxes are made `visible` for the measure (an inline style
 * through the CSSOM, which no CSP forbids), then given back to the theme.
 */
async function everyBoxDrawn<T>(page: Page, host: string | undefined, measure: () => Promise<T>): Promise<T> {
  await page.evaluate((selector) => {
    const root: ParentNode = selector ? document.querySelector(selector)!.shadowRoot! : document;
    const boxes = [...root.querySelectorAll<HTMLElement>('*')].filter((e) => getComputedStyle(e).contentVisibility === 'auto');
    for (const e of boxes) e.style.setProperty('content-visibility', 'visible');
    (window as unknown as { __drawnBoxes?: HTMLElement[] }).__drawnBoxes = boxes;
  }, host ?? null);
  try {
    return await measure();
  } finally {
    await page.evaluate(() => {
      for (const e of (window as unknown as { __drawnBoxes: HTMLElement[] }).__drawnBoxes) e.style.removeProperty('content-visibility');
    });
  }
}

/**
 * What is cut or spills (RGAA 10.4 and 10.12): a text whose box reaches beyond the element
 * that holds it (a fixed height or width), an element that clips content it cannot scroll,
 * chart texts that leave their chart or run into one another, and the page scrolling sideways.
 */
export function cutText(page: Page, host?: string): Promise<string[]> {
  return everyBoxDrawn(page, host, () => page.evaluate((selector) => {
    const root: ParentNode = selector ? document.querySelector(selector)!.shadowRoot! : document;
    const where = (e: Element) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().replace(/\s+/g, '.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const out: string[] = [];
    for (const e of root.querySelectorAll('*')) {
      if (e.closest('svg') || !e.checkVisibility() || e.closest('.visually-hidden')) continue;
      const style = getComputedStyle(e);
      const box = e.getBoundingClientRect();
      // Visually hidden texts (screen readers only) clip on purpose.
      if (style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
      const clips = /hidden|clip/.test(style.overflowX + style.overflowY) && !e.matches('progress');
      if (clips && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)) out.push(`${where(e)}: clips its content`);
      const words = [...e.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!words.length || style.display === 'inline') continue;
      const range = document.createRange();
      const spills = () => {
        const r = range.getBoundingClientRect();
        return r.bottom > box.bottom + 1 || r.right > box.right + 1 || r.top < box.top - 1;
      };
      for (const n of words) {
        range.selectNodeContents(n);
        if (!spills()) continue;
        // Measured word by word: a space at the end of a line, which hangs past the box in
        // `white-space: pre-wrap`, is nothing to see.
        for (const word of n.textContent!.matchAll(/\S+/g)) {
          range.setStart(n, word.index);
          range.setEnd(n, word.index + word[0].length);
          if (spills()) { out.push(`${where(e)}: text spills out of its box`); break; }
        }
      }
    }
    // Chart texts are placed by the chart: spaced out, none may leave its chart or run into another.
    for (const svg of root.querySelectorAll<SVGSVGElement>('svg.olva-chart')) {
      const width = svg.viewBox.baseVal.width;
      const boxes = [...svg.querySelectorAll<SVGTextElement>('text')].map((t) => ({ t: t.textContent!, b: t.getBBox() }));
      for (const [i, { t, b }] of boxes.entries()) {
        if (b.x < -1 || b.x + b.width > width + 1) out.push(`chart text "${t}" leaves its chart`);
        for (const o of boxes.slice(i + 1)) {
          const overlap = Math.min(b.x + b.width, o.b.x + o.b.width) - Math.max(b.x, o.b.x) > 1 && Math.min(b.y + b.height, o.b.y + o.b.height) - Math.max(b.y, o.b.y) > 1;
          if (overlap) out.push(`chart texts "${t}" and "${o.t}" overlap`);
        }
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('the page scrolls sideways');
    return out;
  }, host ?? null));
}

/**
 * Reflow (RGAA 10.11), for a viewport 320 px wide (a 1280 px screen at 400 %): the page does
 * not scroll sideways, nothing sticks out past the viewport's right edge (a box of paint
 * containment, as `content-visibility: auto` gives, would clip it without any scrolling), and
 * a box that scrolls sideways (a data table) is reached by Tab and named, so that the keyboard
 * can scroll it and a screen reader says what it holds.
 */
export function reflowProblems(page: Page, host?: string): Promise<string[]> {
  return everyBoxDrawn(page, host, () => page.evaluate(async (selector) => {
    // Two frames first: a page that makes a box reachable once it scrolls (a ResizeObserver,
    // as the cockpit's tables) answers the new width after the layout of the next frame.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const root: ParentNode = selector ? document.querySelector(selector)!.shadowRoot! : document;
    const where = (e: Element) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`;
    const scrolls = (e: Element) => /auto|scroll/.test(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1;
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push('the page scrolls sideways');
    for (const e of root.querySelectorAll('*')) {
      if (!e.checkVisibility() || (e.closest('svg') && !(e instanceof SVGSVGElement))) continue;
      if (scrolls(e)) {
        const named = e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby');
        if ((e as HTMLElement).tabIndex < 0 || !named || !e.hasAttribute('role')) out.push(`${where(e)}: scrolls sideways, but is not reached by Tab, named and given a role`);
        continue;
      }
      const right = e.getBoundingClientRect().right;
      if (right <= width + 1) continue;
      let inScroller = false;
      for (let a = e.parentElement; a && !inScroller; a = a.parentElement) inScroller = scrolls(a);
      // Inside a box that scrolls, only what escapes it (positioned against the page) counts.
      if (!inScroller || getComputedStyle(e).position === 'absolute' && document.documentElement.scrollWidth > width) {
        out.push(`${where(e)}: reaches ${Math.round(right)} px, past the ${width} px of the screen`);
      }
    }
    return out;
  }, host ?? null));
}

/**
 * Focus visible (RGAA 10.7) on every control of the tree that the keyboard can reach: each
 * focused in turn (after a Tab, so that Chromium shows the ring as for the keyboard) must draw
 * a solid outline at least 2 px wide, of 3:1 against the background it sits on, whole (no
 * ancestor clipping it: overflow, or the paint containment of `content-visibility: auto`).
 * The focus is then given back to where it was. Returns the controls that fail, and how many were checked (so that a test sees it found some).
 */
export async function focusRings(page: Page, host?: string): Promise<{ checked: number; problems: string[] }> {
  // The focus is given back where it was, so that keyboard driving can go on after the check.
  await page.evaluate(() => {
    let e: Element | null = document.activeElement;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
    (window as unknown as { __focusBeforeRings?: Element | null }).__focusBeforeRings = e;
  });
  await page.keyboard.press('Tab');
  const found = await page.evaluate((selector) => {
    const root: ParentNode = selector ? document.querySelector(selector)!.shadowRoot! : document;
    const where = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${e.getAttribute('class') ?? ''}[${e.getAttribute('type') ?? e.getAttribute('part') ?? ''}] "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 25)}"`;
    // Colours as [r, g, b, alpha], through a canvas, which reads every CSS colour syntax.
    const context = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true })!;
    const rgba = (colour: string) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    };
    // The ancestors of an element, through shadow roots to their hosts.
    const ancestors = (e: Element) => {
      const out: Element[] = [];
      for (let a: Node | null = e.parentNode; a; a = a instanceof ShadowRoot ? a.host : a.parentNode) if (a instanceof Element) out.push(a);
      return out;
    };
    // What the ring is drawn on: the first opaque background around the control (the ring is outside it).
    const backdrop = (e: Element) => ancestors(e).map((a) => rgba(getComputedStyle(a).backgroundColor)).find((c) => c[3] === 255) ?? rgba('Canvas');
    const controls = [...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.checkVisibility({ visibilityProperty: true }));
    const problems: string[] = [];
    const colours: { control: string; ring: number[]; backdrop: number[] }[] = [];
    for (const e of controls) {
      e.focus();
      if (!e.matches(':focus-visible')) { problems.push(`${where(e)}: focused, but not as for the keyboard`); continue; }
      const s = getComputedStyle(e);
      const ring = parseFloat(s.outlineWidth);
      if (s.outlineStyle === 'none' || ring < 2) { problems.push(`${where(e)}: no ring (${s.outlineStyle} ${s.outlineWidth})`); continue; }
      colours.push({ control: where(e), ring: rgba(s.outlineColor), backdrop: backdrop(e) });
      const reach = ring + Math.max(0, parseFloat(s.outlineOffset));
      const r = e.getBoundingClientRect();
      for (const a of ancestors(e)) {
        const as = getComputedStyle(a);
        const clipping = as.overflowX !== 'visible' || as.overflowY !== 'visible' || as.contentVisibility === 'auto' || /paint|strict|content/.test(as.contain);
        if (!clipping) continue;
        const b = a.getBoundingClientRect();
        const [bl, bt, br, bb] = [as.borderLeftWidth, as.borderTopWidth, as.borderRightWidth, as.borderBottomWidth].map(parseFloat);
        const scrollsX = /auto|scroll/.test(as.overflowX) && a.scrollWidth > a.clientWidth;
        const scrollsY = /auto|scroll/.test(as.overflowY) && a.scrollHeight > a.clientHeight;
        // Inside a scroller the ring may be scrolled into view; only what can never be is checked.
        const cut = (!scrollsX && (r.left - reach < b.left + bl! - 0.5 || r.right + reach > b.right - br! + 0.5))
          || (!scrollsY && (r.top - reach < b.top + bt! - 0.5 || r.bottom + reach > b.bottom - bb! + 0.5));
        if (cut) { problems.push(`${where(e)}: ring cut by ${where(a).slice(0, 40)}`); break; }
      }
    }
    const before = (window as unknown as { __focusBeforeRings?: HTMLElement | null }).__focusBeforeRings;
    if (before && before !== document.body) before.focus();
    else (document.activeElement as HTMLElement | null)?.blur();
    return { checked: controls.length, problems, colours };
  }, host ?? null);
  for (const { control, ring, backdrop } of found.colours) {
    const ratio = contrastRatio(ring, backdrop);
    if (ratio < 3) found.problems.push(`${control}: ring rgb(${ring.slice(0, 3).join(', ')}) at ${ratio.toFixed(2)}:1 on its background`);
  }
  return { checked: found.checked, problems: found.problems };
}

/** Nothing moves (reduced motion): no animation running, no transition declared, no smooth scrolling. */
export function motion(page: Page, host?: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root: ParentNode & { getAnimations(): Animation[] } = selector ? document.querySelector(selector)!.shadowRoot! : document;
    const out = [...new Set([...document.getAnimations(), ...root.getAnimations()])].map((a) => `animation ${a.constructor.name}`);
    for (const e of root.querySelectorAll('*')) {
      const s = getComputedStyle(e);
      if (s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) out.push(`${e.tagName} ${s.animationName} ${s.transitionDuration}`);
      if (s.scrollBehavior === 'smooth') out.push(`${e.tagName} scrolls smoothly`);
    }
    return out;
  }, host ?? null);
}

/** The system colours of the palette in force, as computed colours. */
export function systemColours(page: Page): Promise<Record<'Canvas' | 'CanvasText' | 'GrayText' | 'Highlight' | 'HighlightText', string>> {
  return page.evaluate(() => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.setProperty('forced-color-adjust', 'none');
    const out: Record<string, string> = {};
    for (const name of ['Canvas', 'CanvasText', 'GrayText', 'Highlight', 'HighlightText']) {
      probe.style.color = name;
      out[name] = getComputedStyle(probe).color;
    }
    probe.remove();
    return out as Record<'Canvas' | 'CanvasText' | 'GrayText' | 'Highlight' | 'HighlightText', string>;
  });
}
