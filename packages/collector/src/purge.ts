/**
 * Retention: deletes responses older than the period configured for their questionnaire,
 * and reports how many per questionnaire (never what they contained). Personal answers
 * (questions marked `personal`) may go earlier (`personalRetention`): they are removed from
 * the responses, the rest of each response stays.
 */
import { personalQuestionIds } from '@olva/schema';
import type { ResponseStore } from './store/types.js';

/** What one purge did for one questionnaire. */
export interface PurgeReport {
  questionnaireId: string;
  retentionDays: number;
  /** Responses received before this instant were deleted. */
  before: string;
  deleted: number;
}

/** Applies every retention period; `now` is injectable for tests. */
export async function purgeExpired(store: ResponseStore, retention: Record<string, number>, now: Date = new Date()): Promise<PurgeReport[]> {
  const reports: PurgeReport[] = [];
  for (const [questionnaireId, retentionDays] of Object.entries(retention).sort(([a], [b]) => a.localeCompare(b))) {
    const before = new Date(now.getTime() - retentionDays * 86_400_000);
    const deleted = await store.purge(questionnaireId, before);
    reports.push({ questionnaireId, retentionDays, before: before.toISOString(), deleted });
  }
  return reports;
}

/** What one purge of personal answers did for one questionnaire. */
export interface PersonalPurgeReport {
  questionnaireId: string;
  /** The days of `personalRetention`, when the purge applied it (absent for `--before`). */
  retentionDays?: number;
  /** Personal answers of responses received before this instant were removed. */
  before: string;
  /** The personal questions, over every version the store keeps (a question personal in any is personal in all). */
  questions: string[];
  /** Responses that lost answers (the rest of each response is kept). */
  responses: number;
}

/**
 * Removes the answers of personal questions from the responses of `questionnaireId` received
 * before `before`, keeping the rest of each response. Which questions are personal is read
 * from every version the store keeps of that questionnaire. Idempotent: a second run finds
 * nothing left to remove.
 */
export async function purgePersonalBefore(store: ResponseStore, questionnaireId: string, before: Date): Promise<PersonalPurgeReport> {
  const questions = [...personalQuestionIds((await store.listQuestionnaires()).filter((c) => c.questionnaire.id === questionnaireId))].sort();
  const responses = await store.purgePersonal(questionnaireId, before, questions);
  return { questionnaireId, before: before.toISOString(), questions, responses };
}

/** Applies every `personalRetention` period (days per questionnaire id); `now` is injectable for tests. */
export async function purgePersonalExpired(store: ResponseStore, personalRetention: Record<string, number>, now: Date = new Date()): Promise<PersonalPurgeReport[]> {
  const reports: PersonalPurgeReport[] = [];
  for (const [questionnaireId, retentionDays] of Object.entries(personalRetention).sort(([a], [b]) => a.localeCompare(b))) {
    const report = await purgePersonalBefore(store, questionnaireId, new Date(now.getTime() - retentionDays * 86_400_000));
    reports.push({ ...report, retentionDays });
  }
  return reports;
}
