import { describe, expect, it } from 'vitest';
import { validateDocument } from '@olva/schema/validate';
import { ResponseSession } from './session.js';
import { computeVisibility } from './visibility.js';
import { validateValue } from './answer-validation.js';
import { checkResponse } from './response-check.js';
import { fixture } from './__fixtures__/compiled.js';
import type { ResponseContext } from './types.js';

const context: ResponseContext = {
  territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'web', source: 'forum-2026',
  locale: 'fr', client: { name: '@olva/elements', version: '0.1.0' },
};

function clock(start = Date.parse('2026-03-01T10:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), tick: (ms: number) => { t += ms; } };
}

describe('visibility and dropping of hidden answers', () => {
  it('shows a question when its condition holds and hides it otherwise', () => {
    const s = new ResponseSession(fixture());
    expect(s.isVisible('nb_salaries')).toBe(false);
    s.setAnswer('employeur', true);
    expect(s.isVisible('nb_salaries')).toBe(true);
    expect(s.isRequired('nb_salaries')).toBe(true);
    expect(s.visibleQuestions('profil').map((q) => q.id)).toEqual(['secteur', 'employeur', 'nb_salaries', 'annee_creation', 'budget']);
  });

  it('drops answers in cascade when a question becomes hidden, for good', () => {
    const s = new ResponseSession(fixture());
    s.setAnswer('employeur', true);
    s.setAnswer('nb_salaries', 50);
    s.setAnswer('cadres', 5);
    expect(s.answers).toMatchObject({ employeur: true, nb_salaries: 50, cadres: 5 });
    s.setAnswer('employeur', false);
    expect(s.answers).toEqual({ employeur: false });
    expect(s.isVisible('cadres')).toBe(false);
    s.setAnswer('employeur', true);
    expect(s.getAnswer('nb_salaries')).toBeUndefined();
    expect(s.isVisible('cadres')).toBe(false);
  });

  it('follows dotted extension ids and matrix rows through conditions', () => {
    const s = new ResponseSession(fixture());
    expect(s.isVisible('testville.locaux')).toBe(false);
    s.setAnswer('besoins', { locaux: 'oui' });
    expect(s.isVisible('testville.locaux')).toBe(true);
    s.setAnswer('testville.locaux', 'oui');
    expect(s.isVisible('testville.quartier')).toBe(true);
    expect(s.isRequired('testville.quartier')).toBe(true);
    s.setAnswer('testville.quartier', 'Maurepas');
    s.setAnswer('besoins', { locaux: 'non' });
    expect(s.answers).toEqual({ besoins: { locaux: 'non' } });
    expect(s.visibleSections().map((x) => x.id)).toEqual(['profil', 'activites']);
  });

  it('keeps the other text with the choice "other", and drops it when the question is hidden or "other" unchosen', () => {
    const compiled = fixture();
    compiled.sections[0].questions[0].visibleWhen = { '!=': [{ var: 'budget' }, 0] };
    const s = new ResponseSession(compiled);
    s.setAnswer('secteur_other', 'Danse');
    expect(s.answers).toEqual({});
    s.setAnswer('secteur', 'other');
    s.setAnswer('secteur_other', 'Danse');
    expect(s.answers).toEqual({ secteur: 'other', secteur_other: 'Danse' });
    s.setAnswer('secteur', 'sport');
    expect(s.answers).toEqual({ secteur: 'sport' });
    s.setAnswer('secteur', 'other');
    s.setAnswer('secteur_other', 'Danse');
    s.setAnswer('budget', 0);
    expect(s.answers).toEqual({ budget: 0 });
    expect(s.validateQuestion('secteur')).toBeNull();
  });

  it('requires the other text when "other" is chosen, and validates it', () => {
    const s = new ResponseSession(fixture());
    s.setAnswer('publics', ['jeunes']);
    expect(s.validateQuestion('publics')).toBeNull();
    s.setAnswer('publics', ['jeunes', 'other']);
    expect(s.validateQuestion('publics')).toMatchObject({ code: 'other-required', message: { fr: 'Précisez votre réponse « Autre ».' } });
    s.setAnswer('publics_other', 'x'.repeat(10_001));
    expect(s.validateQuestion('publics')?.code).toBe('other');
    s.setAnswer('publics_other', 'Élus');
    expect(s.validateQuestion('publics')).toBeNull();
    s.setAnswer('secteur', 'other');
    expect(s.validateQuestion('secteur')?.code).toBe('other-required');
    s.setAnswer('secteur_other', 'Sport adapté');
    expect(s.validateQuestion('secteur')).toBeNull();
    expect(s.canSubmit()).toBe(false);
  });

  it('says to tick "other" when its text comes with nothing chosen (not "answer this question")', () => {
    const secteur = fixture().sections[0].questions[0];
    expect(validateValue(secteur, undefined, 'Sport adapté', true)).toMatchObject({
      code: 'other-not-chosen',
      message: { fr: 'Cochez « Autre (précisez) » pour donner une autre réponse.', en: 'Tick "Other (please specify)" to give another answer.' },
    });
    expect(validateValue(secteur, undefined, undefined, true)?.code).toBe('required');
  });

  it('agrees whether a condition reads an earlier or a later question', () => {
    const compiled = fixture();
    const [first, second] = compiled.sections[0].questions;
    // `secteur` (first) now depends on `employeur` (second): a forward reference.
    first.visibleWhen = { '==': [{ var: 'employeur' }, true] };
    const state = computeVisibility(compiled, { secteur: 'sport', employeur: false });
    expect(state.visible.has(first.id)).toBe(false);
    expect(state.answers).toEqual({ employeur: false });
    expect(second.id).toBe('employeur');
  });

  it('treats blank values as no answer and refuses unknown ids', () => {
    const s = new ResponseSession(fixture());
    s.setAnswer('nom', '   ');
    s.setAnswer('publics', []);
    expect(s.answers).toEqual({});
    expect(() => s.setAnswer('inconnue', 1)).toThrow(RangeError);
    expect(() => s.setAnswer('employeur_other', 'x')).toThrow(RangeError);
  });

  it('starts from given answers, dropping unknown and hidden ones', () => {
    const s = new ResponseSession(fixture(), { answers: { employeur: false, nb_salaries: 3, disparue: 1 } });
    expect(s.answers).toEqual({ employeur: false });
  });
});

describe('validation, checks and submission', () => {
  it('validates required questions and values of visible questions only', () => {
    const s = new ResponseSession(fixture());
    expect(s.validateQuestion('secteur')?.code).toBe('required');
    expect(s.validateQuestion('nb_salaries')).toBeNull();
    s.setAnswer('employeur', true);
    s.setAnswer('nb_salaries', 0);
    expect(s.validateSection('profil').map((e) => [e.questionId, e.code])).toEqual([['secteur', 'required'], ['nb_salaries', 'min']]);
    expect(s.canSubmit()).toBe(false);
  });

  it('requires every row of a required matrix', () => {
    const s = new ResponseSession(fixture());
    expect(s.validateQuestion('besoins')).toBeNull();
    s.setAnswer('employeur', true);
    expect(s.validateQuestion('besoins')?.code).toBe('required');
    s.setAnswer('besoins', { locaux: 'oui' });
    const error = s.validateQuestion('besoins');
    expect(error?.code).toBe('row');
    expect(error?.message.en).toContain('"Funding"');
  });

  it('blocks on a failing error check, not on a warning', () => {
    const s = new ResponseSession(fixture());
    s.setAnswer('secteur', 'sport');
    s.setAnswer('employeur', true);
    s.setAnswer('nb_salaries', 20);
    s.setAnswer('besoins', { locaux: 'non', financement: 'oui' });
    s.setAnswer('publics', ['jeunes']);
    expect(s.canSubmit()).toBe(true);
    s.setAnswer('budget', 500);
    expect(s.failingChecks().map((f) => [f.check.id, f.level])).toEqual([['budget_salaries', 'warning']]);
    expect(s.canSubmit()).toBe(true);
    s.setAnswer('cadres', 30);
    expect(s.failingChecks().map((f) => f.check.id)).toEqual(['cadres_max', 'budget_salaries']);
    expect(s.failingChecks('activites')).toEqual([]);
    expect(s.failingChecks('profil')).toHaveLength(2);
    expect(s.canSubmit()).toBe(false);
  });

  it('lets conditions and checks see only answers of their kind: unread text in a number box is no answer', () => {
    for (const raw of ['1e3', '0x10', 'Infinity', '1.000', '12 salariés']) {
      const s = new ResponseSession(fixture());
      s.setAnswer('employeur', true);
      s.setAnswer('budget', 500);
      s.setAnswer('nb_salaries', raw);
      // Kept, so that the box still shows it, and reported…
      expect(s.getAnswer('nb_salaries')).toBe(raw);
      expect(s.validateQuestion('nb_salaries')?.code).toBe('type');
      // …but `cadres` (shown when nb_salaries > 10) stays hidden and the checks stay silent.
      expect(s.isVisible('cadres'), raw).toBe(false);
      expect(s.failingChecks(), raw).toEqual([]);
      s.setAnswer('nb_salaries', 1000);
      expect(s.isVisible('cadres')).toBe(true);
      expect(s.failingChecks().map((f) => f.check.id)).toEqual(['budget_salaries']);
    }
  });

  it('ignores a check whose questions are all hidden', () => {
    const compiled = fixture();
    compiled.checks.push({ id: 'hidden_only', level: 'error', questions: ['cadres'], origin: compiled.checks[0].origin,
      when: { '!': { var: 'cadres' } }, message: { fr: 'x' } });
    const s = new ResponseSession(compiled);
    expect(s.failingChecks().map((f) => f.check.id)).toEqual([]);
    s.setAnswer('employeur', true);
    s.setAnswer('nb_salaries', 20);
    expect(s.failingChecks().map((f) => f.check.id)).toEqual(['hidden_only']);
  });
});

describe('progress', () => {
  it('counts answered visible questions', () => {
    const s = new ResponseSession(fixture());
    const total = s.progress().total;
    expect(s.progress()).toEqual({ answered: 0, total, ratio: 0 });
    s.setAnswer('employeur', true);
    expect(s.progress()).toEqual({ answered: 1, total: total + 1, ratio: 1 / (total + 1) });
    s.setAnswer('nb_salaries', 12);
    s.setAnswer('cadres', 1);
    expect(s.progress().answered).toBe(3);
    expect(s.progress().total).toBe(total + 2);
  });
});

describe('subscribe and reset', () => {
  it('notifies after every change until unsubscribed', () => {
    const s = new ResponseSession(fixture());
    let calls = 0;
    const off = s.subscribe(() => { calls++; });
    s.setAnswer('employeur', true);
    s.reset();
    expect(calls).toBe(2);
    expect(s.answers).toEqual({});
    off();
    s.setAnswer('employeur', true);
    expect(calls).toBe(2);
  });
});

describe('buildPayload', () => {
  it('builds a payload valid against the payload schema, with visible answers only', () => {
    const c = clock();
    const s = new ResponseSession(fixture(), { now: c.now });
    c.tick(5_000);
    s.setAnswer('secteur', 'other');
    s.setAnswer('secteur_other', 'Danse');
    s.setAnswer('employeur', true);
    s.setAnswer('nb_salaries', 12);
    s.setAnswer('besoins', { locaux: 'oui', financement: 'non' });
    s.setAnswer('testville.locaux', 'non');
    c.tick(60_000);
    const payload = s.buildPayload(context);
    expect(validateDocument('payload', payload)).toEqual([]);
    expect(payload).toMatchObject({
      kind: 'olva-response', specVersion: 1,
      questionnaire: { id: 'test-core', version: '2026.1.0' },
      extension: { id: 'testville-2026', version: '1.0.0' },
      territory: { level: 'commune', code: '35238' }, wave: '2026', channel: 'web', source: 'forum-2026', locale: 'fr',
      startedAt: '2026-03-01T10:00:05.000Z', submittedAt: '2026-03-01T10:01:05.000Z',
      client: { name: '@olva/elements', version: '0.1.0' },
      answers: { secteur: 'other', secteur_other: 'Danse', employeur: true, nb_salaries: 12, besoins: { locaux: 'oui', financement: 'non' }, 'testville.locaux': 'non' },
    });
    expect(payload.submissionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Object.keys(payload)).not.toContain('extension_namespace');
  });

  it('marks a required question "left blank" on paper, which then sends it in `blank`', () => {
    const s = new ResponseSession(fixture(), { channel: 'paper' });
    s.setAnswer('employeur', false);
    expect(s.validateQuestion('secteur')?.code).toBe('required');
    s.setLeftBlank('secteur', true);
    expect([s.isLeftBlank('secteur'), s.validateQuestion('secteur'), s.canSubmit()]).toEqual([true, null, true]);
    const payload = s.buildPayload({ ...context, channel: 'paper' });
    expect(payload.blank).toEqual(['secteur']);
    expect(validateDocument('payload', payload)).toEqual([]);
    expect(checkResponse(s.questionnaire, payload.answers, payload)).toEqual([]);
    // An answer typed afterwards wins; marking again drops it.
    s.setAnswer('secteur', 'sport');
    expect([s.isLeftBlank('secteur'), s.buildPayload({ ...context, channel: 'paper' }).blank]).toEqual([false, undefined]);
    s.setLeftBlank('secteur', true);
    expect(s.answers).toEqual({ employeur: false });
    s.setLeftBlank('secteur', false);
    expect(s.validateQuestion('secteur')?.code).toBe('required');
    // Not on the web; the generic schema refuses `blank` there too.
    expect(() => new ResponseSession(fixture(), { channel: 'web' }).setLeftBlank('secteur', true)).toThrow(RangeError);
    expect(validateDocument('payload', { ...payload, channel: 'web' }).map((p) => p.pointer)).toEqual(['/blank']);
  });

  it('makes a fresh submissionId each time, null extension for the bare core, no source when absent', () => {
    const compiled = fixture();
    compiled.extension = null;
    const s = new ResponseSession(compiled);
    const { source: _omit, ...noSource } = context;
    const a = s.buildPayload(noSource);
    const b = s.buildPayload(noSource);
    expect(a.submissionId).not.toBe(b.submissionId);
    expect(a.extension).toBeNull();
    expect('source' in a).toBe(false);
    expect(validateDocument('payload', a)).toEqual([]);
  });

  it('dates the start at construction when nothing was answered', () => {
    const c = clock();
    const s = new ResponseSession(fixture(), { now: c.now, random: () => '00000000-0000-4000-8000-000000000000' });
    c.tick(1_000);
    const p = s.buildPayload(context);
    expect(p.startedAt).toBe('2026-03-01T10:00:00.000Z');
    expect(p.submissionId).toBe('00000000-0000-4000-8000-000000000000');
  });
});
