/** A small compiled questionnaire with every question type, conditions, checks and a dotted extension id. */
import type { CompiledQuestionnaire, Question } from '@olva/schema';
import { compiledQuestionnaire, type Provenance } from '@olva/test-support/compiled';

const ext: Provenance = { kind: 'extension', id: 'testville-2026', version: '1.0.0' };

/** Types one question; the builder numbers it and gives it its section and origin. */
const q = (question: Question): Question => question;

const l = (fr: string, en?: string) => (en ? { fr, en } : { fr });

/** A fresh copy of the fixture (core test-core, extension testville-2026, 15 questions). */
export function fixture(): CompiledQuestionnaire {
  return compiledQuestionnaire({
    pointers: 'none',
    id: 'test-core+testville-2026',
    questionnaire: { id: 'test-core', version: '2026.1.0' },
    extension: { id: 'testville-2026', version: '1.0.0', namespace: 'testville' },
    title: l('Test', 'Test'),
    sections: [
      {
        id: 'profil', title: l('Profil', 'Profile'),
        questions: [
          q({ id: 'secteur', type: 'single', label: l('Secteur', 'Sector'), required: true,
            choices: [{ code: 'sport', label: l('Sport') }, { code: 'culture', label: l('Culture') }], other: { label: l('Autre', 'Other') } }),
          q({ id: 'employeur', type: 'boolean', label: l('Employeur ?', 'Employer?'), required: true }),
          q({ id: 'nb_salaries', type: 'integer', label: l('Salariés', 'Employees'), min: 1, max: 100000,
            visibleWhen: { '==': [{ var: 'employeur' }, true] }, required: true }),
          q({ id: 'cadres', type: 'integer', label: l('Cadres', 'Managers'), min: 0,
            visibleWhen: { '>': [{ var: 'nb_salaries' }, 10] } }),
          q({ id: 'annee_creation', type: 'year', label: l('Année de création', 'Year founded'), min: 1800, max: 2026 }),
          q({ id: 'budget', type: 'decimal', label: l('Budget', 'Budget'), min: 0 }),
        ],
      },
      {
        id: 'activites', title: l('Activités', 'Activities'),
        questions: [
          q({ id: 'publics', type: 'multiple', label: l('Publics', 'Audiences'), minSelected: 1, maxSelected: 3,
            exclusive: ['aucun'], other: { label: l('Autre') },
            choices: [{ code: 'jeunes', label: l('Jeunes', 'Young people') }, { code: 'seniors', label: l('Seniors') },
              { code: 'familles', label: l('Familles') }, { code: 'aucun', label: l('Aucun public particulier', 'No particular audience') }] }),
          q({ id: 'nom', type: 'text', label: l('Nom'), maxLength: 10, pattern: '^[A-Z]' }),
          q({ id: 'projet', type: 'textarea', label: l('Projet'), maxLength: 20 }),
          q({ id: 'courriel', type: 'email', label: l('Courriel') }),
          q({ id: 'commune_siege', type: 'commune', label: l('Commune du siège') }),
          q({ id: 'satisfaction', type: 'scale', label: l('Satisfaction'),
            choices: [{ code: '1', label: l('Pas du tout') }, { code: '2', label: l('Peu') }, { code: '3', label: l('Assez') }, { code: '4', label: l('Très') }] }),
          q({ id: 'besoins', type: 'matrix', label: l('Besoins'), required: { '==': [{ var: 'employeur' }, true] },
            rows: [{ code: 'locaux', label: l('Locaux', 'Premises') }, { code: 'financement', label: l('Financement', 'Funding') }],
            choices: [{ code: 'oui', label: l('Oui') }, { code: 'non', label: l('Non') }] }),
        ],
      },
      {
        id: 'testville', title: l('Testville'), from: ext,
        questions: [
          q({ id: 'testville.locaux', type: 'single', label: l('Locaux du quartier'),
            visibleWhen: { '==': [{ var: 'besoins.locaux' }, 'oui'] },
            choices: [{ code: 'oui', label: l('Oui') }, { code: 'non', label: l('Non') }] }),
          q({ id: 'testville.quartier', type: 'text', label: l('Quartier'), required: true,
            visibleWhen: { '==': [{ var: 'testville.locaux' }, 'oui'] } }),
        ],
      },
    ],
    checks: [
      { id: 'cadres_max', level: 'error', questions: ['cadres', 'nb_salaries'],
        when: { '>': [{ var: 'cadres' }, { var: 'nb_salaries' }] },
        message: l('Il ne peut y avoir plus de cadres que de salariés.', 'There cannot be more managers than employees.') },
      { id: 'budget_salaries', level: 'warning', questions: ['budget'],
        when: { and: [{ '!': { missing: ['budget'] } }, { '>': [{ var: 'nb_salaries' }, 5] }, { '<': [{ var: 'budget' }, 1000] }] },
        message: l('Budget faible pour autant de salariés : confirmez-vous ?', 'Small budget for so many employees: do you confirm?') },
    ],
  });
}
