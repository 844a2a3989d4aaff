// The collection cockpit (/suivi/): a coordinator signs in with a token, which stays in the
// tab's session storage (never in the address or a cookie), and reads the collector's
// /v1/cockpit/ API: the network of territories, one territory's figures, the probable
// duplicates to resolve. Every text is set as text; the page runs under a strict CSP with
// Trusted Types and loads nothing from elsewhere.
import { t } from './i18n.js';
import { barChart, h, lineChart, tableWrap as wrapWith, uid } from './dom.js';

const TOKEN_KEY = 'olva-suivi-token';
const LANG_KEY = 'olva-suivi-lang';
const main = document.getElementById('contenu');
const status = document.getElementById('status');
const nav = document.getElementById('nav');
const state = {
  lang: sessionStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'fr',
  wave: null,
  network: null,
  /** The token's name, rights and territories (GET /v1/cockpit/me), read at sign-in. */
  me: null,
  sort: { key: 'territory', descending: false },
};
const tr = (key, vars) => t(state.lang, key, vars);

// ---------------------------------------------------------------------------------------
// Formatting

const locale = () => (state.lang === 'fr' ? 'fr-FR' : 'en-GB');
const pct = (x) => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(x);
const num = (x) => new Intl.NumberFormat(locale()).format(x);
/** A gap in percentage points, signed, one decimal: "+2,3", "−1,1" in French. */
const points = (x) => new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(x);
const when = (iso) => (iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : tr('none'));
const day = (date) => new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
/** The network's own results (`network:all`): every response of the wave, which a token of scope « all » publishes. */
const NETWORK = { level: 'network', code: 'all' };
const isNetwork = (t) => t.level === NETWORK.level && t.code === NETWORK.code;
const territoryName = (t) => (isNetwork(t) ? tr('wholeNetwork') : t.name ? `${t.name} (${t.code})` : `${t.level} ${t.code}`);
const territoryParam = (t) => `${t.level}:${t.code}`;
const localized = (text) => (text ? text[state.lang] ?? text.fr ?? '' : '');
const CHANNEL_KEYS = { web: 'web', paper: 'paperChannel', phone: 'phone', kiosk: 'kiosk' };
const channelName = (code) => (CHANNEL_KEYS[code] ? tr(CHANNEL_KEYS[code]) : code);
/** A table in its scrollable region, which says in words, while it scrolls, that it does. */
const tableWrap = (label, table) => wrapWith(label, table, tr('scrollHint'));

// ---------------------------------------------------------------------------------------
// The API

class ApiError extends Error {
  /**
   * `detail`: the collector's own message, in the page's language (Accept-Language); `code`:
   * its error code (`exports-busy` tells a 429 of exports from one of sign-in attempts).
   */
  constructor(status, detail, code = '') {
    super(`HTTP ${status}`);
    this.status = status;
    this.detail = detail;
    this.code = code;
  }
}

/** An ApiError of a refused `response`, with the `message` and `error` of its body when it has them. */
async function refusal(response) {
  try {
    const body = await response.json();
    return new ApiError(response.status, typeof body?.message === 'string' ? body.message : '', typeof body?.error === 'string' ? body.error : '');
  } catch {
    return new ApiError(response.status, '');
  }
}

/** The collector's answer to `path`, refused (4xx, 5xx, no answer) as an ApiError. */
async function request(path, init = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  // The collector words its refusals in the language asked for (French otherwise).
  const headers = { authorization: `Bearer ${token}`, 'accept-language': state.lang, ...(init.body ? { 'content-type': 'application/json' } : {}) };
  let response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    // No answer at all (network down, collector stopped): status 0, said as such.
    throw new ApiError(0, '');
  }
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    throw await refusal(response);
  }
  if (!response.ok) throw await refusal(response);
  return response;
}

/** The JSON document of `path`. */
async function api(path, init = {}) {
  return (await request(path, init)).json();
}

function announce(text) {
  status.textContent = '';
  // A new text node after a tick, so that screen readers announce a repeated message too.
  setTimeout(() => { status.textContent = text; }, 50);
}

// ---------------------------------------------------------------------------------------
// Layout

function setChrome() {
  document.documentElement.lang = state.lang;
  // The view's own heading first (RGAA 8.6): a tab, a history entry or a screen reader's
  // window list tells the network from Rennes' duplicates.
  const heading = main.querySelector('h1')?.textContent;
  document.title = heading ? tr('viewTitle', { view: heading, title: tr('title') }) : tr('title');
  document.getElementById('brand').textContent = tr('brand');
  document.getElementById('skip').textContent = tr('skip');
  const other = state.lang === 'fr' ? 'en' : 'fr';
  const langButton = document.getElementById('lang');
  langButton.textContent = t(state.lang, 'otherLang');
  langButton.setAttribute('lang', other);
  nav.setAttribute('aria-label', tr('views'));
  const signedIn = Boolean(sessionStorage.getItem(TOKEN_KEY)) && state.me !== null;
  const route = currentRoute();
  const view = route.view;
  const link = (href, words, active) => h('li', {}, h('a', { href, 'aria-current': active ? 'page' : null }, words));
  // A token of one territory starts on its view: a way back to it from the duplicates (through
  // a network of one row, before).
  const own = signedIn && may('stats') && state.me.territories !== 'all' && state.me.territories.length === 1 ? state.me.territories[0] : null;
  // Who is signed in, by the token's name (never the secret): a coordinator lent a colleague's
  // token, or holding two, sees which one this tab uses.
  const who = document.getElementById('who');
  // Drawn again at each view: a list opened stays open.
  const open = who.querySelector('details')?.open ?? false;
  // Its one territory is named once, as the link to its figures (named in this line and again
  // as a view in the bar, a screen reader read it twice in a row).
  const ownLink = own ? h('a', { href: `#territoire=${territoryParam(own)}`, 'aria-current': view === 'territory' && route.territory === territoryParam(own) ? 'page' : null }, territoryName(own)) : null;
  who.replaceChildren(...(signedIn ? whoWords(open, ownLink) : []));
  // Only the views the token may open: a link the collector would refuse is a dead end.
  nav.replaceChildren(signedIn ? h('ul', {},
    may('stats') ? link('#reseau', tr('network'), view === 'network') : null,
    may('read') ? link('#doublons', tr('duplicates'), view === 'duplicates') : null,
    // With `stats`, each territory's view and the network's hold their publication.
    may('publish') && !may('stats') ? link('#publication', tr('publicationTitle'), view === 'publications') : null,
    h('li', {}, h('button', { type: 'button', id: 'sign-out', on: { click: signOut } }, tr('signOut')))) : '');
}

/** The text `key` as parts, its {slots} filled with `vars`: text, or elements (a link) in place. */
function trParts(key, vars) {
  const marks = Object.fromEntries(Object.keys(vars).map((k) => [k, `\u0000${k}\u0000`]));
  return tr(key, marks).split('\u0000').map((part, i) => (i % 2 ? vars[part] : part)).filter((part) => part !== '');
}

/** Up to this many territories, the header names them in its line; more, it counts them. */
const NAMED_IN_LINE = 3;

