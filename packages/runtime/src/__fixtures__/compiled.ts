/** A small compiled questionnaire with every question type, conditions, checks and a dotted extension id. */
import type { CompiledQuestion, CompiledQuestionnaire, Origin, Question } from '@olva/schema';
import { OTHER_CHOICE } from '@olva/schema';

const core = { kind: 'core' as const, id: 'test-core', version: '2026.1.0', pointer: '' };
const ext = { kind: 'extension' as const, id: 'testville-2026', version: '1.0.0', pointer: '' };

let n = 0;
function q(section: string, question: Question, origin: Origin = core): CompiledQuestion {
  n += 1;
  return { ...question, number: n, section, origin } as CompiledQuestion;
}

const l = (fr: string, en?: string) => (en ? { fr, en } : { fr });

/** The choice the compiler adds at the end of a question with `other`. */
const OTHER = { ...OTHER_CHOICE, label: { ...OTHER_CHOICE.label } };

export function fixture(): CompiledQuestionnaire {
  n = 0;
  return {
    kind: 'olva-compiled-questionnaire',
    formatVersion: 2,
    id: 'test-core+testville-2026',
    questionnaire: { id: 'test-core', version: '2026.1.0' },
    extension: { id: 'testville-2026', version: '1.0.0', namespace: 'testville' },
    territory: { level: 'commune', code: '35238', name: 'Rennes' },
    title: l('Test', 'Test'),
    sections: [
      {
        id: 'profil', title: l('Profil', 'Profile'), origin: core,
        questions: [
          q('profil', { id: 'secteur', type: 'single', label: l('Secteur', 'Sector'), required: true,
            choices: [{ code: 'sport', label: l('Sport') }, { code: 'culture', label: l('Culture') }, OTHER], other: { label: l('Autre', 'Other') } }),
          q('profil', { id: 'employeur', type: 'boolean', label: l('Employeur ?', 'Employer?'), required: true }),
          q('profil', { id: 'nb_salaries', type: 'integer', label: l('Salariés', 'Employees'), min: 1, max: 100000,
            visibleWhen: { '==': [{ var: 'employeur' }, true] }, required: true }),
          q('profil', { id: 'cadres', type: 'integer', label: l('Cadres', 'Managers'), min: 0,
            visibleWhen: { '>': [{ var: 'nb_salaries' }, 10] } }),
          q('profil', { id: 'annee_creation', type: 'year', label: l('Année de création', 'Year founded'), min: 1800, max: 2026 }),
          q('profil', { id: 'budget', type: 'decimal', label: l('Budget', 'Budget'), min: 0 }),
        ],
      },
      {
        id: 'activites', title: l('Activités', 'Activities'), origin: core,
        questions: [
          q('activites', { id: 'publics', type: 'multiple', label: l('Publics', 'Audiences'), minSelected: 1, maxSelected: 3,
            exclusive: ['aucun'], other: { label: l('Autre') },
            choices: [{ code: 'jeunes', label: l('Jeunes', 'Young people') }, { code: 'seniors', label: l('Seniors') },
              { code: 'familles', label: l('Familles') }, { code: 'aucun', label: l('Aucun public particulier', 'No particular audience') }, OTHER] }),
          q('activites', { id: 'nom', type: 'text', label: l('Nom'), maxLength: 10, pattern: '^[A-Z]' }),
          q('activites', { id: 'projet', type: 'textarea', label: l('Projet'), maxLength: 20 }),
          q('activites', { id: 'courriel', type: 'email', label: l('Courriel') }),
          q('activites', { id: 'commune_siege', type: 'commune', label: l('Commune du siège') }),
          q('activites', { id: 'satisfaction', type: 'scale', label: l('Satisfaction'),
            choices: [{ code: '1', label: l('Pas du tout') }, { code: '2', label: l('Peu') }, { code: '3', label: l('Assez') }, { code: '4', label: l('Très') }] }),
          q('activites', { id: 'besoins', type: 'matrix', label: l('Besoins'), required: { '==': [{ var: 'employeur' }, true] },
            rows: [{ code: 'locaux', label: l('Locaux', 'Premises') }, { code: 'financement', label: l('Financement', 'Funding') }],
            choices: [{ code: 'oui', label: l('Oui') }, { code: 'non', label: l('Non') }] }),
        ],
      },
      {
        id: 'testville', title: l('Testville'), origin: ext,
        questions: [
          q('testville', { id: 'testville.locaux', type: 'single', label: l('Locaux du quartier'),
            visibleWhen: { '==': [{ var: 'besoins.locaux' }, 'oui'] },
            choices: [{ code: 'oui', label: l('Oui') }, { code: 'non', label: l('Non') }] }, ext),
          q('testville', { id: 'testville.quartier', type: 'text', label: l('Quartier'), required: true,
            visibleWhen: { '==': [{ var: 'testville.locaux' }, 'oui'] } }, ext),
        ],
      },
    ],
    checks: [
      { id: 'cadres_max', level: 'error', questions: ['cadres', 'nb_salaries'], origin: core,
        when: { '>': [{ var: 'cadres' }, { var: 'nb_salaries' }] },
        message: l('Il ne peut y avoir plus de cadres que de salariés.', 'There cannot be more managers than employees.') },
      { id: 'budget_salaries', level: 'warning', questions: ['budget'], origin: core,
        when: { and: [{ '!': { missing: ['budget'] } }, { '>': [{ var: 'nb_salaries' }, 5] }, { '<': [{ var: 'budget' }, 1000] }] },
        message: l('Budget faible pour autant de salariés : confirmez-vous ?', 'Small budget for so many employees: do you confirm?') },
    ],
  };
}
