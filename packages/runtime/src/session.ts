/**
 * One respondent filling one compiled questionnaire: holds the answers, keeps visibility and
 * requiredness up to date, validates, runs the coherence checks, reports progress and builds
 * the payload. No DOM: the web components drive it and re-render on `subscribe`.
 */
import type { CompiledQuestion, CompiledQuestionnaire, CompiledSection, ResponsePayload } from '@olva/schema';
import type {
  AnswerError, AnswerInput, AnswerMap, CheckFailure, Locale, Progress, ResponseContext,
} from './types.js';
import { computeVisibility, questionIndex, type VisibilityState } from './visibility.js';
import { orderedAnswers, updateVisibility } from './visibility-update.js';
import { failingChecks } from './declared-checks.js';
import { validateAnswer } from './answer-validation.js';
import { questionType } from './question-types/registry.js';
import { hasOther, isBlank, otherKey } from './question-types/common.js';
import { allowsBlank } from './blank.js';
import { newSubmissionId } from './uuid.js';

/** Options of a `ResponseSession`. */
export interface SessionOptions {
  /** Interface language; the payload's locale comes from the context given to `buildPayload`. */
  locale?: Locale;
  /** Answers to start from (e.g. a draft); hidden and unknown ones are dropped. */
  answers?: AnswerMap;
  /** Clock, for tests. */
  now?: () => Date;
  /** Makes a submission id (a UUID), for tests; defaults to `crypto.randomUUID`. */
  random?: () => string;
  /**
   * How the answers are collected. On `paper` and `phone` a required question may be marked
   * "left blank" (`setLeftBlank`); elsewhere it must be answered.
   */
  channel?: ResponseContext['channel'];
}

const OTHER_SUFFIX = '_other';

/** What one change of a session changed (the argument of its listeners, see `subscribe`). */
export interface SessionChange {
  /**
   * The questions whose answer, "other" text, visibility or requiredness may have changed
   * (one answer set: that question and those its conditions reach); null when any may have
   * (answers replaced, a draft, a reset, a question marked "left blank").
   */
  readonly questions: ReadonlySet<string> | null;
}

/** One respondent's answers to one compiled questionnaire. */
export class ResponseSession {
  /** The compiled questionnaire being answered. */
  readonly questionnaire: CompiledQuestionnaire;
  /** Interface language chosen by the respondent. */
  locale: Locale;

  readonly #byId: ReadonlyMap<string, CompiledQuestion>;
  readonly #now: () => Date;
  readonly #random: () => string;
  readonly #listeners = new Set<(change: SessionChange) => void>();
  /** Visibility, requiredness and the answers kept, brought up to date in place answer by answer. */
  #state: VisibilityState;
  #createdAt: Date;
  #firstAnswerAt: Date | null = null;
  readonly #channel: ResponseContext['channel'] | undefined;
  /** Questions the operator marked "left blank" (paper, phone). */
  #blankMarks = new Set<string>();

  constructor(compiled: CompiledQuestionnaire, options: SessionOptions = {}) {
    this.questionnaire = compiled;
    this.locale = options.locale ?? 'fr';
    this.#now = options.now ?? (() => new Date());
    this.#random = options.random ?? newSubmissionId;
    this.#channel = options.channel;
    this.#byId = questionIndex(compiled).byId;
    this.#createdAt = this.#now();
    this.#state = computeVisibility(compiled, this.#knownAnswers(options.answers ?? {}));
  }

