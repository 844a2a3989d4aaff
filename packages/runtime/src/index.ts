/**
 * @olva/runtime: the DOM-free runtime of a compiled OLVA questionnaire. It holds one
 * respondent's answers (`ResponseSession`), evaluates conditions with the safe subset of
 * JsonLogic (`evaluateCondition`), validates answers with French and English messages, runs
 * coherence checks, builds the response payload, and delivers it through a durable outbox
 * (`Outbox`). The collector runs the same `checkResponse` as the browser, so they never
 * disagree. See API.md.
 */
export type {
  AnswerError, AnswerInput, AnswerMap, AnswerValue, CheckFailure, CompiledQuestion, CompiledQuestionnaire,
  DeliveryEvent, DeliveryReceipt, Draft, Locale, OutboxEntry, Progress, QuestionTypeRuntime,
  ResponseContext, ResponsePayload, ResponseProblem, SubmitResult,
} from './types.js';
export { ResponseSession, type SessionChange, type SessionOptions } from './session.js';
export { evaluateCondition, assertSafeCondition, conditionNames, UnsafeConditionError } from './conditions.js';
export { computeVisibility, allQuestions, questionIndex, type VisibilityState, type QuestionIndex } from './visibility.js';
export { failingChecks } from './declared-checks.js';
export { validateAnswer, requiredError } from './answer-validation.js';
export { checkResponse, answerPointer, type ResponseEnvelope } from './response-check.js';
export { allowsBlank, BLANK_CHANNELS } from './blank.js';
export { questionTypes, questionType } from './question-types/registry.js';
export { otherKey, hasOther, OTHER_MAX_LENGTH } from './question-types/common.js';
export {
  Outbox, responsesUrl, IndexedDbOutboxStore, MemoryOutboxStore, backoffDelay, retryAfterDelay,
  withLock, hasWebLocks, type OutboxOptions, type OutboxStore,
} from './outbox/index.js';
export { DraftStore, draftKey, type DraftStorage } from './drafts.js';
export { localize } from './messages.js';
export { localNumber, localeTag, fr as frNumber, en as enNumber } from './numbers.js';
export { newSubmissionId, uuidOfBytes } from './uuid.js';
