/**
 * Interface strings of the elements, in French and English: the runtime's `uiMessages(locale)`
 * plus the few that only the elements need (format hints, data entry, kiosk, configuration
 * errors meant for the page's developer).
 */
import { counted, plural } from '@olva/schema';
import { enNumber, frNumber, localNumber, type Locale } from '@olva/runtime';
import { uiMessages, type UiMessages } from './ui-messages.js';

/** What the elements add to the runtime's interface strings. */
export interface ElementStrings {
  /**
   * Said of a link of definition text, which opens in a new window; null where no link may lead
   * away from the form (a kiosk: the next visitor would find another site), and links then show
   * as their words only.
   */
  newWindow: string | null;
  integerHint(min?: number, max?: number): string;
  yearHint(min?: number, max?: number): string;
  decimalHint(min?: number, max?: number): string;
  emailHint: string;
  communeHint: string;
  /** The commune field's hint when the collector's search can be used. */
  communeSearchHint: string;
  /** Said (live region) when a commune search answers. */
  communeResults(count: number): string;
  /** Shown when the 5 digits typed are a postcode, not a commune code. */
  communePostcode(postcode: string): string;
  /** Shown when the commune search cannot be reached. */
  communeOffline: string;
  /** Name of the list of communes found. */
  communeList: string;
  maxLengthHint(max: number): string;
  selectCount(min?: number, max?: number): string;
  scaleHint(points: number): string;
  severalCodes: string;
  /** A colon as the language writes it after a word: " :" in French, ":" in English. */
  colon: string;
  /** Said when ticking an exclusive choice ("none") unticked `count` others. */
  exclusiveUnticked(choice: string, count: number): string;
  /** Said when ticking a choice unticked the exclusive one. */
  exclusiveCleared(choice: string): string;
  /** The file at `src` is not a compiled questionnaire. */
  format: string;
  /** The page's Content-Security-Policy blocked the questionnaire's request. */
  policy: string;
  missingTerritory: string;
  missingWave: string;
  badTerritory: string;
  sendFailed: string;
  /** Said in the live region when a response is queued on the device. */
  queuedLive: string;
  /** Said when a queued response has finally been delivered. */
  deliveredLater: string;
  warningsHelp: string;
  kioskReset(seconds: number): string;
  /** Kiosk: the button of a form left alone that keeps it (any touch or key does too). */
  kioskStay: string;
  paperTitle: string;
  paperHelp: string;
  /** Paper and phone entry: the mark of a required question the respondent left blank. */
  leftBlank: string;
  /** Data entry: after the error of an empty box, how to mark the question left blank. */
  paperBlankHint: string;
  paperSave: string;
  paperSaved(count: number, submissionId: string): string;
  paperCount(count: number): string;
}

/** Every interface string the elements show. */
export type Strings = UiMessages & ElementStrings;

function range(locale: Locale, min?: number, max?: number, grouping = true): string {
  const f = grouping ? (n: number) => localNumber(n, locale) : String;
  if (locale === 'fr') {
    if (min !== undefined && max !== undefined) return ` entre ${f(min)} et ${f(max)}`;
    if (min !== undefined) return `, ${f(min)} au minimum`;
    if (max !== undefined) return `, ${f(max)} au maximum`;
    return '';
  }
  if (min !== undefined && max !== undefined) return ` between ${f(min)} and ${f(max)}`;
  if (min !== undefined) return `, at least ${f(min)}`;
  if (max !== undefined) return `, at most ${f(max)}`;
  return '';
}

