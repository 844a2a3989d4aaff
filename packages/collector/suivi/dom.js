// Building the page without parsing any markup: elements from createElement /
// createElementNS, texts with text nodes, attributes with setAttribute (never an event
// handler attribute). Charts are SVG built the same way, each with a <title>, and paired
// with a data table by the caller.
const SVG = 'http://www.w3.org/2000/svg';

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (name === 'on') for (const [type, listener] of Object.entries(value)) node.addEventListener(type, listener);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** An HTML element. */
export function h(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG, tag), attrs, children);
}

let ids = 0;
/** A fresh id for aria references. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/**
 * A chart drawn twice, wide and narrow, CSS showing one (the other is display: none, out of
 * the accessibility tree too): drawn 620 units wide only, a phone or a page zoomed to 400 %
 * scaled its 12-unit text to 6 pixels. CSS follows the zoom as it changes; a drawing
 * measured once would not.
 */
function both(draw) {
  return [draw(false), draw(true)];
}

/**
 * Horizontal bars: one row per item, `value` a fraction 0..1 drawn solid, `expected` (when
 * given) drawn as a dotted frame, and the value written as text beside, so that no colour
 * carries meaning alone. Narrow, each label goes on its own line above its bar.
 */
export function barChart({ title, rows, format }) {
  return both((narrow) => {
    const titleId = uid('chart');
    const labelWidth = narrow ? 0 : 230;
    const width = narrow ? 320 : 620;
    const barWidth = width - labelWidth - 70;
    const rowHeight = narrow ? 40 : 24;
    const barTop = narrow ? 16 : 0;
    const height = rows.length * rowHeight + 8;
    const max = Math.max(0.0001, ...rows.map((r) => Math.max(r.value, r.expected ?? 0)));
    // The full label is in the table beside; the chart keeps what fits.
    const room = narrow ? 48 : 32;
    return s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': titleId, class: narrow ? 'chart-narrow' : 'chart-wide' },
      s('title', { id: titleId }, title),
      rows.map((r, i) => {
        const y = i * rowHeight + 4;
        const label = r.label.length > room ? `${r.label.slice(0, room - 1)}…` : r.label;
        return s('g', {},
          narrow ? s('text', { x: 0, y: y + 11 }, label) : s('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, label),
          s('rect', { class: 'bar', x: labelWidth, y: y + barTop + 3, width: Math.max(0, (r.value / max) * barWidth), height: rowHeight - barTop - 8 }),
          r.expected === undefined ? null : s('rect', { class: 'bar-expected', x: labelWidth, y: y + barTop + 1, width: Math.max(0, (r.expected / max) * barWidth), height: rowHeight - barTop - 4 }),
          s('text', { x: labelWidth + Math.max(r.value, r.expected ?? 0) / max * barWidth + 6, y: y + barTop + 15 }, format(r.value)));
      }));
  });
}

/** A line of a running total over days, with its last value written at the end. */
export function lineChart({ title, points }) {
  return both((narrow) => {
    const titleId = uid('chart');
    const width = narrow ? 320 : 560;
    const height = 180;
    const pad = { left: 40, right: 40, top: 10, bottom: 24 };
    const max = Math.max(1, ...points.map((p) => p.value));
    const x = (i) => pad.left + (points.length > 1 ? (i / (points.length - 1)) * (width - pad.left - pad.right) : 0);
    const y = (v) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
    const path = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
    const last = points[points.length - 1];
    return s('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': titleId, class: narrow ? 'chart-narrow' : 'chart-wide' },
      s('title', { id: titleId }, title),
      s('line', { x1: pad.left, y1: height - pad.bottom, x2: width - pad.right, y2: height - pad.bottom, stroke: '#767676' }),
      s('text', { x: pad.left - 6, y: y(max) + 4, 'text-anchor': 'end' }, String(max)),
      s('text', { x: pad.left - 6, y: height - pad.bottom + 4, 'text-anchor': 'end' }, '0'),
      points.length ? s('text', { x: pad.left, y: height - 6 }, points[0].label) : null,
      points.length > 1 ? s('text', { x: width - pad.right, y: height - 6, 'text-anchor': 'end' }, last.label) : null,
      points.length ? s('path', { class: 'line', d: points.length > 1 ? path : `M${x(0)},${y(points[0].value)} l4,0` }) : null,
      points.map((p, i) => s('circle', { cx: x(i), cy: y(p.value), r: 2.5, class: 'bar' })));
  });
}

/**
 * A table inside a horizontally scrollable region, reachable by the keyboard (to scroll it with
 * the arrow keys) only while it is wider than the page: a table that fits would be one more
 * stop for nothing (a territory's view had five of them before its first button). While it
 * scrolls, `hint` says so in sight, above the table (on a phone the network table went on past
 * the edge with nothing to tell), and describes the region to a keyboard user landing on it;
 * a screen reader reading on does not hear it twice.
 */
export function tableWrap(label, table, hint) {
  const hintId = uid('scroll-hint');
  const note = hint ? h('p', { class: 'scroll-hint', id: hintId, 'aria-hidden': 'true', hidden: true }, hint) : null;
  // Reachable until measured: a region that scrolls must never be out of the keyboard's reach.
  const wrap = h('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: 0 }, note, table);
  const observer = new ResizeObserver(() => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    if (scrolls) wrap.setAttribute('tabindex', '0');
    else wrap.removeAttribute('tabindex');
    if (!note) return;
    note.hidden = !scrolls;
    if (scrolls) wrap.setAttribute('aria-describedby', hintId);
    else wrap.removeAttribute('aria-describedby');
  });
  // The table too: sorting or opening rows changes its width, not the region's.
  observer.observe(wrap);
  observer.observe(table);
  return wrap;
}
