// Builds the <olva-survey> of the iframe page from its query string, for sites that can only
// paste an <iframe>. Safe by construction: only known parameters are read, each is checked
// against what it may be, and it is set with setAttribute (text), never as HTML.
//
//   /iframe/?src=…/questionnaire.json&endpoint=…/v1/responses&territory=commune:35238
//           &wave=2026&source=site-ville&lang=fr[&channel=kiosk&reset-after=20][&resume=1]
//
// The page also tells its parent its height (postMessage {type: 'olva-iframe-height', height}),
// for sites that can resize the iframe; ignoring it is fine (the iframe scrolls).

const params = new URLSearchParams(window.location.search);

/** An http(s) URL, absolute or relative to this page; null otherwise (javascript:, data:…). */
function url(value) {
  if (!value) return null;
  try {
    const parsed = new URL(value, window.location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** The value when it matches `pattern` entirely, else null. */
function matching(value, pattern) {
  return value !== null && pattern.test(value) ? value : null;
}

const checks = {
  src: (v) => url(v),
  endpoint: (v) => url(v),
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
  else survey.setAttribute(name, value);
}
if (params.get('resume') === '1') survey.setAttribute('resume', '');
document.documentElement.lang = survey.getAttribute('lang') ?? 'fr';

if (!survey.hasAttribute('src') || refused.length) {
  const error = document.createElement('p');
  error.className = 'olva-iframe-error';
  error.textContent = refused.length
    ? `Paramètres refusés : ${refused.join(', ')}. / Refused parameters: ${refused.join(', ')}.`
    : 'Paramètre « src » manquant : l’adresse du questionnaire. / Missing "src" parameter: the questionnaire URL.';
  main.append(error);
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
