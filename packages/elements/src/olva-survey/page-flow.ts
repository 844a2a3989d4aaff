/**
 * Which step of a response is shown, and the rules for moving between steps: one section a
 * page (or, in paper data entry with `paper-layout="all"`, every section on one page), then
 * the review, then the receipt. A page is checked before it is left: errors stop, warnings
 * stop once until confirmed. A page opened by "Modifier" from the review offers the way
 * straight back ("Retour au récapitulatif").
 *
 * Plain state over the runtime's `ResponseSession`, without DOM: the element renders it,
 * moves the focus, says what happened and fires the events.
 */
import type { Locale, ResponseSession } from '@olva/runtime';
import type { CompiledSection } from '@olva/schema';
import { pageProblems, type PageProblems } from './problems.js';

/** Where the respondent is: a page of questions, the review, or the receipt. */
export type FlowStep = 'form' | 'review' | 'done';

/** A page to show: its index among the visible sections, or the review. */
export type FlowTarget = number | 'review';

/** What checking the page found. */
export type PageCheck =
  | { kind: 'pass' }
  /** Errors: the page stays, the summary lists them; `first` is the question to focus. */
  | { kind: 'errors'; count: number; first: string }
  /** Warnings not yet confirmed: the page stays once, with a confirm button. */
  | { kind: 'warnings'; count: number };

/** What comes after the current page once it holds. */
export type NextStep = { kind: 'page'; page: number } | { kind: 'review' } | { kind: 'send' };

/** What the flow reads from the survey's attributes, which may change at any time. */
export interface FlowOptions {
  /** Paper data entry with every question on one page. */
  allOnOnePage(): boolean;
  /** Paper data entry: the last page saves the form (no review). */
  paper(): boolean;
  /** The language shown, for the problems' messages. */
  locale(): Locale;
  /**
   * `olva preview` only: a page never stops the developer (its problems are shown, but
   * "next" moves on), so that any section can be reached without answering the core.
   */
  preview?(): boolean;
}

/** The steps of one response being filled in. */
export class PageFlow {
  step: FlowStep = 'form';
  /** Index of the page shown among the visible sections. */
  page = 0;
  /** Sections whose page the respondent tried to leave: their problems are shown. */
  attempted: ReadonlySet<string> = new Set();
  /** Warning checks the respondent confirmed. */
  confirmed: ReadonlySet<string> = new Set();
  /** Data entry: the warnings of the page are on screen, so Ctrl+Enter confirms them. */
  warningsShown = false;
  /** A page opened by "Modifier" from the review: it offers the way straight back. */
  editingFromReview = false;

  constructor(readonly session: ResponseSession, private readonly options: FlowOptions) {}

  /** The sections shown, in order (those whose condition holds). */
  sections(): CompiledSection[] {
    return this.session.visibleSections();
  }

  /** The sections on the current page. */
  pageSections(): CompiledSection[] {
    const sections = this.sections();
    if (this.options.allOnOnePage()) return sections;
    const section = sections[Math.min(this.page, sections.length - 1)];
    return section ? [section] : [];
  }

  /** The step's name, as events and the history say it: a section id, `review` or `receipt`. */
  pageName(): string {
    if (this.step === 'review') return 'review';
    if (this.step === 'done') return 'receipt';
    return this.pageSections()[0]?.id ?? '';
  }

  /** True on the last page of questions (the next step is the review, or saving in data entry). */
  isLast(): boolean {
    return this.options.allOnOnePage() || this.page >= this.sections().length - 1;
  }

  /** True where "previous" is offered. */
  hasPrevious(): boolean {
    return this.page > 0 && !this.options.allOnOnePage();
  }

  /** Empties everything the respondent did, for a new response: the first page, nothing attempted. */
  reset(): void {
    this.step = 'form';
    this.page = 0;
    this.attempted = new Set();
    this.confirmed = new Set();
    this.warningsShown = false;
  }

  /**
   * Moves to another page, or the review.
   * @returns the names of the step left and of the step shown
   */
  moveTo(target: FlowTarget): { from: string; to: string } {
    const from = this.pageName();
    this.warningsShown = false;
    if (target === 'review' || from === 'review') this.editingFromReview = false;
    if (target === 'review') {
      this.step = 'review';
    } else {
      this.step = 'form';
      this.page = target;
    }
    return { from, to: this.pageName() };
  }

  /** "Modifier" from the review: the page of the question, with the way back. */
  edit(page: number): { from: string; to: string } {
    const moved = this.moveTo(page);
    this.editingFromReview = true;
    return moved;
  }

  /** The page (or review) a step name stands for; undefined when no visible section has it. */
  targetOf(name: string): FlowTarget | undefined {
    if (name === 'review') return 'review';
    const page = this.sections().findIndex((s) => s.id === name);
    return page < 0 ? undefined : page;
  }

  /** The page of a section (a draft's step), or the first page when it is no longer shown. */
  pageOf(sectionId: string | undefined): number {
    return Math.max(this.sections().findIndex((s) => s.id === sectionId), 0);
  }

  /** The response left the form: the receipt. */
  finish(): void {
    this.step = 'done';
  }

  /** An answer changed: warnings shown no longer stand for the page as it is. */
  answered(): void {
    this.warningsShown = false;
  }

  /** The problems of some sections (all checks when every question is on one page). */
  problems(sections: readonly CompiledSection[]): PageProblems {
    const session = this.session;
    const questions = sections.flatMap((s) => session.visibleQuestions(s.id));
    const checks = this.options.allOnOnePage() ? session.failingChecks() : sections.flatMap((s) => session.failingChecks(s.id));
    return pageProblems(session, questions, checks, this.options.locale());
  }

  /**
   * Checks the page before leaving it: its problems are shown from now on. Errors stop;
   * warnings not yet confirmed stop once (`confirming` confirms them).
   */
  check(confirming: boolean): PageCheck {
    const sections = this.pageSections();
    this.attempted = new Set([...this.attempted, ...sections.map((s) => s.id)]);
    const problems = this.problems(sections);
    if (this.options.preview?.()) return { kind: 'pass' };
    if (problems.errorItems.length) {
      return { kind: 'errors', count: problems.errorItems.length, first: problems.errorItems[0].questionId };
    }
    if (confirming) this.confirmed = new Set([...this.confirmed, ...problems.warningIds]);
    else if (problems.warningIds.some((id) => !this.confirmed.has(id))) {
      this.warningsShown = true;
      return { kind: 'warnings', count: problems.warningItems.length };
    }
    return { kind: 'pass' };
  }

  /** Where "next" leads from the current page, once it holds. */
  next(): NextStep {
    if (!this.isLast()) return { kind: 'page', page: this.page + 1 };
    return this.options.paper() ? { kind: 'send' } : { kind: 'review' };
  }

  /**
   * Before sending: answers changed since their page was checked (a draft, a condition). Every
   * section's problems are shown from now on.
   * @returns the page of the first section at fault (the first page if none)
   */
  firstFaultyPage(): number {
    const sections = this.sections();
    const page = sections.findIndex((s) => this.problems([s]).errorItems.length > 0);
    this.attempted = new Set(sections.map((s) => s.id));
    return Math.max(page, 0);
  }
}
