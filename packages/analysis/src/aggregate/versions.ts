/**
 * Finds the compiled questionnaire a response was answered with, by the exact core and
 * extension versions its payload names.
 */
import { versionKeyOf, versionKeyString, type CompiledQuestionnaire } from '@olva/schema';
import { AnalysisError } from '../errors.js';
import type { CountedResponse } from '../results.js';

/** The compiled versions by the versions a payload names. */
export class VersionIndex {
  private readonly byKey = new Map<string, CompiledQuestionnaire>();

  constructor(compiled: readonly CompiledQuestionnaire[]) {
    for (const c of compiled) this.byKey.set(versionKeyString(versionKeyOf(c)), c);
  }

  /**
   * The compiled questionnaire of a payload.
   * @throws AnalysisError (`analysis/unknown-version`) when none was given for its versions.
   */
  of(payload: CountedResponse): CompiledQuestionnaire {
    const found = this.byKey.get(versionKeyString(payload));
    if (found) return found;
    const ext = payload.extension ? ` + ${payload.extension.id} ${payload.extension.version}` : '';
    const answered = `${payload.questionnaire.id} ${payload.questionnaire.version}${ext}`;
    const en = `no compiled questionnaire given for ${answered}: pass the build this response was answered with`;
    throw new AnalysisError(`${payload.submissionId}#/questionnaire`, 'analysis/unknown-version', en,
      { fr: `aucun questionnaire compilé donné pour ${answered} : donnez la build avec laquelle cette réponse a été remplie`, en }, false);
  }
}
