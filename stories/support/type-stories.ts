/**
 * What every question-type story file shares: the survey showing the type's fixture, and the
 * play functions that put it in each state.
 */
import { html, type TemplateResult } from 'lit';
import type { TypeFixture } from '../fixtures/build.js';
import { HIDE_SWITCH } from '../fixtures/build.js';
import { answer, pressPrimary, readySurvey } from './drive.js';
import '@olva/elements/define';

/** The survey element showing one fixture. */
export function surveyOf(fixture: TypeFixture, lang = 'fr'): TemplateResult {
  return html`<olva-survey .questionnaire=${fixture.questionnaire} territory="commune:35238" wave="2026"
    lang=${lang} channel="web"></olva-survey>`;
}

type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

/** Answered: the fixture's answer given to the question under test. */
export const playAnswered = (fixture: TypeFixture): Play => async ({ canvasElement }) => {
  await answer(await readySurvey(canvasElement), fixture.questionId, fixture.expected);
};

/** In error: the required question left empty and the primary button pressed. */
export const playError: Play = async ({ canvasElement }) => {
  await pressPrimary(await readySurvey(canvasElement));
};

/** Hidden: the switch answered "yes", which hides the question under test. */
export const playHidden: Play = async ({ canvasElement }) => {
  await answer(await readySurvey(canvasElement), HIDE_SWITCH, true);
};
