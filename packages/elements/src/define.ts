/**
 * Registers <olva-survey>. Import it once (`import '@olva/elements/define'`); loading it twice
 * on one page (two embeds, two versions) is harmless: the first definition stays.
 */
// First: starts the questionnaire download before the rest of the bundle is evaluated.
import './olva-survey/early-fetch.js';
import { OlvaSurvey } from './olva-survey/olva-survey.js';

if (!customElements.get('olva-survey')) customElements.define('olva-survey', OlvaSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'olva-survey': OlvaSurvey;
  }
}

export { OlvaSurvey };
