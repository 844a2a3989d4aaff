import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  ResponseSession, draftKey, localize, otherKey,
  type AnswerValue, type SessionChange, type CompiledQuestion, type CompiledQuestionnaire, type Locale,
} from '@olva/runtime';
import type { CompiledSection } from '@olva/schema';
import { theme } from '../theme.js';
import { toLocale } from '../localize.js';
import { renderSafeText } from '../safe-text.js';
import { stringsFor, type Strings } from '../strings.js';
import { questionRenderer } from '../questions/registry.js';
import { questionIds } from '../questions/question-ids.js';
import { QuestionParts, questionPart, type QuestionState } from '../questions/question-part.js';
import type { EntryMode } from '../questions/context.js';
import { OlvaChangeEvent, OlvaErrorEvent, OlvaPageChangeEvent, OlvaReadyEvent } from '../events/index.js';
import { parseChannel, responseContext, type Channel } from './config.js';
import { loadQuestionnaire, QuestionnaireLoadError } from './loader.js';
import type { PageProblems } from './problems.js';
import { renderSummary, summaryId } from './error-summary.js';
import { renderProgress } from './progress.js';
import { holdsEnter, renderNavigation } from './navigation.js';
import { renderReview, REVIEW_HEADING } from './review.js';
import { renderReceipt, RECEIPT_HEADING, type ReceiptState } from './receipt.js';
import { PaperEntry, parsePaperLayout } from './paper-entry.js';
import { KioskReset } from './kiosk.js';
import { StepHistory, type Step } from './history.js';
import { KeptAnswers } from './kept-answers.js';
import type { FlowStrings } from './flow-strings.js';
import { Announcer } from './announcer.js';
import { Delivery } from './delivery.js';
import { Drafts } from './drafts.js';
import { PageFlow, type FlowStep, type FlowTarget } from './page-flow.js';
import { renderOutboxNote } from './outbox-note.js';
import { askWave, waveRefusal } from './wave-check.js';

/** What the element shows: nothing yet, loading, a failure, a collection closed, or the steps of the questionnaire. */
type View = 'empty' | 'loading' | 'failed' | 'closed' | 'shown';

const sectionHeading = (sectionId: string) => `olva-section-${sectionId}`;

