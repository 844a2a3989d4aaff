import { describe, expect, it } from 'vitest';
import jsonLogic from 'json-logic-js';
import { Model, surveyLocalization, type Question } from 'survey-core';
import { surveyModel, surveyName, SurveyNameError } from './surveyjs.js';
import { loadFixture } from './__fixtures__/rennes.js';
import { allQuestions, choicesOf, hasOther, otherKey } from './question-parts.js';
import { truthy } from '@olva/schema';

const EXPECTED_TYPES: Record<string, string> = {
  single: 'radiogroup', multiple: 'checkbox', boolean: 'boolean', integer: 'text', year: 'text',
  decimal: 'text', text: 'text', textarea: 'comment', email: 'text', commune: 'text',
  scale: 'rating', matrix: 'matrix',
};

function load() {
  const compiled = loadFixture();
  const json = surveyModel(compiled);
  const survey = new Model(json);
  return { compiled, json, survey };
}

/** OLVA answers → the data SurveyJS keeps (dots → `__`). */
function toSurveyData(answers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [surveyName(k), v]));
}

/** json-logic-js descends into dotted names: give it the extension answers nested too. */
function jsonLogicData(answers: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...answers };
  for (const [k, v] of Object.entries(answers)) {
    const [head, tail] = k.split('.');
    if (tail !== undefined) data[head] = { ...(data[head] as object), [tail]: v };
  }
  return data;
}

