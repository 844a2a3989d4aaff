/**
 * The builds of `olva preview`: every save compiles again; a build that fails keeps the last
 * good one on show, beside its problems.
 */
import { compile, emitCodebookCsv, emitCodebookMd, emitPaper, type CompilerProblem } from '@olva/compiler';
import type { CompiledQuestionnaire } from '@olva/schema';

/** What a good build gave: the compiled questionnaire and the files the preview serves. */
export interface GoodBuild {
  compiled: CompiledQuestionnaire;
  /** `paper.html`, `codebook.md`, `codebook.csv` of that build. */
  files: Record<PreviewFile, string>;
}

/** The build outputs the preview serves besides the survey. */
export const PREVIEW_FILES = ['paper.html', 'codebook.md', 'codebook.csv'] as const;
/** One of {@link PREVIEW_FILES}. */
export type PreviewFile = (typeof PREVIEW_FILES)[number];

/** The state after the latest build. */
export interface PreviewState {
  /** Counts builds (1 after the first): the page reloads when it changes. */
  number: number;
  /** The latest build's problems (errors and warnings). */
  problems: CompilerProblem[];
  /** False when the latest build failed (then `good` is the one before, if any). */
  ok: boolean;
  /** The last good build; null until one succeeds. */
  good: GoodBuild | null;
}

/**
 * Rebuilds on demand, one build at a time; a request made during a build runs after it. A
 * build is the compiler's (load, validate, assemble, lint) and the emitters of the files the
 * preview shows; the others (validator, types…) take seconds and are `olva build`'s business.
 */
export class PreviewBuilder {
  state: PreviewState = { number: 0, problems: [], ok: false, good: null };
  #running: Promise<void> | undefined;
  #again = false;

  constructor(private readonly input: { core: string; extension: string | null }, private readonly onBuilt: (state: PreviewState) => void) {}

  /** Builds now, or right after the build under way. */
  rebuild(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#buildOnce();
      } while (this.#again);
      this.#running = undefined;
    })();
    return this.#running;
  }

  async #buildOnce(): Promise<void> {
    const result = await compile(this.input);
    const problems = [...result.problems];
    let good = this.state.good;
    let ok = false;
    if (result.compiled) {
      try {
        const compiled = result.compiled;
        good = { compiled, files: { 'paper.html': emitPaper(compiled), 'codebook.md': emitCodebookMd(compiled), 'codebook.csv': emitCodebookCsv(compiled) } };
        ok = true;
      } catch (error) {
        // Two ids giving one export column (CodebookError): lint catches the known cases, this is the last line.
        const message = error instanceof Error ? error.message : String(error);
        problems.push({ file: this.input.extension ?? this.input.core, pointer: '', rule: 'emit/codebook', severity: 'error', message, fr: { message } });
      }
    }
    this.state = { number: this.state.number + 1, problems, ok, good };
    this.onBuilt(this.state);
  }

  /** Waits for the build under way. */
  async close(): Promise<void> {
    await this.#running;
  }
}
