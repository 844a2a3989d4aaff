/**
 * Interface strings of the survey's page flow that `strings.ts` does not hold: returning to the
 * review, what became of a response left in the outbox, a collector that does not answer,
 * the kiosk's paused countdown, confirming warnings from the keyboard in data entry.
 */
import { localeTag, type Locale } from '@olva/runtime';
import { longDate } from '../ui-messages.js';

/** The page flow's strings in one language. */
export interface FlowStrings {
  /** Button on a page opened by "Modifier" from the review. */
  backToReview: string;
  /** On load: a response of this questionnaire still waits in the outbox. */
  outboxWaiting(queuedAt: Date): string;
  /** On load: a response that waited in the outbox has now been delivered. */
  outboxDelivered(queuedAt: Date): string;
  /** A response that waited in the outbox was refused by the collector. */
  outboxRefused(queuedAt: Date): string;
  /** Receipt title when the collector could not be reached although the device is online. */
  unreachableTitle: string;
  /** What that means, without promising delivery. */
  unreachableText: string;
  /** Kiosk: the countdown waits while the receipt is looked at. */
  kioskPaused: string;
  /** Data entry: the key that confirms the warnings shown. */
  paperConfirmHint: string;
}

/** "7 décembre 2026 à 14:05", "7 December 2026 at 14:05". */
const dateTime = (d: Date, locale: Locale, at: string) =>
  `${longDate(d, locale)} ${at} ${d.toLocaleTimeString(localeTag(locale), { hour: '2-digit', minute: '2-digit' })}`;
const frDate = (d: Date) => dateTime(d, 'fr', 'à');
const enDate = (d: Date) => dateTime(d, 'en', 'at');

const fr: FlowStrings = {
  backToReview: 'Retour au récapitulatif',
  outboxWaiting: (d) => `Votre réponse du ${frDate(d)} a été enregistrée sur cet appareil et sera envoyée dès que possible. Inutile de répondre à nouveau.`,
  outboxDelivered: (d) => `Votre réponse du ${frDate(d)} a été envoyée. Merci ! Inutile de répondre à nouveau.`,
  outboxRefused: (d) => `Votre réponse du ${frDate(d)} a été refusée par le serveur de collecte et ne sera pas envoyée. Contactez l’organisateur de l’enquête.`,
  unreachableTitle: 'Vos réponses n’ont pas pu être envoyées.',
  unreachableText: 'Le serveur de collecte ne répond pas ou n’accepte pas cette page. Vos réponses restent enregistrées sur cet appareil et un nouvel essai sera fait, sans garantie : si ce message revient, signalez-le à l’organisateur de l’enquête en lui donnant le numéro ci-dessous.',
  kioskPaused: 'Compte à rebours suspendu : le questionnaire recommencera quand vous quitterez ce reçu.',
  paperConfirmHint: 'Ctrl+Entrée confirme ces réponses.',
};

const en: FlowStrings = {
  backToReview: 'Back to the review',
  outboxWaiting: (d) => `Your response of ${enDate(d)} is saved on this device and will be sent as soon as possible. No need to answer again.`,
  outboxDelivered: (d) => `Your response of ${enDate(d)} has been sent. Thank you! No need to answer again.`,
  outboxRefused: (d) => `Your response of ${enDate(d)} was refused by the collection server and will not be sent. Please contact the organiser of the survey.`,
  unreachableTitle: 'Your answers could not be sent.',
  unreachableText: 'The collection server does not answer or does not accept this page. Your answers stay saved on this device and will be tried again, with no guarantee: if this message comes back, tell the organiser of the survey, giving the number below.',
  kioskPaused: 'Countdown paused: the questionnaire starts again when you leave this receipt.',
  paperConfirmHint: 'Ctrl+Enter confirms these answers.',
};

/** The page flow's strings in `locale`. */
export function flowStrings(locale: Locale): FlowStrings {
  return locale === 'en' ? en : fr;
}