/**
 * The header's words on the token: its name and the territories it covers, by name
 * (« Rennes (35238) », `ownLink` in its place: the link to its figures), or « tous ». A regional network's token covers dozens: their names made
 * a header of a dozen lines above every view (a whole screen on a phone), so they are counted,
 * and listed in a disclosure, closed unless `open`.
 */
function whoWords(open, ownLink) {
  const { name, territories } = state.me;
  if (territories === 'all') return [tr('signedInAs', { name, scope: tr('allTerritories') })];
  if (territories.length === 1) return trParts('signedInAsOne', { name, scope: ownLink ?? territoryName(territories[0]) });
  if (territories.length <= NAMED_IN_LINE) return [tr('signedInAs', { name, scope: territories.map(territoryName).join(', ') })];
  return [tr('signedInAsCount', { name }), h('details', { id: 'scope', open },
    h('summary', {}, tr('territoryCount', { n: num(territories.length) })),
    h('ul', {}, territories.map((t) => h('li', {}, territoryName(t)))))];
}

/** True when the signed-in token holds `right` (read from GET /v1/cockpit/me). */
function may(right) {
  return state.me?.rights.includes(right) ?? false;
}

/**
 * What the cockpit shows, by the right it needs: the network, a territory's figures and its
 * coherence warnings read the statistics (`stats`); the duplicates and the responses in words
 * read the responses themselves (`read`).
 */
const SECTIONS = [{ right: 'stats', key: 'lackStats' }, { right: 'read', key: 'lackRead' }];

/** The view `route` asks for, needing a right the token lacks: null when it may open it. */
function refusedView(route) {
  const needs = { duplicates: 'read', publications: 'publish' }[route.view] ?? 'stats';
  return may(needs) ? null : needs;
}

/**
 * Where a token starts: its one territory, the network, or, when it may not read the figures,
 * the duplicates, else its publications (a token made only to publish results).
 */
function startHash() {
  if (may('stats')) {
    const scope = state.me.territories;
    return scope !== 'all' && scope.length === 1 ? `#territoire=${territoryParam(scope[0])}` : '#reseau';
  }
  return may('read') ? '#doublons' : may('publish') ? '#publication' : '';
}

/**
 * The sentence saying what this token does not show and which right it lacks (French, or
 * English when the page is), or null when it lacks none of the cockpit's rights. A token
 * lacking both that may publish is told that the publication is what it shows.
 */
function rightsNote() {
  const lacking = SECTIONS.filter((s) => !may(s.right)).map((s) => tr(s.key));
  if (!lacking.length) return null;
  const key = lacking.length < SECTIONS.length ? 'rightsNote' : may('publish') ? 'publishOnlyNote' : 'seesNothing';
  return h('p', { id: 'rights-note', class: 'note' }, tr(key, { name: state.me.name, list: lacking.join(tr('listSeparator')) }));
}

