/**
 * `questionnaire.json`: the compiled questionnaire itself, pretty-printed. Key order is the
 * compiler's (assemble builds every object in a fixed order), so the bytes are stable.
 */
import type { CompiledQuestionnaire } from '@olva/schema';
import { prettyJson } from './text.js';

/** `questionnaire.json` of a compiled questionnaire. */
export function emitQuestionnaireJson(compiled: CompiledQuestionnaire): string {
  return prettyJson(compiled);
}