const fr: ElementStrings = {
  newWindow: 'nouvelle fenêtre',
  integerHint: (min, max) => `Nombre entier${range('fr', min, max)}, en chiffres.`,
  yearHint: (min, max) => `Année sur 4 chiffres${range('fr', min, max, false)}, par exemple 2015.`,
  decimalHint: (min, max) => `Nombre${range('fr', min, max)} ; décimales après une virgule, par exemple 12,5.`,
  emailHint: 'Format attendu : nom@exemple.fr',
  communeHint: 'Code INSEE de la commune, 5 caractères, par exemple 35238 pour Rennes (ce n’est pas le code postal).',
  communeSearchHint: 'Tapez le nom ou le code postal, puis choisissez la commune dans la liste (ou tapez son code INSEE, par exemple 35238 pour Rennes).',
  communeResults: (count) => (count === 0
    ? 'Aucune commune trouvée.'
    : `${count} commune${count > 1 ? 's' : ''} trouvée${count > 1 ? 's' : ''} : flèche bas pour parcourir, Entrée pour choisir.`),
  communePostcode: (postcode) => `${postcode} est un code postal : choisissez la commune.`,
  communeOffline: 'Recherche des communes indisponible : tapez le code INSEE de la commune (5 caractères, par exemple 35238 pour Rennes) ; un code postal n’est pas un code de commune.',
  communeList: 'Communes trouvées',
  maxLengthHint: (max) => `${frNumber(max)} caractères au maximum.`,
  selectCount: (min, max) =>
    min !== undefined && max !== undefined
      ? (min === max ? `Cochez ${counted('fr', min, 'réponse', 'réponses')}.` : `Cochez de ${min} à ${max} réponses.`)
      : min !== undefined ? `Cochez au moins ${counted('fr', min, 'réponse', 'réponses')}.`
        : `Cochez au plus ${max} ${plural('fr', max ?? 0, 'réponse', 'réponses')}.`,
  scaleHint: (points) => `Échelle de 1 à ${points}.`,
  severalCodes: 'Plusieurs codes possibles, séparés par des espaces.',
  colon: ' :',
  exclusiveUnticked: (choice, n) => `« ${choice} » a décoché ${counted('fr', n, 'autre réponse', 'autres réponses')}.`,
  exclusiveCleared: (choice) => `« ${choice} » a été décoché.`,
  format: 'Le fichier indiqué n’est pas un questionnaire OLVA compilé.',
  policy: 'La politique de sécurité de cette page (connect-src) bloque le questionnaire.',
  missingTerritory: 'Territoire non renseigné : ajoutez l’attribut territory (par exemple territory="commune:35238").',
  missingWave: 'Millésime non renseigné : ajoutez l’attribut wave (par exemple wave="2026").',
  badTerritory: 'Territoire illisible : l’attribut territory s’écrit « niveau:code », par exemple commune:35238.',
  sendFailed: 'Vos réponses n’ont pas pu être enregistrées sur cet appareil ni envoyées. Réessayez.',
  queuedLive: 'Votre réponse est enregistrée sur cet appareil et sera envoyée dès le retour du réseau.',
  deliveredLater: 'Votre réponse en attente a été envoyée.',
  warningsHelp: 'Vérifiez ces réponses. Si elles sont exactes, confirmez-les pour continuer.',
  kioskReset: (s) => `Le questionnaire recommence dans ${counted('fr', s, 'seconde', 'secondes')}.`,
  kioskStay: 'Je continue',
  paperTitle: 'Saisie des questionnaires papier',
  paperHelp: 'Tapez le numéro ou le code de la réponse, puis Entrée pour passer à la question suivante. * dans la case d’une question obligatoire la marque « laissée vide ». Ctrl+Entrée enregistre le questionnaire.',
  leftBlank: 'Laissée vide',
  paperBlankHint: 'Laissée vide sur le papier ? Tapez *.',
  paperSave: 'Enregistrer ce questionnaire',
  paperSaved: (n, id) => `Questionnaire n° ${n} enregistré (${id}). Le formulaire est vide pour le suivant.`,
  paperCount: (n) => counted('fr', n, 'questionnaire saisi', 'questionnaires saisis'),
};

