/**
 * Every interface string of the web components, in French and English, so that the elements
 * hard-code none. Texts of the questionnaire itself come from the compiled definition. Here,
 * not in the DOM-free runtime: only the elements show them (the collector's validation
 * messages are the runtime's own).
 */
import { plural } from '@olva/schema';
import { enNumber as enNum, frNumber as frNum, localeTag, type Locale } from '@olva/runtime';

/** The interface strings of one language. */
export interface UiMessages {
  /** Language code, for `lang` attributes. */
  lang: Locale;
  next: string;
  previous: string;
  /** Button that goes to the summary page before sending. */
  review: string;
  /** Title of the summary page. */
  reviewTitle: string;
  /** Link on the summary page back to a section. */
  edit: string;
  /** Shown in the summary for a question left blank. */
  notAnswered: string;
  send: string;
  sending: string;
  /** Title once the collector has the response. */
  sentTitle: string;
  /** Receipt text: the reference to quote. */
  sentReceipt: (submissionId: string) => string;
  /** Title when the response waits on the device. */
  queuedTitle: string;
  /** Explanation when offline or the server is busy. */
  queuedOffline: string;
  /** The collector refused the response. */
  rejectedTitle: string;
  rejectedText: string;
  /** Marker appended to the label of a required question. */
  requiredMarker: string;
  /** Sentence at the top of the form explaining the marker. */
  requiredLegend: string;
  /** Title of the error summary: "1 erreur empêche…", "3 erreurs empêchent…". */
  errorSummaryTitle: (count: number) => string;
  /** Prefix of an error message read by screen readers. */
  errorPrefix: string;
  /** Title of the list of warnings to confirm. */
  warningsTitle: (count: number) => string;
  /** Checkbox or button that confirms the warnings. */
  confirmWarnings: string;
  /** "Étape 2 sur 5 : Profil". */
  step: (current: number, total: number, title?: string) => string;
  /** Resume later. */
  resumeLater: string;
  draftSaved: string;
  draftNotSaved: string;
  /** Offer to resume a draft found on the device. */
  draftFound: (savedAt: Date) => string;
  resumeDraft: string;
  discardDraft: string;
  yes: string;
  no: string;
  /** Loading the questionnaire. */
  loading: string;
  /** The questionnaire could not be loaded. */
  loadError: string;
  /** "N réponses en attente d'envoi". */
  pendingCount: (n: number) => string;
  /** Start a new response (kiosk). */
  newResponse: string;
}

/** A date in words in the language's way: "7 décembre 2026", "7 December 2026". */
export const longDate = (d: Date, locale: Locale): string =>
  d.toLocaleDateString(localeTag(locale), { day: 'numeric', month: 'long', year: 'numeric' });

const fr: UiMessages = {
  lang: 'fr',
  next: 'Suivant',
  previous: 'Précédent',
  review: 'Vérifier mes réponses',
  reviewTitle: 'Vérifiez vos réponses avant l’envoi',
  edit: 'Modifier',
  notAnswered: 'Sans réponse',
  send: 'Envoyer mes réponses',
  sending: 'Envoi en cours…',
  sentTitle: 'Merci, vos réponses ont bien été reçues.',
  sentReceipt: (id) => `Numéro de réception : ${id}. Notez-le si vous souhaitez faire supprimer vos réponses plus tard.`,
  queuedTitle: 'Vos réponses sont enregistrées sur cet appareil.',
  queuedOffline: 'La connexion est indisponible pour le moment. Elles seront envoyées automatiquement dès son retour, même si vous fermez cette page et revenez plus tard.',
  rejectedTitle: 'Vos réponses n’ont pas pu être acceptées.',
  rejectedText: 'Le serveur de collecte les a refusées. Vérifiez vos réponses ou contactez l’organisateur de l’enquête.',
  requiredMarker: 'obligatoire',
  requiredLegend: 'Les questions marquées « obligatoire » doivent être remplies.',
  errorSummaryTitle: (n) => `${frNum(n)} ${plural('fr', n, 'erreur empêche', 'erreurs empêchent')} de continuer`,
  errorPrefix: 'Erreur :',
  warningsTitle: (n) => `${plural('fr', n, 'Une réponse semble', `${frNum(n)} réponses semblent`)} incohérente${plural('fr', n, '', 's')}`,
  confirmWarnings: 'Je confirme mes réponses',
  step: (c, t, title) => `Étape ${frNum(c)} sur ${frNum(t)}${title ? ` : ${title}` : ''}`,
  resumeLater: 'Reprendre plus tard',
  draftSaved: 'Vos réponses sont gardées sur cet appareil. Vous pourrez reprendre en revenant sur cette page.',
  draftNotSaved: 'Cet appareil ne permet pas de garder vos réponses (navigation privée ou stockage plein).',
  draftFound: (d) => `Vous avez commencé ce questionnaire le ${longDate(d, 'fr')}.`,
  resumeDraft: 'Reprendre où j’en étais',
  discardDraft: 'Recommencer',
  yes: 'Oui',
  no: 'Non',
  loading: 'Chargement du questionnaire…',
  loadError: 'Le questionnaire n’a pas pu être chargé. Réessayez plus tard.',
  pendingCount: (n) => `${frNum(n)} ${plural('fr', n, 'réponse en attente', 'réponses en attente')} d’envoi`,
  newResponse: 'Nouvelle réponse',
};

const en: UiMessages = {
  lang: 'en',
  next: 'Next',
  previous: 'Previous',
  review: 'Review my answers',
  reviewTitle: 'Check your answers before sending',
  edit: 'Change',
  notAnswered: 'Not answered',
  send: 'Send my answers',
  sending: 'Sending…',
  sentTitle: 'Thank you, your answers have been received.',
  sentReceipt: (id) => `Receipt number: ${id}. Keep it if you may want your answers deleted later.`,
  queuedTitle: 'Your answers are saved on this device.',
  queuedOffline: 'The connection is unavailable for now. They will be sent automatically when it is back, even if you close this page and come back later.',
  rejectedTitle: 'Your answers could not be accepted.',
  rejectedText: 'The collection server refused them. Check your answers or contact the organiser of the survey.',
  requiredMarker: 'required',
  requiredLegend: 'Questions marked “required” must be answered.',
  errorSummaryTitle: (n) => `${enNum(n)} ${plural('en', n, 'error prevents', 'errors prevent')} you from continuing`,
  errorPrefix: 'Error:',
  warningsTitle: (n) => `${plural('en', n, 'One answer seems', `${enNum(n)} answers seem`)} inconsistent`,
  confirmWarnings: 'I confirm my answers',
  step: (c, t, title) => `Step ${enNum(c)} of ${enNum(t)}${title ? `: ${title}` : ''}`,
  resumeLater: 'Resume later',
  draftSaved: 'Your answers are kept on this device. Come back to this page to resume.',
  draftNotSaved: 'This device cannot keep your answers (private browsing or storage full).',
  draftFound: (d) => `You started this questionnaire on ${longDate(d, 'en')}.`,
  resumeDraft: 'Resume where I left off',
  discardDraft: 'Start again',
  yes: 'Yes',
  no: 'No',
  loading: 'Loading the questionnaire…',
  loadError: 'The questionnaire could not be loaded. Please try again later.',
  pendingCount: (n) => `${enNum(n)} ${plural('en', n, 'response', 'responses')} waiting to be sent`,
  newResponse: 'New response',
};

/** The interface strings of a language; French for anything but `en`. */
export function uiMessages(locale: Locale | string): UiMessages {
  return locale === 'en' ? en : fr;
}
