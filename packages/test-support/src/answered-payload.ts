/**
 * Fills a compiled questionnaire the way a respondent could: the runtime's session decides
 * what is visible and required; each question gets a plain valid answer of its type.
 */
import { ResponseSession } from '@olva/runtime';
import type { CompiledQuestion, CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { unhandledQuestionType } from '@olva/schema';

function plainAnswer(q: CompiledQuestion): unknown {
  const any = q as any;
  const first = any.choices?.[0]?.code;
  switch (q.type) {
    case 'single': return first;
    case 'multiple': return [first];
    case 'boolean': return false;
    case 'integer': return Math.max(any.min ?? 0, 1);
    case 'year': return Math.min(Math.max(any.min ?? 2000, 2000), any.max ?? 2000);
    case 'decimal': return Math.max(any.min ?? 0, 1);
    case 'scale': return 1;
    case 'matrix': return Object.fromEntries(any.rows.map((r: { code: string }) => [r.code, first]));
    case 'email': return 'contact@example.org';
    case 'commune': return '35238';
    case 'text': case 'textarea': return 'réponse';
    default: return unhandledQuestionType(q);
  }
}

/** A payload the runtime itself would send, for `territory`. */
export function answeredPayload(compiled: CompiledQuestionnaire, territory: ResponsePayload['territory'], wave = '2026'): ResponsePayload {
  const session = new ResponseSession(compiled);
  // Answering may reveal more questions: go round until nothing changes.
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const section of session.visibleSections()) {
      for (const q of session.visibleQuestions(section.id)) {
        if (session.getAnswer(q.id) === undefined && session.isRequired(q.id)) {
          session.setAnswer(q.id, plainAnswer(q) as never);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  if (!session.canSubmit()) {
    const errors = session.visibleSections().flatMap((s) => session.validateSection(s.id));
    throw new Error(`could not fill ${compiled.id}: ${JSON.stringify(errors.slice(0, 3))} ${JSON.stringify(session.failingChecks().map((f) => f.check.id))}`);
  }
  return session.buildPayload({ territory, wave, channel: 'web', locale: 'fr', client: { name: 'olva-test', version: '0' } });
}