/** Replaces the main content and moves the focus to its heading (screen readers read it). */
function show(title, ...content) {
  const heading = h('h1', { tabindex: -1 }, title);
  // Views build their content with optional parts (null) and groups (arrays); replaceChildren
  // would write those as the text "null" and "[object HTMLParagraphElement],…".
  main.replaceChildren(heading, ...content.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  document.title = tr('viewTitle', { view: title, title: tr('title') });
  heading.focus();
}

/** A failed request in words, with the collector's own when it gave some (which token, territory or value it refused). */
function failureText(error) {
  if (!(error instanceof ApiError)) return tr('failed', { status: String(error) });
  if (error.status === 0) return tr('unreachable');
  if (error.status === 429 && error.code !== 'exports-busy') return tr('rateLimited');
  const text = error.status === 403 ? tr('forbidden') : tr('failed', { status: error.status });
  return error.detail ? `${text} ${tr('because', { detail: error.detail })}` : text;
}

function showError(error) {
  if (error instanceof ApiError && error.status === 401) return renderSignIn(tr('badToken'));
  return show(tr('brand'), h('p', { class: 'error', role: 'alert' }, failureText(error)));
}

// ---------------------------------------------------------------------------------------
// Routes: #reseau, #territoire=<level>:<code>[&vague=<wave>], #doublons[=<level>:<code>], #publication

const WAVE = /^[A-Za-z0-9_.-]{1,40}$/;

function currentRoute() {
  let hash = '';
  try {
    hash = decodeURIComponent(window.location.hash.slice(1));
  } catch {
    // A hash that is not percent-encoded UTF-8: the network view.
  }
  const [view, wave] = hash.split('&vague=');
  const [name, arg] = view.split('=');
  // A wave in the address (the paper entry's link back to the view it was opened from).
  if (name === 'territoire' && /^[a-z]+:[A-Za-z0-9_.-]+$/.test(arg ?? '')) return { view: 'territory', territory: arg, ...(WAVE.test(wave ?? '') ? { wave } : {}) };
  if (name === 'doublons') return { view: 'duplicates', territory: /^[a-z]+:[A-Za-z0-9_.-]+$/.test(arg ?? '') ? arg : null };
  if (name === 'publication') return { view: 'publications' };
  return { view: 'network' };
}

/**
 * The drawing asked last. A view draws only if it is still the one asked for when its data
 * comes back: signing out while a view loaded drew the previous token's duplicates over the
 * sign-in form (and the next token's typing went nowhere).
 */
let drawing = 0;

async function render() {
  const mine = ++drawing;
  if (!sessionStorage.getItem(TOKEN_KEY)) return renderSignIn();
  try {
    // A reload keeps the token (session storage) but not what it may do.
    state.me ??= await api('/v1/cockpit/me');
  } catch (error) {
    if (mine !== drawing) return undefined;
    if (error instanceof ApiError && error.status === 429) return renderSignIn(tr('rateLimited'));
    return showError(error);
  }
  if (mine !== drawing) return undefined;
  setChrome();
  const route = currentRoute();
  if (route.wave) {
    // Read once: the address then names the view alone, and the wave chooser rules again.
    state.wave = route.wave;
    history.replaceState(null, '', `#territoire=${route.territory}`);
  }
  try {
    // A view the token may not open (an old link, a bookmark, the default network): its start
    // instead, which says what it does not show and why.
    if (refusedView(route)) {
      const start = startHash();
      if (start && start !== window.location.hash) {
        history.replaceState(null, '', start);
        return render();
      }
      return show(tr('nothingTitle'), rightsNote());
    }
    if (route.view === 'territory') await renderTerritory(route.territory, mine);
    else if (route.view === 'duplicates') await renderDuplicates(route.territory, mine);
    else if (route.view === 'publications') await renderPublications(mine);
    else await renderNetwork(mine);
  } catch (error) {
    if (mine === drawing) showError(error);
  }
  if (mine === drawing) setChrome();
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Sign-in

function renderSignIn(message) {
  setChrome();
  const error = message ? h('p', { class: 'error', role: 'alert', id: 'sign-in-error' }, message) : null;
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': message ? 'token-help sign-in-error' : 'token-help', 'aria-invalid': message ? 'true' : null });
  const form = h('form', { novalidate: true, on: { submit: signIn } },
    h('div', { class: 'field' }, h('label', { for: 'token' }, tr('tokenLabel')), input, h('p', { id: 'token-help', class: 'note' }, tr('tokenHelp'))),
    error,
    h('button', { type: 'submit', class: 'primary' }, tr('signIn')));
  show(tr('signInTitle'), form);
  if (message) input.focus();
}

async function signIn(event) {
  event.preventDefault();
  const value = new FormData(event.target).get('token')?.toString().trim() ?? '';
  if (!value) return renderSignIn(tr('needToken'));
  sessionStorage.setItem(TOKEN_KEY, value);
  // A new token starts on its newest wave, not on the one the previous token of this tab chose
  // (the next coordinator at a shared desk would read another year's figures as theirs).
  state.wave = null;
  try {
    // Any valid token signs in: each view then shows what its rights let it read, and says
    // what they do not (a token without `stats` was refused at the door).
    state.me = await api('/v1/cockpit/me');
  } catch (error) {
    sessionStorage.removeItem(TOKEN_KEY);
    // « Not recognised » only for what the collector did not recognise: a collector out of
    // reach, or failing, had a good token doubted and typed again.
    return renderSignIn(error instanceof ApiError && error.status === 401 ? tr('badToken') : failureText(error));
  }
  // One territory in reach: its own view is where its coordinator starts.
  const target = startHash();
  if (window.location.hash === target || !target) await render();
  else window.location.hash = target;
}

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  state.network = null;
  state.me = null;
  history.replaceState(null, '', window.location.pathname);
  render();
}

// ---------------------------------------------------------------------------------------
// Network

/**
 * The wave chooser of a view. A new wave draws the view again and gives the focus back to the
 * chooser: the browser changes a focused select at each arrow key, and with the focus sent to
 * the heading a keyboard user could only ever move one wave away.
 */
function waveField(waves, current) {
  if (!waves.length) return h('p', {}, tr('waveNone'));
  const select = h('select', { id: 'wave', on: { change: async (e) => {
    state.wave = e.target.value;
    await render();
    document.getElementById('wave')?.focus();
  } } }, waves.map((w) => h('option', { value: w, selected: w === current }, w)));
  return h('div', { class: 'field' }, h('label', { for: 'wave' }, tr('wave')), select);
}

const COLUMNS = [
  { key: 'territory', label: 'colTerritory', value: (r) => territoryName(r.territory).toLowerCase() },
  { key: 'responses', label: 'colResponses', value: (r) => r.responses, num: true },
  { key: 'target', label: 'colTarget', value: (r) => r.target ?? -1, num: true },
  { key: 'progress', label: 'colProgress', value: (r) => r.progress ?? -1, num: true },
  { key: 'lastResponse', label: 'colLast', value: (r) => r.lastResponse ?? '' },
  { key: 'paper', label: 'colPaper', value: (r) => r.paper, num: true },
  // Sorted by how many, but its cells are words: its heading sits over them, on the left.
  { key: 'missing', label: 'colMissing', value: (r) => r.sectorsMissing.length, num: true, words: true },
];

/**
 * The network table's sectors to chase. Without an expected distribution the collector only
 * knows the sectors with no response: said as such, and "none" never stands for "not known".
 */
function sectorsCell(row, labels) {
  const names = row.sectorsMissing.map((code) => localized(labels.get(code)) || code).join(', ');
  if (row.sectorBasis === 'expected') return names || tr('noneMissing');
  return names ? tr('withoutResponse', { sectors: names }) : tr('noExpectedShort');
}

/** The network view; drawn only while `mine` is the drawing asked last. */
async function renderNetwork(mine) {
  const network = await api(`/v1/cockpit/network${state.wave ? `?wave=${encodeURIComponent(state.wave)}` : ''}`);
  const labels = await sectorLabelsFor(network);
  // The network's own results, published by a token of scope « all » that may publish.
  const whole = { territory: NETWORK, wave: network.wave, waves: network.waves, questionnaire: network.questionnaire };
  const publication = await publicationOf(whole);
  if (mine !== drawing) return;
  state.network = network;
  state.wave = network.wave;
  const table = h('table', { id: 'network-table' });
  const drawTable = () => {
    const column = COLUMNS.find((c) => c.key === state.sort.key) ?? COLUMNS[0];
    const rows = [...network.territories].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return state.sort.descending ? -order : order;
    });
    table.replaceChildren(
      h('caption', {}, `${tr('networkTitle')} — ${network.wave ?? tr('noWave')}`),
      h('thead', {}, h('tr', {}, COLUMNS.map((c) => h('th', {
        scope: 'col', class: c.num && !c.words ? 'num' : null,
        'aria-sort': state.sort.key === c.key ? (state.sort.descending ? 'descending' : 'ascending') : null,
      }, h('button', {
        type: 'button', 'data-sort': c.key,
        on: { click: () => { state.sort = { key: c.key, descending: state.sort.key === c.key ? !state.sort.descending : c.num === true }; drawTable(); table.querySelector(`[data-sort="${c.key}"]`).focus(); } },
      }, tr(c.label)))))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-territory': territoryParam(r.territory) },
        h('th', { scope: 'row' }, h('a', { href: `#territoire=${territoryParam(r.territory)}` }, territoryName(r.territory))),
        h('td', { class: 'num', 'data-figure': 'responses' }, num(r.responses)),
        h('td', { class: 'num' }, r.target === null ? tr('noTarget') : num(r.target)),
        h('td', { class: 'num' }, r.progress === null ? tr('none') : pct(r.progress)),
        h('td', {}, when(r.lastResponse)),
        h('td', { class: 'num' }, num(r.paper)),
        h('td', { 'data-figure': 'missing' }, sectorsCell(r, labels))))));
  };
  drawTable();
  show(tr('networkTitle'),
    rightsNote(),
    waveField(network.waves, network.wave),
    // The distinct total: summing the rows would count an EPCI's communes twice.
    network.wave === null ? null : h('p', { id: 'network-total' }, tr('networkTotal', { wave: network.wave, n: num(network.responses) })),
    tableWrap(tr('networkTitle'), table),
    // The whole scope in one file: a national token exported one territory at a time.
    exportField({ questionnaire: network.questionnaire, wave: network.wave, territory: null }),
    publicationField(whole, publication));
}

/** Sector labels, read from a territory view (the network view gives codes only). */
const labelCache = new Map();
async function sectorLabelsFor(network) {
  const first = network.territories[0];
  if (!first) return new Map();
  const key = `${territoryParam(first.territory)}|${network.wave}`;
  if (!labelCache.has(key)) {
    const view = await api(`/v1/cockpit/territory?territory=${encodeURIComponent(territoryParam(first.territory))}${network.wave ? `&wave=${encodeURIComponent(network.wave)}` : ''}`);
    labelCache.set(key, new Map(view.sectors.lines.map((l) => [l.code, l.label])));
  }
  return labelCache.get(key);
}

// ---------------------------------------------------------------------------------------
// Territory

function figure(label, value, name) {
  return h('div', {}, h('dt', {}, label), h('dd', { 'data-figure': name }, value));
}

function shareTable(caption, headers, rows) {
  return tableWrap(caption, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: i ? 'num' : null }, x)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => (i ? h('td', { class: 'num' }, c) : h('th', { scope: 'row' }, c))))))));
}

/**
 * A sector to chase, with what it has of its quota: the list goes furthest behind first, by
 * share of quota, so « 8 missing » came before « 26 missing » with nothing to say why.
 */