/** Whether two lists hold the same sections, in the same order. */
const sameSections = (a: readonly CompiledSection[], b: readonly CompiledSection[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * An OLVA questionnaire, ready to embed in any page: one section a page with a progress bar,
 * previous and next, a review step before sending, and a receipt after. Responses go through
 * a durable outbox (IndexedDB) to the collector, so that none is lost offline.
 *
 * Everything lives in one shadow root (label, control, help and error together, as
 * accessibility requires); the look follows the page through `--olva-*` custom properties
 * and `::part()`.
 *
 * ```html
 * <script type="module" src="https://collecte.example.org/embed/olva.js"></script>
 * <olva-survey src="/questionnaires/olva-core+rennes-2026/questionnaire.json"
 *   endpoint="https://collecte.example.org/v1/responses" territory="commune:35238"
 *   wave="2026" source="forum-2026" lang="fr"></olva-survey>
 * ```
 *
 * @tagname olva-survey
 * @summary An embeddable, accessible OLVA questionnaire.
 *
 * @slot - Shown while no questionnaire is set (no `src`, no `questionnaire`): e.g. a link to a paper version.
 *
 * @fires {OlvaReadyEvent} olva-ready - The questionnaire is loaded and shown. `detail.questionnaire`.
 * @fires {OlvaChangeEvent} olva-change - An answer changed. `detail.questionId`, `detail.value`.
 * @fires {OlvaPageChangeEvent} olva-page-change - Another page is shown. `detail.from`, `detail.to` (section id, `review` or `receipt`).
 * @fires {OlvaSubmitEvent} olva-submit - The response is about to be delivered. `detail.payload`. Cancelable: the page then delivers it itself.
 * @fires {OlvaSubmittedEvent} olva-submitted - The collector stored the response. `detail.receipt` (`submissionId`, `receivedAt`).
 * @fires {OlvaQueuedEvent} olva-queued - The response waits on the device, to be sent when the network is back. `detail.submissionId`, `detail.offline`.
 * @fires {OlvaErrorEvent} olva-error - Loading failed, an attribute is missing, or the collector refused the response. `detail.message`, `detail.problems` (the collector's, worded in the form's language: the response is sent with `Accept-Language`).
 *
 * @csspart form - The form around everything.
 * @csspart section - One section (page) of questions.
 * @csspart legend - The legend of a group of choices (single, multiple, boolean, scale, matrix).
 * @csspart question - The box of one question.
 * @csspart label - The label of a question with a text box, and of "other, please specify".
 * @csspart choice - One radio button or checkbox with its label.
 * @csspart help - The help text of a question.
 * @csspart input - Every control: text boxes, radio buttons, checkboxes.
 * @csspart error - An error message (under a question, or a loading/configuration error).
 * @csspart warning - A warning under a question, to confirm.
 * @csspart error-summary - The list of errors (or warnings) at the top of a page.
 * @csspart progress - The step indicator and its bar.
 * @csspart nav - The row of buttons under a page.
 * @csspart button - Every button.
 * @csspart button-primary - The main button (next, check my answers, send, save).
 * @csspart review - The review step.
 * @csspart receipt - The receipt after sending.
 * @csspart notice - Messages about drafts, sending and configuration, and that the collection is closed.
 * @csspart paper-header - The counter and instructions of paper data entry.
 * @csspart listbox - The list of communes found under a commune question's box.
 * @csspart option - One commune of that list.
 *
 * @cssprop [--olva-font-family=inherit] - Font of all text.
 * @cssprop [--olva-font-size=1rem] - Body text and controls.
 * @cssprop [--olva-font-size-small=0.875rem] - Help, hints, progress.
 * @cssprop [--olva-font-size-title=1.5rem] - Questionnaire title.
 * @cssprop [--olva-font-size-heading=1.25rem] - Section titles.
 * @cssprop [--olva-line-height=1.5] - Line height of all text.
 * @cssprop [--olva-color-text=#1f2328] - Text (15.8:1 on white).
 * @cssprop [--olva-color-text-muted=#545d68] - Help and hints (6.7:1 on white).
 * @cssprop [--olva-color-background=#ffffff] - Background of the form and controls.
 * @cssprop [--olva-color-surface=#f4f5f7] - Background of the review, receipt, notices and paper-entry header.
 * @cssprop [--olva-color-primary=#1f4fbf] - Main button, progress, links, checked controls (7.2:1).
 * @cssprop [--olva-color-primary-contrast=#ffffff] - Text on the primary colour.
 * @cssprop [--olva-color-border=#6b7280] - Borders of controls (4.8:1, above the 3:1 of WCAG 1.4.11).
 * @cssprop [--olva-color-error=#b3261e] - Errors (6.5:1).
 * @cssprop [--olva-color-warning=#8a4b00] - Warnings to confirm (6.8:1).
 * @cssprop [--olva-color-success=#1b6e3a] - The receipt's accent (6.3:1).
 * @cssprop [--olva-color-focus=#1f4fbf] - Focus ring.
 * @cssprop [--olva-focus-width=3px] - Width of the focus ring.
 * @cssprop [--olva-radius=0.375rem] - Corner radius of controls, buttons and boxes.
 * @cssprop [--olva-space-1=0.25rem] - Smallest spacing.
 * @cssprop [--olva-space-2=0.5rem] - Small spacing.
 * @cssprop [--olva-space-3=1rem] - Medium spacing.
 * @cssprop [--olva-space-4=1.5rem] - Large spacing.
 * @cssprop [--olva-max-width=46rem] - Largest width of the form.
 */
export class OlvaSurvey extends LitElement {
  static override styles = theme;

  static override properties = {
    src: { type: String },
    endpoint: { type: String },
    territory: { type: String },
    wave: { type: String },
    source: { type: String },
    lang: { type: String, reflect: true },
    channel: { type: String },
    resume: { type: Boolean },
    resetAfter: { type: Number, attribute: 'reset-after' },
    idleAfter: { type: Number, attribute: 'idle-after' },
    paperLayout: { type: String, attribute: 'paper-layout' },
    preview: { type: Boolean },
    previewSection: { type: String, attribute: 'preview-section' },
    questionnaire: { attribute: false },
    _view: { state: true },
    _failure: { state: true },
  };

  /** URL of the compiled questionnaire (`questionnaire.json` from `olva build`), fetched without cookies; or `#<id>` of a `<script type="application/json">` of the page that holds it. */
  declare src: string | undefined;
  /** The collector: its base URL or the URL of `POST /v1/responses`. Without it, responses are only handed to the page through `olva-submit`. */
  declare endpoint: string | undefined;
  /** The territory, `level:code` (e.g. `commune:35238`, `epci:200042174`); defaults to the compiled questionnaire's territory. */
  declare territory: string | undefined;
  /** The wave ("millésime") of the survey, e.g. `2026`. Required. */
  declare wave: string | undefined;
  /** Which partner or event distributed the survey (optional), e.g. `forum-2026`. */
  declare source: string | undefined;
  /** Interface and question language: `fr` (default) or `en`; question texts fall back to French. */
  declare lang: string;
  /** `web` (default), `paper` (fast data entry of paper forms), `phone`, or `kiosk` (starts again after each response). */
  declare channel: string | undefined;
  /** Offers "resume later": the answers are kept on this device until sent. */
  declare resume: boolean;
  /** Kiosk: seconds the receipt stays before the form starts again (default 30); it waits while the receipt is pointed at or focused. Also the seconds a form left alone warns before it starts again. */
  declare resetAfter: number | undefined;
  /** Kiosk: seconds without a touch or a key, mid-form, before the form warns that it will start again for the next visitor (default 120). */
  declare idleAfter: number | undefined;
  /** Paper data entry: `all` (default) shows every question on one page, `sections` one section a page. */
  declare paperLayout: string | undefined;
  /**
   * For `olva preview` only, never on a survey page: pages never stop on errors (they are
   * shown, "next" moves on) and nothing is ever sent, whatever `endpoint` says.
   */
  declare preview: boolean;
  /** With `preview`: the id of the section to show (when it is shown at all). */
  declare previewSection: string | undefined;
  /** The compiled questionnaire, set directly instead of `src` (stories, tests, pages that build it). */
  declare questionnaire: CompiledQuestionnaire | undefined;

  declare private _view: View;
  declare private _failure: string;

  #session: ResponseSession | undefined;
  #unsubscribe: (() => void) | undefined;
  #typed = new Map<string, string>();
  #abort: AbortController | undefined;
  #announceReady = false;
  /** The steps of the response being filled in (with the session). */
  #pages: PageFlow | undefined;
  #voice = new Announcer(this, () => this.#locale);
  #delivery = new Delivery(this, this.#voice, {
    endpoint: () => (this.preview ? undefined : this.endpoint),
    noted: () => (this.#channel === 'kiosk' || this.#channel === 'paper' ? undefined : this.questionnaire),
    language: () => this.#locale,
  });
  #history = new StepHistory(this, (step) => this.#onHistoryStep(step));
  #kept = new KeptAnswers(this, () => this.#session && this.#view !== 'done'
    ? { answers: this.#session.answers, section: this.#pageSections()[0]?.id }
    : undefined);

  #drafts = new Drafts(this, this.#voice, this.#kept, {
    resume: (draft) => {
      this.#session!.replaceAnswers(draft.answers);
      this.#goTo(this.#pages!.pageOf(draft.section));
    },
    discarded: () => void this.#voice.focus(sectionHeading(this.#pageSections()[0]?.id ?? '')),
  });

  /** The questions on the page, each redrawn on its own when its answer, error… change. */
  #questions = new QuestionParts((question) => this.#questionState(question));
  /** The problems shown on the page last drawn (undefined until it is checked). */
  #problems: PageProblems | undefined;
  /** The visible sections when the page was last drawn: another list redraws the page (progress, next). */
  #drawnSections: readonly CompiledSection[] = [];
  #refreshQueued = false;
  /** The questions changed since the last refresh; null: any may have (see `SessionChange`). */
  #changedQuestions: Set<string> | null = new Set();

  #kiosk = new KioskReset(this, this.#voice, {
    delays: () => [this.idleAfter, this.resetAfter],
    used: () => this.#channel === 'kiosk' && this.#view !== 'done' && Object.keys(this.#session?.answers ?? {}).length > 0,
    restart: () => this.#restart(),
  });

  #paper = new PaperEntry(this, this.#voice, {
    session: () => this.#session,
    save: () => {
      if (!this.#delivery.sending) this.#next(this.#pages?.warningsShown ?? false);
    },
  });

  constructor() {
    super();
    this.resume = false;
    this.preview = false;
    this._view = 'empty';
    this._failure = '';
  }

  /** The session of the response being filled in, for pages and tests that need it. */
  get session(): ResponseSession | undefined {
    return this.#session;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src && !changed.has('questionnaire')) this.#load(this.src);
    if (changed.has('questionnaire')) this.#start();
    if (changed.has('endpoint') || changed.has('preview')) this.#delivery.open();
    if (changed.has('lang') && this.#session) this.#session.locale = this.#locale;
    if (changed.has('previewSection') && !changed.has('questionnaire') && this.#pages) this.#showPreviewSection();
  }

  override updated(): void {
    if (this.#announceReady && this.questionnaire) {
      this.#announceReady = false;
      this.dispatchEvent(new OlvaReadyEvent(this.questionnaire));
      const { problems } = this.#context();
      if (problems.length) this.dispatchEvent(new OlvaErrorEvent(problems.join(' ')));
    }
  }

  // ---- state ---------------------------------------------------------------------------------

  get #locale(): Locale {
    return toLocale(this.lang || this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang);
  }

  get #strings(): Strings {
    return stringsFor(this.#locale, this.#channel === 'kiosk');
  }

  get #flow(): FlowStrings {
    return this.#voice.flow;
  }

  get #channel(): Channel {
    return parseChannel(this.channel);
  }

  /** Paper entry with every question on one page. */
  get #allOnOnePage(): boolean {
    return this.#channel === 'paper' && parsePaperLayout(this.paperLayout) === 'all';
  }

  #context() {
    return responseContext(
      { territory: this.territory, wave: this.wave, source: this.source, channel: this.channel, locale: this.#locale },
      this.questionnaire!, this.#strings,
    );
  }

  #load(src: string): void {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this._view = 'loading';
    loadQuestionnaire(src, abort.signal).then(
      (questionnaire) => {
        if (abort.signal.aborted) return;
        this.questionnaire = questionnaire;
        // Asked once the first page is drawn (which would otherwise be drawn again over the
        // notice): the questionnaire's request and the first question share their time with
        // nothing, and the answer comes long before anyone has answered a page.
        this.#checkWave(abort);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const strings = this.#strings;
        this._failure = error instanceof QuestionnaireLoadError && error.reason !== 'fetch' ? strings[error.reason] : strings.loadError;
        this._view = 'failed';
        this.dispatchEvent(new OlvaErrorEvent(`${this._failure} (${(error as Error)?.message ?? String(error)})`));
      },
    );
  }

  /**
   * Asks the collector, once the page is drawn, whether the wave takes this questionnaire
   * (decision 0015); when it does not, its notice replaces the questions and is said. `cache`:
   * how the request meets the browser's cache, which keeps the answer a minute.
   */
  #checkWave(abort: AbortController | undefined, cache?: RequestCache): void {
    const { questionnaire, wave } = this;
    void this.updateComplete.then(() => askWave(this.endpoint, wave, this.#channel, this.#locale, cache)).then((answer) => {
      if (abort?.signal.aborted) return;
      const refused = waveRefusal(answer, questionnaire!, wave!, this.#locale);
      const shut = this._view === 'closed';
      // Open again (or the collector has the wave now): the form starts again, as for a visitor.
      if (shut && answer && !refused) {
        this._view = 'shown';
        return this.#restart();
      }
      // The same notice, asked again, is neither said nor warned again.
      if (refused && !(shut && refused[0] === this._failure)) {
        const [notice, closed, warning] = refused;
        this._failure = notice;
        this._view = closed ? 'closed' : 'failed';
        this.#voice.announce(() => notice);
        this.dispatchEvent(new OlvaErrorEvent(notice));
        console.warn(`olva-survey: ${warning}`);
      }
      // A fair's kiosk stays on all day: while it says the collection is closed, it asks again.
      if (this._view === 'closed' && this.#channel === 'kiosk') this.#kiosk.recheck(() => this.#checkWave(abort, 'no-cache'));
    });
  }

  #start(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#kiosk.stop();
    const questionnaire = this.questionnaire;
    if (!questionnaire) {
      this.#session = undefined;
      this.#pages = undefined;
      this._view = 'empty';
      return;
    }
    this.#session = new ResponseSession(questionnaire, { locale: this.#locale, channel: this.#channel });
    this.#unsubscribe = this.#session.subscribe((change) => this.#answersChanged(change));
    this.#pages = new PageFlow(this.#session, {
      allOnOnePage: () => this.#allOnOnePage,
      paper: () => this.#channel === 'paper',
      locale: () => this.#locale,
      preview: () => this.preview,
    });
    const drafts = this.#drafts.start(questionnaire, this.resume && this.#channel === 'web');
    this.#clearForm();
    this._view = 'shown';
    const key = `${draftKey(questionnaire)}#${this.id || [...document.querySelectorAll('olva-survey')].indexOf(this)}`;
    this.#history.key = this.#allOnOnePage ? undefined : key;
    this.#history.pushes = this.#channel !== 'kiosk';
    this.#kept.start(key, this.#channel !== 'kiosk', drafts);
    this.#restoreKept();
    this.#showPreviewSection();
    this.#announceReady = true;
    // Data entry starts typing at once, in the first box.
    if (this.#channel === 'paper') void this.#voice.focusFirstInput();
  }

  /**
   * Back in this tab after leaving the page (a link, Back past the first step, a reload): the
   * answers come back, and the step the history entry holds.
   */
  #restoreKept(): void {
    const kept = this.#kept.loadTab();
    if (kept) {
      this.#session!.replaceAnswers(kept.answers);
      this.#drafts.followInTab();
      const step = this.#history.current();
      if (step !== undefined && this.#showStep(step)) return;
    }
    this.#history.replace(this.#pageName());
  }

  /** Preview: the section the developer picked, when there is one and it is shown. */
  #showPreviewSection(): void {
    if (this.preview && this.previewSection && this.#pageName() !== this.previewSection) this.#showStep(this.previewSection);
  }

  /** Back or Forward reached a step of this survey. */
  #onHistoryStep(step: Step): void {
    if ((this.#view === 'form' || this.#view === 'review') && step !== this.#pageName()) this.#showStep(step);
  }

  /** Shows a step by name, without adding it to the history; false when it is not shown (a section now hidden). */
  #showStep(step: Step): boolean {
    const target = this.#pages!.targetOf(step);
    if (target === undefined) return false;
    this.#goTo(target, { record: false });
    return true;
  }

  /** Empties everything the respondent did, for a new response. */
  #clearForm(): void {
    this.#typed.clear();
    this.#pages?.reset();
    this.requestUpdate();
    this.#delivery.receipt = undefined;
    this.#voice.clearNotice();
  }

  #setAnswer(id: string, value: AnswerValue | undefined, typed?: string, shown?: boolean): void {
    const session = this.#session!;
    session.setAnswer(id, value);
    // The question shows this answer already (a radio button checked): not drawn again for it.
    if (shown && session.getAnswer(id) === value) this.#questions.shown.set(id, value);
    this.#pages?.answered();
    if (typed === undefined) this.#typed.delete(id);
    else this.#typed.set(id, typed);
    this.dispatchEvent(new OlvaChangeEvent(id, session.getAnswer(id)));
  }

  /**
   * The answers changed. Most changes concern the questions alone (an answer, a question shown
   * or hidden by a condition): each question on the page redraws itself if it must, and the
   * page is not redrawn. The page is, when what it shows beyond its questions may follow the
   * answers: the error summary of a page already checked, the list of sections (progress,
   * next or review), or another step than a page of questions. Only the questions the session
   * says changed are looked at (the one answered, those shown, hidden or made required by it).
   * Batched in a microtask: the typed text is recorded after the answer, and a change often
   * comes with a move to another page, which redraws everything anyway.
   */
  #answersChanged(change: SessionChange): void {
    const changed = this.#changedQuestions;
    if (!change.questions) this.#changedQuestions = null;
    else if (changed !== null) for (const id of change.questions) changed.add(id);
    if (this.#refreshQueued) return;
    this.#refreshQueued = true;
    queueMicrotask(() => {
      const questions = this.#changedQuestions;
      this.#refreshQueued = false;
      this.#changedQuestions = new Set();
      // A page drawn with its problems (it was checked) shows them as the answers change.
      const pageShowsMore = this.#view !== 'form' || this.#problems !== undefined
        || !sameSections(this.#pages!.sections(), this.#drawnSections);
      if (pageShowsMore) this.requestUpdate();
      else if (!this.isUpdatePending) this.#questions.refresh(questions);
      this.#questions.shown.clear();
    });
  }

  // ---- pages ---------------------------------------------------------------------------------

  /** What the element shows: the flow's step once a questionnaire is shown. */
  get #view(): Exclude<View, 'shown'> | FlowStep {
    return this._view === 'shown' ? this.#pages!.step : this._view;
  }

  #sections(): CompiledSection[] {
    return this.#pages?.sections() ?? [];
  }

  /** The sections on the current page. */
  #pageSections(): CompiledSection[] {
    return this.#pages?.pageSections() ?? [];
  }

  #pageName(): string {
    return this.#pages?.pageName() ?? '';
  }

  /**
   * Shows another step.
   * @param record adds it to the browser's history (false when the history itself moved)
   * @param edit a page opened by "Modifier" from the review, with the way straight back
   */
  #goTo(target: FlowTarget, { record = true, edit = false } = {}): void {
    this.#voice.clearNotice();
    const pages = this.#pages!;
    const { from, to } = edit && target !== 'review' ? pages.edit(target) : pages.moveTo(target);
    this.requestUpdate();
    if (record) this.#history.push(to);
    this.#kept.save();
    this.dispatchEvent(new OlvaPageChangeEvent(from, to));
    // Data entry goes straight on typing; a respondent hears the new page's heading first.
    if (this.#channel === 'paper') void this.#voice.focusFirstInput();
    else void this.#voice.focus(target === 'review' ? REVIEW_HEADING : sectionHeading(to));
  }

  /**
   * Checks the page before leaving it. Errors stop and are shown, focus on the first; warnings
   * not yet confirmed stop once and are shown with a confirm button.
   * @returns true when the page may be left
   */
  #checkPage(confirming: boolean): boolean {
    const check = this.#pages!.check(confirming);
    this.requestUpdate();
    if (check.kind === 'errors') {
      const count = check.count;
      this.#voice.announce((s) => s.errorSummaryTitle(count));
      void this.#voice.focus(questionIds(check.first).control);
      return false;
    }
    if (check.kind === 'warnings') {
      const count = check.count;
      this.#voice.announce((s) => s.warningsTitle(count));
      void this.#voice.focus(summaryId('warning'));
      return false;
    }
    return true;
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this.#delivery.sending) return;
    if (this.#view === 'review') {
      void this.#send();
      return;
    }
    this.#next(false);
  };

  #next(confirming: boolean): void {
    if (!this.#checkPage(confirming)) return;
    const next = this.#pages!.next();
    if (next.kind === 'page') this.#goTo(next.page);
    else if (next.kind === 'send') void this.#send();
    else this.#goTo('review');
  }

  /** After "Modifier" from the review: back to it once this page holds. */
  #backToReview = (): void => {
    if (this.#checkPage(false)) this.#goTo('review');
  };

  // ---- sending -------------------------------------------------------------------------------

  async #send(): Promise<void> {
    const session = this.#session!;
    if (!session.canSubmit()) {
      // Answers changed since their page was checked (a draft, a condition): show the first page at fault.
      const page = this.#pages!.firstFaultyPage();
      this.requestUpdate();
      if (!this.#allOnOnePage) this.#goTo(page);
      this.#checkPage(true);
      return;
    }
    const built = this.#context();
    if (!built.context) {
      this.#voice.notify('error', () => this.#context().problems.join(' '));
      this.dispatchEvent(new OlvaErrorEvent(built.problems.join(' ')));
      return;
    }
    await this.#delivery.send(session.buildPayload(built.context), (receipt) => this.#finish(receipt));
  }

  /** After a response left the form: receipt, or (data entry) a fresh form and the counter. */
  #finish(receipt: ReceiptState): void {
    this.#kept.clear();
    this.#drafts.withdraw();
    if (this.#channel === 'paper') {
      this.#session!.reset();
      this.#clearForm();
      this.#history.replace(this.#pageName());
      this.#paper.saved(receipt.submissionId);
      void this.#voice.focusFirstInput();
      return;
    }
    const from = this.#pageName();
    this.#delivery.receipt = receipt;
    this.#pages!.finish();
    this.requestUpdate();
    this.dispatchEvent(new OlvaPageChangeEvent(from, 'receipt'));
    if (receipt.kind === 'sent' || receipt.kind === 'handed') this.#voice.announce((s) => s.sentTitle);
    void this.#voice.focus(RECEIPT_HEADING);
    if (this.#channel === 'kiosk') this.#kiosk.start();
  }

  /** Kiosk: a new, empty response for the next visitor (after a receipt, or a form left alone). */
  #restart(): void {
    const from = this.#pageName();
    this.#kiosk.stop();
    this.#session?.reset();
    this.#clearForm();
    // Nothing the previous visitor heard stays in the live region.
    this.#voice.announce(() => '');
    this.#history.replace(this.#pageName());
    const first = this.#pageSections()[0]?.id ?? '';
    this.dispatchEvent(new OlvaPageChangeEvent(from, first));
    void this.#voice.focus(sectionHeading(first));
    // A kiosk stays up for days: the wave may have closed since the last visitor, who would
    // otherwise be the first to learn it, from the refusal at the end. Asked past the cache,
    // once a visitor; on a timer only while the notice shows.
    this.#checkWave(this.#abort, 'no-cache');
  }

  // ---- rendering -----------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`${this.#renderBody()}
      ${this.#voice.renderLive()}`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const strings = this.#strings;
    const view = this.#view;
    switch (view) {
      case 'empty':
        return html`<slot></slot>`;
      case 'loading':
        return html`<p class="notice" part="notice">${strings.loading}</p>`;
      case 'failed':
        return html`<p class="error" part="error">${this._failure}</p>`;
      case 'closed':
        // A collection that ended is news, not a fault: the neutral notice, not the error's red.
        return html`<p class="notice" part="notice">${this._failure}</p>`;
    }
    const questionnaire = this.questionnaire!;
    const pages = this.#pages!;
    const locale = this.#locale;
    const config = this.#context().problems;
    const paper = this.#channel === 'paper';
    return html`<form part="form" novalidate lang=${locale} @submit=${this.#onSubmit}
        @keydown=${paper ? this.#paper.keydown : holdsEnter}>
      <h2 class="title">${paper ? html`${strings.paperTitle} : ` : nothing}${renderSafeText(localize(questionnaire.title, locale), null)}</h2>
      ${questionnaire.description && view === 'form' && pages.page === 0 && !paper
        ? html`<p class="description">${renderSafeText(localize(questionnaire.description, locale), strings.newWindow)}</p>`
        : nothing}
      ${config.length ? html`<p class="error" part="error">${config.join(' ')}</p>` : nothing}
      ${paper ? this.#paper.renderHeader(strings, this.#delivery.pending) : nothing}
      ${view === 'form' ? this.#renderPage() : view === 'review' ? this.#renderReviewStep() : this.#renderDone()}
      ${this.#kiosk.renderWarning()}
    </form>`;
  }

  #renderProgress(): TemplateResult | typeof nothing {
    const view = this.#view;
    if (this.#allOnOnePage || view === 'done') return nothing;
    const strings = this.#strings;
    const sections = this.#sections();
    const total = sections.length + (this.#channel === 'paper' ? 0 : 1);
    if (view === 'review') return renderProgress(strings, total, total, strings.reviewTitle);
    const page = Math.min(this.#pages!.page, sections.length - 1);
    return renderProgress(strings, page + 1, total, localize(sections[page]?.title, this.#locale));
  }

  #renderPage(): TemplateResult {
    const strings = this.#strings;
    const pages = this.#pages!;
    const sections = pages.pageSections();
    const attempted = sections.some((s) => pages.attempted.has(s.id));
    const problems = attempted ? pages.problems(sections) : undefined;
    this.#problems = problems;
    this.#drawnSections = pages.sections();
    const unconfirmed = problems ? problems.warningItems.filter((_, i) => !pages.confirmed.has(problems.warningIds[i])) : [];
    const paper = this.#channel === 'paper';
    const last = pages.isLast();
    const note = this.#delivery.note();
    return html`${this.#renderProgress()}
      ${note ? renderOutboxNote(note, this.#flow) : nothing}
      ${this.#drafts.renderOffer()}
      <p class="hint required-legend">${strings.requiredLegend}</p>
      ${problems?.errorItems.length
        ? renderSummary({
          kind: 'error', title: strings.errorSummaryTitle(problems.errorItems.length), items: problems.errorItems, numbered: paper,
          onJump: (id) => void this.#voice.focus(questionIds(id).control),
        })
        : nothing}
      ${!problems?.errorItems.length && unconfirmed.length
        ? renderSummary({
          kind: 'warning', title: strings.warningsTitle(unconfirmed.length), items: unconfirmed, numbered: paper,
          intro: paper ? `${strings.warningsHelp} ${this.#flow.paperConfirmHint}` : strings.warningsHelp,
          onJump: (id) => void this.#voice.focus(questionIds(id).control),
          action: html`<button type="button" part="button" @click=${() => this.#next(true)}>${strings.confirmWarnings}</button>`,
        })
        : nothing}
      ${repeat(sections, (s) => s.id, (section) => this.#renderSection(section))}
      ${this.#voice.renderNotice()}
      ${renderNavigation({
        strings,
        onPrevious: pages.hasPrevious() ? () => this.#goTo(pages.page - 1) : undefined,
        primary: paper ? (last ? strings.paperSave : strings.next) : last ? strings.review : strings.next,
        busy: this.#delivery.sending,
        extra: html`${pages.editingFromReview
          ? html`<button type="button" part="button" @click=${this.#backToReview}>${this.#flow.backToReview}</button>`
          : nothing}${this.#drafts.available && this.#channel === 'web'
          ? html`<button type="button" part="button" @click=${this.#drafts.save}>${strings.resumeLater}</button>`
          : nothing}`,
      })}`;
  }

  /**
   * Every question of the section has its place, in order, drawn by `questionPart`: a unit
   * that redraws itself when its own answer, error or visibility changes (see
   * questions/question-part.ts), so that answering a question does not redraw the page. A
   * question with a condition sits in a box that `hidden` takes off the page while the
   * condition says so, and keeps its DOM as it was until it shows again (docs/decisions/0003).
   */
  #renderSection(section: CompiledSection): TemplateResult {
    const locale = this.#locale;
    return html`<section part="section" aria-labelledby=${sectionHeading(section.id)}><h3 class="section-title" id=${sectionHeading(section.id)} tabindex="-1">${renderSafeText(localize(section.title, locale), null)}</h3>${section.description
        ? html`<p class="description">${renderSafeText(localize(section.description, locale), this.#strings.newWindow)}</p>`
        : nothing}${repeat(section.questions, (q) => q.id, (q) => questionPart(q, this.#questions))}</section>`;
  }

  /** What one question is drawn from now: its answer, typed text, problems, requiredness, language. */
  #questionState(question: CompiledQuestion): QuestionState {
    const session = this.#session!;
    const render = questionRenderer(question.type);
    const visible = session.isVisible(question.id);
    if (!render) {
      return { visible, inputs: [question], draw: () => html`<p class="error" part="error">${question.id}: ${question.type}?</p>` };
    }
    const problems = this.#problems;
    const value = session.getAnswer(question.id);
    const other = session.getAnswer(otherKey(question.id));
    // What was typed only stands while the answer exists (a hidden question loses both).
    const typed = value === undefined ? undefined : this.#typed.get(question.id);
    const error = problems?.errors.get(question.id) ?? null;
    const warning = error === null ? problems?.warnings.get(question.id) : undefined;
    const required = session.isRequired(question.id);
    const locale = this.#locale;
    const channel = this.#channel;
    // One object per language and channel (a kiosk's has no link out): an input like the rest.
    const strings = stringsFor(locale, channel === 'kiosk');
    const mode: EntryMode = channel === 'paper' ? 'paper' : 'web';
    // Paper and phone record a required question the respondent left blank (payload `blank`).
    const blank = (channel === 'paper' || channel === 'phone') && required ? session.isLeftBlank(question.id) : undefined;
    const endpoint = this.endpoint;
    // The session keeps an unchanged answer's identity, and a renderer reads nothing else.
    return {
      visible,
      answer: value,
      inputs: [question, render, other, typed, error, warning, required, locale, strings, mode, endpoint, blank],
      draw: () => render({
        question,
        value,
        otherValue: typeof other === 'string' ? other : undefined,
        typed,
        error,
        warning,
        required,
        locale,
        strings,
        mode,
        endpoint,
        onChange: (next, typedText, shown) => this.#setAnswer(question.id, next, typedText, shown),
        onOtherChange: (text) => this.#setAnswer(otherKey(question.id), text),
        announce: (text) => this.#voice.announce(() => text),
        leftBlank: blank === undefined ? undefined : { marked: blank, onToggle: (on) => session.setLeftBlank(question.id, on) },
      }),
    };
  }

  #renderReviewStep(): TemplateResult {
    const strings = this.#strings;
    return html`${this.#renderProgress()}
      ${renderReview({
        session: this.#session!, locale: this.#locale, strings,
        onEdit: (page) => this.#goTo(page, { edit: true }),
      })}
      ${this.#voice.renderNotice()}
      ${renderNavigation({
        strings,
        onPrevious: () => this.#goTo(Math.max(this.#sections().length - 1, 0)),
        primary: strings.send,
        busy: this.#delivery.sending,
      })}`;
  }

  #renderDone(): TemplateResult | typeof nothing {
    const receipt = this.#delivery.receipt;
    if (!receipt) return nothing;
    return renderReceipt({
      strings: this.#strings,
      flow: this.#flow,
      receipt,
      kiosk: this.#channel === 'kiosk'
        ? this.#kiosk.receipt()
        : undefined,
    });
  }
}
