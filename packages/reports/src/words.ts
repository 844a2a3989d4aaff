/** The words of the reports, French first; one place so both languages stay in step. */
import type { ResultsRules } from '@olva/analysis';
import type { Lang } from './i18n.js';

const W = {
  fr: {
    answer: 'Réponse', share: 'Part', interval: 'IC à 95 %', count: 'Effectif', base: 'Base',
    row: 'Ligne', mean: 'Moyenne', q1: '1er quartile', median: 'Médiane', q3: '3e quartile', n: 'Répondants',
    class: 'Classe', years: 'ans', dash: '—', notableMark: '*',
    notableNote: '* écart notable : les deux bases comptent au moins {n} répondants et le test de deux proportions est significatif à 5 %.',
    noVerdict: 'Sans astérisque, les deux chiffres sont à lire côte à côte, sans conclure à un écart.',
    comparedWith: 'Comparé à', comment: 'Commentaire', top: '{k} réponses les plus fréquentes sur {n}',
    withheld: 'Non publié : moins de {n} répondants.',
    withheldFilter: 'Non publié : posée sous condition, cette question révélerait un effectif masqué de sa question filtre (secret statistique).',
    withheldSecret: 'Non publié : ses chiffres révéleraient un effectif masqué (secret statistique).',
    small: 'Petite base (moins de {n} répondants) : à lire avec prudence.',
    notInDocument: 'Cette question n’a pas de chiffres dans ce document.',
    conditional: 'question posée sous condition', respondents: 'répondants', ofAsked: ' sur les {n} à qui elle a été posée',
    page: 'Page {k} sur {n}', generated: 'Produit par {g}',
    from: 'de {a} à {b}', under: 'moins de {b}', over: '{a} et plus',
    responses: '{n} réponses', territory: 'Territoire', wave: 'Vague',
    rulesTitle: 'Secret statistique et lecture',
    source: 'Source : Observation locale de la vie associative (OLVA), {t}, vague {w}, {n} associations répondantes.',
  },
  en: {
    answer: 'Answer', share: 'Share', interval: '95% CI', count: 'Count', base: 'Base',
    row: 'Row', mean: 'Mean', q1: 'First quartile', median: 'Median', q3: 'Third quartile', n: 'Respondents',
    class: 'Class', years: 'years', dash: '—', notableMark: '*',
    notableNote: '* notable difference: both bases have at least {n} respondents and the two-proportion test is significant at 5%.',
    noVerdict: 'Without an asterisk, the two figures stand side by side, without concluding to a difference.',
    comparedWith: 'Compared with', comment: 'Comment', top: 'the {k} most frequent answers of {n}',
    withheld: 'Not published: fewer than {n} respondents.',
    withheldFilter: 'Not published: asked under a condition, this question would reveal a hidden count of its filter question (statistical confidentiality).',
    withheldSecret: 'Not published: its figures would reveal a hidden count (statistical confidentiality).',
    small: 'Small base (fewer than {n} respondents): read with care.',
    notInDocument: 'This question has no figures in this document.',
    conditional: 'question asked under a condition', respondents: 'respondents', ofAsked: ' of the {n} it was put to',
    page: 'Page {k} of {n}', generated: 'Produced by {g}',
    from: '{a} to {b}', under: 'under {b}', over: '{a} and over',
    responses: '{n} responses', territory: 'Territory', wave: 'Wave',
    rulesTitle: 'Statistical confidentiality and reading',
    source: 'Source: local observation of associative life (OLVA), {t}, wave {w}, {n} responding associations.',
  },
} as const;

/** A word or sentence, with `{name}` placeholders filled in. */
export function say(lang: Lang, key: keyof (typeof W)['fr'], values: Record<string, string | number> = {}): string {
  return W[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** The disclosure rules and their thresholds, as sentences a report prints. */
export function rulesStatement(rules: ResultsRules, lang: Lang): string[] {
  return lang === 'en'
    ? [
      `A count of 1 to ${rules.minCell - 1} associations is shown as "< ${rules.minCell}"; another count of the same question is then hidden ("hidden") so that it cannot be recomputed from the total (INSEE's frequency rule).`,
      `A share on fewer than ${rules.smallBase} respondents is marked "small base, read with care"; under ${rules.minBase} respondents nothing is published.`,
      `Each share comes with its 95% confidence interval (Wilson), which assumes respondents drawn at random: as associations chose to answer, it does not measure how they differ from those that did not. Quartiles by linear interpolation (Hyndman & Fan 7); for a whole number (members, volunteers, ages), the median and quartiles are shown rounded to the unit, half away from zero. A difference is called notable only when both bases have at least ${rules.comparison.minBase} respondents and a two-proportion test is significant at ${Math.round(rules.comparison.alpha * 100)}%.`,
      'A question asked under a condition is not published when its number of respondents would reveal a hidden count of the question that filters it.',
      'Free-text answers and personal details (name, RNA number, e-mail) are never published.',
    ]
    : [
      `Un effectif de 1 à ${rules.minCell - 1} associations s’écrit « < ${rules.minCell} » ; un autre effectif de la même question est alors masqué (« masqué ») pour qu’il ne se retrouve pas par soustraction (règle de fréquence de l’INSEE).`,
      `Une part calculée sur moins de ${rules.smallBase} répondants porte la mention « petite base, à lire avec prudence » ; sous ${rules.minBase} répondants, rien n’est publié.`,
      `Chaque part est donnée avec son intervalle de confiance à 95 % (Wilson), qui suppose des répondants tirés au hasard : les associations ayant choisi de répondre, il ne mesure pas en quoi elles diffèrent de celles qui n’ont pas répondu. Les quartiles par interpolation linéaire (Hyndman et Fan, définition 7) ; pour un nombre entier (adhérents, bénévoles, âges), la médiane et les quartiles sont arrondis à l’unité, la demie vers le haut. Un écart n’est dit notable que si les deux bases comptent au moins ${rules.comparison.minBase} répondants et qu’un test de deux proportions est significatif à ${Math.round(rules.comparison.alpha * 100)} %.`,
      'Une question posée sous condition n’est pas publiée quand son nombre de répondants révélerait un effectif masqué de la question qui la filtre.',
      'Les réponses en texte libre et les données personnelles (nom, numéro RNA, courriel) ne sont jamais publiées.',
    ];
}