function chaseLine(line, sector) {
  const vars = { sector, n: num(line.missing), count: num(line.count), quota: num(line.count + line.missing) };
  return tr(line.missing === 1 ? 'chaseLineOne' : 'chaseLine', vars);
}

/** A territory's view; drawn only while `mine` is the drawing asked last. */
async function renderTerritory(param, mine) {
  const query = `territory=${encodeURIComponent(param)}${state.wave ? `&wave=${encodeURIComponent(state.wave)}` : ''}`;
  let view;
  try {
    view = await api(`/v1/cockpit/territory?${query}`);
  } catch (error) {
    // A wave chosen on the network may not exist here: the territory's newest then.
    if (!(error instanceof ApiError) || error.status !== 400 || !state.wave) throw error;
    view = await api(`/v1/cockpit/territory?territory=${encodeURIComponent(param)}`);
  }
  // The warnings read every response of the wave, as an export does: while the collector runs
  // its most exports at once (429 exports-busy), the rest of the view still loads and this part says why.
  const warnings = await api(`/v1/cockpit/warnings?territory=${encodeURIComponent(param)}${view.wave ? `&wave=${encodeURIComponent(view.wave)}` : ''}`)
    .catch((error) => { if (error instanceof ApiError && error.code === 'exports-busy') return { busy: error.detail }; throw error; });
  const publication = await publicationOf(view);
  if (mine !== drawing) return;
  const name = territoryName(view.territory);
  const sectors = view.sectors;
  const withExpected = sectors.basis === 'expected';
  const label = (l) => localized(l.label) || l.code;
  const chase = sectors.chase.map((code) => sectors.lines.find((l) => l.code === code)).filter(Boolean);
  // What « missing » counts: up to the sector's share of the target (of the responses so far
  // once they reach it, or without one). A sector ahead still lacks some: said in the heading
  // and under the table, or a coordinator chases a sector that is not behind.
  const missingKey = view.target !== null && view.target > sectors.answered ? 'missingToTarget' : 'missingToShare';
  const content = [
    rightsNote(),
    waveField(view.waves, view.wave),
    h('dl', { class: 'figures' },
      figure(tr('responses'), num(view.responses), 'responses'),
      figure(tr('target'), view.target === null ? tr('noTarget') : num(view.target), 'target'),
      figure(tr('progress'), view.progress === null ? tr('none') : pct(view.progress), 'progress'),
      figure(tr('lastResponse'), when(view.lastResponse), 'last'),
      figure(tr('paper'), num(view.paper.keyedIn), 'paper'),
      figure(tr('completion'), tr('completionUnknown'), 'completion')),
    h('p', { class: 'note' }, localized(view.completion.reason)),
    view.paper.entry ? h('p', {}, h('a', { href: view.paper.entry, id: 'paper-entry' }, tr('paperEntry'))) : null,
    may('read') ? h('p', {}, h('a', { href: `#doublons=${territoryParam(view.territory)}` }, tr('duplicatesTitle'))) : null,
    exportField(view),
    publicationField(view, publication),

    h('h2', { id: 'chase-title' }, tr('chase')),
    withExpected
      ? (chase.length
        ? [h('p', { id: 'chase-intro' }, tr('chaseIntro')),
          h('ol', { id: 'chase', 'aria-labelledby': 'chase-title', 'aria-describedby': 'chase-intro' }, chase.map((l) => h('li', { 'data-code': l.code }, chaseLine(l, label(l)))))]
        : h('p', {}, tr('chaseNone')))
      // "These sectors have no response:" over an empty list reads as a page that failed.
      : chase.length ? [h('p', {}, tr('chaseNoExpected')), h('ul', { id: 'chase' }, chase.map((l) => h('li', { 'data-code': l.code }, label(l))))]
        : h('p', { id: 'chase-none' }, tr('chaseNoExpectedNone')),
    h('p', { class: 'note', id: 'expected-source' }, withExpected ? tr('expectedFrom', { source: sectors.expectedSource ?? '' }) : tr('noExpected')),
    view.registerNote ? h('p', { class: 'note', id: 'register-note' }, localized(view.registerNote)) : null,

    h('h2', {}, tr('sectors')),
    // The dotted frames are named in sight, not only in the chart's title (RGAA 3.1).
    h('figure', {}, withExpected ? h('figcaption', { class: 'note', id: 'sectors-key' }, tr('sectorsChart')) : null, barChart({
      title: withExpected ? tr('sectorsChart') : tr('sectorsChartNoExpected'), format: pct,
      rows: sectors.lines.map((l) => ({ label: label(l), value: l.share, ...(withExpected ? { expected: l.expected.share } : {}) })),
    })),
    tableWrap(tr('sectors'), h('table', { id: 'sectors-table', 'aria-describedby': withExpected ? 'missing-note' : null },
      h('caption', {}, tr('sectors')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, tr('sector')), h('th', { scope: 'col', class: 'num' }, tr('responses')), h('th', { scope: 'col', class: 'num' }, tr('share')),
        withExpected ? [h('th', { scope: 'col', class: 'num' }, tr('expectedShare')), h('th', { scope: 'col', class: 'num' }, tr('gap')), h('th', { scope: 'col', class: 'num', id: 'missing-heading' }, tr(missingKey))] : null)),
      h('tbody', {}, sectors.lines.map((l) => h('tr', { 'data-code': l.code },
        h('th', { scope: 'row' }, label(l)),
        h('td', { class: 'num', 'data-figure': 'count' }, num(l.count)),
        h('td', { class: 'num' }, pct(l.share)),
        withExpected ? [h('td', { class: 'num' }, pct(l.expected.share)), h('td', { class: 'num', 'data-figure': 'gap' }, points(l.gap * 100)), h('td', { class: 'num', 'data-figure': 'missing' }, num(l.missing))] : null))))),
    withExpected ? h('p', { class: 'note', id: 'missing-note' }, tr(missingKey === 'missingToTarget' ? 'missingNoteTarget' : 'missingNoteShare')) : null,

    h('h2', {}, tr('daily')),
    h('figure', {}, lineChart({ title: tr('daily'), points: view.daily.map((d) => ({ label: day(d.date), value: d.cumulative })) })),
    shareTable(tr('daily'), [tr('day'), tr('ofDay'), tr('cumulative')], view.daily.map((d) => [day(d.date), num(d.count), num(d.cumulative)])),

    h('h2', {}, tr('byChannel')),
    h('figure', {}, barChart({ title: tr('byChannel'), format: pct, rows: view.byChannel.map((c) => ({ label: channelName(c.code), value: c.share })) })),
    shareTable(tr('byChannel'), [tr('channel'), tr('responses'), tr('share')], view.byChannel.map((c) => [channelName(c.code), num(c.count), pct(c.share)])),

    h('h2', {}, tr('bySource')),
    h('figure', {}, barChart({ title: tr('bySource'), format: pct, rows: view.bySource.map((c) => ({ label: c.code ?? tr('noSource'), value: c.share })) })),
    shareTable(tr('bySource'), [tr('source'), tr('responses'), tr('share')], view.bySource.map((c) => [c.code ?? tr('noSource'), num(c.count), pct(c.share)])),

    ...warningsSection(warnings),
  ];
  state.wave = view.wave;
  show(tr('territoryTitle', { name }), ...content);
}