describe('surveyjs.json', () => {
  it('loads into survey-core with only the documented OLVA properties unknown', () => {
    const { survey } = load();
    const unknown = (survey.jsonErrors ?? []).map((e) => e.message);
    expect(unknown.every((m) => /'olva(Names|Inexact)'/.test(m))).toBe(true);
  });

  it('keeps every question with its type, choices, rows and other text', () => {
    const { compiled, survey } = load();
    const questions = allQuestions(compiled);
    for (const q of questions) {
      const sq = survey.getQuestionByName(surveyName(q.id)) as Question & Record<string, any>;
      expect(sq, q.id).toBeTruthy();
      expect(sq.getType(), q.id).toBe(EXPECTED_TYPES[q.type]);
      if (q.type === 'single' || q.type === 'multiple') {
        // The added choice `other` is SurveyJS's own "other" item, last as in OLVA.
        expect(sq.visibleChoices.map((c: { value: string }) => c.value)).toEqual(choicesOf(q).map((c) => c.code));
        expect(sq.showOtherItem, q.id).toBe(hasOther(q));
      }
      if (q.type === 'matrix') {
        expect(sq.rows.map((r: { value: string }) => r.value)).toEqual(q.rows.map((r) => r.code));
        expect(sq.columns.map((c: { value: string }) => c.value)).toEqual(q.choices.map((c) => c.code));
      }
      if (q.type === 'scale') expect(sq.rateValues.map((r: { value: number }) => r.value)).toEqual(q.choices.map((_, i) => i + 1));
      expect(sq.title).toBe(q.label.fr);
      expect(sq.page.name).toBe(q.section);
    }
    // Every question of the model is an OLVA question; "other" texts are their comments.
    expect(survey.getAllQuestions().map((q) => q.name).sort()).toEqual(questions.map((q) => surveyName(q.id)).sort());
  });

  it('keeps the "other" text under <name>-Comment, mapped to <id>_other, and requires it when "other" is chosen', () => {
    const { json, survey } = load();
    const names = json.olvaNames as Record<string, string>;
    expect(names['secteur-Comment']).toBe(otherKey('secteur'));
    expect(names['activites-Comment']).toBe(otherKey('activites'));
    const secteur = survey.getQuestionByName('secteur') as Question & Record<string, any>;
    expect(secteur.otherItem.value).toBe('other');
    expect(secteur.otherItem.text).toBe('Autre (précisez)');
    survey.setValue('secteur', 'other');
    expect(secteur.validate(true)).toBe(false);
    survey.setComment('secteur', 'Sport adapté');
    expect(secteur.validate(true)).toBe(true);
    expect(survey.data).toMatchObject({ secteur: 'other', 'secteur-Comment': 'Sport adapté' });
    survey.setValue('secteur', 'sport');
    expect(secteur.validate(true)).toBe(true);
  });

  it('maps multiple-choice options: exclusive codes, min and max', () => {
    const { survey } = load();
    const q = survey.getQuestionByName('activites') as Question & Record<string, any>;
    expect(q.choices.find((c: { value: string }) => c.value === 'aucun').isExclusive).toBe(true);
    expect(q.maxSelectedChoices).toBe(2);
    expect(q.minSelectedChoices).toBe(1);
  });

  it('records renamed ids and shows English titles in English (French as the default locale)', () => {
    const previous = surveyLocalization.defaultLocale;
    surveyLocalization.defaultLocale = 'fr';
    try {
      const { json, survey } = load();
      expect(json.olvaNames).toEqual({
        'secteur-Comment': 'secteur_other', 'activites-Comment': 'activites_other',
        'rennes__locaux_quartier': 'rennes.locaux_quartier', 'rennes__quartier': 'rennes.quartier',
      });
      expect(survey.getQuestionByName('secteur').title).toBe("Secteur principal d'activité");
      survey.locale = 'en';
      expect(survey.getQuestionByName('secteur').title).toBe('Main sector');
    } finally {
      surveyLocalization.defaultLocale = previous;
    }
  });

  it('shows and requires questions exactly when the JsonLogic conditions say so', () => {
    const { compiled, survey } = load();
    const questions = allQuestions(compiled);
    const cases: Record<string, unknown>[] = [
      {},
      { employeur: true },
      { employeur: true, nb_salaries: 3 },
      { employeur: true, nb_salaries: 8, activites: ['formation'] },
      { employeur: false, secteur: 'sport' },
      { secteur: 'culture', courriel: 'a@b.fr' },
      { secteur: 'social' },
      { secteur: 'sport', 'rennes.locaux_quartier': 'oui' },
      { secteur: 'culture', 'rennes.locaux_quartier': 'non', activites: ['aucun'] },
    ];
    for (const answers of cases) {
      survey.clear(true, true);
      survey.data = toSurveyData(answers);
      for (const q of questions) {
        const sq = survey.getQuestionByName(surveyName(q.id));
        const visible = q.visibleWhen ? truthy(jsonLogic.apply(q.visibleWhen as never, jsonLogicData(answers))) : true;
        expect(sq.isVisible, `${q.id} visible with ${JSON.stringify(answers)}`).toBe(visible);
        const required = q.required === true || (typeof q.required === 'object' && truthy(jsonLogic.apply(q.required as never, jsonLogicData(answers))));
        expect(sq.isRequired, `${q.id} required with ${JSON.stringify(answers)}`).toBe(required);
      }
    }
  });

  it('turns checks into expression validators (warnings do not block)', () => {
    const { survey } = load();
    const sq = survey.getQuestionByName('nb_salaries') as Question & Record<string, any>;
    const v = sq.validators.find((x: { getType(): string }) => x.getType() === 'expressionvalidator');
    expect(v).toBeDefined();
    expect(v!.notificationType).toBe('warning');
    survey.data = { employeur: true, annee_creation: 2026, nb_salaries: 150 };
    sq.validate(true);
    expect(sq.errors.map((e: { text: string }) => e.text)).toContain('Beaucoup de salariés pour une association si récente.');
    survey.data = { employeur: true, annee_creation: 2000, nb_salaries: 150 };
    sq.validate(true);
    expect(sq.errors).toHaveLength(0);
  });

  it('clears hidden answers like the runtime does', () => {
    const { json } = load();
    expect(json.clearInvisibleValues).toBe('onHidden');
    const survey = new Model(json);
    survey.setValue('employeur', true);
    survey.setValue('nb_salaries', 4);
    survey.setValue('employeur', false);
    expect(survey.data.nb_salaries).toBeUndefined();
  });

  it('refuses two ids that would share a SurveyJS name', () => {
    const compiled = loadFixture();
    const q = compiled.sections[1].questions[0];
    compiled.sections[1].questions.push({ ...q, id: 'rennes__quartier', number: 15 } as typeof q);
    expect(() => surveyModel(compiled)).toThrow(SurveyNameError);
  });
});
