/**
 * Public types of @olva/runtime. The web components and the collector are written against
 * these; implementations live in their own files (one job each).
 */
import type {
  AnswerMap, AnswerValue, CompiledCheck, CompiledQuestion, CompiledQuestionnaire,
  LocalizedText, ResponsePayload, TerritoryLevel,
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
  territory: { level: TerritoryLevel; code: string };
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

/** The value passed to `setAnswer`: an answer, or `undefined` to clear it. */
export type AnswerInput = AnswerValue | undefined;

/**
 * What the runtime knows about one question type: how to validate a non-empty answer, what
 * counts as empty, and how to read a typed string. One implementation per file under
 * `question-types/`, listed in `question-types/registry.ts`.
 */
export interface QuestionTypeRuntime {
  /** The question type it handles. */
  type: CompiledQuestion['type'];
  /**
   * Checks a non-empty answer against the question (type, bounds, choices…). Its `other`
   * text and requiredness are not its job (see `validateValue`).
   */
  validate(question: CompiledQuestion, value: unknown): AnswerError | null;
  /** True when `value` means "not answered" (undefined, null, blank text, empty list…). */
  isEmpty(value: unknown): boolean;
  /**
   * True when a non-empty `value` is of the kind this type's answers are (a finite number, true
   * or false), whatever its bounds. Conditions, checks and requiredness see any other value
   * (the text a number box could not read, kept so that it shows with its error) as no
   * answer. Absent: every non-empty value is of its kind.
   */
  holds?(value: unknown): boolean;
  /**
   * Reads what a respondent typed (e.g. "3,5" or "100 000") into an answer value; returns the
   * string unchanged when it cannot be read, so that `validate` reports it; `undefined` when blank.
   * Given the question, a type may use its rules (a text its `pattern` accepts in capitals).
   */
  coerce?(raw: string, question?: CompiledQuestion): AnswerValue | undefined;
}

/** The collector's receipt for a delivered response (the body of its 200/201). */
export interface DeliveryReceipt {
  submissionId: string;
  receivedAt: string;
}

/** What `Outbox.submit` resolves with. */
export type SubmitResult =
  | DeliveryReceipt
  | { queued: true; submissionId: string }
  | { rejected: true; submissionId: string; status: number; problems: unknown };

/** One response waiting in the outbox. */
export interface OutboxEntry {
  submissionId: string;
  /** The collector URL it is posted to. */
  endpoint: string;
  payload: ResponsePayload;
  /** Attempts made so far. */
  attempts: number;
  /** Epoch ms before which it is not sent again. */
  nextAttemptAt: number;
  /**
   * Epoch ms before which no tab sends it, even when a flush is asked for now: a tab is sending
   * it (its lease, which counts when Web Locks are unavailable), or the collector asked for the
   * wait with `Retry-After`.
   */
  inFlightUntil?: number;
  /** Epoch ms when it entered the outbox. */
  queuedAt: number;
}

/** A draft kept on the device when the respondent asks to resume later. */
export interface Draft {
  answers: AnswerMap;
  /** Section the respondent was on. */
  section?: string;
  /** RFC 3339. */
  savedAt: string;
}