/**
 * The responses of the wave shown, of the territory of `view` (or, without one, of the token's
 * whole scope: the network view), as a file (`export` right), and the codebook that reads the
 * CSV's codes (the workbook holds its own sheet; a CSV came without one): the collector's
 * export asks the token in a header, which a link cannot send, so the file is fetched and
 * handed to the browser. Before, the cockpit offered no export at all: a coordinator was sent
 * to curl. What the file leaves out (personal answers, without export-personal) is said.
 */
function exportField(view) {
  if (!may('export') || !view.questionnaire || view.wave === null) return null;
  const done = h('p', { id: 'export-done', class: 'done' });
  // Without a territory (the network view), the collector exports the token's whole scope.
  const query = new URLSearchParams({ questionnaire: view.questionnaire, ...(view.territory ? { territory: territoryParam(view.territory) } : {}), wave: view.wave, locale: state.lang });
  // The CSV as a spreadsheet of the page's language opens it: French Excel splits on « ; »
  // (with commas, every column landed in the first).
  const csvQuery = new URLSearchParams({ ...Object.fromEntries(query), separator: tr('csvSeparator') });
  const button = (format, words) => h('button', { type: 'button', 'data-export': format, on: { click: async () => {
    done.textContent = '';
    done.removeAttribute('role');
    try {
      const response = await request(format === 'codebook' ? `/v1/exports/codebook.csv?${csvQuery}` : `/v1/exports/responses.${format}?${format === 'csv' ? csvQuery : query}`);
      const file = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `olva.${format}`;
      const href = URL.createObjectURL(await response.blob());
      const link = h('a', { href, download: file, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has the file once the click is handled; the next task may let it go.
      setTimeout(() => URL.revokeObjectURL(href), 0);
      // What the file holds of personal answers: left out (said why), or in it (said to keep it safe).
      const personal = format === 'codebook' ? '' : (response.headers.get('olva-personal-data') ?? '').split(';')[0];
      done.textContent = tr({ 'left-out': 'exportDoneLeftOut', included: 'exportDoneIncluded' }[personal] ?? 'exportDone', { file });
    } catch (error) {
      done.setAttribute('role', 'alert');
      done.textContent = failureText(error);
      return;
    }
    announce(done.textContent);
  } } }, words);
  return [
    h('h2', { id: 'export-title' }, tr('exportTitle')),
    h('p', { id: 'export-intro' }, view.territory ? tr('exportIntro', { name: territoryName(view.territory), wave: view.wave }) : tr('exportIntroScope', { wave: view.wave })),
    h('div', { class: 'actions', role: 'group', 'aria-labelledby': 'export-title', 'aria-describedby': 'export-intro' }, button('xlsx', tr('exportXlsx')), ' ', button('csv', tr('exportCsv')), ' ', button('codebook', tr('exportCodebook'))),
    done,
  ];
}

/**
 * True when the token may publish the results of the territory of `view`: the `publish` right
 * and a scope that names that very territory (the collector's rule: publication is the
 * territory's decision, neither an enclosing territory's nor the network's); the network's own
 * results (`network:all`), a scope of « all »: the national network's decision.
 */
function publishes(view) {
  const scope = state.me?.territories;
  if (!may('publish') || view.wave === null) return false;
  if (isNetwork(view.territory)) return scope === 'all';
  return Array.isArray(scope) && scope.some((t) => t.level === view.territory.level && t.code === view.territory.code);
}

/** The publication state of `view`'s territory and wave, read only by a token that may publish it; a refusal leaves the rest of the view (null). */
function publicationOf(view) {
  if (!publishes(view)) return null;
  return api(publicationPath(view)).catch((error) => { if (error instanceof ApiError && error.status === 401) throw error; return null; });
}

/** `…/publication` of the territory and wave of `view`. */
function publicationPath(view) {
  return `/v1/results/${encodeURIComponent(territoryParam(view.territory))}/${encodeURIComponent(view.wave)}/publication`;
}

/**
 * Publishing the wave's results (key figures, report, results page, `<olva-results>`), with
 * the previous wave beside them when the territory has one, and withdrawing them: a
 * coordinator without a terminal was sent to `curl -X PUT` with the token. The collector
 * says why it refuses (a group too small beside a nested territory's publication). `n`: the
 * section's place in a view of several (its ids end in `-2`, `-3`…), under `heading`.
 */
function publicationField(view, publication, n = 0, heading = tr('publicationTitle')) {
  if (!publication) return null;
  const at = view.waves.indexOf(view.wave);
  const previous = at < 0 ? null : view.waves[at + 1] ?? null;
  const name = territoryName(view.territory);
  const id = (base) => (n ? `${base}-${n + 1}` : base);
  const done = h('p', { id: id('publication-done'), class: 'done' });
  const last = publication.history?.at(-1);
  const act = (method, query, doneKey) => async () => {
    done.textContent = '';
    done.removeAttribute('role');
    try {
      const answer = await api(`${publicationPath(view)}${query}`, { method });
      await render();
      const again = document.getElementById(id('publication-done'));
      if (!again) return;
      again.textContent = tr(doneKey, { n: num(answer.responses ?? 0) });
      announce(again.textContent);
      document.getElementById(id('publish'))?.focus();
    } catch (error) {
      done.setAttribute('role', 'alert');
      done.textContent = failureText(error);
    }
  };
  const query = `?${new URLSearchParams({ questionnaire: view.questionnaire ?? 'olva-core', ...(previous ? { previousWave: previous } : {}) })}`;
  return [
    h('h2', { id: id('publication-title') }, heading),
    h('p', { id: id('publication-intro') }, tr(previous ? 'publicationIntroPrevious' : 'publicationIntro', { name, wave: view.wave, previous: previous ?? '' }),
      // What the network's figures are, and why it may be refused: every territory's publication is checked beside it.
      isNetwork(view.territory) ? ` ${tr('publicationNetwork')}` : null),
    h('p', { id: id('publication-state') }, publication.published
      ? [tr('publishedState', { when: when(last?.at), by: last?.by ?? '', n: num(last?.responses ?? 0) }), ' ', h('a', { href: publication.url, id: id('publication-url') }, publication.url)]
      : tr('unpublishedState')),
    h('div', { class: 'actions', role: 'group', 'aria-labelledby': id('publication-title'), 'aria-describedby': id('publication-intro') },
      h('button', { type: 'button', id: id('publish'), on: { click: act('PUT', query, 'publishedDone') } }, tr(publication.published ? 'publishAgain' : 'publish')),
      publication.published ? [' ', h('button', { type: 'button', id: id('withdraw'), on: { click: act('DELETE', '', 'withdrawnDone') } }, tr('withdraw'))] : null),
    done,
  ];
}

/** Waves newest first, as the collector lists them. */
const newestFirst = (waves) => [...new Set(waves)].sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));

/**
 * The publications of a token that may publish without reading the figures (a mairie's
 * communication officer): each territory its scope names, or the network's own results for a
 * scope of « all », read from `GET /v1/cockpit/publications` (their waves, no figure), one
 * wave for all of them; drawn only while `mine` is the drawing asked last. Such a token was
 * told the cockpit had nothing for it, and published with curl.
 */
