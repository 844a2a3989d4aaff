/**
 * Small compiled questionnaires and payloads for the collector's tests, written by hand so
 * the collector is tested on its own. They follow the compiled-questionnaire contract of
 * @olva/schema; `writeBuild` lays them out as `olva build` does.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CompiledQuestion, CompiledQuestionnaire, ResponsePayload } from '@olva/schema';
import { payloadSchema } from '@olva/schema';

const core = { kind: 'core' as const, id: 'olva-core', version: '2026.1.0' };

function q(partial: Record<string, unknown>, number: number, pointer: string, origin: CompiledQuestion['origin'] = { ...core, pointer }): CompiledQuestion {
  return { ...partial, number, section: 'profil', origin: { ...origin, pointer } } as unknown as CompiledQuestion;
}

/** The bare core: five questions (the commune one optional), one conditional, one error check. */
export function coreQuestionnaire(): CompiledQuestionnaire {
  return {
    kind: 'olva-compiled-questionnaire',
    formatVersion: 2,
    id: 'olva-core',
    questionnaire: { id: 'olva-core', version: '2026.1.0' },
    extension: null,
    territory: null,
    title: { fr: 'Observation locale de la vie associative', en: 'Local observation of associative life' },
    sections: [{
      id: 'profil',
      title: { fr: 'Profil', en: 'Profile' },
      origin: { ...core, pointer: '/sections/0' },
      questions: [
        q({ id: 'secteur', type: 'single', label: { fr: 'Secteur', en: 'Sector' }, required: true,
          choices: [{ code: 'sport', label: { fr: 'Sport' } }, { code: 'culture', label: { fr: 'Culture' } }, { code: 'social', label: { fr: 'Social' } }] }, 1, '/sections/0/items/0'),
        q({ id: 'nb_benevoles', type: 'integer', label: { fr: 'Nombre de bénévoles', en: 'Volunteers' }, required: true, min: 0, max: 100000 }, 2, '/sections/0/items/1'),
        q({ id: 'employeur', type: 'boolean', label: { fr: 'Employeur ?', en: 'Employer?' }, required: true }, 3, '/sections/0/items/2'),
        q({ id: 'nb_salaries', type: 'integer', label: { fr: 'Nombre de salariés', en: 'Employees' }, required: true, min: 1, max: 100000,
          visibleWhen: { '==': [{ var: 'employeur' }, true] } }, 4, '/sections/0/items/3'),
        q({ id: 'commune_siege', type: 'commune', label: { fr: 'Commune du siège', en: 'Municipality of the head office' } }, 5, '/sections/0/items/4'),
      ],
    }],
    checks: [{
      id: 'salaries_sans_benevoles',
      when: { and: [{ '>': [{ var: 'nb_salaries' }, 50] }, { '==': [{ var: 'nb_benevoles' }, 0] }] },
      level: 'error',
      message: { fr: 'Plus de 50 salariés sans aucun bénévole ?', en: 'More than 50 employees and no volunteer?' },
      questions: ['nb_salaries', 'nb_benevoles'],
      origin: { ...core, pointer: '/checks/0' },
    }],
  };
}

/** The core with a Rennes extension (commune 35238) adding one question. */
export function rennesQuestionnaire(): CompiledQuestionnaire {
  const base = coreQuestionnaire();
  const ext = { kind: 'extension' as const, id: 'rennes-2026', version: '1.0.0' };
  base.id = 'olva-core+rennes-2026';
  base.extension = { id: 'rennes-2026', version: '1.0.0', namespace: 'rennes' };
  base.territory = { level: 'commune', code: '35238', name: 'Rennes' };
  base.title = { fr: 'Vie associative à Rennes' };
  base.sections[0].questions.push(q({ id: 'rennes.locaux_quartier', type: 'single', label: { fr: 'Locaux dans le quartier ?' },
    choices: [{ code: 'oui', label: { fr: 'Oui' } }, { code: 'non', label: { fr: 'Non' } }] }, 6, '/insert/0/items/0', { ...ext, pointer: '' }));
  return base;
}

/** The core with an EPCI extension (Lorient Agglomération, SIREN 200042174). */
export function lorientQuestionnaire(): CompiledQuestionnaire {
  const base = coreQuestionnaire();
  base.id = 'olva-core+lorient-agglo-2026';
  base.extension = { id: 'lorient-agglo-2026', version: '1.0.0', namespace: 'lorient' };
  base.territory = { level: 'epci', code: '200042174', name: 'Lorient Agglomération' };
  base.title = { fr: 'Vie associative à Lorient Agglomération' };
  return base;
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
    default: return { type: 'string' };
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
