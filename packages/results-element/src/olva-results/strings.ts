/** Interface strings of `<olva-results>`, French first, English second. */
import { NETWORK_NAME, type ComparisonGap } from '@olva/analysis';
import { counted } from '@olva/schema';
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
  /** A question withheld although its base is large enough: its figures would reveal a hidden count. */
  withheldSecret: string;
  multiple: string;
  showTable: string;
  tableCaption(label: string): string;
  classesCaption(label: string): string;
  answer: string;
  count: string;
  share: string;
  interval: string;
  notPublishedCell: string;
  row: string;
  rowBase: string;
  n: string;
  mean: string;
  q1: string;
  median: string;
  q3: string;
  unit(unit: 'value' | 'age' | 'year'): string;
  territory(level: string, code: string): string;
  /** The comparisons: the previous wave's name, the network's, the national references'. */
  wave(wave: string): string;
  network: string;
  national: string;
  /** Where the previous wave's figures come from, harmonised by the core's crosswalk or not. */
  sameTerritory: string;
  harmonised: string;
  pooled(others: number, wave: string): string;
  /** The year a national figure measures. */
  dataYear(year: number): string;
  /** Between the territory's share and the other one. */
  versus: string;
  notable: string;
  notNotable: string;
  noVerdict(minBase: number): string;
  /** A comparison with no line worth saying beside the chart. */
  noNotable: string;
  /** Why a line is not compared (the document's `missing`). */
  gaps: Record<ComparisonGap, string>;
  compareCaption(label: string): string;
  here: string;
  other: string;
  difference: string;
  /** How a difference is called notable (the document's `rules.comparison`). */
  compareMethod(minBase: number, alpha: string): string;
  noPrevious(wave: string): string;
}

// The network (`network:all`, every territory pooled) has one code: its level's name is its own.
const LEVELS_FR: Record<string, string> = { commune: 'commune', epci: 'intercommunalité', departement: 'département', region: 'région', custom: 'territoire', network: NETWORK_NAME.fr };
const LEVELS_EN: Record<string, string> = { commune: 'municipality', epci: 'intermunicipality', departement: 'département', region: 'region', custom: 'territory', network: NETWORK_NAME.en };

/** A territory without a name in the document: its level and code (« commune 35238 »), or the network's name. */
const place = (levels: Record<string, string>) => (level: string, code: string) => (level === 'network' ? levels[level]! : `${levels[level] ?? level} ${code}`);

const fr: ResultsStrings = {
  loading: 'Chargement des résultats…',
  loaded: (n) => `Résultats chargés : ${counted('fr', n, 'question', 'questions')}.`,
  failed: 'Les résultats n’ont pas pu être chargés.',
  notPublished: 'Ces résultats ne sont pas publiés (ou ne le sont plus).',
  notResults: 'Ce fichier n’est pas un document de résultats OLVA.',
  empty: 'Aucun résultat publié pour ce territoire et cette vague.',
  noSource: 'Aucun document de résultats indiqué (attribut src).',
  title: (t, w) => `Résultats : ${t}, vague ${w}`,
  responses: (n) => `${counted('fr', n, 'réponse', 'réponses')}.`,
  method: (m) => `Parts avec leur intervalle de confiance à 95 %. « < ${m} » : de 1 à ${m - 1} réponses, non montré (secret statistique) ; « masqué » : masqué pour qu’un petit effectif ne se retrouve pas par différence.`,
  base: (answered, asked) => `Base : ${answered} répondants${asked === null || asked === answered ? '' : ` sur les ${asked} à qui elle a été posée`}.`,
  smallBase: 'Petite base : à lire avec prudence.',
  withheld: (m) => `Non publié : moins de ${m} répondants.`,
  withheldFilter: 'Non publié : posée sous condition, cette question révélerait un effectif masqué de sa question filtre (secret statistique).',
  withheldSecret: 'Non publié : ses chiffres révéleraient un effectif masqué (secret statistique).',
  multiple: 'Plusieurs réponses possibles : les parts ne s’additionnent pas à 100 %.',
  showTable: 'Tableau de données',
  tableCaption: (label) => `${label} : effectifs et parts`,
  classesCaption: (label) => `${label} : répartition par classe`,
  answer: 'Réponse',
  count: 'Effectif',
  share: 'Part',
  interval: 'Intervalle de confiance à 95 %',
  notPublishedCell: 'non publié',
  row: 'Ligne',
  rowBase: 'Répondants',
  n: 'Répondants',
  mean: 'Moyenne',
  q1: '1er quartile',
  median: 'Médiane',
  q3: '3e quartile',
  unit: (u) => (u === 'age' ? 'en années' : u === 'year' ? 'année' : ''),
  territory: place(LEVELS_FR),
  wave: (w) => `Vague ${w}`,
  network: 'Réseau',
  national: 'France',
  sameTerritory: 'même territoire',
  harmonised: 'même territoire, catégories harmonisées entre versions du tronc commun',
  pooled: (n, w) => `les ${n ? `${n} ` : ''}autres territoires de la vague ${w} qui la publient, regroupés`,
  dataYear: (y) => `données ${y}`,
  versus: 'ici contre',
  notable: 'écart notable',
  notNotable: 'pas d’écart notable',
  noVerdict: (m) => `sans verdict (base de moins de ${m})`,
  noNotable: 'aucun écart notable',
  gaps: {
    hidden: 'masqué (secret statistique)',
    withheld: 'non publié : trop peu de répondants',
    'not-asked': 'question non posée ici',
    'too-few-territories': 'moins de 3 autres territoires la publient',
    'no-question': 'aucune question ne le mesure',
    'not-in-previous': 'absent de la vague précédente',
    'not-in-current': 'absent de cette vague',
    'type-changed': 'question modifiée entre les versions',
    'not-comparable': 'non comparable',
  },
  compareCaption: (label) => `${label} : comparaisons`,
  here: 'Ici',
  other: 'Comparaison',
  difference: 'Écart',
  compareMethod: (m, a) => `Écart notable : bases d’au moins ${m} réponses et test significatif au seuil de ${a}.`,
  noPrevious: (w) => `Pas de résultats de ce territoire à la vague ${w}.`,
};

