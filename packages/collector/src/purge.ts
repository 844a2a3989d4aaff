/**
 * Retention: deletes responses older than the period configured for their questionnaire,
 * and reports how many per questionnaire (never what they contained).
 */
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
