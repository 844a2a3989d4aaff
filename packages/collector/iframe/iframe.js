// Builds the <olva-survey> of the iframe page from its query string, for sites that can only
// paste an <iframe>. Safe by construction: only known parameters are read, each is checked
// against what it may be, and it is set with setAttribute (text), never as HTML.
//
//   /iframe/?questionnaire=olva-core+rennes-2026&territory=commune:35238
//           &wave=2026&source=site-ville&lang=fr[&channel=kiosk&reset-after=20][&resume=1]
//           [&from=cockpit]
//
// `from=cockpit` (the cockpit's paper entry link): a link back to the territory's view of the
// wave in the collection cockpit, first on the page, for a coordinator keying in a pile of
// forms in the cockpit's tab.
//
// The page is served by the collector, on the collector's origin: it shows only the
// collector's own builds (`/questionnaires/<build id>/questionnaire.json`) and posts only to
// the same origin's `/v1/responses`. A questionnaire or an endpoint elsewhere is refused with
// a visible message and nothing is loaded: otherwise anyone could dress a form of their own
// (asking for an IBAN, say) in the collector's address and collect the answers themselves.
// The page's CSP (`connect-src 'self'`) says the same to the browser.
//
// The page also tells its parent its height (postMessage {type: 'olva-iframe-height', height}),
// for sites that can resize the iframe; ignoring it is fine (the iframe scrolls).

const params = new URLSearchParams(window.location.search);

/** The only endpoint the page posts to: the collector that serves it. */
const ENDPOINT = '/v1/responses';

/** A build id as `olva build` names its directories: one path segment, never `..` or a slash. */
const BUILD_ID = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,119}$/;

/** The address of an own build's questionnaire (the id's characters need no escaping). */
function ownQuestionnaire(buildId) {
  return `/questionnaires/${buildId}/questionnaire.json`;
}

/** A URL on this page's origin, as an absolute URL; null when elsewhere or not http(s). */
function sameOrigin(value) {
  try {
    const parsed = new URL(value, window.location.href);
    return parsed.origin === window.location.origin ? parsed : null;
  } catch {
    return null;
  }
}

/** The value when it matches `pattern` entirely, else null. */
function matching(value, pattern) {
  return value !== null && pattern.test(value) ? value : null;
}

const checks = {
  // `+` in a query string reads as a space: the build ids hold none, so it is given back.
  questionnaire: (v) => {
    const id = matching(v.replaceAll(' ', '+'), BUILD_ID);
    return id ? ownQuestionnaire(id) : null;
  },
  // The older form: still accepted for the collector's own builds and endpoint only.
  src: (v) => {
    const u = sameOrigin(v);
    const m = u && /^\/questionnaires\/([^/]+)\/questionnaire\.json$/.exec(u.pathname);
    const id = m && !u.search ? matching(m[1].replace(/%2B/gi, '+'), BUILD_ID) : null;
    return id ? ownQuestionnaire(id) : null;
  },
  endpoint: (v) => {
    const u = sameOrigin(v);
    return u && u.pathname === ENDPOINT && !u.search ? ENDPOINT : null;
  },
  territory: (v) => matching(v, /^(commune|epci|departement|region|custom):[A-Za-z0-9_.-]{1,40}$/),
  wave: (v) => matching(v, /^[A-Za-z0-9_.-]{1,40}$/),
  source: (v) => matching(v, /^[A-Za-z0-9_.-]{1,80}$/),
  lang: (v) => matching(v, /^(fr|en)$/),
  channel: (v) => matching(v, /^(web|kiosk|paper|phone)$/),
  'reset-after': (v) => matching(v, /^\d{1,4}$/),
};

const main = document.getElementById('survey');
const survey = document.createElement('olva-survey');
const refused = [];
for (const [name, check] of Object.entries(checks)) {
  const raw = params.get(name);
  if (raw === null) continue;
  const value = check(raw);
  if (value === null) refused.push(name);
  else survey.setAttribute(name === 'questionnaire' ? 'src' : name, value);
}
survey.setAttribute('endpoint', ENDPOINT);
if (params.get('resume') === '1') survey.setAttribute('resume', '');
const lang = survey.getAttribute('lang') ?? 'fr';
document.documentElement.lang = lang;
if (lang === 'en') {
  const title = 'Survey of the Local Observatory of Associative Life';
  document.getElementById('title').textContent = title;
  document.title = title;
}

/** The link back to the cockpit's view of the territory and wave (both checked above). */
function backToCockpit() {
  const territory = survey.getAttribute('territory');
  if (params.get('from') !== 'cockpit' || !territory) return null;
  const wave = survey.getAttribute('wave');
  const link = document.createElement('a');
  link.setAttribute('href', `/suivi/#territoire=${territory}${wave ? `&vague=${wave}` : ''}`);
  link.id = 'back-to-cockpit';
  link.textContent = lang === 'en' ? 'Back to the collection cockpit' : 'Retour au suivi de la collecte';
  const p = document.createElement('p');
  p.className = 'olva-iframe-back';
  p.append(link);
  return p;
}
const back = backToCockpit();
if (back) main.prepend(back);

/** Why nothing is shown, in French then English (the page's language is not known yet). */
function refusal() {
  const outside = refused.filter((name) => name === 'questionnaire' || name === 'src' || name === 'endpoint');
  if (outside.length) {
    return `Paramètres refusés : ${refused.join(', ')}. Cette page n’affiche que les questionnaires de ce collecteur (questionnaire=<identifiant de build>) et n’envoie les réponses qu’à lui. / `
      + `Refused parameters: ${refused.join(', ')}. This page only shows this collector's questionnaires (questionnaire=<build id>) and sends answers only to it.`;
  }
  if (refused.length) return `Paramètres refusés : ${refused.join(', ')}. / Refused parameters: ${refused.join(', ')}.`;
  return 'Paramètre « questionnaire » manquant : l’identifiant du build (par exemple olva-core+rennes-2026). / Missing "questionnaire" parameter: the build id (for example olva-core+rennes-2026).';
}

/** A visible error for the site's web team, as text, French then English. */
function alertText(text) {
  const error = document.createElement('p');
  error.className = 'olva-iframe-error';
  error.setAttribute('role', 'alert');
  error.textContent = text;
  return error;
}

if (!survey.hasAttribute('src') || refused.length) {
  main.append(alertText(refusal()));
} else if (!survey.hasAttribute('wave')) {
  // Said as a parameter of the address, the one thing a framing site can change; the form is
  // not drawn: it would add its own « ajoutez l'attribut wave », which the site cannot do, and
  // could not send a response without its wave anyway.
  main.append(alertText('Paramètre « wave » manquant dans l’adresse de l’iframe : ajoutez le millésime, par exemple &wave=2026. / '
    + 'Missing "wave" parameter in the iframe\'s address: add the wave, for example &wave=2026.'));
} else {
  main.append(survey);
  if (window.parent !== window) {
    // The height of the content itself: the document's scrollHeight never falls below the
    // frame's own height, so once the parent had grown the frame it could never shrink again
    // (a long page, then the short receipt, left thousands of blank pixels).
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: 'olva-iframe-height', height }, '*');
    };
    new ResizeObserver(report).observe(document.body);
  }
}