async function renderPublications(mine) {
  const ask = async (wave) => (await api(`/v1/cockpit/publications${wave ? `?wave=${encodeURIComponent(wave)}` : ''}`)).publications;
  let publications = await ask(state.wave);
  const waves = newestFirst(publications.flatMap((p) => p.waves));
  // The wave chosen (elsewhere too), if it has responses in reach, else the newest of them
  // all: each territory is shown that one wave, as the chooser says, not its own newest.
  const wave = waves.includes(state.wave) ? state.wave : waves[0] ?? null;
  if (wave !== null && publications.some((p) => p.wave !== wave)) publications = await ask(wave);
  const states = await Promise.all(publications.map(publicationOf));
  if (mine !== drawing) return;
  state.wave = wave;
  show(tr('publicationTitle'),
    rightsNote(),
    waveField(waves, wave),
    publications.map((p, i) => publicationField(p, states[i], i, isNetwork(p.territory) ? tr('networkHeading') : territoryName(p.territory))));
}

/**
 * The responses whose respondent confirmed a coherence warning, each with its answers on
 * demand, in a row right under its own: below the table, the answers of the first of 59 rows
 * opened thousands of pixels away, and a coordinator saw only the button change.
 */
function warningsSection(warnings) {
  if (warnings.busy !== undefined) {
    return [h('h2', { id: 'warnings-title' }, tr('warningsTitle')),
      h('p', { id: 'warnings-busy', role: 'status' }, tr('warningsBusy'), warnings.busy ? ` ${tr('because', { detail: warnings.busy })}` : '')];
  }
  const rows = warnings.listed.flatMap((w, i) => {
    // The association's name (export-personal), else its number in the list: an identifier
    // told the coordinator nothing. Hidden is said as hidden, never as unanswered.
    const name = w.name || tr(warnings.personal === 'left-out' ? 'memberMasked' : 'memberUnnamed', { n: i + 1 });
    const labels = { show: tr('see'), hide: tr('hide'), showLabel: tr('seeLabel', { name, at: when(w.receivedAt) }), hideLabel: tr('hideLabel', { name, at: when(w.receivedAt) }) };
    const region = h('div', { id: `warning-${i + 1}-response` });
    const answers = h('tr', { class: 'answers', hidden: true }, h('td', { colspan: 5 }, region));
    return [h('tr', { 'data-submission': w.submissionId },
      h('th', { scope: 'row' }, name),
      h('td', {}, when(w.receivedAt)),
      h('td', {}, channelName(w.channel)),
      // The page's separator: « ; » in French, "; " in English.
      h('td', {}, w.checks.map((c) => localized(c.message)).join(tr('itemSeparator'))),
      // The answers are the response itself: the `read` right (the rights note says so).
      !may('read') ? null : h('td', {}, disclosure(labels, region, () => [{ submissionId: w.submissionId, title: tr('responseOf', { at: when(w.receivedAt) }) }], tr('warningsTitle'),
        new Set(w.checks.flatMap((c) => c.questions)), (open) => { answers.hidden = !open; }))),
    may('read') ? answers : null];
  });
  return [
    h('h2', { id: 'warnings-title' }, tr('warningsTitle')),
    ...(warnings.total === 0 ? [h('p', { id: 'warnings-none' }, tr('warningsNone'))] : [
      h('p', { class: 'note' }, tr('warningsNote', { n: num(warnings.total) })),
      tableWrap(tr('warningsTitle'), h('table', { id: 'warnings-table' },
        h('caption', {}, tr('warningsTitle')),
        h('thead', {}, h('tr', {}, ['logResponse', 'colReceived', 'channel', 'warningChecks', may('read') ? 'colActions' : null].filter(Boolean).map((k) => h('th', { scope: 'col' }, tr(k))))),
        h('tbody', {}, rows))),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------
// Duplicates

/** The duplicates of `param` (or of the whole scope), drawn only while `mine` is the drawing asked last: true when drawn. */
async function renderDuplicates(param, mine) {
  const ask = (wave) => api(`/v1/cockpit/duplicates?${new URLSearchParams({ ...(param ? { territory: param } : {}), ...(wave ? { wave } : {}) })}`);
  // The wave the other views show (the newest unless one was chosen): with every wave in one
  // list, a coordinator could resolve last year's group by mistake.
  let list = await ask(state.wave);
  // A wave chosen elsewhere with no response here: this scope's newest.
  if (state.wave && list.waves.length && !list.waves.includes(list.wave)) list = await ask(null);
  // The decisions of the territory shown (and those inside it), not of the token's whole scope.
  const log = await api(`/v1/cockpit/duplicates/log?${new URLSearchParams({ ...(param ? { territory: param } : {}), ...(list.wave ? { wave: list.wave } : {}) })}`);
  if (mine !== drawing) return false;
  if (list.wave) state.wave = list.wave;
  // Keeping and restoring need the export right: a token without it is told so once, rather
  // than shown buttons the collector would refuse.
  const mayDecide = may('export');
  // The fields a token without export-personal does not get: said as hidden, never as unanswered.
  const masked = new Set(list.personal === 'left-out' ? list.personalLeftOut : []);
  const field = (m, key, shown) => (m[key] ? shown : tr(masked.has(key) ? 'masked' : 'none'));
  const nameOf = (m, n) => m.name || tr(masked.has('name') ? 'memberMasked' : 'memberUnnamed', { n });
  /**
   * Which response a button acts on, in words: its number in the group (two submissions of one
   * form can share name, minute and channel), name when shown, reception and channel.
   */
  const who = (m, n) => tr(m.name ? 'whoNamed' : 'whoNumbered', { n, name: m.name, at: when(m.receivedAt), channel: channelName(m.channel) });
  const groups = list.groups.map((g, i) => {
    const live = g.members.filter((m) => !m.excluded);
    // One button, wherever the coordinator reads: the group's table or the responses side by side.
    const decision = (m, n) => {
      if (!mayDecide) return null;
      if (m.excluded) return h('button', { type: 'button', 'data-action': 'restore', 'aria-label': tr('restoreLabel', { who: who(m, n) }), on: { click: () => restore(m.submissionId, param) } }, tr('restore'));
      return live.length > 1
        ? h('button', { type: 'button', 'data-action': 'keep', 'aria-label': tr('keepLabel', { who: who(m, n) }), on: { click: () => keep(m.submissionId, live, param) } }, tr('keep'))
        : null;
    };
    const preview = h('div', { id: `group-${i + 1}-responses` });
    const columns = () => g.members.map((m, j) => ({
      submissionId: m.submissionId,
      title: `${nameOf(m, j + 1)} — ${when(m.receivedAt)}${m.excluded ? ` (${tr('excludedShort')})` : ''}`,
      action: () => decision(m, j + 1),
    }));
    const labels = { show: tr('compare'), hide: tr('compareHide'), showLabel: tr('compareLabel', { n: i + 1 }), hideLabel: tr('compareHideLabel', { n: i + 1 }) };
    return h('section', { class: 'group', 'aria-labelledby': `group-${i + 1}` },
      h('h2', { id: `group-${i + 1}` }, `${tr('group', { n: i + 1 })} (${g.reasons.map((r) => tr(r === 'rna' ? 'reasonRna' : 'reasonName')).join(', ')})`),
      // Its wave and territory: a network's list mixes territories, and the wave says which
      // one is decided (resolving last year's group by mistake changes published results).
      h('p', { class: 'note', 'data-figure': 'where' }, tr('groupWhere', { wave: g.members[0].wave, territories: [...new Set(g.members.map((m) => territoryName(m.territory)))].join(', ') })),
      tableWrap(tr('group', { n: i + 1 }), h('table', {},
        h('thead', {}, h('tr', {}, ['colName', 'colRna', 'colCommune', 'colReceived', 'channel', 'colState', mayDecide ? 'colActions' : null].filter(Boolean).map((k) => h('th', { scope: 'col' }, tr(k))))),
        h('tbody', {}, g.members.map((m, j) => h('tr', { 'data-submission': m.submissionId, class: m.excluded ? 'excluded' : null },
          h('th', { scope: 'row' }, nameOf(m, j + 1)),
          h('td', {}, field(m, 'rna', m.rna)),
          h('td', {}, field(m, 'commune', m.communeName ? `${m.communeName} (${m.commune})` : m.commune)),
          h('td', {}, when(m.receivedAt)),
          h('td', {}, channelName(m.channel)),
          h('td', { 'data-figure': 'state' }, m.excluded ? tr('excludedBy', { by: m.excluded.by, at: when(m.excluded.at) }) : live.length === 1 ? tr('kept') : tr('none')),
          mayDecide ? h('td', {}, decision(m, j + 1)) : null))))),
      h('p', {}, disclosure(labels, preview, columns, tr('group', { n: i + 1 }))),
      preview);
  });
  const fieldWords = { name: 'fieldName', rna: 'fieldRna', commune: 'fieldCommune' };
  const personalNote = masked.size && list.groups.length
    ? h('p', { id: 'personal-note', class: 'note' }, tr('personalMasked', { fields: [...masked].map((f) => tr(fieldWords[f] ?? f)).join(', ') }))
    : null;
  // A decision's response as its group shows it (« Doublon probable 1 : Réponse 2 (nom
  // masqué) »): its identifier alone told the coordinator nothing. Outside the groups listed
  // (another territory of the scope), the identifier.
  const members = new Map(list.groups.flatMap((g, i) => g.members.map((m, j) => [m.submissionId, tr('logMember', { group: tr('group', { n: i + 1 }), who: nameOf(m, j + 1) })])));
  const logTable = log.events.length
    ? tableWrap(tr('log'), h('table', { id: 'log-table' },
      h('caption', {}, tr('log')),
      h('thead', {}, h('tr', {}, ['logWhen', 'logAction', 'logResponse', 'logWho'].map((k) => h('th', { scope: 'col' }, tr(k))))),
      h('tbody', {}, log.events.map((e) => h('tr', {}, h('td', {}, when(e.at)), h('td', {}, tr(e.action === 'exclude' ? 'actionExclude' : 'actionRestore')), h('td', { 'data-submission': e.submissionId }, members.get(e.submissionId) ?? e.submissionId), h('td', {}, e.by))))))
    : h('p', {}, tr('logEmpty'));
  // The territory by the name the collector gives it, however the view was opened (names kept
  // from the views seen before left a national token's link or reload with a bare code).
  show(`${tr('duplicatesTitle')}${list.territories.length ? ` — ${list.territories.map(territoryName).join(', ')}` : ''}`,
    rightsNote(),
    waveField(list.waves, list.wave),
    list.groups.length ? h('p', { id: 'resolved' }, tr('resolved', { n: list.resolved, total: list.groups.length })) : h('p', { id: 'duplicates-none' }, list.wave ? tr('duplicatesNoneWave', { wave: list.wave }) : tr('duplicatesNone')),
    personalNote,
    !mayDecide && list.groups.length ? h('p', { id: 'decide-note', class: 'note' }, tr('cannotDecide')) : null,
    ...groups,
    h('h2', {}, tr('log')), logTable);
  return true;
}

// ---------------------------------------------------------------------------------------
// Responses in words (GET /v1/cockpit/responses/{id}), side by side

/**
 * A disclosure button: shows the responses `columns()` names in `region`, or hides them;
 * `toggled(open)` is told which (a warning's row of answers is shown only while open).
 */
function disclosure(labels, region, columns, caption, warned = new Set(), toggled = () => {}) {
  const button = h('button', { type: 'button', 'aria-expanded': 'false', 'aria-controls': region.id, 'aria-label': labels.showLabel, 'data-action': 'see' }, labels.show);
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? labels.hideLabel : labels.showLabel);
    button.textContent = open ? labels.hide : labels.show;
    toggled(open);
  };
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-expanded') === 'true') {
      region.replaceChildren();
      set(false);
      return;
    }
    try {
      const list = columns();
      const docs = await Promise.all(list.map((c) => api(`/v1/cockpit/responses/${encodeURIComponent(c.submissionId)}`)));
      region.replaceChildren(...responsesView(caption, list, docs, warned));
      set(true);
      // The focus stays on the button: the count of differences is said without moving it.
      const summary = region.querySelector('.diff-summary');
      if (summary) announce(summary.textContent);
    } catch (error) {
      showError(error);
    }
  });
  return button;
}