  /** The answers of visible questions (and their `other` texts); hidden ones are dropped. A copy. */
  get answers(): AnswerMap {
    return orderedAnswers(this.questionnaire, this.#state.answers);
  }

  /**
   * Sets (or, with `undefined` or a blank value, clears) one answer; `id` may be `<q>_other`.
   * Recomputes visibility and drops the answers of questions that became hidden, for good.
   * Throws a RangeError on an id that is neither a question nor the `other` text of one.
   */
  setAnswer(id: string, value: AnswerInput): void {
    const question = this.#questionOrOther(id);
    const empty = value === undefined || (question ? questionType(question.type).isEmpty(value) : isBlank(value));
    // A copy: the caller may go on mutating its array or object.
    const kept = empty ? undefined : typeof value === 'object' ? structuredClone(value) : value;
    // An answer given is not a blank left.
    if (!empty && this.#blankMarks.has(id)) this.#blankMarks = new Set([...this.#blankMarks].filter((x) => x !== id));
    if (!this.#firstAnswerAt) this.#firstAnswerAt = this.#now();
    // Only the conditions that read this answer, where the questionnaire allows it; else every one.
    const touched = updateVisibility(this.questionnaire, this.#state, id, kept);
    if (touched === null) {
      const next = { ...this.#state.answers };
      if (kept === undefined) delete next[id];
      else next[id] = kept;
      this.#state = computeVisibility(this.questionnaire, next);
    }
    this.#notify(touched);
  }

  /**
   * Marks a required question "left blank" (or unmarks it): on paper and by phone a respondent
   * may leave a required question unanswered, and the response is still recorded, with the
   * question listed in the payload's `blank`. Marking drops the question's answer. Throws a
   * RangeError on another channel or an unknown question.
   */
  setLeftBlank(id: string, blank: boolean): void {
    if (!allowsBlank(this.#channel)) throw new RangeError(`only the paper and phone channels record questions left blank, not ${this.#channel ?? 'an unnamed channel'}`);
    if (!this.#byId.has(id)) throw new RangeError(`"${id}" is not a question of ${this.questionnaire.id}`);
    const marks = new Set(this.#blankMarks);
    if (blank) marks.add(id);
    else marks.delete(id);
    this.#blankMarks = marks;
    if (blank) {
      const next = { ...this.#state.answers };
      delete next[id];
      delete next[otherKey(id)];
      this.#state = computeVisibility(this.questionnaire, next);
    }
    this.#notify(null);
  }

  /** True when the question is marked "left blank" and still stands so (visible, required, unanswered). */
  isLeftBlank(id: string): boolean {
    return this.#blankMarks.has(id) && this.#state.required.has(id) && !(id in this.#state.answers);
  }

  /** The questions that stand "left blank", in questionnaire order (the payload's `blank`). */
  leftBlank(): string[] {
    return questionIndex(this.questionnaire).list.map((q) => q.id).filter((id) => this.isLeftBlank(id));
  }

  /** Replaces all answers at once (e.g. when resuming a draft); unknown and hidden ones are dropped. */
  replaceAnswers(answers: AnswerMap): void {
    this.#state = computeVisibility(this.questionnaire, this.#knownAnswers(answers));
    this.#notify(null);
  }

  /** The current answer to a question (or `<q>_other` text), or undefined. */
  getAnswer(id: string): AnswerInput {
    return this.#state.answers[id];
  }

  /** The question with this id, or undefined. */
  question(id: string): CompiledQuestion | undefined {
    return this.#byId.get(id);
  }

  /** True when the question is shown with the current answers. */
  isVisible(questionId: string): boolean {
    return this.#state.visible.has(questionId);
  }

  /** True when the question is visible and must be answered. */
  isRequired(questionId: string): boolean {
    return this.#state.required.has(questionId);
  }

  /** The visible questions of a section, in order. */
  visibleQuestions(sectionId: string): CompiledQuestion[] {
    const section = this.questionnaire.sections.find((s) => s.id === sectionId);
    return section ? section.questions.filter((q) => this.#state.visible.has(q.id)) : [];
  }

  /** The sections with at least one visible question, in order: the pages to show. */
  visibleSections(): CompiledSection[] {
    return this.questionnaire.sections.filter((s) => s.questions.some((q) => this.#state.visible.has(q.id)));
  }

  /** The problem with one question's answer (required, type, bounds, choices, other text…), or null; null for a hidden question. */
  validateQuestion(id: string): AnswerError | null {
    const question = this.#byId.get(id);
    if (!question || !this.#state.visible.has(id)) return null;
    return this.#validate(question);
  }

  /** The problems of the visible questions of a section, in order. */
  validateSection(sectionId: string): AnswerError[] {
    return this.visibleQuestions(sectionId)
      .map((q) => this.#validate(q))
      .filter((e): e is AnswerError => e !== null);
  }

  /**
   * The coherence checks that fail (errors and warnings) among those about visible questions;
   * with `sectionId`, only checks pointing at a question of that section.
   */
  failingChecks(sectionId?: string): CheckFailure[] {
    const all = failingChecks(this.questionnaire, this.#state.answers, this.#state.visible);
    if (sectionId === undefined) return all;
    return all.filter((f) => f.questions.some((id) => this.#byId.get(id)?.section === sectionId));
  }

  /** True when every visible answer is valid and no `error` check fails (warnings do not block). */
  canSubmit(): boolean {
    for (const id of this.#state.visible) {
      if (this.#validate(this.#byId.get(id)!)) return false;
    }
    return !this.failingChecks().some((f) => f.level === 'error');
  }

  /** How many visible questions are answered. */
  progress(): Progress {
    let answered = 0;
    let total = 0;
    for (const id of this.#state.visible) {
      total++;
      if (id in this.#state.answers) answered++;
    }
    return { answered, total, ratio: total === 0 ? 0 : answered / total };
  }

  /**
   * The response payload exactly as docs/contracts.md describes it, with a fresh submissionId:
   * versions from the compiled questionnaire, territory, wave, channel, source, locale and
   * client from `context`, only the answers of visible questions. It does not check
   * `canSubmit()`: callers do, so that a paper entry can still be saved as is.
   */
  buildPayload(context: ResponseContext): ResponsePayload {
    const { questionnaire, extension } = this.questionnaire;
    const payload: ResponsePayload = {
      kind: 'olva-response',
      specVersion: 1,
      submissionId: this.#random(),
      questionnaire: { id: questionnaire.id, version: questionnaire.version },
      extension: extension ? { id: extension.id, version: extension.version } : null,
      territory: { level: context.territory.level, code: context.territory.code },
      wave: context.wave,
      channel: context.channel,
      locale: context.locale,
      startedAt: (this.#firstAnswerAt ?? this.#createdAt).toISOString(),
      submittedAt: this.#now().toISOString(),
      client: { name: context.client.name, version: context.client.version },
      answers: structuredClone(orderedAnswers(this.questionnaire, this.#state.answers)),
    };
    if (context.source !== undefined && context.source !== '') payload.source = context.source;
    const blank = allowsBlank(context.channel) ? this.leftBlank() : [];
    if (blank.length) payload.blank = blank;
    return payload;
  }

  /**
   * Calls `listener` after every change, with what changed; returns the function that
   * unsubscribes it.
   */
  subscribe(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Forgets every answer and starts a new response (new start time). */
  reset(): void {
    this.#createdAt = this.#now();
    this.#firstAnswerAt = null;
    this.#blankMarks = new Set();
    this.#state = computeVisibility(this.questionnaire, {});
    this.#notify(null);
  }

  /** `validateAnswer`, a question standing "left blank" being no longer required. */
  #validate(question: CompiledQuestion): AnswerError | null {
    return validateAnswer(question, this.#state.answers, this.#state.required.has(question.id) && !this.isLeftBlank(question.id));
  }

  #notify(questions: ReadonlySet<string> | null): void {
    const change: SessionChange = { questions };
    for (const listener of [...this.#listeners]) listener(change);
  }

  /** The question an answer key belongs to; undefined for an `_other` key. Throws on an unknown key. */
  #questionOrOther(id: string): CompiledQuestion | undefined {
    const question = this.#byId.get(id);
    if (question) return question;
    if (id.endsWith(OTHER_SUFFIX)) {
      const base = this.#byId.get(id.slice(0, -OTHER_SUFFIX.length));
      if (base && hasOther(base)) return undefined;
    }
    throw new RangeError(`"${id}" is not a question of ${this.questionnaire.id} (nor the "other" text of one)`);
  }

  #knownAnswers(answers: AnswerMap): AnswerMap {
    const known: AnswerMap = {};
    for (const [key, value] of Object.entries(answers)) {
      try {
        this.#questionOrOther(key);
        known[key] = value;
      } catch {
        // A draft from an older build may name questions that no longer exist: ignore them.
      }
    }
    return known;
  }
}