const en: ResultsStrings = {
  loading: 'Loading the results…',
  loaded: (n) => `Results loaded: ${counted('en', n, 'question', 'questions')}.`,
  failed: 'The results could not be loaded.',
  notPublished: 'These results are not published (or no longer are).',
  notResults: 'This file is not an OLVA results document.',
  empty: 'No published results for this territory and wave.',
  noSource: 'No results document given (src attribute).',
  title: (t, w) => `Results: ${t}, wave ${w}`,
  responses: (n) => `${counted('en', n, 'response', 'responses')}.`,
  method: (m) => `Shares with their 95% confidence interval. "< ${m}": 1 to ${m - 1} answers, not shown (statistical confidentiality); "hidden": hidden so that a small count cannot be recomputed.`,
  base: (answered, asked) => `Base: ${answered} respondents${asked === null || asked === answered ? '' : ` of the ${asked} it was put to`}.`,
  smallBase: 'Small base: read with care.',
  withheld: (m) => `Not published: fewer than ${m} respondents.`,
  withheldFilter: 'Not published: asked under a condition, this question would reveal a hidden count of its filter question (statistical confidentiality).',
  withheldSecret: 'Not published: its figures would reveal a hidden count (statistical confidentiality).',
  multiple: 'Several answers possible: shares do not add up to 100%.',
  showTable: 'Data table',
  tableCaption: (label) => `${label}: counts and shares`,
  classesCaption: (label) => `${label}: by class`,
  answer: 'Answer',
  count: 'Count',
  share: 'Share',
  interval: '95% confidence interval',
  notPublishedCell: 'not published',
  row: 'Row',
  rowBase: 'Respondents',
  n: 'Respondents',
  mean: 'Mean',
  q1: 'First quartile',
  median: 'Median',
  q3: 'Third quartile',
  unit: (u) => (u === 'age' ? 'in years' : u === 'year' ? 'year' : ''),
  territory: place(LEVELS_EN),
  wave: (w) => `Wave ${w}`,
  network: 'Network',
  national: 'France',
  sameTerritory: 'same territory',
  harmonised: 'same territory, categories harmonised between core versions',
  pooled: (n, w) => `the ${n ? `${n} ` : ''}other territories of wave ${w} that publish it, pooled`,
  dataYear: (y) => `${y} data`,
  versus: 'here vs',
  notable: 'notable difference',
  notNotable: 'no notable difference',
  noVerdict: (m) => `no verdict (base under ${m})`,
  noNotable: 'no notable difference',
  gaps: {
    hidden: 'hidden (statistical confidentiality)',
    withheld: 'not published: too few respondents',
    'not-asked': 'question not asked here',
    'too-few-territories': 'fewer than 3 other territories publish it',
    'no-question': 'no question measures it',
    'not-in-previous': 'absent from the previous wave',
    'not-in-current': 'absent from this wave',
    'type-changed': 'question changed between versions',
    'not-comparable': 'not comparable',
  },
  compareCaption: (label) => `${label}: comparisons`,
  here: 'Here',
  other: 'Comparison',
  difference: 'Difference',
  compareMethod: (m, a) => `Notable difference: bases of ${m} answers or more and a test significant at ${a}.`,
  noPrevious: (w) => `No results of this territory in wave ${w}.`,
};

/** The strings of a language. */
export function resultsStrings(lang: ChartLang): ResultsStrings {
  return lang === 'en' ? en : fr;
}
