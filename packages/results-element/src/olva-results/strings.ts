/** Interface strings of `<olva-results>`, French first, English second. */
import type { ChartLang } from '@olva/charts';

/** What the element says. */
export interface ResultsStrings {
  loading: string;
  loaded(questions: number): string;
  /** The document could not be fetched or read; `notPublished` for a 404. */
  failed: string;
  notPublished: string;
  notResults: string;
  empty: string;
  noSource: string;
  title(territory: string, wave: string): string;
  responses(n: number): string;
  method(minCell: number): string;
  base(answered: number, asked: number | null): string;
  smallBase: string;
  withheld(minBase: number): string;
  /** A filtered question withheld so that it does not reveal a hidden count of its filter. */
  withheldFilter: string;
  multiple: string;
  showTable: string;
  tableCaption(label: string): string;
  classesCaption(label: string): string;
  answer: string;
  count: string;
  share: string;
  interval: string;
  notPublishedCell: string;
  hidden(suppressed: 'small' | 'complementary', minCell: number): string;
  row: string;
  rowBase: string;
  n: string;
  mean: string;
  q1: string;
  median: string;
  q3: string;
  unit(unit: 'value' | 'age' | 'year'): string;
  territory(level: string, code: string): string;
}

const LEVELS_FR: Record<string, string> = { commune: 'commune', epci: 'intercommunalité', departement: 'département', region: 'région', custom: 'territoire' };
const LEVELS_EN: Record<string, string> = { commune: 'municipality', epci: 'intermunicipality', departement: 'département', region: 'region', custom: 'territory' };

const fr: ResultsStrings = {
  loading: 'Chargement des résultats…',
  loaded: (n) => `Résultats chargés : ${n} question${n > 1 ? 's' : ''}.`,
  failed: 'Les résultats n’ont pas pu être chargés.',
  notPublished: 'Ces résultats ne sont pas publiés (ou ne le sont plus).',
  notResults: 'Ce fichier n’est pas un document de résultats OLVA.',
  empty: 'Aucun résultat publié pour ce territoire et cette vague.',
  noSource: 'Aucun document de résultats indiqué (attribut src).',
  title: (t, w) => `Résultats : ${t}, vague ${w}`,
  responses: (n) => `${n} réponse${n > 1 ? 's' : ''}.`,
  method: (m) => `Parts avec leur intervalle de confiance à 95 %. « < ${m} » : moins de ${m} réponses, masqué (secret statistique) ; « masqué » : masqué pour qu’un petit effectif ne se retrouve pas par différence.`,
  base: (answered, asked) => (asked === null ? `Base : ${answered} répondants.` : `Base : ${answered} répondants sur ${asked} interrogés.`),
  smallBase: 'Petite base : à lire avec prudence.',
  withheld: (m) => `Non publié : moins de ${m} répondants.`,
  withheldFilter: 'Non publié : posée sous condition, cette question révélerait un effectif masqué de sa question filtre (secret statistique).',
  multiple: 'Plusieurs réponses possibles : les parts ne s’additionnent pas à 100 %.',
  showTable: 'Tableau de données',
  tableCaption: (label) => `${label} : effectifs et parts`,
  classesCaption: (label) => `${label} : répartition par classe`,
  answer: 'Réponse',
  count: 'Effectif',
  share: 'Part',
  interval: 'Intervalle de confiance à 95 %',
  notPublishedCell: 'non publié',
  hidden: (s, m) => (s === 'small' ? `< ${m}` : 'masqué'),
  row: 'Ligne',
  rowBase: 'Répondants',
  n: 'Répondants',
  mean: 'Moyenne',
  q1: '1er quartile',
  median: 'Médiane',
  q3: '3e quartile',
  unit: (u) => (u === 'age' ? 'en années' : u === 'year' ? 'année' : ''),
  territory: (level, code) => `${LEVELS_FR[level] ?? level} ${code}`,
};

const en: ResultsStrings = {
  loading: 'Loading the results…',
  loaded: (n) => `Results loaded: ${n} question${n > 1 ? 's' : ''}.`,
  failed: 'The results could not be loaded.',
  notPublished: 'These results are not published (or no longer are).',
  notResults: 'This file is not an OLVA results document.',
  empty: 'No published results for this territory and wave.',
  noSource: 'No results document given (src attribute).',
  title: (t, w) => `Results: ${t}, wave ${w}`,
  responses: (n) => `${n} response${n > 1 ? 's' : ''}.`,
  method: (m) => `Shares with their 95% confidence interval. "< ${m}": fewer than ${m} answers, hidden (statistical confidentiality); "hidden": hidden so that a small count cannot be recomputed.`,
  base: (answered, asked) => (asked === null ? `Base: ${answered} respondents.` : `Base: ${answered} respondents of ${asked} asked.`),
  smallBase: 'Small base: read with care.',
  withheld: (m) => `Not published: fewer than ${m} respondents.`,
  withheldFilter: 'Not published: asked under a condition, this question would reveal a hidden count of its filter question (statistical confidentiality).',
  multiple: 'Several answers possible: shares do not add up to 100%.',
  showTable: 'Data table',
  tableCaption: (label) => `${label}: counts and shares`,
  classesCaption: (label) => `${label}: by class`,
  answer: 'Answer',
  count: 'Count',
  share: 'Share',
  interval: '95% confidence interval',
  notPublishedCell: 'not published',
  hidden: (s, m) => (s === 'small' ? `< ${m}` : 'hidden'),
  row: 'Row',
  rowBase: 'Respondents',
  n: 'Respondents',
  mean: 'Mean',
  q1: 'First quartile',
  median: 'Median',
  q3: 'Third quartile',
  unit: (u) => (u === 'age' ? 'in years' : u === 'year' ? 'year' : ''),
  territory: (level, code) => `${LEVELS_EN[level] ?? level} ${code}`,
};

/** The strings of a language. */
export function resultsStrings(lang: ChartLang): ResultsStrings {
  return lang === 'en' ? en : fr;
}