const en: ElementStrings = {
  newWindow: 'opens in a new window',
  integerHint: (min, max) => `A whole number${range('en', min, max)}, in digits.`,
  yearHint: (min, max) => `A year in 4 digits${range('en', min, max, false)}, for example 2015.`,
  decimalHint: (min, max) => `A number${range('en', min, max)}; decimals after a point, for example 12.5.`,
  emailHint: 'Expected format: name@example.org',
  communeHint: 'INSEE code of the commune, 5 characters, for example 35238 for Rennes (not the postcode).',
  communeSearchHint: 'Type the name or the postcode, then pick the commune from the list (or type its INSEE code, for example 35238 for Rennes).',
  communeResults: (count) => (count === 0
    ? 'No commune found.'
    : `${count} commune${count > 1 ? 's' : ''} found: down arrow to browse, Enter to pick.`),
  communePostcode: (postcode) => `${postcode} is a postcode: pick the commune.`,
  communeOffline: 'Commune search unavailable: type the INSEE code of the commune (5 characters, for example 35238 for Rennes); a postcode is not a commune code.',
  communeList: 'Communes found',
  maxLengthHint: (max) => `At most ${enNumber(max)} characters.`,
  selectCount: (min, max) =>
    min !== undefined && max !== undefined
      ? (min === max ? `Tick ${counted('en', min, 'answer', 'answers')}.` : `Tick ${min} to ${max} answers.`)
      : min !== undefined ? `Tick at least ${counted('en', min, 'answer', 'answers')}.`
        : `Tick at most ${max} ${plural('en', max ?? 0, 'answer', 'answers')}.`,
  scaleHint: (points) => `Scale from 1 to ${points}.`,
  severalCodes: 'Several codes allowed, separated by spaces.',
  colon: ':',
  exclusiveUnticked: (choice, n) => `“${choice}” unticked ${n} other ${plural('en', n, 'answer', 'answers')}.`,
  exclusiveCleared: (choice) => `“${choice}” was unticked.`,
  format: 'The file given is not a compiled OLVA questionnaire.',
  policy: 'This page’s security policy (connect-src) blocks the questionnaire.',
  missingTerritory: 'No territory: add the territory attribute (for example territory="commune:35238").',
  missingWave: 'No wave: add the wave attribute (for example wave="2026").',
  badTerritory: 'Unreadable territory: the territory attribute reads "level:code", for example commune:35238.',
  sendFailed: 'Your answers could neither be saved on this device nor sent. Please try again.',
  queuedLive: 'Your response is saved on this device and will be sent as soon as the network is back.',
  deliveredLater: 'Your pending response has been sent.',
  warningsHelp: 'Check these answers. If they are right, confirm them to go on.',
  kioskReset: (s) => `The questionnaire starts again in ${counted('en', s, 'second', 'seconds')}.`,
  kioskStay: 'I am still here',
  paperTitle: 'Paper questionnaire data entry',
  paperHelp: 'Type the number or the code of the answer, then Enter to go to the next question. * in the box of a required question marks it "left blank". Ctrl+Enter saves the questionnaire.',
  leftBlank: 'Left blank',
  paperBlankHint: 'Left blank on paper? Type *.',
  paperSave: 'Save this questionnaire',
  paperSaved: (n, id) => `Questionnaire no. ${n} saved (${id}). The form is empty for the next one.`,
  paperCount: (n) => counted('en', n, 'questionnaire entered', 'questionnaires entered'),
};

const cache = new Map<string, Strings>();

/**
 * The interface strings of a language: the runtime's, plus the elements' own. A kiosk's have no
 * link out of the form (`newWindow` null). One object per language and kind, so that a question
 * drawn with it is not drawn again for a new one.
 */
export function stringsFor(locale: Locale, kiosk = false): Strings {
  const key = kiosk ? `${locale}|kiosk` : locale;
  let strings = cache.get(key);
  if (!strings) {
    strings = { ...uiMessages(locale), ...(locale === 'en' ? en : fr), ...(kiosk ? { newWindow: null } : {}) };
    cache.set(key, strings);
  }
  return strings;
}
