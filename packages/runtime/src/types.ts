/**
 * Public types of @olva/runtime. The web components and the collector are written against
 * these; implementations live in their own files (one job each).
 */
import type {
  AnswerMap, AnswerValue, CompiledCheck, CompiledQuestion, CompiledQuestionnaire,
  LocalizedText, ResponsePayload,
} from '@olva/schema';

export type { AnswerMap, AnswerValue, CompiledQuestionnaire, CompiledQuestion, ResponsePayload };

/** The interface languages. */
export type Locale = 'fr' | 'en';

/** Why one answer is not acceptable. `message` is ready to show, in French and English. */
export interface AnswerError {
  questionId: string;
  /** Stable code of the rule: `required`, `type`, `min`, `max`, `maxLength`, `pattern`,
   * `email`, `commune`, `choice`, `minSelected`, `maxSelected`, `exclusive`, `other`, `row`. */
  code: string;
  message: LocalizedText;
}

/** A coherence check whose `when` condition holds on the current answers. */
export interface CheckFailure {
  check: CompiledCheck;
  level: 'error' | 'warning';
  message: LocalizedText;
  questions: string[];
}

/** A problem found by the consistency check the collector shares with the browser. */
export interface ResponseProblem {
  /** JSON pointer into the payload, e.g. `/answers/nb_salaries`. */
  pointer: string;
  /** `hidden-answered`, `required`, `check-failed`, `unknown-question`, or an AnswerError code. */
  code: string;
  /** English message (the collector's 422 body); French in `messageFr`. */
  message: string;
  messageFr: string;
}

/** Progress through the questionnaire, over visible questions. */
export interface Progress {
  answered: number;
  total: number;
  /** 0..1 */
  ratio: number;
}

/** What the embedding page says about a response; the rest of the payload comes from the
 * compiled questionnaire and the answers. */
export interface ResponseContext {
  territory: { level: 'commune' | 'epci' | 'departement' | 'region' | 'custom'; code: string };
  wave: string;
  channel: 'web' | 'paper' | 'phone' | 'kiosk';
  source?: string;
  locale: Locale;
  client: { name: string; version: string };
}

/** Outcome of one delivery attempt of the outbox. */
export type DeliveryEvent =
  | { type: 'queued'; submissionId: string }
  | { type: 'delivered'; submissionId: string; receipt: { submissionId: string; receivedAt: string } }
  | { type: 'retrying'; submissionId: string; inMs: number; reason: string }
  | { type: 'rejected'; submissionId: string; status: number; problems: unknown };
