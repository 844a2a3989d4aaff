import { describe, expect, it } from 'vitest';
import { DraftStore, draftKey, type DraftStorage } from './drafts.js';
import { ResponseSession } from './session.js';
import { fixture } from './__fixtures__/compiled.js';

function memoryStorage(): DraftStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('DraftStore', () => {
  it('keeps nothing until asked, then saves, loads and clears a draft', () => {
    const compiled = fixture();
    const storage = memoryStorage();
    const drafts = new DraftStore(draftKey(compiled), storage);
    expect(drafts.load()).toBeNull();
    expect(storage.data.size).toBe(0);
    const session = new ResponseSession(compiled);
    session.setAnswer('employeur', true);
    session.setAnswer('nb_salaries', 4);
    expect(drafts.save(session.answers, 'activites', new Date('2026-03-01T10:00:00Z'))).toBe(true);
    const draft = drafts.load();
    expect(draft).toEqual({ answers: { employeur: true, nb_salaries: 4 }, section: 'activites', savedAt: '2026-03-01T10:00:00.000Z' });
    expect(new ResponseSession(compiled, { answers: draft!.answers }).answers).toEqual(session.answers);
    drafts.clear();
    expect(drafts.load()).toBeNull();
    expect(storage.data.size).toBe(0);
  });

  it('names the exact versions in the key, so another version never loads it', () => {
    const a = fixture();
    const b = fixture();
    b.questionnaire.version = '2026.2.0';
    expect(draftKey(a)).toBe('olva-draft:test-core@2026.1.0+testville-2026@1.0.0');
    expect(draftKey(a)).not.toBe(draftKey(b));
  });

  it('survives a full or blocked storage and unreadable drafts', () => {
    const full: DraftStorage = { getItem: () => '{not json', setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => { throw new Error('blocked'); } };
    const drafts = new DraftStore('k', full);
    expect(drafts.save({ a: 1 })).toBe(false);
    expect(drafts.load()).toBeNull();
    expect(() => drafts.clear()).not.toThrow();
    expect(new DraftStore('k', undefined).available()).toBe(typeof localStorage !== 'undefined');
  });
});