/** A choice in words: "Sport", "Autre : Pétanque", a scale's "3 – Plutôt d’accord". */
function choiceWords(choice, type) {
  const label = localized(choice.label) || choice.code;
  if (choice.text !== undefined) return tr('pair', { label, text: choice.text });
  return type === 'scale' ? `${choice.code} – ${label}` : label;
}

/**
 * An answer's words as cell content: text, or a list when it has several parts. `differing`
 * (comparing a matrix) holds the codes of its rows answered differently: each row is then
 * marked in words, as the question is.
 */
function answerContent(answer, differing = null) {
  const w = answer.words;
  const list = (items) => (items.length === 1 ? items[0] : h('ul', {}, items.map((x) => h('li', {}, x))));
  switch (w.kind) {
    case 'choices': return list(w.choices.map((c) => choiceWords(c, answer.type)));
    case 'boolean': return tr(w.value ? 'yes' : 'no');
    case 'number': return w.unit ? `${num(w.value)}\u00a0${localized(w.unit)}` : num(w.value);
    case 'commune': return w.name ? `${w.name} (${w.code})` : w.code;
    case 'matrix': {
      const words = (r) => tr('pair', { label: localized(r.label) || r.code, text: localized(r.choice.label) || r.choice.code });
      if (!differing) return list(w.rows.map(words));
      return h('ul', {}, w.rows.map((r) => {
        const differs = differing.has(r.code);
        return h('li', { class: differs ? 'differs' : null, 'data-differs': String(differs), 'data-row': r.code },
          words(r), differs ? [' ', h('span', { class: 'tag' }, tr('differs'))] : null);
      }));
    }
    default: return w.text;
  }
}

/** The rows of a matrix question answered differently among `answers` (one per response; undefined when unanswered). */
function matrixDifferences(answers) {
  const values = answers.map((a) => (a?.value && typeof a.value === 'object' && !Array.isArray(a.value) ? a.value : {}));
  const codes = new Set(values.flatMap((v) => Object.keys(v)));
  return new Set([...codes].filter((code) => new Set(values.map((v) => canonical(v[code]))).size > 1));
}

