/**
 * The compiled questionnaire the emitter tests run on: core and the Rennes extension, 14
 * questions of every type, made with the one builder of compiled questionnaires so that the
 * emitters are tested without running the compiler's assembly.
 */
import type { CompiledQuestionnaire, Question } from '@olva/schema';
import { compiledQuestionnaire, type Provenance } from '@olva/test-support/compiled';

const RENNES_EXTENSION: Provenance = { kind: 'extension', id: 'rennes-2026', version: '1.0.0' };

/** A fresh copy of the fixture (core + the Rennes extension, 14 questions). */
export function loadFixture(): CompiledQuestionnaire {
  return compiledQuestionnaire({
    id: "olva-core+rennes-2026",
    questionnaire: {"id": "olva-core", "version": "2026.1.0"},
    extension: {"id": "rennes-2026", "version": "1.0.0", "namespace": "rennes"},
    territory: {"level": "commune", "code": "35238", "name": "Rennes"},
    title: {"fr": "Observation locale de la vie associative — Rennes", "en": "Local observation of associative life — Rennes"},
    sections: [
      {
        id: "profil", title: {"fr": "Profil de l'association", "en": "Profile of the association"},
        questions: [
          {"id": "secteur", "type": "single", "label": {"fr": "Secteur principal d'activité", "en": "Main sector"}, "help": {"fr": "Un seul choix <b>svp</b> & merci", "en": "One choice"}, "required": true, "choices": [{"code": "sport", "label": {"fr": "Sport", "en": "Sport"}}, {"code": "culture", "label": {"fr": "Culture", "en": "Culture"}}, {"code": "social", "label": {"fr": "Social, solidarité", "en": "Social, solidarity"}}], "other": {"label": {"fr": "Autre secteur, précisez", "en": "Other sector, specify"}}} as Question,
          {"id": "activites", "type": "multiple", "label": {"fr": "Activités menées", "en": "Activities"}, "choices": [{"code": "formation", "label": {"fr": "Formation", "en": "Training"}}, {"code": "evenements", "label": {"fr": "Événements", "en": "Events"}}, {"code": "aucun", "label": {"fr": "Aucune", "en": "None"}}], "minSelected": 1, "maxSelected": 2, "exclusive": ["aucun"], "other": {"label": {"fr": "Autre activité", "en": "Other activity"}}} as Question,
          {"id": "annee_creation", "type": "year", "label": {"fr": "Année de création", "en": "Year founded"}, "min": 1901, "max": 2026} as Question,
          {"id": "employeur", "type": "boolean", "label": {"fr": "L'association emploie-t-elle des salariés ?", "en": "Does the association employ staff?"}, "required": true} as Question,
          {"id": "nb_salaries", "type": "integer", "label": {"fr": "Nombre de salariés", "en": "Number of employees"}, "visibleWhen": {"==": [{"var": "employeur"}, true]}, "required": true, "min": 1, "max": 10000} as Question,
          {"id": "budget", "type": "decimal", "label": {"fr": "Budget annuel (k€)", "en": "Annual budget (k€)"}, "required": {"in": ["formation", {"var": "activites"}]}, "min": 0} as Question,
        ],
      },
      {
        id: "besoins", title: {"fr": "Besoins", "en": "Needs"}, description: {"fr": "Vos besoins pour les deux ans à venir."},
        questions: [
          {"id": "nom", "type": "text", "label": {"fr": "Nom de l'association", "en": "Name"}, "maxLength": 120, "pattern": "^[^<>]*$"} as Question,
          {"id": "commentaire", "type": "textarea", "label": {"fr": "Commentaire \"libre\" <script>alert(1)</script>", "en": "Comment"}, "maxLength": 2000} as Question,
          {"id": "courriel", "type": "email", "label": {"fr": "Courriel de contact", "en": "Contact e-mail"}} as Question,
          {"id": "commune_siege", "type": "commune", "label": {"fr": "Commune du siège", "en": "Municipality of the head office"}} as Question,
          {"id": "satisfaction", "type": "scale", "label": {"fr": "Satisfaction", "en": "Satisfaction"}, "choices": [{"code": "pas", "label": {"fr": "Pas du tout", "en": "Not at all"}}, {"code": "peu", "label": {"fr": "Peu", "en": "A little"}}, {"code": "assez", "label": {"fr": "Assez", "en": "Fairly"}}, {"code": "tres", "label": {"fr": "Très", "en": "Very"}}]} as Question,
          {"id": "difficultes", "type": "matrix", "label": {"fr": "Difficultés rencontrées", "en": "Difficulties"}, "visibleWhen": {"or": [{">": [{"var": "nb_salaries"}, 5]}, {"!": {"var": "employeur"}}]}, "rows": [{"code": "benevoles", "label": {"fr": "Trouver des bénévoles", "en": "Finding volunteers"}}, {"code": "locaux", "label": {"fr": "Locaux", "en": "Premises"}}], "choices": [{"code": "aucune", "label": {"fr": "Aucune", "en": "None"}}, {"code": "forte", "label": {"fr": "Forte", "en": "Strong"}}]} as Question,
          { question: {"id": "rennes.locaux_quartier", "type": "single", "label": {"fr": "Disposez-vous de locaux dans votre quartier ?", "en": "Premises in your district?"}, "visibleWhen": {"and": [{"in": [{"var": "secteur"}, ["sport", "culture"]]}, {"missing": ["courriel"]}]}, "choices": [{"code": "oui", "label": {"fr": "Oui", "en": "Yes"}}, {"code": "non", "label": {"fr": "Non", "en": "No"}}]} as Question, from: RENNES_EXTENSION, pointer: "/insert/0/items/0" },
          { question: {"id": "rennes.quartier", "type": "text", "label": {"fr": "Quartier", "en": "District"}, "visibleWhen": {"==": [{"var": "rennes.locaux_quartier"}, "oui"]}} as Question, from: RENNES_EXTENSION, pointer: "/insert/0/items/1" },
        ],
      },
    ],
    checks: [{"id": "salaries_vs_creation", "when": {"and": [{">": [{"var": "annee_creation"}, 2025]}, {">": [{"var": "nb_salaries"}, 100]}]}, "level": "warning", "message": {"fr": "Beaucoup de salariés pour une association si récente.", "en": "Many employees for such a recent association."}, "questions": ["nb_salaries"]}],
  });
}
