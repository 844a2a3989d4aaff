import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@olva/elements/define';
import { modesQuestionnaire } from './fixtures/modes.js';
import { hostileQuestionnaire } from './fixtures/hostile.js';
import { SITE_THEME_CSS } from './fixtures/themes.js';

/**
 * Whole surveys. The core and core + extension stories load the questionnaires built by
 * `npm run build` (served by Storybook under /questionnaires/<build-id>/); without a build they
 * show the component's loading error. No endpoint: a sent response is handed to the page.
 */
const meta = {
  title: 'Survey',
  component: 'olva-survey',
} satisfies Meta;
export default meta;
type Story = StoryObj;

const core = (buildId: string, extra: Record<string, string> = {}) => html`<olva-survey
  src=${`questionnaires/${buildId}/questionnaire.json`} territory=${extra.territory ?? 'commune:35238'} wave="2026"
  lang=${extra.lang ?? 'fr'} channel=${extra.channel ?? 'web'} source="storybook"></olva-survey>`;

/** The common core ("tronc commun"), for the commune of Rennes. */
export const CoreSurvey: Story = { render: () => core('olva-core') };

/** The core with the territorial extension of Rennes (its questions inserted at the extension points). */
export const WithExtension: Story = { render: () => core('olva-core+rennes-2026') };

/** The core with the extension of Lorient Agglomération (an EPCI). */
export const WithEpciExtension: Story = { render: () => core('olva-core+lorient-agglo-2026', { territory: 'epci:200042174' }) };

/** The core in English. */
export const English: Story = { render: () => core('olva-core+rennes-2026', { lang: 'en' }) };

/** Paper mode: typing in paper forms, every question on one page, codes shown, Ctrl+Enter saves. */
export const PaperEntry: Story = { render: () => core('olva-core+rennes-2026', { channel: 'paper' }) };

/** Paper mode on a short questionnaire. */
export const PaperEntryShort: Story = {
  render: () => html`<olva-survey .questionnaire=${modesQuestionnaire} territory="commune:35238" wave="2026"
    lang="fr" channel="paper"></olva-survey>`,
};

/**
 * Kiosk mode: the form starts again by itself 10 s after each response; a form left 20 s
 * without a touch or a key (answer a question, then wait) warns at the bottom of the screen,
 * then starts again 10 s later unless a key or a tap keeps it.
 */
export const Kiosk: Story = {
  render: () => html`<olva-survey .questionnaire=${modesQuestionnaire} territory="commune:35238" wave="2026"
    lang="fr" channel="kiosk" reset-after="10" idle-after="20"></olva-survey>`,
};

/** The default theme. */
export const DefaultTheme: Story = {
  render: () => html`<olva-survey .questionnaire=${modesQuestionnaire} territory="commune:35238" wave="2026" lang="fr"></olva-survey>`,
};

/** A site's own theme, through --olva-* custom properties only (no access to the shadow DOM). */
export const SiteTheme: Story = {
  render: () => {
    // Lit cannot bind inside <style>: the site's stylesheet goes to the document head once.
    if (!document.getElementById('site-theme')) {
      const style = document.createElement('style');
      style.id = 'site-theme';
      style.textContent = SITE_THEME_CSS;
      document.head.append(style);
    }
    return html`<olva-survey class="site-theme" .questionnaire=${modesQuestionnaire} territory="commune:35238" wave="2026" lang="fr"></olva-survey>`;
  },
};

/** Texts full of markup (script, img onerror, javascript: links): all shown as plain text. */
export const HostileTexts: Story = {
  render: () => html`<olva-survey .questionnaire=${hostileQuestionnaire} territory="commune:35238" wave="2026" lang="fr"></olva-survey>`,
};
