/** The script and style sheet of the preview pages, served as files (the policy forbids inline ones). */

/**
 * `/preview.js`: listens to `/events` and reloads the page when a build newer than the page's
 * is announced. The server announces the current build on every (re)connection, so a page
 * that missed a build while the connection was down still catches up.
 */
export const PREVIEW_JS = `'use strict';
(function () {
  var meta = document.querySelector('meta[name="olva-preview-build"]');
  var shown = meta ? meta.getAttribute('content') : '';
  var events = new EventSource('/events');
  events.addEventListener('build', function (event) {
    if (event.data !== shown) location.reload();
  });
})();
`;

/** `/preview.css`: a plain, readable frame around the survey. */
export const PREVIEW_CSS = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1f2328; background: #fff; line-height: 1.5; }
.bar { padding: 0.75rem 1rem; border-bottom: 1px solid #6b7280; background: #f4f5f7; }
.bar nav a { margin-right: 1rem; color: #1f4fbf; }
.bar nav a[aria-current="page"] { font-weight: bold; color: #1f2328; }
.brand { margin: 0 0 0.25rem; font-size: 1rem; font-weight: normal; }
.banner { margin: 0.5rem 0; padding: 0.5rem 0.75rem; border-left: 4px solid #8a4b00; background: #fff; }
#build-status { margin: 0.5rem 0; font-weight: bold; }
#build-status.ok::before { content: "✓ "; }
#build-status.failed { color: #b3261e; }
#build-status.failed::before { content: "✗ "; }
.problems h2 { font-size: 1.1rem; margin: 0.5rem 0; }
.problems ul { margin: 0; padding-left: 1.25rem; }
.problem { margin: 0.5rem 0; }
.problem.error strong { color: #b3261e; }
.problem.warning strong { color: #8a4b00; }
.problem .message { margin: 0.125rem 0 0; }
main { padding: 1rem; max-width: 60rem; margin: 0 auto; }
.picker { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin-bottom: 1rem; }
.note { font-style: italic; }
iframe.paper { width: 100%; height: 80vh; border: 1px solid #6b7280; }
pre.codebook { white-space: pre-wrap; font-size: 0.875rem; }
`.trimStart();
