/**
 * What became of a response this respondent left in the outbox on an earlier visit (sent
 * offline, then the page closed or reloaded): shown on coming back, so that nobody answers twice
 * believing the first response lost, nor believes a refused one will still arrive.
 */
import { html, type TemplateResult } from 'lit';
import type { CompiledQuestionnaire, OutboxEntry } from '@olva/runtime';
import type { FlowStrings } from './flow-strings.js';

/** A response found waiting in the outbox when the page opened, and its fate since. */
export interface OutboxNote {
  submissionId: string;
  /** When it was sent from the form (epoch ms). */
  queuedAt: number;
  /** `questionnaire.id` and extension id of the payload, to match the questionnaire shown. */
  questionnaire: string;
  extension: string | null;
  state: 'waiting' | 'delivered' | 'refused';
}

/** Notes for the entries found waiting. */
export function notesFrom(entries: readonly OutboxEntry[]): OutboxNote[] {
  return entries.map((e) => ({
    submissionId: e.submissionId,
    queuedAt: e.queuedAt,
    questionnaire: e.payload.questionnaire.id,
    extension: e.payload.extension?.id ?? null,
    state: 'waiting',
  }));
}

/** The latest note about a response to this questionnaire (any version), if any. */
export function noteFor(notes: readonly OutboxNote[], compiled: CompiledQuestionnaire): OutboxNote | undefined {
  const extension = compiled.extension?.id ?? null;
  return notes.filter((n) => n.questionnaire === compiled.questionnaire.id && n.extension === extension)
    .sort((a, b) => b.queuedAt - a.queuedAt)[0];
}

/** The note's words. */
export function noteText(note: OutboxNote, flow: FlowStrings): string {
  const at = new Date(note.queuedAt);
  return note.state === 'delivered' ? flow.outboxDelivered(at) : note.state === 'refused' ? flow.outboxRefused(at) : flow.outboxWaiting(at);
}

export function renderOutboxNote(note: OutboxNote, flow: FlowStrings): TemplateResult {
  return html`<p class="notice ${note.state === 'refused' ? 'error' : ''}" part="notice">${noteText(note, flow)}</p>`;
}
