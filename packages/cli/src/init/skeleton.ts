/**
 * The skeleton `olva init extension` writes: a valid territorial extension that shows, once
 * each, the patterns a territorial developer needs first (a question inserted at an extension
 * point, a condition, "other, please specify", a matrix, a warning check). Pure: the command
 * finds the territory, the core and the schema path; this only lays them out.
 */
import type { TerritorialExtension } from '@olva/schema';

/** What the skeleton is made of. */
export interface SkeletonInput {
  /** Path (relative to the written file) or URI of the bundled extension schema, for editors. */
  schema: string;
  /** The extension's id, e.g. "clunisois-2026". */
  id: string;
  /** Prefix of every id of the extension, e.g. "clunisois". */
  namespace: string;
  /** The territory, with its official code and name. */
  territory: { level: 'commune' | 'epci' | 'departement' | 'region'; code: string; name: string };
  /** The core it extends: its id and the semver range, e.g. "^2026.2.0". */
  core: { id: string; range: string };
  /** A declared extension point of the core, e.g. "profil.fin". */
  extensionPoint: string;
}

const t = (fr: string, en: string) => ({ fr, en });

/**
 * How the questions name the territory, by level. An official name carries no article ("CC du
 * Clunisois", "Ille-et-Vilaine", "Le Mans"), so "un soutien de CC du Clunisois" would be wrong
 * French: the level's noun takes the article and the name follows it, whole, in brackets.
 */
function territoryPhrases(level: SkeletonInput['territory']['level'], name: string): { of: { fr: string; en: string }; within: { fr: string; en: string } } {
  switch (level) {
    case 'commune':
      // « la commune de Le Mans » is the administrative usage, article kept.
      return { of: t(`de la commune de ${name}`, `the municipality of ${name}`), within: t(`dans la commune de ${name}`, `in the municipality of ${name}`) };
    case 'epci':
      return { of: t(`de votre intercommunalité (${name})`, `your inter-municipal authority (${name})`), within: t(`sur le territoire de votre intercommunalité (${name})`, `in the area of your inter-municipal authority (${name})`) };
    case 'departement':
      return { of: t(`du département (${name})`, `the département (${name})`), within: t(`dans le département (${name})`, `in the département (${name})`) };
    case 'region':
      return { of: t(`de la région (${name})`, `the region (${name})`), within: t(`dans la région (${name})`, `in the region (${name})`) };
  }
}

/** The skeleton, keys in the order a reader expects ($schema first). */
export function extensionSkeleton(input: SkeletonInput): TerritorialExtension & { $schema: string } {
  const ns = input.namespace;
  const name = input.territory.name;
  const { of, within } = territoryPhrases(input.territory.level, name);
  const yes = (id: string) => ({ '==': [{ var: `${ns}.${id}` }, true] });
  return {
    $schema: input.schema,
    id: input.id,
    version: '1.0.0',
    extends: { id: input.core.id, version: input.core.range },
    namespace: ns,
    territory: { ...input.territory },
    title: t(`Observation de la vie associative : ${name}`, `Survey of associative life: ${name}`),
    description: t(
      `Le questionnaire commun du réseau, complété par des questions propres au territoire : ${name}.`,
      `The network’s common questionnaire, with questions of its own for ${name}.`,
    ),
    // Pattern 1: a question inserted inside a core section, at a point the core declares.
    insert: [{
      at: input.extensionPoint,
      items: [{
        id: `${ns}.soutien_territoire`,
        type: 'boolean',
        label: t(`Au cours des trois dernières années, avez-vous reçu un soutien ${of.fr} ?`, `Over the last three years, have you received support from ${of.en}?`),
      }],
    }],
    // Whole sections of the territory come after the core's.
    sections: [{
      id: `${ns}.territoire`,
      title: t(`Votre association ${within.fr}`, `Your association ${within.en}`),
      items: [
        // Pattern 2: "other, please specify" (its text travels as <id>_other).
        {
          id: `${ns}.lieu_activite`,
          type: 'single',
          label: t('Où votre association mène-t-elle principalement ses activités ?', 'Where does your association mainly carry out its activities?'),
          choices: [
            { code: 'salle_municipale', label: t('Dans une salle municipale', 'In a municipal hall') },
            { code: 'locaux_propres', label: t('Dans ses propres locaux', 'In its own premises') },
            { code: 'espace_public', label: t('Dans l’espace public', 'In public spaces') },
          ],
          other: { label: t('Autre lieu, précisez', 'Other place, please specify') },
        },
        // Pattern 3: a matrix (one answer per row), shown only on a condition (pattern 4).
        {
          id: `${ns}.satisfaction_soutien`,
          type: 'matrix',
          label: t(`Êtes-vous satisfait du soutien ${of.fr} ?`, `Are you satisfied with the support of ${of.en}?`),
          visibleWhen: yes('soutien_territoire'),
          rows: [
            { code: 'subvention', label: t('Subventions', 'Grants') },
            { code: 'locaux', label: t('Mise à disposition de locaux', 'Premises made available') },
            { code: 'communication', label: t('Relais de communication', 'Help with publicity') },
          ],
          choices: [
            { code: 'satisfait', label: t('Satisfait', 'Satisfied') },
            { code: 'peu_satisfait', label: t('Peu satisfait', 'Not very satisfied') },
            { code: 'non_concerne', label: t('Non concerné', 'Not applicable') },
          ],
        },
        {
          id: `${ns}.nb_evenements`,
          type: 'integer',
          label: t('Combien d’événements ouverts au public avez-vous organisés l’an dernier ?', 'How many events open to the public did you organise last year?'),
          min: 0,
        },
      ],
    }],
    // Pattern 5: a coherence check; an extension may only warn (the respondent confirms).
    checks: [{
      id: `${ns}.beaucoup_evenements`,
      level: 'warning',
      when: { '>': [{ var: `${ns}.nb_evenements` }, 100] },
      message: t('Plus de 100 événements en un an : pouvez-vous vérifier ce nombre ?', 'More than 100 events in one year: could you check this number?'),
      questions: [`${ns}.nb_evenements`],
    }],
  };
}

const GENERIC_WORDS = new Set(['cc', 'ca', 'cu', 'communaute', 'communes', 'commune', 'agglomeration', 'urbaine', 'du', 'de', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'sur']);

/**
 * A namespace from a territory's name: lower case ASCII, generic words of EPCI names dropped
 * ("CC du Clunisois" → "clunisois", "CA Lorient Agglomération" → "lorient"), at most 32
 * characters; `fallback` when nothing is left.
 */
export function namespaceFromName(name: string, fallback: string): string {
  const words = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !GENERIC_WORDS.has(w));
  let ns = words.join('_').slice(0, 32).replace(/_+$/, '');
  if (!/^[a-z]/.test(ns)) ns = '';
  return ns || fallback;
}
