/**
 * Small compiled questionnaires and payloads for the collector's tests, made with the one
 * builder (`compiled.ts`) so the collector is tested on its own, without the compiler;
 * `writeBuild` lays them out as `olva build` does.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CompiledQuestion, CompiledQuestionnaire, Question, ResponsePayload } from '@olva/schema';
import { compiledQuestionnaire, type CompiledSpec } from './compiled.js';
import { payloadSchema, unhandledQuestionType } from '@olva/schema';

const CORE = { id: 'olva-core', version: '2026.1.0' };
const PROFILE = { fr: 'Profil', en: 'Profile' };

/** The five questions of the bare core (the commune one optional, one conditional). */
function coreQuestions(): Question[] {
  return [
    { id: 'secteur', type: 'single', label: { fr: 'Secteur', en: 'Sector' }, required: true,
      choices: [{ code: 'sport', label: { fr: 'Sport' } }, { code: 'culture', label: { fr: 'Culture' } }, { code: 'social', label: { fr: 'Social' } }] },
    { id: 'nb_benevoles', type: 'integer', label: { fr: 'Nombre de bénévoles', en: 'Volunteers' }, required: true, min: 0, max: 100000 },
    { id: 'employeur', type: 'boolean', label: { fr: 'Employeur ?', en: 'Employer?' }, required: true },
    { id: 'nb_salaries', type: 'integer', label: { fr: 'Nombre de salariés', en: 'Employees' }, required: true, min: 1, max: 100000,
      visibleWhen: { '==': [{ var: 'employeur' }, true] } },
    { id: 'commune_siege', type: 'commune', label: { fr: 'Commune du siège', en: 'Municipality of the head office' } },
  ] as Question[];
}

const CHECKS: CompiledSpec['checks'] = [{
  id: 'salaries_sans_benevoles',
  when: { and: [{ '>': [{ var: 'nb_salaries' }, 50] }, { '==': [{ var: 'nb_benevoles' }, 0] }] },
  level: 'error',
  message: { fr: 'Plus de 50 salariés sans aucun bénévole ?', en: 'More than 50 employees and no volunteer?' },
  questions: ['nb_salaries', 'nb_benevoles'],
}];

/** The bare core: five questions (the commune one optional), one conditional, one error check. */
export function coreQuestionnaire(): CompiledQuestionnaire {
  return compiledQuestionnaire({
    id: 'olva-core', questionnaire: CORE, territory: null,
    title: { fr: 'Observation locale de la vie associative', en: 'Local observation of associative life' },
    sections: [{ id: 'profil', title: PROFILE, questions: coreQuestions() }],
    checks: CHECKS,
  });
}

/** The core with a Rennes extension (commune 35238) adding one question. */
export function rennesQuestionnaire(): CompiledQuestionnaire {
  const extension = { kind: 'extension' as const, id: 'rennes-2026', version: '1.0.0' };
  const local = { id: 'rennes.locaux_quartier', type: 'single', label: { fr: 'Locaux dans le quartier ?' },
    choices: [{ code: 'oui', label: { fr: 'Oui' } }, { code: 'non', label: { fr: 'Non' } }] } as Question;
  return compiledQuestionnaire({
    id: 'olva-core+rennes-2026', questionnaire: CORE,
    extension: { id: 'rennes-2026', version: '1.0.0', namespace: 'rennes' },
    territory: { level: 'commune', code: '35238', name: 'Rennes' },
    title: { fr: 'Vie associative à Rennes' },
    sections: [{ id: 'profil', title: PROFILE, questions: [...coreQuestions(), { question: local, from: extension, pointer: '/insert/0/items/0' }] }],
    checks: CHECKS,
  });
}

/** The core with an EPCI extension (Lorient Agglomération, SIREN 200042174). */
export function lorientQuestionnaire(): CompiledQuestionnaire {
  return {
    ...coreQuestionnaire(),
    id: 'olva-core+lorient-agglo-2026',
    extension: { id: 'lorient-agglo-2026', version: '1.0.0', namespace: 'lorient' },
    territory: { level: 'epci', code: '200042174', name: 'Lorient Agglomération' },
    title: { fr: 'Vie associative à Lorient Agglomération' },
  };
}

function answerSchema(question: CompiledQuestion): Record<string, unknown> {
  const codes = 'choices' in question ? question.choices.map((c) => c.code) : [];
  switch (question.type) {
    case 'single': return { enum: codes };
    case 'multiple': return { type: 'array', items: { enum: codes }, uniqueItems: true };
    case 'boolean': return { type: 'boolean' };
    case 'integer': case 'year': case 'scale': return { type: 'integer' };
    case 'decimal': return { type: 'number' };
    case 'matrix': return { type: 'object', additionalProperties: { type: 'string' } };
    case 'text': case 'textarea': case 'email': case 'commune': return { type: 'string' };
    default: return unhandledQuestionType(question);
  }
}

/** A per-questionnaire payload schema: the contract's, with `answers` listing the questions. */
export function payloadSchemaFor(compiled: CompiledQuestionnaire): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const section of compiled.sections) {
    for (const question of section.questions) {
      properties[question.id] = answerSchema(question);
      if ('other' in question && question.other) properties[`${question.id}_other`] = { type: 'string', maxLength: 10000 };
    }
  }
  const schema = structuredClone(payloadSchema) as unknown as Record<string, unknown> & { properties: Record<string, unknown> };
  schema.$id = `urn:olva:test:payload:${compiled.id}`;
  schema.properties.answers = { type: 'object', additionalProperties: false, properties };
  return schema;
}

/** Writes a build directory as `olva build` lays it out (the files the collector reads). */
export function writeBuild(parent: string, compiled: CompiledQuestionnaire): string {
  const dir = path.join(parent, compiled.id);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'questionnaire.json'), JSON.stringify(compiled, null, 2));
  fs.writeFileSync(path.join(dir, 'payload.schema.json'), JSON.stringify(payloadSchemaFor(compiled), null, 2));
  return dir;
}

/** A valid payload for the bare core, territory Rennes; override any field. */
export function corePayload(overrides: Partial<ResponsePayload> = {}): ResponsePayload {
  return {
    kind: 'olva-response',
    specVersion: 1,
    submissionId: randomUUID(),
    questionnaire: { id: 'olva-core', version: '2026.1.0' },
    extension: null,
    territory: { level: 'commune', code: '35238' },
    wave: '2026',
    channel: 'web',
    locale: 'fr',
    startedAt: '2026-03-01T10:00:00.000Z',
    submittedAt: '2026-03-01T10:07:00.000Z',
    client: { name: 'olva-test', version: '0.1.0' },
    answers: { secteur: 'sport', nb_benevoles: 12, employeur: true, nb_salaries: 2 },
    ...overrides,
  };
}

/** A valid payload for the Rennes build. */
export function rennesPayload(overrides: Partial<ResponsePayload> = {}): ResponsePayload {
  return corePayload({
    extension: { id: 'rennes-2026', version: '1.0.0' },
    answers: { secteur: 'culture', nb_benevoles: 3, employeur: false, 'rennes.locaux_quartier': 'oui' },
    ...overrides,
  });
}
