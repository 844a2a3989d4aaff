/**
 * @olva/elements: the <olva-survey> web component (Lit) and its parts. This entry registers
 * nothing; `@olva/elements/define` does.
 */
export { OlvaSurvey } from './olva-survey/olva-survey.js';
export * from './events/index.js';
export { theme } from './theme.js';
export { parseSafeText, renderSafeText, plainText, safeHref, type SafeNode, type SafeContent } from './safe-text.js';
export { stringsFor, type Strings, type ElementStrings } from './strings.js';
export { uiMessages, type UiMessages } from './ui-messages.js';
export { questionRenderer, registerQuestionRenderer, renderedTypes } from './questions/registry.js';
export type { QuestionContext, QuestionRenderer, EntryMode } from './questions/context.js';
export { questionIds } from './questions/question-ids.js';
export { parseTerritory, parseChannel } from './olva-survey/config.js';
export { isCompiledQuestionnaire, loadQuestionnaire, QuestionnaireLoadError } from './olva-survey/loader.js';
export { answerInWords } from './olva-survey/review.js';
export { CLIENT } from './version.js';
