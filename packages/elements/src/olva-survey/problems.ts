/**
 * What is wrong on a page, once the respondent has tried to leave it: answer errors, failing
 * error checks (both block), and failing warning checks (to confirm). Derived from the
 * session each time, never stored, so a correction shows at once.
 */
import { localize, type CheckFailure, type CompiledQuestion, type Locale, type ResponseSession } from '@olva/runtime';
import { plainText } from '../safe-text.js';

/** One line of the error (or warning) summary, pointing at the question to fix. */
export interface SummaryItem {
  questionId: string;
  /** The question's number, as printed on the paper form (data entry shows it). */
  number: number;
  /** The question's label, so the line makes sense on its own. */
  label: string;
  message: string;
}

/** The problems of a set of questions. */
export interface PageProblems {
  /** Message under each question that has an error. */
  errors: Map<string, string>;
  /** Message under each question that a warning points at. */
  warnings: Map<string, string>;
  errorItems: SummaryItem[];
  warningItems: SummaryItem[];
  /** Ids of the failing warning checks, for confirming them. */
  warningIds: string[];
}

/**
 * The problems of the given questions (a page's visible ones).
 * @param checks failing checks to consider (those of the page, or all of them)
 */
export function pageProblems(
  session: ResponseSession, questions: readonly CompiledQuestion[], checks: readonly CheckFailure[], locale: Locale,
): PageProblems {
  const result: PageProblems = { errors: new Map(), warnings: new Map(), errorItems: [], warningItems: [], warningIds: [] };
  const onPage = new Map(questions.map((q) => [q.id, q]));
  for (const question of questions) {
    const error = session.validateQuestion(question.id);
    if (!error) continue;
    const message = localize(error.message, locale);
    result.errors.set(question.id, message);
    result.errorItems.push({ questionId: question.id, number: question.number, label: plainText(localize(question.label, locale)), message });
  }
  for (const failure of checks) {
    const target = failure.questions.map((id) => onPage.get(id)).find((q) => q !== undefined);
    if (!target) continue;
    const message = localize(failure.message, locale);
    const item = { questionId: target.id, number: target.number, label: plainText(localize(target.label, locale)), message };
    const byQuestion = failure.level === 'error' ? result.errors : result.warnings;
    for (const id of failure.questions) if (onPage.has(id) && !byQuestion.has(id)) byQuestion.set(id, message);
    if (failure.level === 'error') result.errorItems.push(item);
    else {
      result.warningItems.push(item);
      result.warningIds.push(failure.check.id);
    }
  }
  return result;
}