/** The same JSON for the same answer, whatever the order of a multiple choice or a matrix's keys. */
function canonical(value) {
  if (Array.isArray(value)) return JSON.stringify([...value].map(canonical).sort());
  if (value && typeof value === 'object') return JSON.stringify(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return JSON.stringify(value ?? null);
}

/**
 * The responses `docs` side by side: one column each, one row per question answered in any
 * of them, grouped by section, in the questionnaire's order; with two responses or more, the
 * rows where they differ are marked in words (not by colour alone), and within a matrix the
 * rows answered differently, and can be shown alone. The questions of `warned` (those of a
 * confirmed coherence warning) are marked too. A column's `action()` (a button) goes under
 * its heading.
 */
function responsesView(caption, columns, docs, warned) {
  const compare = docs.length > 1;
  const actions = columns.map((c) => c.action?.() ?? null);
  const sections = new Map();
  for (const doc of docs) {
    for (const section of doc.sections) {
      if (!sections.has(section.id)) sections.set(section.id, { title: section.title, questions: new Map() });
      const questions = sections.get(section.id).questions;
      for (const a of section.answers) if (!questions.has(a.question)) questions.set(a.question, a);
    }
  }
  const answerIn = (doc, sectionId, question) => doc.sections.find((s) => s.id === sectionId)?.answers.find((a) => a.question === question);
  let differing = 0;
  let total = 0;
  const row = (label, cells, keys, question = null) => {
    const differs = compare && new Set(keys).size > 1;
    if (differs) differing += 1;
    total += 1;
    return h('tr', { class: differs ? 'differs' : null, 'data-differs': compare ? String(differs) : null, 'data-question': question },
      h('th', { scope: 'row' }, label, differs ? [' ', h('span', { class: 'tag' }, tr('differs'))] : null,
        warned.has(question) ? [' ', h('span', { class: 'tag' }, tr('warned'))] : null),
      cells.map((c) => h('td', {}, c ?? h('span', { class: 'unanswered' }, tr('notAnswered')))));
  };
  const group = (title, rows, about = false) => h('tbody', { class: about ? 'about' : null }, h('tr', {}, h('th', { scope: 'rowgroup', colspan: docs.length + 1, class: 'section' }, title)), rows);
  const meta = [
    ['territory', (d) => territoryName(d.territory)],
    ['channel', (d) => channelName(d.channel)],
    ['source', (d) => d.source ?? tr('noSource')],
    ['submittedAt', (d) => when(d.submittedAt)],
    ['version', (d) => `${d.questionnaire.id} ${d.questionnaire.version}${d.extension ? ` + ${d.extension.id} ${d.extension.version}` : ''}`],
  ];
  const metaRows = meta.map(([key, read]) => row(tr(key), docs.map(read), docs.map(read)));
  const bodies = [...sections.entries()].map(([id, s]) => group(localized(s.title), [...s.questions.values()].map((q) => {
    const answers = docs.map((d) => answerIn(d, id, q.question));
    const differingRows = compare && q.type === 'matrix' ? matrixDifferences(answers) : null;
    return row(`${q.number}. ${localized(q.label)}`, answers.map((a) => (a ? answerContent(a, differingRows) : null)), answers.map((a) => (a ? JSON.stringify([canonical(a.value), a.other ?? null]) : 'none')), q.question);
  })));
  const answeredRows = total - metaRows.length;
  const answeredDiffering = differing - metaRows.filter((r) => r.classList.contains('differs')).length;
  const table = h('table', { class: 'responses' },
    h('caption', {}, tr('responsesCaption', { group: caption })),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, tr('question')), columns.map((c) => h('th', { scope: 'col' }, c.title))),
      // The decision under each response's heading (a row of its own, so that the column's
      // heading a screen reader repeats at each cell stays the response, not the button).
      actions.some(Boolean) ? h('tr', { class: 'actions' }, h('td', {}), actions.map((a) => h('td', {}, a))) : null),
    group(tr('aboutResponse'), metaRows, true),
    bodies);
  const leftOut = docs.find((d) => d.personal === 'left-out' && d.personalLeftOut.length);
  const checkId = uid('only-differing');
  const onlyDiffering = compare && answeredDiffering > 0 && answeredDiffering < answeredRows
    ? h('div', { class: 'field check' }, h('input', { type: 'checkbox', id: checkId, on: { change: (e) => table.classList.toggle('only-differing', e.target.checked) } }),
      h('label', { for: checkId }, tr('onlyDiffering')))
    : null;
  return [
    compare ? h('p', { class: 'diff-summary' }, answeredDiffering ? tr('differCount', { n: num(answeredDiffering), total: num(answeredRows) }) : tr('differNone', { total: num(answeredRows) })) : null,
    leftOut ? h('p', { class: 'note' }, tr('personalLeftOut', { questions: leftOut.personalLeftOut.map((q) => tr('quoted', { text: localized(q.label) })).join(tr('itemSeparator')) })) : null,
    onlyDiffering,
    tableWrap(tr('responsesCaption', { group: caption }), table),
  ].filter(Boolean);
}

/**
 * After a decision the view is drawn again, which puts the focus on its heading: a keyboard
 * user would then tab through every group to reach the one just decided. The focus goes to
 * the button that undoes the decision instead (or, restored, to the one that decides again).
 */
function focusAction(submissionId, action) {
  main.querySelector(`tr[data-submission="${CSS.escape(submissionId)}"] button[data-action="${action}"]`)?.focus();
}

/**
 * What a decision did, said to a screen reader (the status region) and written in sight under
 * the group decided, where the eyes are (the status region is not shown: at the top of the
 * page it was out of sight, fixed at the bottom it hid rows).
 */
function decisionDone(submissionId, message) {
  const group = main.querySelector(`tr[data-submission="${CSS.escape(submissionId)}"]`)?.closest('section.group');
  group?.querySelector(':scope > .table-wrap')?.after(h('p', { class: 'done', id: 'decision-done' }, message));
  announce(message);
}

async function keep(keptId, live, param) {
  const mine = ++drawing;
  try {
    let n = 0;
    let first = null;
    for (const m of live) {
      if (m.submissionId === keptId) continue;
      await api('/v1/cockpit/duplicates/exclude', { method: 'POST', body: JSON.stringify({ exclude: m.submissionId, keep: keptId }) });
      first ??= m.submissionId;
      n += 1;
    }
    if (!(await renderDuplicates(param, mine))) return;
    if (first) focusAction(first, 'restore');
    decisionDone(keptId, tr('keptDone', { n }));
  } catch (error) {
    if (mine === drawing) showError(error);
  }
}

async function restore(submissionId, param) {
  const mine = ++drawing;
  try {
    await api('/v1/cockpit/duplicates/restore', { method: 'POST', body: JSON.stringify({ submissionId }) });
    if (!(await renderDuplicates(param, mine))) return;
    focusAction(submissionId, 'keep');
    decisionDone(submissionId, tr('restoredDone'));
  } catch (error) {
    if (mine === drawing) showError(error);
  }
}

// ---------------------------------------------------------------------------------------

document.getElementById('lang').addEventListener('click', async (event) => {
  state.lang = state.lang === 'fr' ? 'en' : 'fr';
  sessionStorage.setItem(LANG_KEY, state.lang);
  await render();
  // The view is drawn again in the other language: the focus stays on the button pressed
  // (drawing sends it to the heading, which left a keyboard user away from the bar).
  event.target.focus();
});
window.addEventListener('hashchange', render);
render();
