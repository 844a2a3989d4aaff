/**
 * "Resume later": a draft of the answers kept on this device only, and only when the
 * respondent asks for it. Cleared on submission. Nothing is sent anywhere.
 */
import { versionKeyOf, versionKeyString } from '@olva/schema';
import type { AnswerMap, CompiledQuestionnaire, Draft } from './types.js';

/** The subset of the Web Storage API a DraftStore needs (localStorage satisfies it). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The storage key of the draft of a compiled questionnaire: it names the exact versions, so
 * that a draft made for another version is never loaded into this one.
 */
export function draftKey(compiled: CompiledQuestionnaire): string {
  return `olva-draft:${versionKeyString(versionKeyOf(compiled))}`;
}

function defaultStorage(): DraftStorage | undefined {
  try {
    return (globalThis as { localStorage?: DraftStorage }).localStorage;
  } catch {
    // Reading localStorage throws when the browser blocks storage for the page.
    return undefined;
  }
}

/** Drafts of one questionnaire on this device. */
export class DraftStore {
  readonly #storage: DraftStorage | undefined;

  /**
   * @param storageKey the key of the draft: use `draftKey(compiled)`, which names the versions
   * @param storage where to keep it; defaults to `localStorage` when available
   */
  constructor(readonly storageKey: string, storage?: DraftStorage) {
    this.#storage = storage ?? defaultStorage();
  }

  /** True when drafts can be kept here (storage exists and accepts writes). */
  available(): boolean {
    return this.#storage !== undefined;
  }

  /**
   * Saves the answers and the current section. Returns false when the device refuses
   * (storage full, blocked, private browsing): the caller tells the respondent.
   */
  save(answers: AnswerMap, section?: string, now: Date = new Date()): boolean {
    if (!this.#storage) return false;
    const draft: Draft = { answers, savedAt: now.toISOString() };
    if (section !== undefined) draft.section = section;
    try {
      this.#storage.setItem(this.storageKey, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  /** The saved draft, or null (none, or unreadable). Give its answers to `ResponseSession`, which drops unknown ones. */
  load(): Draft | null {
    let text: string | null = null;
    try {
      text = this.#storage?.getItem(this.storageKey) ?? null;
    } catch {
      return null;
    }
    if (!text) return null;
    try {
      const draft = JSON.parse(text) as Draft;
      if (!draft || typeof draft !== 'object' || typeof draft.answers !== 'object' || draft.answers === null) return null;
      return draft;
    } catch {
      return null;
    }
  }

  /** Forgets the draft (on submission, or when the respondent asks). */
  clear(): void {
    try {
      this.#storage?.removeItem(this.storageKey);
    } catch {
      // Nothing to clear when storage is blocked.
    }
  }
}
