/** The progress indicator: "Étape 2 sur 5 : Profil" and a bar. */
import { html, type TemplateResult } from 'lit';
import type { Strings } from '../strings.js';

export function renderProgress(strings: Strings, current: number, total: number, title: string): TemplateResult {
  return html`<div class="progress" part="progress">
    <span id="olva-progress-label">${strings.step(current, total, title)}</span>
    <progress max=${total} .value=${current} aria-labelledby="olva-progress-label"></progress>
  </div>`;
}
